// The words of a hit to show: a window of its text around the place where most of the query's
// words stand close together, inside one passage (a paragraph, heading or list item), with
// every matched word marked. Offsets are into the text given (a document's canonical text), so
// the reader can open the document at the passage.
import type { ParsedQuery, QueryWord } from './tokenize';

export interface Snippet {
  /** text.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** The matched words inside the window, as offsets into the whole text, in order. */
  marks: [number, number][];
  /** The passage to open at: the first matched word of the window; null when nothing matched. */
  at: { start: number; end: number } | null;
  /** Text left out before the window and after it. */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface Match {
  start: number;
  end: number;
  /** Which query word it is. */
  word: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * Where the query's words stand in `text`: a CJK word as typed (or, where it is nowhere in the
 * text, its bigrams: the index matched them), a Latin word as any word beginning with its stem.
 */
export function findMatches(text: string, words: readonly QueryWord[]): Match[] {
  const found: Match[] = [];
  words.forEach((word, index) => {
    const patterns: RegExp[] = [];
    if (word.cjk) {
      patterns.push(new RegExp(escape(word.text), 'gu'));
      if (word.terms.length > 1) patterns.push(new RegExp(word.terms.map(escape).join('|'), 'gu'));
    } else {
      const stem = commonPrefix(word.text, word.terms[0]!) || word.text;
      patterns.push(new RegExp(`(?<![\\p{L}\\p{N}])${escape(stem)}[\\p{L}\\p{N}]*`, 'giu'));
    }
    for (const pattern of patterns) {
      const before = found.length;
      for (const m of text.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length, word: index });
      if (found.length > before) break;
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping matches (a bigram inside a word already found) are dropped; adjacent ones kept.
  const out: Match[] = [];
  for (const m of found) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    out.push(m);
  }
  return out;
}

export function snippet(
  text: string,
  query: ParsedQuery,
  options: { width?: number; passages?: readonly { start: number; end: number }[] } = {},
): Snippet {
  const width = options.width ?? 120;
  // Phrases first: where one stands whole, it is marked whole (and counts for all its words).
  const words = [...query.phrases, ...query.words];
  const weight = (index: number) =>
    index < query.phrases.length ? query.words.filter((w) => words[index]!.text.includes(w.text)).length || 1 : 1;
  const matches = findMatches(text, words);
  const passageOf = (offset: number) =>
    options.passages?.find((p) => p.start <= offset && offset < p.end) ?? { start: 0, end: text.length };
  if (matches.length === 0) {
    const first = options.passages?.find((p) => p.end > p.start) ?? { start: 0, end: text.length };
    return cut(text, first.start, Math.min(first.end, first.start + width), [], null);
  }
  // The window holding the most of the query's words, then the most matches, then the earliest.
  let best = { anchor: 0, distinct: 0, count: 0 };
  for (let i = 0; i < matches.length; i++) {
    const anchor = matches[i]!;
    const limit = anchor.start + width * 0.75;
    const seen = new Set<number>();
    let count = 0;
    for (let j = i; j < matches.length && matches[j]!.end <= limit; j++) {
      seen.add(matches[j]!.word);
      count++;
    }
    let distinct = 0;
    for (const index of seen) distinct += weight(index);
    if (distinct > best.distinct || (distinct === best.distinct && count > best.count)) {
      best = { anchor: i, distinct, count };
    }
  }
  const anchor = matches[best.anchor]!;
  const passage = passageOf(anchor.start);
  let start = Math.max(passage.start, anchor.start - Math.floor(width / 4));
  const end = Math.min(passage.end, start + width);
  if (end - start < width) start = Math.max(passage.start, end - width);
  const marks = matches.filter((m) => m.start >= start && m.end <= end).map((m): [number, number] => [m.start, m.end]);
  return cut(text, start, end, marks, { start: anchor.start, end: anchor.end });
}

function cut(text: string, start: number, end: number, marks: [number, number][], at: Snippet['at']): Snippet {
  // Never cut a character in two (a surrogate pair).
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start]!)) start--;
  if (end < text.length && /[\uDC00-\uDFFF]/.test(text[end]!)) end++;
  return {
    text: text.slice(start, end),
    start,
    end,
    marks,
    at,
    cutStart: start > 0 && !/\n/.test(text[start - 1]!),
    cutEnd: end < text.length && !/\n/.test(text[end]!),
  };
}
