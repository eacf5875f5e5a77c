import type { AnnotationTarget } from '../model/types';
import { describeRange, positionMatchesQuote } from './describe';

export type ReanchorOutcome = 'kept' | 'moved' | 'orphaned';

export interface ReanchorResult {
  outcome: ReanchorOutcome;
  /** The target in the new text; null for an orphan. */
  target: AnnotationTarget | null;
}

/**
 * Places an annotation on a changed text: the stored position if it still holds the
 * quote; else the exact quote, preferring the occurrence whose context matches and
 * that lies nearest the old position; else the annotation is an orphan (kept, listed).
 * Deterministic: the same text and target always give the same result.
 */
export function reanchor(text: string, target: AnnotationTarget): ReanchorResult {
  if (positionMatchesQuote(text, target)) return { outcome: 'kept', target };

  const { exact, prefix, suffix } = target.quote;
  let best = -1;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const contextScore =
      commonSuffixLength(text.slice(Math.max(0, at - prefix.length), at), prefix) +
      commonPrefixLength(text.slice(at + exact.length, at + exact.length + suffix.length), suffix);
    // Context outweighs distance: a phrase repeated elsewhere must not steal the highlight.
    const score = contextScore * 1e6 - Math.abs(at - target.position.start);
    if (score > bestScore) {
      bestScore = score;
      best = at;
    }
  }
  if (best === -1) return { outcome: 'orphaned', target: null };
  return { outcome: 'moved', target: describeRange(text, best, best + exact.length) };
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
