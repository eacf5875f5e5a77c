// Scores extraction against gold files, as ../shared/gold/RULES.md describes: temporal
// expressions match by overlapping spans, one to one, and count for the value score when
// `to` (and `from`, where the gold has one) agree; items match when their quotes overlap by
// at least half of the shorter, and are then scored on deadline, owners and targets.
// Counts are summed over all documents (micro-averaged).
import type { GoldDocument, GoldItem, GoldTemporal } from './gold';
import { overlap, sameWords, type Range } from './spans';

export interface Counts {
  /** Matches. */
  tp: number;
  /** Predicted, not in the gold. */
  fp: number;
  /** In the gold, not predicted. */
  fn: number;
}

export interface Score {
  /** Temporal spans that overlap one to one. */
  temporalSpan: Counts;
  /** Temporal spans with exactly the gold's text and start. */
  temporalExact: Counts;
  /** Overlapping temporal spans whose normalised value agrees. */
  temporalValue: Counts;
  items: Counts;
  /** Over matched items whose gold deadline is not null. */
  deadline: { correct: number; total: number };
  /** Owners and targets of matched items, as written, compared as sets. */
  owners: Counts;
  targets: Counts;
}

export const emptyScore = (): Score => ({
  temporalSpan: { tp: 0, fp: 0, fn: 0 },
  temporalExact: { tp: 0, fp: 0, fn: 0 },
  temporalValue: { tp: 0, fp: 0, fn: 0 },
  items: { tp: 0, fp: 0, fn: 0 },
  deadline: { correct: 0, total: 0 },
  owners: { tp: 0, fp: 0, fn: 0 },
  targets: { tp: 0, fp: 0, fn: 0 },
});

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
export const accuracy = (d: Score['deadline']): number => (d.total === 0 ? 1 : d.correct / d.total);

/** One-to-one matching: each gold entry takes the unmatched prediction that overlaps it most, if `accept`s it. */
function match<G extends Range, P extends Range>(
  gold: readonly G[],
  predicted: readonly P[],
  accept: (g: G, p: P) => boolean,
): [G, P][] {
  const taken = new Set<number>();
  const pairs: [G, P][] = [];
  for (const g of gold) {
    let best = -1;
    let bestOverlap = 0;
    predicted.forEach((p, i) => {
      const o = overlap(g, p);
      if (!taken.has(i) && o > bestOverlap && accept(g, p)) {
        best = i;
        bestOverlap = o;
      }
    });
    if (best >= 0) {
      taken.add(best);
      pairs.push([g, predicted[best]!]);
    }
  }
  return pairs;
}

const add = (c: Counts, tp: number, predicted: number, gold: number) => {
  c.tp += tp;
  c.fp += predicted - tp;
  c.fn += gold - tp;
};

const temporalRange = (t: GoldTemporal): Range & GoldTemporal => ({ ...t, end: t.start + t.text.length });

const sameValue = (g: GoldTemporal, p: GoldTemporal): boolean =>
  g.normalized.to === p.normalized.to && (g.normalized.from === null || g.normalized.from === p.normalized.from);

/** Where an item's quote sits: its `start`, else the quote's first place in the text. */
function itemRange(item: GoldItem, text: string): (Range & GoldItem) | null {
  const start = item.start ?? text.indexOf(item.quote);
  return start < 0 ? null : { ...item, start, end: start + item.quote.length };
}

function compareSets(c: Counts, gold: readonly string[], predicted: readonly string[]): void {
  const left = [...gold];
  let tp = 0;
  for (const p of predicted) {
    const i = left.indexOf(p);
    if (i >= 0) {
      left.splice(i, 1);
      tp++;
    }
  }
  add(c, tp, predicted.length, gold.length);
}

/** Adds one document's comparison to `score` (pass the file's text to place items without `start`). */
export function scoreDocument(score: Score, gold: GoldDocument, predicted: GoldDocument, text: string): Score {
  const goldTemporal = gold.temporal.map(temporalRange);
  const predictedTemporal = predicted.temporal.map(temporalRange);
  const spans = match(goldTemporal, predictedTemporal, () => true);
  add(score.temporalSpan, spans.length, predictedTemporal.length, goldTemporal.length);
  const exact = match(goldTemporal, predictedTemporal, (g, p) => g.start === p.start && g.text === p.text);
  add(score.temporalExact, exact.length, predictedTemporal.length, goldTemporal.length);
  const values = spans.filter(([g, p]) => sameValue(g, p)).length;
  add(score.temporalValue, values, predictedTemporal.length, goldTemporal.length);

  const goldItems = gold.items.map((i) => itemRange(i, text)).filter((i) => i !== null);
  const predictedItems = predicted.items.map((i) => itemRange(i, text)).filter((i) => i !== null);
  const items = match(goldItems, predictedItems, sameWords);
  add(score.items, items.length, predicted.items.length, gold.items.length);
  for (const [g, p] of items) {
    if (g.deadline !== null) {
      score.deadline.total++;
      if (p.deadline === g.deadline) score.deadline.correct++;
    }
    compareSets(score.owners, g.owners, p.owners);
    compareSets(score.targets, g.targets, p.targets);
  }
  return score;
}

/** The floors of the issue: what `dossier eval` must reach on the gold files. */
export const FLOORS = { temporalValueF1: 0.9, itemF1: 0.75, deadlineAccuracy: 0.85 } as const;

export function meetsFloors(score: Score): { ok: boolean; failures: string[] } {
  const failures: string[] = [];
  const tv = f1(score.temporalValue);
  const it = f1(score.items);
  const dl = accuracy(score.deadline);
  if (tv < FLOORS.temporalValueF1) failures.push(`temporal value F1 ${tv.toFixed(3)} < ${FLOORS.temporalValueF1}`);
  if (it < FLOORS.itemF1) failures.push(`item F1 ${it.toFixed(3)} < ${FLOORS.itemF1}`);
  if (dl < FLOORS.deadlineAccuracy) failures.push(`deadline accuracy ${dl.toFixed(3)} < ${FLOORS.deadlineAccuracy}`);
  return { ok: failures.length === 0, failures };
}
