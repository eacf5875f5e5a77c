import { useLiveQuery } from 'dexie-react-hooks';

/**
 * Re-runs a repository query whenever the data it read changes (in this window or
 * another), so screens stay current without manual refreshes.
 */
export function useLive<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(query, deps);
}
