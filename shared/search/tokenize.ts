// Turns text into the terms the search index stores and the query looks up. Chinese has no
// spaces, so a run of Chinese characters gives every pair of neighbouring characters (a
// bigram: 京津冀 → 京津, 津冀), which lets a part of a word find the word (京津 finds 京津冀,
// 协同 finds 协同发展), and the longer words Intl.Segmenter finds in it (three characters or
// more: two-character words are bigrams already). A run of a single character is a term of
// its own (309家 → 309, 家). Latin words and numbers are lower-cased (NFKC, so full-width
// ＡＢＣ and ２０１９ read as abc and 2019) with a light English stemming (plans → plan; the
// word as written is kept too, for prefixes).
// Every token keeps its offsets into the text it came from.

export type TokenKind = 'gram' | 'char' | 'word' | 'latin';

export interface Token {
  term: string;
  start: number;
  end: number;
  kind: TokenKind;
}

/** Scripts written without spaces: their runs are cut into bigrams. */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/** A CJK run, or a run of other letters and digits (letters of other scripts, [^\P{L}…] = a letter not CJK). */
const RUNS = new RegExp(`([${CJK}]+)|((?:[^\\P{L}${CJK}]|\\p{N}|\\p{M})+)`, 'gu');
/** Where Intl.Segmenter is given text: a run longer than this is cut (Node 20's segmenter is superlinear). */
const SEGMENT_CHUNK = 200;

let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** A light English stemmer: enough that plans, planning and planned find plan; never below three letters. */
export function stem(word: string): string {
  if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  // -ing and -ed only where a vowel stays before them (string, speed and need keep theirs).
  if (word.endsWith('ing') && /[aeiouy]/.test(word.slice(0, -3))) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && !word.endsWith('eed') && /[aeiouy]/.test(word.slice(0, -2))) {
    return undouble(word.slice(0, -2));
  }
  return word;
}
const undouble = (word: string) =>
  /([b-df-hj-np-tv-z])\1$/.test(word) && !/(?:ll|ss|zz)$/.test(word) ? word.slice(0, -1) : word;

/** The term of CJK characters (NFKC: a Kangxi radical ⼼ from a PDF reads as 心). */
const cjkTerm = (chars: string) => chars.normalize('NFKC');

export interface TokenizeOptions {
  /**
   * Add the words of three characters or more that Intl.Segmenter finds in CJK runs. Off by
   * default, and the index does without them: they cost six times the bigrams' time in Node 20
   * and add little (ICU's dictionary cuts 京津|冀 and 疏|解 apart). Queries are segmented (parseQuery).
   */
  words?: boolean;
}

/** The tokens of `text` in order of their start (a run's words come after its bigrams). */
export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  const words = options.words === true;
  for (const match of text.matchAll(RUNS)) {
    const start = match.index;
    if (match[1]) {
      const run = match[1];
      cjkTokens(run, start, tokens);
      if (words && run.length >= 3) wordTokens(run, start, tokens);
    } else if (match[2]) {
      // The word as written too, when stemming changed it, so a prefix typed finds it (beiji → beijing).
      const written = match[2].normalize('NFKC').toLowerCase();
      const term = stem(written);
      const end = start + match[2].length;
      tokens.push({ term, start, end, kind: 'latin' });
      if (term !== written) tokens.push({ term: written, start, end, kind: 'latin' });
    }
  }
  return tokens;
}

/** Bigrams of a CJK run (a run of one character: the character). Surrogate pairs count as one character. */
function cjkTokens(run: string, offset: number, out: Token[]): void {
  const chars = [...run];
  if (chars.length === 1) {
    out.push({ term: cjkTerm(run), start: offset, end: offset + run.length, kind: 'char' });
    return;
  }
  let at = offset;
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    out.push({ term: cjkTerm(a + b), start: at, end: at + a.length + b.length, kind: 'gram' });
    at += a.length;
  }
}

/** Words of three characters or more that the segmenter finds in a CJK run. */
function wordTokens(run: string, offset: number, out: Token[]): void {
  const segment = wordSegmenter();
  if (!segment) return;
  for (let from = 0; from < run.length; from += SEGMENT_CHUNK) {
    const chunk = run.slice(from, from + SEGMENT_CHUNK);
    for (const piece of segment.segment(chunk)) {
      if (!piece.isWordLike || [...piece.segment].length < 3) continue;
      const start = offset + from + piece.index;
      out.push({ term: cjkTerm(piece.segment), start, end: start + piece.segment.length, kind: 'word' });
    }
  }
}

/**
 * The distinct terms of `text` (tokenize's, without segmenter words) with how often each
 * occurs, times `weight`, added to `into`. The indexer's path: no token objects are made.
 */
export function termFrequencies(text: string, weight = 1, into: Map<string, number> = new Map()): Map<string, number> {
  const add = (term: string) => into.set(term, (into.get(term) ?? 0) + weight);
  for (const match of text.matchAll(RUNS)) {
    if (match[1]) {
      const run = match[1];
      if (/[\u2e80-\u2fdf\uf900-\ufaff\uff65-\uff9f]/.test(run) || /[\ud800-\udfff]/.test(run)) {
        // Radicals, compatibility ideographs or surrogate pairs: the careful way.
        const tokens: Token[] = [];
        cjkTokens(run, 0, tokens);
        for (const t of tokens) add(t.term);
      } else if (run.length === 1) add(run);
      else for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2));
    } else if (match[2]) {
      const written = match[2].normalize('NFKC').toLowerCase();
      const term = stem(written);
      add(term);
      if (term !== written) add(written);
    }
  }
  return into;
}

/** Whether a character (a whole code point) is written without spaces (Chinese, Japanese kana). */
export const isCjk = (char: string): boolean => new RegExp(`^[${CJK}]$`, 'u').test(char);

/** One word of a query: a Chinese word, or a Latin word or number, as written and as terms. */
export interface QueryWord {
  /** As typed (NFKC, lower case for Latin). */
  text: string;
  cjk: boolean;
  /** CJK: the bigrams (or the one character); Latin: the stemmed term. */
  terms: string[];
}

export interface ParsedQuery {
  /** Every word must be found. */
  words: QueryWord[];
  /** Runs of Chinese typed without a break that were cut into several words: found whole, a hit ranks higher. */
  phrases: QueryWord[];
}

function cjkWord(text: string): QueryWord {
  const tokens: Token[] = [];
  cjkTokens(text, 0, tokens);
  return { text, cjk: true, terms: [...new Set(tokens.map((t) => t.term))] };
}

/**
 * The words of a Chinese run as typed: Intl.Segmenter's words, a single character joined to the
 * word before it (or after it), since its dictionary cuts many policy words apart (疏|解, 京津|冀).
 */
function runWords(run: string): string[] {
  const segment = wordSegmenter();
  if (!segment || [...run].length <= 2) return [run];
  const words: string[] = [];
  let lead = '';
  for (const { segment: piece } of segment.segment(run)) {
    if ([...piece].length > 1) {
      words.push(lead + piece);
      lead = '';
    } else if (words.length) words[words.length - 1] += piece;
    else lead += piece;
  }
  if (lead) words.push(lead);
  return words;
}

/**
 * A query as words: each Latin word or number, and the words of each run of Chinese. Every
 * word must be found (a Chinese word by all of its bigrams, so 京津 finds 京津冀), so a longer
 * query narrows the hits; a run cut into several words is also kept as a phrase, for ranking.
 */
export function parseQuery(query: string): ParsedQuery {
  const words: QueryWord[] = [];
  const phrases: QueryWord[] = [];
  const seen = new Set<string>();
  const add = (word: QueryWord) => {
    if (seen.has(word.text)) return;
    seen.add(word.text);
    words.push(word);
  };
  for (const match of query.normalize('NFKC').matchAll(RUNS)) {
    if (match[1]) {
      const run = cjkTerm(match[1]);
      const parts = runWords(run);
      for (const part of parts) add(cjkWord(part));
      if (parts.length > 1 && !phrases.some((p) => p.text === run)) phrases.push(cjkWord(run));
    } else {
      const text = match[2]!.toLowerCase();
      add({ text, cjk: false, terms: [stem(text)] });
    }
  }
  return { words, phrases };
}
