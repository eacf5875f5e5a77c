// End-to-end: a real Chromium (or Electron where installed) driven by playwright-core
// against the built app. One file at a time: each test owns a browser profile.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
