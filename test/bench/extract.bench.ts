// `npm run bench`: extraction throughput on 20 MB of Chinese text, in Node on one core.
// Target: ≥ 5 MB/s (UTF-8 bytes of input per second). The text is the sample corpus's
// paragraphs, recombined into documents of about 10 KB as the app extracts them one by one;
// a second run takes the whole 20 MB as one document, to catch any cost that grows faster
// than the text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractDocument } from '../../shared/extract/extract';
import { prng } from '../tools/random';

const TARGET_BYTES = 20 * 1024 * 1024;
const DOCUMENT_BYTES = 10 * 1024;
const TARGET_MB_PER_S = 5;

const random = prng(20190606);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const seedsDir = resolve(import.meta.dirname, '../fixtures/seeds');
const paragraphs = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(seedsDir, f), 'utf8').split(/\n+/))
  .map((p) => p.trim())
  .filter((p) => p.length >= 20);
const encoder = new TextEncoder();

const documents: string[] = [];
let total = 0;
while (total < TARGET_BYTES) {
  let doc = '';
  while (encoder.encode(doc).length < DOCUMENT_BYTES) doc += `${pick(paragraphs)}\n\n`;
  documents.push(doc);
  total += encoder.encode(doc).length;
}
const published = '2019-06-06';

function run(label: string, texts: readonly string[]): void {
  // One warm-up pass on a slice, so the first-call compile cost is not measured.
  extractDocument(texts[0]!.slice(0, 20_000), { published });
  const started = performance.now();
  let candidates = 0;
  let temporal = 0;
  for (const text of texts) {
    const result = extractDocument(text, { published });
    candidates += result.candidates.length;
    temporal += result.temporal.length;
  }
  const seconds = (performance.now() - started) / 1000;
  const mb = total / 1024 / 1024;
  const rate = mb / seconds;
  console.log(
    `${label.padEnd(28)} ${mb.toFixed(1)} MB in ${seconds.toFixed(2)} s = ${rate.toFixed(1)} MB/s ` +
      `(${(rate / TARGET_MB_PER_S).toFixed(2)}× the ${TARGET_MB_PER_S} MB/s target); ` +
      `${temporal.toLocaleString('en')} dates, ${candidates.toLocaleString('en')} candidates`,
  );
}

console.log(`Extraction, ${documents.length.toLocaleString('en')} documents of about ${DOCUMENT_BYTES / 1024} KB`);
run('document by document', documents);
run('one 20 MB document', [documents.join('')]);
