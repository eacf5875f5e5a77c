// The shape of a line — length, punctuation, how it ends — is what the cleaning,
// title and rejoin rules look at; these helpers keep those rules readable.

/** CJK ideographs (unified + extension A + compatibility) — the characters of Chinese prose. */
export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const cjkChar = new RegExp(`[${CJK}]`);

export const isCjk = (ch: string | undefined): boolean => ch !== undefined && cjkChar.test(ch);

/** Punctuation that ends a sentence (closing quotes/brackets are looked through, see `endsSentence`). */
const TERMINAL = '。！？!?；;…';
const CLOSERS = '”’"\'」』）)】]》〉';
/** Punctuation inside a sentence: a line carrying it reads as prose, not as a heading. */
const INTERNAL = /[，,、；;：:]/;

const CLOSER_CODES = new Set(Array.from(CLOSERS, (c) => c.charCodeAt(0)));

/** A closing quote or bracket, or white space (every white-space character is ≤ U+3000 or U+FEFF). */
function lookedThrough(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (CLOSER_CODES.has(c)) return true;
  return (c <= 0x20 || (c >= 0xa0 && c <= 0x3000) || c === 0xfeff) && /\s/.test(text[i]!);
}

/** The last character that is not a closing quote or bracket. */
export function lastSignificant(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && lookedThrough(text, i)) i--;
  return i >= 0 ? text[i]! : '';
}

/** Whether the line ends a sentence: 。！？; or "…" (also behind closing quotes: 。” ). */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  const last = t[t.length - 1];
  if (last === undefined) return false;
  if (TERMINAL.includes(last)) return true;
  if (CLOSERS.includes(last)) {
    const inner = lastSignificant(t);
    return TERMINAL.includes(inner);
  }
  return last === '.' && !/\d\.$/.test(t) && /[A-Za-z)\]"']\.$/.test(t);
}

/** Whether the line ends with a colon (it introduces what follows; never a mid-word break). */
export const endsWithColon = (text: string): boolean => /[:：]$/.test(text.trimEnd().slice(-1));

export const hasInternalPunct = (text: string): boolean => INTERNAL.test(text);

/** White space that `squash` would change: other than a single inner space. */
const UNSQUASHED = /[^\S ]| {2}|^ | $/;

/** Collapses runs of spaces/tabs/NBSP to one space and trims (line breaks are not expected here). */
export const squash = (text: string): string =>
  UNSQUASHED.test(text) ? text.replace(/[\s\u00a0\u3000]+/g, ' ').trim() : text;

/** Whitespace-free form for comparing lines that differ only in layout. */
export const compact = (text: string): string => text.replace(/[\s\u00a0\u3000]+/g, '');

/** A list or section marker at the start: 一、 （一） 1、 1. (1) ① 第一章 一是. */
export const SECTION_MARKER =
  /^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,3}[、．.](?!\d)|[①-⑳]|第[一二三四五六七八九十百\d]+[章节条部分篇]|[一二三四五六七八九十]是)/;

/** A line made of separators and symbols only: "×", "|", ">>", "▲". */
export const isSymbolOnly = (text: string): boolean => {
  const t = text.trim();
  return t.length > 0 && t.length <= 6 && !/[\p{L}\p{N}]/u.test(t);
};

/** A byline: "文/本报记者 林艳", "记者 张三 李四", "(记者 林艳)". */
export const BYLINE =
  /^(?:本组)?(?:文|图|图文|撰文)?[/／]?\s*[(（]?\s*(?:本报|本刊|本台|特约)?(?:记者|通讯员|实习生|作者)[\s:：]/;

/**
 * Heading-like: short, no sentence punctuation at the end, not a byline.
 * `maxLength` is in characters (Chinese headings are short; Latin ones get more room).
 */
export function isHeadingLike(text: string, maxLength = 40): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > maxLength * 2.5) return false; // over either limit below: no need to scan
  const latin = !/[\u3000-\u9fff]/.test(t);
  const limit = latin ? maxLength * 2.5 : maxLength;
  if (t.length > limit) return false;
  if (BYLINE.test(t)) return false;
  const last = t[t.length - 1]!;
  if ('。，,、；;：:…'.includes(last)) return false;
  if (/。./.test(t)) return false;
  // Commas are allowed in short headings only ("坚持稳中求进，推动高质量发展").
  if (/[，,；;]/.test(t) && t.length > 25) return false;
  // A Latin line ending in a full stop is a sentence.
  if (latin && /\.$/.test(t)) return false;
  return true;
}

/** A paragraph that clearly is article prose: long enough and punctuated like sentences. */
export const isProse = (text: string): boolean => text.length >= 30 && /[。，,；！？]/.test(text);

/** The first sentence of a paragraph, cut to a title-sized length (for untitled parts). */
export function firstSentence(text: string, max = 40): string {
  const t = text.trim();
  const end = t.search(/[。！？；;!?]|……/);
  let s = end > 0 ? t.slice(0, end) : t;
  if (s.length > max) {
    const comma = Math.max(s.lastIndexOf('，', max), s.lastIndexOf(',', max));
    s = comma >= 8 ? s.slice(0, comma) : s.slice(0, max) + '…';
  }
  return s.trim();
}
