import type { TextQuoteSelector } from '../model/types';
import { surroundingsSimilarity } from './context';
import { QUOTE_CONTEXT } from './describe';

/** What is being looked for: a stored quote, in a text, expected at about `expected`. */
export interface Search {
  text: string;
  quote: TextQuoteSelector;
  expected: number;
}

/** A place where the quote may now lie, with the evidence for it. */
export interface Candidate {
  start: number;
  end: number;
  /** 1 − errors / quote length: 1 for the exact quote. */
  quote: number;
  /** Mean similarity of the prefix and suffix (see context.ts). */
  context: number;
  score: number;
}

/**
 * A candidate whose context is at least this similar stands in the passage's old surroundings:
 * with one full side intact and the other wholly rewritten it is exactly 0.5, so an edit on one
 * side of a passage never costs it its place.
 */
export const CONTEXT_SUPPORT = 0.5;

// The quote weighs most: it is what the analyst highlighted. The context nearly as much: 32
// characters on each side rarely repeat by chance, so it tells an edited passage in place from
// the same words elsewhere (0.4 of full context outweighs the 0.125 a quarter of errors costs).
// Position, scaled to the whole document, only separates candidates that are otherwise alike.
const WEIGHT = { quote: 0.5, context: 0.4, position: 0.1 } as const;

function closeness(search: Search, start: number): number {
  return 1 - Math.min(1, Math.abs(start - search.expected) / Math.max(1, search.text.length));
}

function score(quote: number, context: number, near: number): number {
  return WEIGHT.quote * quote + WEIGHT.context * context + WEIGHT.position * near;
}

/** A candidate at [start, end) with `errors` against the quote; `context` if already known. */
export function candidate(search: Search, start: number, end: number, errors: number, context?: number): Candidate {
  const { text, quote } = search;
  const similarity = 1 - errors / quote.exact.length;
  context ??= surroundingsSimilarity(text, start, end, quote.prefix, quote.suffix);
  return { start, end, quote: similarity, context, score: score(similarity, context, closeness(search, start)) };
}

/** A total order, so the choice never depends on the order candidates were found in. */
export function better(a: Candidate, b: Candidate, search: Search): boolean {
  if (a.score !== b.score) return a.score > b.score;
  const da = Math.abs(a.start - search.expected);
  const db = Math.abs(b.start - search.expected);
  if (da !== db) return da < db;
  return a.start !== b.start ? a.start < b.start : a.end < b.end;
}

/** Whether the quote and both sides of its context stand unchanged at `at` (context similarity 1). */
function standsVerbatim(text: string, quote: TextQuoteSelector, at: number): boolean {
  const end = at + quote.exact.length;
  return (
    at >= quote.prefix.length &&
    text.startsWith(quote.exact, at) &&
    (quote.prefix === '' ? at === 0 : text.startsWith(quote.prefix, at - quote.prefix.length)) &&
    (quote.suffix === '' ? end === text.length : text.startsWith(quote.suffix, end))
  );
}

/** Contexts at least this long (or empty, at the document's edge) are firm enough to place a passage by. */
export const FIRM_CONTEXT = QUOTE_CONTEXT / 2;

/** Whether one firm side of the context stands unchanged next to the candidate. */
export function keepsOneSide({ text, quote }: Search, c: Candidate): boolean {
  const { prefix, suffix } = quote;
  const before =
    prefix === '' ? c.start === 0 : prefix.length >= FIRM_CONTEXT && text.startsWith(prefix, c.start - prefix.length);
  const after = suffix === '' ? c.end === text.length : suffix.length >= FIRM_CONTEXT && text.startsWith(suffix, c.end);
  return (before && c.start >= prefix.length) || after;
}

/**
 * Occurrences of `needle` in `text`, nearest to `near` first (of two as near, the earlier), as
 * long as they lie within `within()` of it (asked again before each step, so the caller can
 * narrow it as it finds better). Looks back only as far as the next occurrence ahead is away:
 * finding a near occurrence costs a short search, not a scan of the whole text.
 */
export function* nearestFirst(
  text: string,
  needle: string,
  near: number,
  within: () => number = () => Infinity,
): Generator<number> {
  const origin = Math.min(Math.max(0, near), text.length);
  let bound = origin; // occurrences before `near` that start at or after `bound` were visited or ruled out
  let after = firstBetween(text, needle, origin, near + within());
  for (;;) {
    const reach = Math.max(0, Math.ceil(near - within()), after === -1 ? 0 : 2 * near - after);
    const before = reach < bound ? text.slice(reach, bound - 1 + needle.length).lastIndexOf(needle) : -1;
    if (before !== -1) {
      bound = reach + before;
      yield bound;
      continue;
    }
    bound = Math.min(bound, reach);
    if (after === -1) return;
    yield after;
    after = firstBetween(text, needle, after + 1, near + within());
  }
}

/** The first occurrence of `needle` starting in [from, last], or -1. */
function firstBetween(text: string, needle: string, from: number, last: number): number {
  if (from > last) return -1;
  const at = text.slice(from, Math.min(text.length, Math.floor(last) + needle.length)).indexOf(needle);
  return at === -1 ? -1 : from + at;
}

/**
 * The best occurrence of the exact quote, or null. A passage that merely moved is usually where
 * the expected position says, with its context intact: that is the best possible candidate, so
 * it is taken at one look. Otherwise occurrences are visited nearest first, until even a perfect
 * context further out could not win.
 */
export function bestExact(search: Search): Candidate | null {
  const { text, expected, quote } = search;
  if (standsVerbatim(text, quote, expected)) return candidate(search, expected, expected + quote.exact.length, 0, 1);
  let best: Candidate | null = null;
  // How far a perfect context could still outscore the best so far (a character more, for rounding).
  const within = () => {
    const room = best ? (best.score - WEIGHT.quote - WEIGHT.context) / WEIGHT.position : 0;
    return room > 0 ? (1 - room) * Math.max(1, text.length) + 1 : Infinity;
  };
  for (const at of nearestFirst(text, quote.exact, expected, within)) {
    const found = candidate(search, at, at + quote.exact.length, 0);
    if (!best || better(found, best, search)) best = found;
  }
  return best;
}
