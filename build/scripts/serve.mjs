// `npm run web` (after `vite build`), and `npm start` where Electron is not installed: serves the
// built renderer (dist/renderer) on 127.0.0.1 with Vite's preview server, prints one line with the
// address, and runs until Ctrl+C. PORT picks the port (default 5173; the next free one if taken).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts the server; resolves to it and its address once it listens. */
export async function serve({ port = Number(process.env.PORT) || 5173 } = {}) {
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/renderer/index.html is missing: run `npx vite build` (or `npm run build`) first');
  }
  const server = await preview({
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'renderer'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`Dossier is running at ${url}`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.httpServer.closeIdleConnections?.();
    server.close().finally(() => process.exit(0));
    // Keep-alive connections of an open tab would hold close() for seconds: do not wait for them.
    setTimeout(() => process.exit(0), 300).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { server, url };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  serve().catch((error) => {
    console.error(`Could not serve Dossier: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
