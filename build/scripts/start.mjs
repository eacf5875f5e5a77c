// `npm start`: builds what is missing or out of date (the renderer with Vite, the shell with
// esbuild), then runs the desktop app with Electron. Where the Electron runtime was never
// downloaded (offline machines, CI images), it says so in one line and serves the same renderer
// to the browser instead (build/scripts/serve.mjs). Needs no stdin.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const at = (...parts) => path.join(root, ...parts);

/** Newest modification time of the files under the given paths (0 if none exist). */
function newestSource(paths, skip = () => false) {
  let newest = 0;
  for (const entry of paths) {
    if (!existsSync(entry)) continue;
    const stats = statSync(entry);
    if (stats.isFile()) {
      newest = Math.max(newest, stats.mtimeMs);
      continue;
    }
    for (const name of readdirSync(entry, { recursive: true })) {
      const file = path.join(entry, String(name));
      if (file.includes(`${path.sep}node_modules${path.sep}`) || skip(file)) continue;
      const fileStats = statSync(file, { throwIfNoEntry: false });
      if (fileStats?.isFile()) newest = Math.max(newest, fileStats.mtimeMs);
    }
  }
  return newest;
}

/** Oldest modification time of the outputs, or -1 when one is missing. */
function oldestOutput(files) {
  let oldest = Infinity;
  for (const file of files) {
    const stats = statSync(file, { throwIfNoEntry: false });
    if (!stats) return -1;
    oldest = Math.min(oldest, stats.mtimeMs);
  }
  return oldest;
}

function run(description, args) {
  console.log(description);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${description.replace(/…$/, '')} failed.`);
    process.exit(result.status ?? 1);
  }
}

function buildIfStale() {
  const shared = [at('shared'), at('package.json'), at('tsconfig.json')];
  const rendererOutputs = [at('dist', 'renderer', 'index.html')];
  if (existsSync(at('renderer', 'index.html'))) {
    const sources = newestSource([at('renderer'), at('vite.config.ts'), ...shared]);
    if (oldestOutput(rendererOutputs) < sources) {
      const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
      run('Building the renderer…', [vite, 'build', '--logLevel', 'warn']);
    }
  } else if (oldestOutput(rendererOutputs) < 0) {
    console.error('There is no renderer to build (renderer/index.html) and no build of it (dist/renderer).');
    process.exit(1);
  }

  const electronOutputs = [at('dist', 'electron', 'main.cjs'), at('dist', 'electron', 'preload.cjs')];
  const cli = at('electron', 'cli') + path.sep;
  const sources = newestSource([at('electron'), at('build', 'scripts', 'build-electron.mjs'), ...shared], (file) =>
    file.startsWith(cli),
  );
  if (oldestOutput(electronOutputs) < sources) {
    run('Building the desktop shell…', [at('build', 'scripts', 'build-electron.mjs')]);
  }
}

/** The Electron executable, if its download ever happened; null otherwise. */
function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the download never ran.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function runElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/**
 * Installs skip Electron's download (.npmrc); the first start tries it. Offline, it fails in a
 * moment and we fall back to the browser; online, it says so if it takes a while.
 */
async function downloadElectron() {
  const installer = at('node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return null;
  const child = spawn(process.execPath, [installer], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const notice = setTimeout(() => console.log('Downloading the Electron runtime (first start only)…'), 2000);
  const code = await new Promise((resolve) => child.on('exit', resolve).on('error', () => resolve(1)));
  clearTimeout(notice);
  return code === 0 ? electronBinary() : null;
}

buildIfStale();
const binary = electronBinary() ?? (await downloadElectron());
if (binary) {
  runElectron(binary);
} else {
  console.log(
    'Electron runtime is not installed on this machine (it needs a download); serving the same app in your browser instead:',
  );
  const { serve } = await import('./serve.mjs');
  await serve().catch((error) => {
    console.error(`Could not serve Dossier: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
