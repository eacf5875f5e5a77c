import search, { type Match } from 'approx-string-match';
import { QUOTE_CONTEXT } from './describe';
import { better, candidate, CONTEXT_SUPPORT, type Candidate, type Search } from './match';
import type { Span } from './pin';

/**
 * A fuzzy match must keep at least three quarters of the quote (1 − errors / length): room for a
 * corrected character or added punctuation every four characters, while a passage that lost more
 * is a rewritten sentence whose sense may have changed, better listed as an orphan for the
 * analyst than silently moved.
 */
export const MIN_SIMILARITY = 0.75;

/**
 * Shorter quotes are never matched fuzzily. A Chinese character is a word or a morpheme, so in a
 * short quote one changed character is another thing (京张铁路 → 京沪铁路, 十三五 → 十四五), and a
 * handful of characters with one error matches unrelated text too easily. From six characters on,
 * one error leaves five in place, and the context must agree as well.
 */
export const MIN_FUZZY_LENGTH = 6;

const maxErrors = (length: number) => Math.floor(length * (1 - MIN_SIMILARITY));

/**
 * The passage within a span its old neighbours still pin (pin.ts): the best match of the quote
 * in it, exact or (for a quote long enough) fuzzy; else null. Inside the span no context is
 * asked for: the neighbours were found.
 */
export function withinSpan(s: Search, span: Span): Candidate | null {
  const { exact } = s.quote;
  const errors = exact.length < MIN_FUZZY_LENGTH ? 0 : maxErrors(exact.length);
  let found: Candidate | null = null;
  for (const match of search(s.text.slice(span.start, span.end), exact, errors)) {
    const c = candidate(s, span.start + match.start, span.start + match.end, match.errors);
    if (!found || better(c, found, s)) found = c;
  }
  return found;
}

/**
 * The best approximate match of the quote whose context still agrees (CONTEXT_SUPPORT), or null:
 * in a window around the expected position first, where an edited passage normally is; then, if
 * `wholeText` and the window held none, in the whole text.
 */
export function bestFuzzy(s: Search, wholeText: boolean): Candidate | null {
  const length = s.quote.exact.length;
  if (length < MIN_FUZZY_LENGTH) return null;
  const errors = maxErrors(length);
  const margin = QUOTE_CONTEXT + errors;
  const from = Math.min(Math.max(0, s.expected - margin), s.text.length);
  const to = Math.min(Math.max(0, s.expected + length + margin), s.text.length);
  const near = bestSupported(s, search(s.text.slice(from, to), s.quote.exact, errors), from);
  if (near || !wholeText || (from === 0 && to === s.text.length)) return near;
  return bestSupported(s, searchWholeText(s.text, s.quote.exact, errors), 0);
}

// Stretches closer than this are searched as one: a call to search() costs about as much as
// running it over a few hundred characters.
const JOIN_GAP = 256;

/**
 * search() over the whole text, through a filter: cut the quote into maxErrors + 1 pieces; a
 * match with at most maxErrors errors contains one of them verbatim, so only the stretches
 * around their occurrences need the full search. Same matches, a fraction of the time.
 */
function searchWholeText(text: string, quote: string, maxErrors: number): Match[] {
  const pieces = maxErrors + 1;
  const stretches: Span[] = [];
  for (let i = 0; i < pieces; i++) {
    const from = Math.floor((i * quote.length) / pieces);
    const piece = quote.slice(from, Math.floor(((i + 1) * quote.length) / pieces));
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      // Room on the left for approx-string-match's own search for where a match starts.
      const start = Math.max(0, at - from - 3 * maxErrors);
      stretches.push({ start, end: Math.min(text.length, at - from + quote.length + maxErrors) });
    }
  }
  stretches.sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const s of stretches) {
    const last = merged.at(-1);
    if (last && s.start <= last.end + JOIN_GAP) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  // Each stretch reports its own fewest errors; the whole text's are the fewest of all.
  const matches = merged.flatMap((m) =>
    search(text.slice(m.start, m.end), quote, maxErrors).map((r) => ({
      ...r,
      start: r.start + m.start,
      end: r.end + m.start,
    })),
  );
  const fewest = Math.min(...matches.map((m) => m.errors));
  return matches.filter((m) => m.errors === fewest);
}

// approx-string-match reports only the matches with the fewest errors in what it is given,
// one more reason to search the small window first.
function bestSupported(s: Search, matches: readonly Match[], offset: number): Candidate | null {
  let found: Candidate | null = null;
  for (const match of matches) {
    const c = candidate(s, offset + match.start, offset + match.end, match.errors);
    if (c.context >= CONTEXT_SUPPORT && (!found || better(c, found, s))) found = c;
  }
  return found;
}
