// `npm run bench`: import throughput of detect → clean → store, in Node, over the sample
// corpus repeated to at least 20 MB. Target: ≥ 10 MB/s of text end to end.
// Storage is Dexie over fake-indexeddb here (about 2× faster than Chromium's IndexedDB,
// see TOOLCHAIN.md), so the store figure is a lower bound of the app's cost.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { IngestedDocument } from '../../shared/ingest/types';
import { openDatabase } from '../../renderer/db/database';
import { createRepository } from '../../renderer/db/repository';

// The pipeline is measured as it ships: bundled and minified, as Vite bundles the import worker,
// not through tsx's on-the-fly transform.
const bundleDir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
await build({
  entryPoints: [resolve(import.meta.dirname, '../../shared/ingest/ingest.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  outfile: join(bundleDir, 'ingest.mjs'),
  logLevel: 'error',
});
const { ingest } = (await import(
  pathToFileURL(join(bundleDir, 'ingest.mjs')).href
)) as typeof import('../../shared/ingest/ingest');

const TARGET_BYTES = 20 * 1024 * 1024;
const TARGET_MB_S = 10;
const BATCH = 200;

const seedsDir = resolve(import.meta.dirname, '../fixtures/seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));

// Each copy gets a distinct line so its content hash differs and nothing is skipped as a duplicate.
const files: { name: string; bytes: Uint8Array }[] = [];
let total = 0;
for (let i = 0; total < TARGET_BYTES; i++) {
  const seed = seeds[i % seeds.length]!;
  const text = `${seed.text}\n\n（本副本编号 ${i}，供基准测试区分内容。）\n`;
  const bytes = new TextEncoder().encode(text);
  files.push({ name: `${i}-${seed.name}`, bytes });
  total += bytes.byteLength;
}
const mb = total / (1024 * 1024);

let peakRss = 0;
let peakHeap = 0;
// rss() alone is cheap enough to read after every file; the full reading (with heap) is timed.
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
const sampleAll = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sampleAll, 20);

const t0 = performance.now();
const drafts: IngestedDocument[] = [];
for (const [i, file] of files.entries()) {
  const outcome = ingest(file);
  if (!outcome.ok) throw new Error(`${file.name}: ${outcome.refusal.message}`);
  // Copies share their sample's title and address: numbered, they are new documents, not new versions.
  const { doc } = outcome;
  doc.title = `${doc.title}（${i}）`;
  if (doc.source.url) doc.source = { ...doc.source, url: `${doc.source.url}?copy=${i}` };
  drafts.push(doc);
  sample();
}
const t1 = performance.now();

const repository = createRepository(openDatabase('bench'));
for (let i = 0; i < drafts.length; i += BATCH) {
  await repository.documents.importBatch(drafts.slice(i, i + BATCH));
  sample();
}
const t2 = performance.now();
clearInterval(sampler);

const stored = (await repository.documents.list()).length;
const seconds = (t2 - t0) / 1000;
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
console.log(
  `Import benchmark — ${files.length} documents, ${mb.toFixed(1)} MB of text (the ${seeds.length} samples repeated)`,
);
line(
  'detect + clean (worker’s share)',
  `${((t1 - t0) / 1000).toFixed(2)} s   ${(mb / ((t1 - t0) / 1000)).toFixed(1)} MB/s`,
);
line(
  'store (Dexie, fake-indexeddb)',
  `${((t2 - t1) / 1000).toFixed(2)} s   ${(mb / ((t2 - t1) / 1000)).toFixed(1)} MB/s`,
);
line(
  'detect + clean + store',
  `${seconds.toFixed(2)} s   ${(mb / seconds).toFixed(1)} MB/s   ${(files.length / seconds).toFixed(0)} documents/s`,
);
line('target', `${TARGET_MB_S} MB/s → ratio ${(mb / seconds / TARGET_MB_S).toFixed(2)}× of target`);
line('peak memory', `rss ${(peakRss / 2 ** 20).toFixed(0)} MB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MB`);
line('documents stored', `${stored} of ${files.length}`);
if (stored !== files.length) process.exitCode = 1;
