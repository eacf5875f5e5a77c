// `npm run bench`: importing a 300-page Chinese PDF, against pdf.js alone. Target: Dossier's
// import (open, extract, layout, metadata, hash, store) costs at most 1.3× what pdf.js takes
// to open the file and give the text of every page, i.e. the layout and storing on top of
// pdf.js stay small. Both run in Node with the pdf.js build and options of the command line
// (electron/cli/open-pdf.ts); storage is Dexie over fake-indexeddb, as in import.bench.ts.
//
// The PDF is printed once by Chromium (test/tools/pdf/print.ts, ~3 s) and cached in the OS
// temp dir; delete dossier-bench/ there to print it again.
import 'fake-indexeddb/auto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { openPdfInNode } from '../../electron/cli/open-pdf';
import { openDatabase } from '../../renderer/db/database';
import { createRepository } from '../../renderer/db/repository';
import type { IngestedDocument } from '../../shared/ingest/types';

const PAGES = 300;
const RUNS = 5;
const TARGET_RATIO = 1.3;

// ---------------------------------------------------------------------------
// The document: printed once, reused from the temp dir.

const cacheDir = join(tmpdir(), 'dossier-bench');
const pdfPath = join(cacheDir, `long-chinese-${PAGES}.pdf`);
/** The printed blocks' text, to check the import against (the PDF alone does not say it). */
const expectedPath = join(cacheDir, `long-chinese-${PAGES}.json`);

if (!existsSync(pdfPath) || !existsSync(expectedPath)) {
  mkdirSync(cacheDir, { recursive: true });
  const { makeLongChinesePdf } = await import('../tools/pdf/print.ts');
  const made = await makeLongChinesePdf(PAGES, pdfPath);
  writeFileSync(expectedPath, JSON.stringify({ title: made.title, blocks: made.blocks.map((b) => b.text) }));
  console.log(
    `printed ${pdfPath} (${made.pages} pages, ${(made.bytes / 2 ** 20).toFixed(1)} MB) in ${made.printMs.toFixed(0)} ms`,
  );
}
const bytes = new Uint8Array(readFileSync(pdfPath));
const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { title: string; blocks: string[] };

// ---------------------------------------------------------------------------
// The import as it ships (bundled and minified, as Vite bundles the import worker), plus
// its stages for the breakdown.

const bundleDir = mkdtempSync(join(tmpdir(), 'dossier-bench-'));
const shared = (path: string) => JSON.stringify(resolve(import.meta.dirname, '../../shared', path));
await build({
  stdin: {
    contents: [
      `export { importFile } from ${shared('ingest/import-file.ts')};`,
      `export { extractPdf } from ${shared('ingest/pdf/extract.ts')};`,
      `export { ingestPdf } from ${shared('ingest/pdf/ingest-pdf.ts')};`,
      `export { contentHash } from ${shared('ingest/canonical.ts')};`,
    ].join('\n'),
    resolveDir: import.meta.dirname,
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  outfile: join(bundleDir, 'pdf-import.mjs'),
  logLevel: 'error',
});
const { importFile, extractPdf, ingestPdf, contentHash } = (await import(
  pathToFileURL(join(bundleDir, 'pdf-import.mjs')).href
)) as typeof import('../../shared/ingest/import-file') &
  typeof import('../../shared/ingest/pdf/extract') &
  typeof import('../../shared/ingest/pdf/ingest-pdf') &
  typeof import('../../shared/ingest/canonical');
rmSync(bundleDir, { recursive: true, force: true });

// ---------------------------------------------------------------------------
// What is measured.

/** (a) pdf.js alone: open the document and take every page's text, as extract.ts asks for it. */
async function pdfjsAlone(): Promise<number> {
  const t0 = performance.now();
  const doc = await openPdfInNode(bytes.slice(), undefined);
  let items = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    items += (await page.getTextContent({ disableNormalization: true })).items.length;
  }
  await doc.destroy();
  const ms = performance.now() - t0;
  if (items === 0) throw new Error('pdf.js found no text');
  return ms;
}

let databases = 0;
/** A new, empty library for each run, so every run adds the document. */
const freshRepository = () => createRepository(openDatabase(`pdf-bench-${++databases}`));

async function store(doc: IngestedDocument): Promise<void> {
  const [result] = await freshRepository().documents.importBatch([doc]);
  if (result?.status !== 'added') throw new Error(`not stored: ${result?.status}`);
}

/** (b) Dossier's import: importFile end to end, then stored through the repository. */
async function dossierImport(): Promise<{ ms: number; importMs: number; doc: IngestedDocument }> {
  const t0 = performance.now();
  const outcome = await importFile({ name: 'long.pdf', bytes }, { openPdf: openPdfInNode });
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  const t1 = performance.now();
  await store(outcome.doc);
  return { ms: performance.now() - t0, importMs: t1 - t0, doc: outcome.doc };
}

/** (b) again, stage by stage (what importFile does, with clocks in between). */
async function stages(): Promise<Record<'openExtract' | 'layoutMetadata' | 'hash' | 'store', number>> {
  const t0 = performance.now();
  const pdf = await openPdfInNode(bytes.slice(), undefined);
  const extracted = await extractPdf(pdf);
  await pdf.destroy();
  const t1 = performance.now();
  const { doc } = ingestPdf('long.pdf', bytes, extracted);
  const t2 = performance.now();
  // ingestPdf hashes the text once; hash it again on its own to take that share out.
  contentHash(doc.text);
  const t3 = performance.now();
  await store(doc);
  const t4 = performance.now();
  return { openExtract: t1 - t0, layoutMetadata: t2 - t1 - (t3 - t2), hash: t3 - t2, store: t4 - t3 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

// One warm-up of each (JIT, pdf.js's CMaps and fonts), then the runs, interleaved so that
// drift in the machine's load hits both alike.
await pdfjsAlone();
const first = await dossierImport();
await stages();
const a: number[] = [];
const b: number[] = [];
const bImport: number[] = [];
const split: Record<string, number[]> = { openExtract: [], layoutMetadata: [], hash: [], store: [] };
for (let run = 0; run < RUNS; run++) {
  gc();
  a.push(await pdfjsAlone());
  gc();
  const r = await dossierImport();
  b.push(r.ms);
  bImport.push(r.importMs);
  gc();
  for (const [stage, ms] of Object.entries(await stages())) split[stage]!.push(ms);
}

// ---------------------------------------------------------------------------
// Check what was measured, then report.

const doc = first.doc;
const noSpace = (s: string) => s.replace(/\s+/g, '');
const problems: string[] = [];
if (doc.pdf?.summary.pages !== PAGES) problems.push(`pages: ${doc.pdf?.summary.pages}, expected ${PAGES}`);
if (doc.pdf?.summary.textPages !== PAGES) problems.push(`text pages: ${doc.pdf?.summary.textPages}`);
if (noSpace(doc.text) !== noSpace(expected.blocks.join(''))) problems.push('the text differs from the printed blocks');
if (doc.title !== expected.title) problems.push(`title: ${doc.title}`);

const timing = (ms: number) => `${ms.toFixed(ms < 100 ? 1 : 0).padStart(6)} ms   ${(ms / PAGES).toFixed(2)} ms/page`;
const line = (label: string, value: string) => console.log(`${label.padEnd(40)} ${value}`);
const ma = median(a);
const mb = median(b);
const ratio = mb / ma;
console.log(
  `PDF import benchmark — ${PAGES} pages, ${(bytes.byteLength / 2 ** 20).toFixed(1)} MB, ` +
    `${doc.text.length.toLocaleString('en')} characters, ${doc.blocks.length} blocks; median of ${RUNS} runs`,
);
line('(a) pdf.js alone (open + getTextContent)', timing(ma));
line('(b) Dossier: importFile + store', timing(mb));
line('    importFile alone', timing(median(bImport)));
for (const [stage, label] of [
  ['openExtract', 'stages: open + extract (pdf.js)'],
  ['layoutMetadata', 'layout + metadata'],
  ['hash', 'hash'],
  ['store', 'store (Dexie, fake-indexeddb)'],
] as const) {
  line(`    ${label}`, timing(median(split[stage]!)));
}
line(
  'ratio (b) / (a)',
  `${ratio.toFixed(2)}×   target ≤ ${TARGET_RATIO}× → ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}` +
    `   (without store ${(median(bImport) / ma).toFixed(2)}×)`,
);
line('runs (a), ms', a.map((v) => v.toFixed(0)).join(' '));
line('runs (b), ms', b.map((v) => v.toFixed(0)).join(' '));
if (problems.length) {
  console.log(`import check FAILED: ${problems.join('; ')}`);
  process.exitCode = 1;
}
