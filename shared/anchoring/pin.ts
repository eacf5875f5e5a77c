import { QUOTE_CONTEXT } from './describe';
import { FIRM_CONTEXT, nearestFirst, type Search } from './match';

export interface Span {
  start: number;
  end: number;
}

/**
 * Where the passage must be if its old neighbours both still stand: the span between the stored
 * prefix and suffix, both verbatim, with some text but at most the quote's length plus two
 * contexts between them (room for a sentence inserted into the passage), nearest the expected
 * position; or null.
 * An edit inside a passage leaves both intact, and two unchanged runs of 16 to 32 characters
 * do not stand around the same gap by chance.
 */
export function pinnedSpan({ text, quote, expected }: Search): Span | null {
  const { prefix, suffix } = quote;
  // A context cut short by the edge of the document is too common to pin anything; none at all
  // (the passage touched the edge) pins it to that edge.
  if ([prefix, suffix].some((c) => c.length > 0 && c.length < FIRM_CONTEXT)) return null;
  const maxGap = quote.exact.length + 2 * QUOTE_CONTEXT;
  const suffixAfter = (start: number): number => {
    if (suffix === '') return text.length - start <= maxGap ? text.length : -1;
    const at = text.slice(start, start + maxGap + suffix.length).indexOf(suffix);
    return at === -1 ? -1 : start + at;
  };
  const prefixes = prefix === '' ? [0] : nearestFirst(text, prefix, expected - prefix.length);
  for (const at of prefixes) {
    const end = suffixAfter(at + prefix.length);
    if (end > at + prefix.length) return { start: at + prefix.length, end };
  }
  return null;
}
