import type { AnnotationTarget } from '../model/types';

/** Characters of context kept on each side of a quote; enough to tell repeated phrases apart. */
export const QUOTE_CONTEXT = 32;

/**
 * Selectors for the passage [start, end) of a document's canonical text. Both kinds are
 * always emitted: the position is the truth, the quote the safety net for re-anchoring.
 */
export function describeRange(text: string, start: number, end: number): AnnotationTarget {
  if (!(start >= 0 && end <= text.length && start < end)) {
    throw new RangeError(`Invalid passage ${start}–${end} in a text of ${text.length} characters`);
  }
  return {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
  };
}

/** Whether the stored position still covers the stored quote (the cheap check before re-anchoring). */
export function positionMatchesQuote(text: string, target: AnnotationTarget): boolean {
  const { start, end } = target.position;
  return text.slice(start, end) === target.quote.exact;
}
