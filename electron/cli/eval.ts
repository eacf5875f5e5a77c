// `dossier eval [GOLD_DIR] [--texts DIR]` (npm run eval): scores the extraction rules against
// gold files — the same code as `dossier extract` and the app — and fails below the floors.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GoldDocument } from '../../shared/extract/gold';
import {
  accuracy,
  emptyScore,
  f1,
  meetsFloors,
  precision,
  recall,
  scoreDocument,
  type Counts,
} from '../../shared/extract/score';
import { extractFile } from './extract-file';

export const EVAL_USAGE = `Usage: dossier eval [GOLD_DIR] [--texts DIR] [--verbose]

Runs extraction on the document of every gold file (*.json) in GOLD_DIR (default
test/fixtures/gold) and prints precision, recall and F1 for temporal spans and values and for
items, with deadline accuracy and owner/target scores on matched items. A gold file's "doc"
is looked for in GOLD_DIR, then in --texts DIR (default test/fixtures/seeds).
--published is taken from each gold file. --verbose lists every miss and false positive.

Exit status: 0 when the floors are met (temporal value F1 ≥ 0.90, item F1 ≥ 0.75,
deadline accuracy ≥ 0.85), 1 when not, 2 on a usage error.`;

const pct = (x: number) => x.toFixed(3);
const row = (name: string, c: Counts) =>
  `${name.padEnd(24)} ${pct(precision(c))}  ${pct(recall(c))}  ${pct(f1(c))}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

export async function evalCommand(rest: string[]): Promise<number> {
  let goldDir = 'test/fixtures/gold';
  let textDir = 'test/fixtures/seeds';
  let verbose = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--texts') textDir = rest[++i] ?? '';
    else if (a === '--verbose') verbose = true;
    else if (a.startsWith('--')) {
      process.stderr.write(`dossier eval: unknown option ${a}.\n\n${EVAL_USAGE}\n`);
      return 2;
    } else goldDir = a;
  }
  if (!existsSync(goldDir)) {
    process.stderr.write(`dossier eval: ${goldDir} does not exist.\n`);
    return 2;
  }
  const files = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) {
    process.stderr.write(`dossier eval: no gold files (*.json) in ${goldDir}.\n`);
    return 2;
  }
  const score = emptyScore();
  for (const file of files) {
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as GoldDocument;
    const path = [join(goldDir, gold.doc), join(textDir, gold.doc)].find((p) => existsSync(p));
    if (!path) {
      process.stderr.write(`dossier eval: ${gold.doc} (of ${file}) not found in ${goldDir} or ${textDir}.\n`);
      return 2;
    }
    const result = await extractFile(resolve(path), { published: gold.published ?? undefined });
    if (!result.ok) {
      process.stderr.write(`dossier eval: ${result.message}\n`);
      return 1;
    }
    const before = JSON.stringify(score);
    scoreDocument(score, gold, result.report, result.text);
    if (verbose) process.stdout.write(differences(gold, result.report, before, JSON.stringify(score)));
  }
  const lines = [
    `${files.length} documents`,
    `${''.padEnd(24)} prec.  recall F1`,
    row('temporal spans', score.temporalSpan),
    row('temporal exact spans', score.temporalExact),
    row('temporal values', score.temporalValue),
    row('items', score.items),
    row('item owners', score.owners),
    row('item targets', score.targets),
    `${'item deadlines'.padEnd(24)} accuracy ${pct(accuracy(score.deadline))} (${score.deadline.correct} of ${score.deadline.total})`,
  ];
  const floors = meetsFloors(score);
  lines.push(floors.ok ? 'floors met' : `BELOW THE FLOORS: ${floors.failures.join('; ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return floors.ok ? 0 : 1;
}

/** For --verbose: the gold entries and predictions of one document side by side. */
function differences(gold: GoldDocument, predicted: GoldDocument, _before: string, _after: string): string {
  const lines = [`== ${gold.doc}`];
  const key = (t: { start: number; text: string; normalized: { to: string | null; from: string | null } }) =>
    `${t.start} ${t.text} ${t.normalized.from ?? ''}..${t.normalized.to}`;
  const g = new Set(gold.temporal.map(key));
  const p = new Set(predicted.temporal.map(key));
  for (const k of g) if (!p.has(k)) lines.push(`  temporal missed: ${k}`);
  for (const k of p) if (!g.has(k)) lines.push(`  temporal extra:  ${k}`);
  for (const i of gold.items) lines.push(`  gold item: ${i.start} ${i.deadline ?? '—'} ${i.quote}`);
  for (const i of predicted.items) lines.push(`  predicted: ${i.start} ${i.deadline ?? '—'} ${i.kind} ${i.quote}`);
  return `${lines.join('\n')}\n`;
}
