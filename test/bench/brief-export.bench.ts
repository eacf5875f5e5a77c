// `node --import tsx test/bench/brief-export.bench.ts`: exporting a long brief, in Node.
// Target: < 1 s for a brief of 1,000 quotes, per format. The brief is generated from the sample
// corpus (test/fixtures/seeds): a heading every 25 quotes, an analyst's paragraph between
// quotes, each quote about 100 Chinese characters with a full citation (every fourth from a
// PDF, with a page), and an item table of 50 rows. Each export runs from the stored JSON
// string, so reading and checking the brief is part of what is timed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { briefToDocx } from '../../shared/brief/docx';
import { briefToHtml } from '../../shared/brief/html';
import { briefToMarkdown } from '../../shared/brief/markdown';
import type { BriefExportInput } from '../../shared/brief/model';
import { prng } from '../tools/random';

const QUOTES = 1_000;
const TARGET_MS = 1_000;
const RUNS = 7;

const random = prng(20190606);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const seedsDir = resolve(import.meta.dirname, '../fixtures/seeds');
const sentences = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(seedsDir, f), 'utf8').split(/(?<=[。；！？])|\n+/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 12);

/** About `length` characters of the corpus, whole sentences. */
function passage(length: number): string {
  let text = '';
  while (text.length < length) text += pick(sentences);
  return text.slice(0, length + 20);
}

const textNode = (text: string, format = 0) => ({
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
});
const element = (type: string, children: object[], extra: object = {}) => ({
  children,
  direction: null,
  format: '',
  indent: 0,
  type,
  version: 1,
  ...extra,
});
const documents = Array.from({ length: 40 }, (_, i) => ({
  documentId: `01HBENCH${String(i).padStart(18, '0')}`,
  title: `关于印发《${passage(14).slice(0, 14)}》的通知`,
  site: pick(['首都之窗', '北京市发展和改革委员会', '国家发展改革委', '北京日报']),
  url: `https://www.beijing.gov.cn/zhengce/${2015 + (i % 8)}/t${i}.html`,
  published: { date: `${2015 + (i % 8)}-0${1 + (i % 9)}-1${i % 10}`, precision: pick(['day', 'day', 'month']) },
  pdf: i % 4 === 0,
}));

function citation() {
  const { pdf, ...doc } = pick(documents);
  const start = between(0, 200_000);
  return { ...doc, position: { start, end: start + 100 }, ...(pdf && { page: between(1, 300) }) };
}

const children: object[] = [];
for (let i = 0; i < QUOTES; i++) {
  if (i % 25 === 0)
    children.push(element('heading', [textNode(`${i / 25 + 1}、${passage(10).slice(0, 10)}`)], { tag: 'h2' }));
  children.push(
    element('paragraph', [textNode(passage(40)), textNode(passage(8).slice(0, 8), 1), textNode(passage(30))], {
      textFormat: 0,
      textStyle: '',
    }),
  );
  children.push({
    type: 'dossier-quote',
    version: 1,
    annotationId: `01HBENCHQ${String(i).padStart(17, '0')}`,
    quote: passage(100),
    citation: citation(),
  });
}
children.push({
  type: 'dossier-item-table',
  version: 1,
  filter: { kinds: [], statuses: [], owners: [], documentIds: [] },
  refreshedAt: '2024-01-01T00:00:00.000Z',
  rows: Array.from({ length: 50 }, (_, i) => ({
    itemId: `item-${i}`,
    kind: pick(['task', 'commitment']),
    text: passage(40),
    owners: [pick(['市发展改革委', '市交通委', '市生态环境局'])],
    deadline: { from: '2024-12-31', to: '2024-12-31', precision: 'day' },
    status: pick(['open', 'in-progress', 'done', 'missed', 'unknown']),
    source: citation(),
    annotationId: null,
  })),
});

const content = JSON.stringify({ root: element('root', children) });
const input: BriefExportInput = {
  title: '京津冀协同发展政策汇编（基准测试）',
  author: '基准测试',
  date: '2024-01-01',
  content,
  language: 'zh',
};

async function time(run: () => unknown): Promise<{ ms: number[]; size: number }> {
  let size = 0;
  const ms: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const out = (await run()) as string | Uint8Array;
    const elapsed = performance.now() - t0;
    size = typeof out === 'string' ? out.length : out.byteLength;
    if (i > 0) ms.push(elapsed); // the first run warms the JIT up
  }
  return { ms: ms.sort((a, b) => a - b), size };
}

const median = (ms: number[]) => ms[Math.floor(ms.length / 2)]!;
const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);

console.log(
  `Brief export: ${QUOTES.toLocaleString('en')} quotes (${(content.length / 1e6).toFixed(1)} M characters of JSON), ` +
    `${RUNS} runs each`,
);
for (const [label, run] of [
  ['DOCX (briefToDocx)', () => briefToDocx(input)],
  ['Markdown (briefToMarkdown)', () => briefToMarkdown(input)],
  ['HTML (briefToHtml, print)', () => briefToHtml(input, { print: true })],
] as const) {
  const { ms, size } = await time(run);
  line(
    label,
    `${median(ms).toFixed(0)} ms median, ${ms.at(-1)!.toFixed(0)} ms max ` +
      `(${(median(ms) / TARGET_MS).toFixed(2)}× target of ${TARGET_MS} ms); ${(size / 1e6).toFixed(2)} MB`,
  );
}
