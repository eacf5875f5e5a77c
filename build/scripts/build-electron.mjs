// Bundles the desktop shell with esbuild: electron/main.ts → dist/electron/main.cjs and
// electron/preload.ts → dist/electron/preload.cjs (CommonJS, Node 20, 'electron' external).
// The preload runs sandboxed, where require() knows only 'electron': the build fails if its
// bundle would require anything else.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  absWorkingDir: root,
};

/** Builds both bundles into `outDir` (relative to the project, or absolute); returns their paths. */
export async function buildElectron({ outDir = 'dist/electron' } = {}) {
  const main = path.join(outDir, 'main.cjs');
  const preloadFile = path.join(outDir, 'preload.cjs');
  const [, preload] = await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: main }),
    // Minified: it is parsed on every page load, and zod's namespace does not tree-shake.
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: preloadFile, minify: true }),
  ]);
  const preloadRequires = Object.values(preload.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((entry) => entry.external && entry.path !== 'electron')
    .map((entry) => entry.path);
  if (preloadRequires.length > 0) {
    throw new Error(
      `the sandboxed preload may require only 'electron', not: ${[...new Set(preloadRequires)].join(', ')}`,
    );
  }
  return [main, preloadFile];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const outputs = await buildElectron();
    console.log(`Built ${outputs.join(' and ')}`);
  } catch (error) {
    console.error(`Electron build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
