import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { openDatabase } from './db/database';
import { createRepository } from './db/repository';
import './styles.css';

const repository = createRepository(openDatabase());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App repository={repository} />
  </StrictMode>,
);
