// Lint, and the layering rules of DESIGN.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'worker_threads'];
const pattern = (group, message) => ({ group, message });

export const layerRules = {
  shared: [
    pattern(['electron', 'electron/*'], 'shared/ is plain TypeScript: no Electron.'),
    pattern(['dexie', 'dexie-*'], 'shared/ is plain TypeScript: storage lives in renderer/db.'),
    pattern(
      ['react', 'react-dom', 'react/*', 'react-dom/*', 'lexical', '@lexical/*'],
      'shared/ is plain TypeScript: no UI.',
    ),
    pattern(['pdfjs-dist', 'pdfjs-dist/*'], 'shared/ is plain TypeScript: PDF I/O lives at the edges.'),
    pattern(node, 'shared/ runs in browsers and workers too: no Node modules.'),
    pattern(['**/renderer/**', '**/electron/**'], 'shared/ imports nothing from renderer/ or electron/.'),
  ],
  renderer: [
    pattern(
      ['electron', 'electron/*'],
      'renderer/ reaches the desktop only through the bridge (shared/ipc/contract.ts).',
    ),
    pattern(node, 'renderer/ runs in a sandbox: no Node modules.'),
    pattern(['**/electron/**'], 'renderer/ never imports electron/.'),
  ],
  electron: [pattern(['**/renderer/**'], 'electron/ never imports renderer/.')],
};

const restrict = (groups) => ({ 'no-restricted-imports': ['error', { patterns: groups }] });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/artifacts/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['shared/**/*.ts'], rules: restrict(layerRules.shared) },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, ...restrict(layerRules.renderer) },
  },
  { files: ['electron/**/*.{ts,mts,mjs}'], rules: restrict(layerRules.electron) },
  {
    // Storage lives behind renderer/db: screens never call Dexie directly.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**'],
    rules: restrict([
      ...layerRules.renderer,
      pattern(['dexie', 'dexie-*'], 'Screens use the repositories of renderer/db, not Dexie tables.'),
    ]),
  },
);
