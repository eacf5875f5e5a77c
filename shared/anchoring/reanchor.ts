import type { AnnotationTarget } from '../model/types';
import { describeRange, positionMatchesQuote } from './describe';
import { bestFuzzy, withinSpan } from './fuzzy';
import { bestExact, better, CONTEXT_SUPPORT, keepsOneSide, type Candidate, type Search } from './match';
import { pinnedSpan } from './pin';

export type ReanchorOutcome = 'kept' | 'moved' | 'orphaned';

export interface ReanchorResult {
  outcome: ReanchorOutcome;
  /** The target in the new text; null for an orphan. */
  target: AnnotationTarget | null;
  /** How much of the stored quote the new passage keeps: 1 when exact, less after a fuzzy match, 0 for an orphan. */
  similarity: number;
}

const ORPHAN: ReanchorResult = { outcome: 'orphaned', target: null, similarity: 0 };

/**
 * Places an annotation on a changed text (DESIGN.md "Anchoring"), trying in turn:
 * 1. the stored position, if it still holds the quote: kept;
 * 2. the exact quote (the occurrence whose context agrees best, nearest the expected place)
 *    if its old context stands unchanged on both sides, or on one firm side: an edit beside a
 *    passage leaves the other side as it was;
 * 3. if the old prefix and suffix still stand around some text (pin.ts), the passage between
 *    them: the quote if still there, else the edited passage if similar enough (fuzzy.ts);
 * 4. that exact quote, if its context still agrees by half (CONTEXT_SUPPORT);
 * 5. if step 3 found its neighbours around other text, the passage was rewritten: an orphan;
 * 6. the exact quote elsewhere against a fuzzy match whose context agrees, near the expected
 *    place first, then anywhere: the better score wins (match.ts), so an edited passage in its
 *    place is not stolen by a repeat of its words;
 * 7. else an orphan, which the caller keeps and lists, never drops.
 * `shift` is how far the text before the passage is thought to have moved (see reanchorAll).
 * Pure and deterministic: the same arguments always give the same result.
 */
export function reanchor(text: string, target: AnnotationTarget, shift = 0): ReanchorResult {
  if (positionMatchesQuote(text, target)) return { outcome: 'kept', target, similarity: 1 };
  const search: Search = { text, quote: target.quote, expected: target.position.start + shift };
  const exact = bestExact(search);
  if (exact && (exact.context === 1 || keepsOneSide(search, exact))) return moved(text, exact);
  const span = pinnedSpan(search);
  const inPlace = span && withinSpan(search, span);
  if (inPlace) return moved(text, inPlace);
  if (exact && exact.context >= CONTEXT_SUPPORT) return moved(text, exact);
  if (span) return ORPHAN;
  const fuzzy = bestFuzzy(search, exact === null);
  const found = exact && fuzzy ? (better(fuzzy, exact, search) ? fuzzy : exact) : (exact ?? fuzzy);
  return found ? moved(text, found) : ORPHAN;
}

/**
 * Re-anchors all of a document's annotations; results in the order of `targets`. Annotations are
 * visited in text order, each expected where the previous one's move puts it, so after a
 * paragraph inserted near the start every later passage is found at its first look.
 * A result can differ from a lone reanchor() only where the expected place decides: between
 * near-equal repeats, or for an edited passage whose old neighbours changed too, which is
 * looked for in a window around the expected place before the whole text.
 */
export function reanchorAll(text: string, targets: readonly AnnotationTarget[]): ReanchorResult[] {
  const order = targets.map((_, i) => i);
  order.sort((a, b) => targets[a]!.position.start - targets[b]!.position.start || a - b);
  const results: ReanchorResult[] = new Array<ReanchorResult>(targets.length);
  let shift = 0;
  for (const i of order) {
    const target = targets[i]!;
    const result = reanchor(text, target, shift);
    if (result.target) shift = result.target.position.start - target.position.start;
    results[i] = result;
  }
  return results;
}

function moved(text: string, found: Candidate): ReanchorResult {
  return { outcome: 'moved', target: describeRange(text, found.start, found.end), similarity: found.quote };
}
