// `node --import tsx test/bench/sync.bench.ts [--records N]`: exporting and importing a bundle of
// 100,000 records (1,000 documents with their texts, 70,000 highlights, 29,000 items) in
// Chromium with real IndexedDB. Prints export time, bundle size, import time (preview + apply
// into an empty library, then the same bundle again) and the import time as a ratio to a plain
// Dexie bulkPut of the same records (target ≤ 2×).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium';
import { generateLibrary } from '../tools/library/generate';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RECORDS = arg('records', 100_000);
const TARGET_RATIO = 2;
const ORIGIN = 'http://bench.dossier.local';

const script = await build({
  entryPoints: [resolve(import.meta.dirname, 'sync-page.ts')],
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
  logLevel: 'error',
  define: { __APP_VERSION__: '"bench"' },
});
const code = script.outputFiles[0]!.text;

const size = {
  documents: Math.round(RECORDS / 100),
  annotations: Math.round(RECORDS * 0.7),
  items: Math.round(RECORDS * 0.29),
  characters: 2_000,
};
console.log(`Generating ${size.documents} documents, ${size.annotations} highlights, ${size.items} items…`);
const library = generateLibrary(size);

const profile = mkdtempSync(join(tmpdir(), 'dossier-sync-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath(),
  headless: true,
  args: CHROMIUM_FLAGS,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta charset="utf-8"><script>${code}</script>` }),
  );
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction('!!window.bench');

  const seeded = (await page.evaluate(
    `window.bench.seed(${JSON.stringify({ documents: library.documents, annotations: library.annotations, items: library.items }, (_k, v) => (v instanceof Uint8Array ? undefined : v))})`,
  )) as { ms: number };
  const exported = (await page.evaluate('window.bench.exportAll()')) as {
    ms: number;
    bytes: number;
    counts: { records: Record<string, number>; texts: number };
  };
  const records = Object.values(exported.counts.records).reduce((a, b) => a + b, 0);
  const first = (await page.evaluate(`window.bench.importInto('bench-target')`)) as {
    previewMs: number;
    applyMs: number;
    written: number;
  };
  const again = (await page.evaluate(`window.bench.importInto('bench-target')`)) as typeof first;
  const plain = (await page.evaluate('window.bench.plainBulkPut()')) as { ms: number };

  const importMs = first.previewMs + first.applyMs;
  const ratio = importMs / plain.ms;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `\nSync bundle, ${records.toLocaleString('en')} records, ${exported.counts.texts} texts (Chromium, IndexedDB)`,
  );
  console.table({
    'store through the sync middleware (seed)': { ms: Math.round(seeded.ms) },
    'export everything': { ms: Math.round(exported.ms), size: mb(exported.bytes) },
    'import: preview (read, check, plan)': { ms: Math.round(first.previewMs) },
    'import: apply (one transaction)': { ms: Math.round(first.applyMs), written: first.written },
    'import again (nothing to write)': { ms: Math.round(again.previewMs + again.applyMs), written: again.written },
    'plain Dexie bulkPut of the same records': { ms: Math.round(plain.ms) },
  });
  console.log(
    `import (preview + apply) / plain bulkPut: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER'}`,
  );
  console.log(`apply alone / plain bulkPut: ${(first.applyMs / plain.ms).toFixed(2)}×`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
