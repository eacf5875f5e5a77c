// Search benchmark, in Node on one core: index 10,000 generated Chinese documents of about
// 2,000 characters (the sample corpus's clauses recombined, about one character in twelve
// varied, an English phrase now and then), then time 20 queries — two-character words,
// parts of words, longer words, two-word queries and English — each with the snippets of its
// first 20 hits. Prints numbers; asserts nothing. Target (issue 5, in Chromium): p95 < 50 ms.
//   node --import tsx test/bench/search.bench.ts [documents]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SearchEngine, type UnitInput } from '../../shared/search/engine';
import { Segment } from '../../shared/search/segment';
import { snippet } from '../../shared/search/snippet';
import { parseQuery, tokenize } from '../../shared/search/tokenize';
import { prng } from '../tools/random';

const DOCUMENTS = Number(process.argv[2] ?? 10_000);
const CHARS = 2_000;
const BATCH = 250;
const QUERY_RUNS = 10;

const random = prng(20190606);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const seedsDir = resolve(import.meta.dirname, '../fixtures/seeds');
const clauses = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(seedsDir, f), 'utf8').split(/(?<=[，。；！？、,;])|\n+/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 4 && !/[a-z]{4}/i.test(s));
const COMMON = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研',
];
const ENGLISH = [
  'Beijing-Tianjin-Hebei coordinated development',
  'non-capital functions relocated',
  "Xiong'an New Area planning",
  'the sub-center of Beijing',
  'work points for 2019',
  'industrial upgrading and transfer',
];

const sentence = () => {
  const s = Array.from({ length: between(2, 5) }, () => pick(clauses)).join('');
  const varied = [...s].map((c) => (random() < 1 / 12 ? pick(COMMON) : c)).join('');
  return random() < 0.05 ? `${varied}（${pick(ENGLISH)}）` : varied;
};
function documentText(): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < CHARS) {
    const p = Array.from({ length: between(2, 5) }, sentence).join('');
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join('\n\n');
}

const texts: string[] = [];
const inputs: UnitInput[] = [];
for (let i = 0; i < DOCUMENTS; i++) {
  const text = documentText();
  const title = pick(clauses).replace(/[，。；！？、,;]$/, '') + pick(clauses).slice(0, 8);
  texts.push(text);
  inputs.push({
    key: `d:${i}`,
    info: { kind: 'document', id: String(i), title, documentId: String(i), site: null, published: null },
    fields: [
      { text: title, weight: 3 },
      { text, weight: 1 },
    ],
  });
}
const chars = texts.reduce((n, t) => n + t.length, 0);

const ms = (t0: number) => performance.now() - t0;
const line = (label: string, value: string) => console.log(`${label.padEnd(36)} ${value}`);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

console.log(
  `Search benchmark — ${DOCUMENTS.toLocaleString('en')} documents, ${(chars / 1e6).toFixed(1)} M characters ` +
    `(${Math.round(chars / DOCUMENTS).toLocaleString('en')} per document), Node ${process.versions.node}`,
);

// Tokenizing alone, on a tenth of the corpus (what the segmenter costs in Node 20).
{
  const sample = texts.slice(0, Math.max(1, Math.floor(DOCUMENTS / 10)));
  const t0 = performance.now();
  for (const t of sample) tokenize(t, { words: true });
  const t1 = performance.now();
  for (const t of sample) tokenize(t);
  const withWords = t1 - t0;
  const without = ms(t1);
  const mb = sample.reduce((n, t) => n + t.length, 0) / 1e6;
  line(
    'tokenize (M characters/s)',
    `${(mb / (withWords / 1000)).toFixed(2)} with segmenter words, ${(mb / (without / 1000)).toFixed(2)} bigrams only`,
  );
}

const engine = new SearchEngine();
let nextId = 1;
let merges = 0;
// Merges run in steps (as in the search worker, which answers queries between them): the longest step is how long a query may wait.
let mergeMs = 0;
let longestStep = 0;
let longestMerge = 0;
const t0 = performance.now();
for (let i = 0; i < inputs.length; i += BATCH) {
  engine.upsert(nextId++, inputs.slice(i, i + BATCH));
  for (let plan = engine.planMerge(); plan; plan = engine.planMerge()) {
    const steps = engine.mergeInSteps(nextId++, plan);
    const started = performance.now();
    for (let done = false; !done;) {
      const stepStarted = performance.now();
      done = !!steps.next().done;
      longestStep = Math.max(longestStep, ms(stepStarted));
      if (process.env.STEPS && ms(stepStarted) > 20) console.log('slow step', ms(stepStarted).toFixed(1), done);
    }
    longestMerge = Math.max(longestMerge, ms(started));
    mergeMs += ms(started);
    merges++;
  }
}
const build = ms(t0);
line(
  'build (tokenize + index + merges)',
  `${(build / 1000).toFixed(1)} s = ${Math.round(DOCUMENTS / (build / 1000))} documents/s, ` +
    `${engine.segmentCount} segments after ${merges} merges`,
);
line(
  'merges',
  `${(mergeMs / 1000).toFixed(1)} s in all, longest ${longestMerge.toFixed(0)} ms, longest step ${longestStep.toFixed(1)} ms`,
);

// Stored size, and loading from the stored form (what opening the app does instead of a rebuild).
const serialized = engine.allSegments().map((s) => s.serialize());
const bytes = serialized.reduce(
  (n, s) =>
    n + s.data.byteLength + s.offsets.byteLength + s.counts.byteLength + s.terms.length * 2 + s.units.length * 120,
  0,
);
const terms = serialized.reduce((n, s) => n + s.counts.length, 0);
const postings = serialized.reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0);
line(
  'index size',
  `${(bytes / 1024 / 1024).toFixed(1)} MB (${terms.toLocaleString('en')} terms, ${postings.toLocaleString('en')} postings)`,
);
{
  const cloned = structuredClone(serialized);
  const t1 = performance.now();
  const loaded = new SearchEngine();
  for (const s of cloned) loaded.addSegment(new Segment(s));
  line('load from stored segments', `${ms(t1).toFixed(0)} ms (${loaded.size.toLocaleString('en')} units)`);
}

const QUERIES = [
  // two-character words
  '疏解',
  '交通',
  '医疗',
  '企业',
  '生态',
  '产业',
  // parts of longer words
  '京津',
  '协同',
  '副中',
  '首都',
  // longer words
  '京津冀',
  '协同发展',
  '城市副中心',
  '非首都功能',
  // two words
  '疏解 企业',
  '京津冀 交通',
  // English
  'Beijing',
  'development',
  'functions',
  'xiong',
];

const engineMs: number[] = [];
const totalMs: number[] = [];
const byQuery = new Map<string, number[]>();
const perQuery: string[] = [];
for (let run = 0; run <= QUERY_RUNS; run++) {
  for (const q of QUERIES) {
    const t1 = performance.now();
    const words = parseQuery(q);
    const result = engine.search(words, {}, { limit: 50, prefix: true });
    const t2 = performance.now();
    for (const hit of result.hits.slice(0, 20)) snippet(texts[Number(hit.info.id)]!, words);
    const t3 = performance.now();
    if (run === 0) {
      if (q === QUERIES[0]) perQuery.push('(first run, warm-up, not counted)');
      perQuery.push(`${q}: ${result.total.toLocaleString('en')} hits`);
      continue;
    }
    engineMs.push(t2 - t1);
    totalMs.push(t3 - t1);
    byQuery.set(q, [...(byQuery.get(q) ?? []), t3 - t1]);
  }
}
engineMs.sort((a, b) => a - b);
totalMs.sort((a, b) => a - b);
line(
  `query, index only (${QUERIES.length} queries × ${QUERY_RUNS})`,
  `median ${quantile(engineMs, 0.5).toFixed(2)} ms, p95 ${quantile(engineMs, 0.95).toFixed(2)} ms, max ${engineMs.at(-1)!.toFixed(2)} ms`,
);
line(
  'query + snippets of the first 20 hits',
  `median ${quantile(totalMs, 0.5).toFixed(2)} ms, p95 ${quantile(totalMs, 0.95).toFixed(2)} ms, max ${totalMs.at(-1)!.toFixed(2)} ms`,
);
const slowest = [...byQuery]
  .map(([q, times]) => [q, times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!] as const)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 3);
line('slowest queries (median)', slowest.map(([q, t]) => `${q} ${t.toFixed(1)} ms`).join(', '));
console.log(`hits: ${perQuery.slice(1).join('; ')}`);

// Incremental: one document edited (re-indexed into a segment of its own) and one deleted.
{
  const edited: UnitInput = { ...inputs[42]!, fields: [{ text: `${texts[42]}新增段落疏解整治促提升`, weight: 1 }] };
  const t1 = performance.now();
  engine.upsert(nextId++, [edited]);
  const upsert = ms(t1);
  const t2 = performance.now();
  engine.remove(['d:43']);
  const remove = ms(t2);
  line('re-index one document / delete one', `${upsert.toFixed(2)} ms / ${remove.toFixed(3)} ms`);
}
