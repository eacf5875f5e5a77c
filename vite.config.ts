// Builds the renderer (renderer/) as a static app: loaded from file:// by Electron
// and served over http for the web build.
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './shared/security/csp.ts';
import pkg from './package.json' with { type: 'json' };

/** The strict CSP goes into the built page only: Vite's dev server needs inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'dossier-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/** pdf.js data the app ships so Chinese PDFs read offline: CMaps, standard fonts, image decoders. */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const PDFJS_ASSETS = ['cmaps', 'standard_fonts', 'wasm'];

/** Serves pdf.js's data under /pdfjs/ in development and copies it into the build. */
function pdfjsAssets(): Plugin {
  return {
    name: 'dossier-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const path = normalize(join(PDFJS_ROOT, decodeURIComponent((req.url ?? '').split('?')[0]!)));
        const allowed = PDFJS_ASSETS.some((dir) => path.startsWith(join(PDFJS_ROOT, dir) + '/'));
        if (!allowed || !existsSync(path) || !statSync(path).isFile()) return next();
        createReadStream(path).pipe(res);
      });
    },
    writeBundle(options) {
      for (const dir of PDFJS_ASSETS)
        cpSync(join(PDFJS_ROOT, dir), join(options.dir!, 'pdfjs', dir), { recursive: true });
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), pdfjsAssets()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  worker: { format: 'es' },
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
