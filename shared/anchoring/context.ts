// How well a candidate's surroundings still read like the stored prefix and suffix. This is
// what tells an edited passage in its old place from the same words elsewhere.
import { QUOTE_CONTEXT } from './describe';

export type Side = 'before' | 'after';

/**
 * Similarity in [0, 1] between the stored context on one side of a passage and as many
 * characters now beside a candidate at `boundary` (its start for 'before', its end for 'after'):
 * 1 − edit distance / context length. Both ends of the comparison are fixed, so a candidate a
 * few characters off its place pays on both sides, and a look-alike of the passage within its
 * own neighbours does not pass for it.
 * An empty stored context means the passage touched the edge of the document: it agrees only
 * with a candidate at that same edge.
 */
export function contextSimilarity(text: string, boundary: number, stored: string, side: Side): number {
  const n = stored.length;
  if (n === 0) return boundary === (side === 'before' ? 0 : text.length) ? 1 : 0;
  const beside =
    side === 'before' ? text.slice(Math.max(0, boundary - n), boundary) : text.slice(boundary, boundary + n);
  return Math.max(0, 1 - editDistance(stored, beside) / n);
}

/**
 * Both sides' similarities, each weighted by what it compares: a full context (or none, at the
 * edge of the document) counts fully; one cut short by the edge counts for its length, since
 * a character or two agreeing proves little. One side intact and the other rewritten is 0.5.
 */
export function surroundingsSimilarity(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number {
  const weight = (context: string) => (context === '' ? QUOTE_CONTEXT : Math.min(context.length, QUOTE_CONTEXT));
  const before = weight(prefix) * contextSimilarity(text, start, prefix, 'before');
  const after = weight(suffix) * contextSimilarity(text, end, suffix, 'after');
  return (before + after) / (weight(prefix) + weight(suffix));
}

/** Levenshtein distance, row by row: the contexts compared are short. */
function editDistance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, row[j - 1]! + 1);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}
