// `npm run bench`: re-anchoring 2,000 annotations of a long document after an edit, in Node.
// Target: < 200 ms. The document is about 300,000 characters of the sample corpus's clauses,
// recombined and varied (a few characters in each changed); the edit inserts a paragraph near
// the start, corrects a character or adds a comma inside some passages, and deletes others.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnnotationTarget } from '../../shared/model/types';
import { describeRange } from '../../shared/anchoring/describe';
import { reanchor, reanchorAll, type ReanchorResult } from '../../shared/anchoring/reanchor';
import { prng } from '../tools/random';

const TARGET_CHARS = 300_000;
const ANNOTATIONS = 2_000;
const TARGET_MS = 200;
const RUNS = 15;
const EDITS = { corrected: 30, punctuated: 10, deleted: 10 };

// A seeded generator (mulberry32), so every run measures the same document and edit.
const random = prng(20160128);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const seedsDir = resolve(import.meta.dirname, '../fixtures/seeds');
// Clauses rather than whole sentences are recombined: a real document does not repeat its
// sentences in the same surroundings sixteen times over.
const clauses = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(seedsDir, f), 'utf8').split(/(?<=[，。；！？、,;])|\n+/))
  .map((s) => s.trim())
  .filter((s) => s.length >= 4);
const COMMON = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研',
];

/** Two to five clauses of the corpus, about one character in twelve replaced. */
const sentence = () => {
  const s = Array.from({ length: between(2, 5) }, () => pick(clauses)).join('');
  return [...s].map((c) => (random() < 1 / 12 ? pick(COMMON) : c)).join('');
};
const paragraph = () => Array.from({ length: between(3, 8) }, sentence).join('') + '\n';

const paragraphs: string[] = [];
for (let length = 0; length < TARGET_CHARS;) {
  paragraphs.push(paragraph());
  length += paragraphs.at(-1)!.length;
}
const text = paragraphs.join('');

const starts = Array.from({ length: ANNOTATIONS }, () => between(0, text.length - 60)).sort((a, b) => a - b);
const targets = starts.map((s) => describeRange(text, s, s + between(8, 48)));

// Edits are chosen on passages that touch no other edited passage, then applied from the end.
interface Edit {
  from: number;
  to: number;
  insert: string;
}
const third = paragraphs[0]!.length + paragraphs[1]!.length;
const edits: Edit[] = [{ from: third, to: third, insert: paragraph() }];
const chosen = { corrected: new Set<number>(), punctuated: new Set<number>(), deleted: new Set<number>() };
const overlaps = (t: AnnotationTarget) =>
  targets.some((o) => o !== t && o.position.start < t.position.end && o.position.end > t.position.start);
for (const kind of ['corrected', 'punctuated', 'deleted'] as const) {
  while (chosen[kind].size < EDITS[kind]) {
    const i = between(100, ANNOTATIONS - 1);
    const { start, end } = targets[i]!.position;
    if (overlaps(targets[i]!) || edits.some((e) => e.from < end + 40 && e.to > start - 40)) continue;
    // A deleted passage must not stand elsewhere too, or it would rightly be found there.
    if (kind === 'deleted' && text.indexOf(targets[i]!.quote.exact) !== start) continue;
    if (kind === 'deleted' && text.lastIndexOf(targets[i]!.quote.exact) !== start) continue;
    const at = between(start + 1, end - 2);
    const replacement = pick(COMMON.filter((c) => c !== text[at]));
    if (kind === 'corrected') edits.push({ from: at, to: at + 1, insert: replacement });
    if (kind === 'punctuated') edits.push({ from: at, to: at, insert: '，' });
    if (kind === 'deleted') edits.push({ from: start, to: end, insert: '' });
    chosen[kind].add(i);
  }
}
let changed = text;
for (const e of [...edits].sort((a, b) => b.from - a.from)) {
  changed = changed.slice(0, e.from) + e.insert + changed.slice(e.to);
}

function time<T>(run: () => T): { ms: number[]; result: T } {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = run();
    ms.push(performance.now() - t0);
  }
  return { ms: ms.sort((a, b) => a - b), result };
}

const batch = time(() => reanchorAll(changed, targets));
const oneByOne = time(() => targets.map((t) => reanchor(changed, t)));
const results: ReanchorResult[] = batch.result;

const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
const followed = [...chosen.corrected, ...chosen.punctuated].filter((i) => {
  const r = results[i]!;
  return r.outcome === 'moved' && r.similarity < 1;
}).length;
const orphaned = [...chosen.deleted].filter((i) => results[i]!.outcome === 'orphaned').length;
const median = (ms: number[]) => ms[Math.floor(ms.length / 2)]!;

const line = (label: string, value: string) => console.log(`${label.padEnd(34)} ${value}`);
console.log(
  `Re-anchoring benchmark — ${ANNOTATIONS} annotations on ${text.length.toLocaleString('en')} characters, ` +
    `after ${edits.length} edits (a paragraph inserted near the start; ${EDITS.corrected} corrections, ` +
    `${EDITS.punctuated} commas and ${EDITS.deleted} deletions inside passages)`,
);
line(
  `re-anchor ${ANNOTATIONS.toLocaleString('en')} annotations`,
  `${median(batch.ms).toFixed(1)} ms median, ${batch.ms.at(-1)!.toFixed(1)} ms max of ${RUNS} ` +
    `(${(median(batch.ms) / TARGET_MS).toFixed(2)}× target of ${TARGET_MS} ms)`,
);
line(
  'one reanchor() at a time',
  `${median(oneByOne.ms).toFixed(1)} ms median, ${oneByOne.ms.at(-1)!.toFixed(1)} ms max`,
);
line('outcomes', `kept ${count('kept')}, moved ${count('moved')}, orphaned ${count('orphaned')}`);
line('edited passages followed', `${followed} of ${EDITS.corrected + EDITS.punctuated} (fuzzy)`);
line('deleted passages orphaned', `${orphaned} of ${EDITS.deleted}`);
if (followed !== EDITS.corrected + EDITS.punctuated || orphaned !== EDITS.deleted) process.exitCode = 1;
