import { createContext, useContext } from 'react';
import type { Repository } from '../db/repository';

export const RepositoryContext = createContext<Repository | null>(null);

export function useRepository(): Repository {
  const repository = useContext(RepositoryContext);
  if (!repository) throw new Error('useRepository outside RepositoryContext');
  return repository;
}
