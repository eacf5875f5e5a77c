// Extraction over a file's raw text, for `dossier extract` and the evaluation, whose offsets
// count the file as read (../shared/gold/RULES.md). What is not the document's own words
// is skipped, offsets kept: markup (tags, comments, addresses) and the site furniture the
// import dropped (navigation, related news, legal notices). Datelines and mastheads stay:
// they date the document.
import { squash } from '../ingest/shape';
import type { Span } from './clauses';

/** HTML tags and comments, web addresses and e-mail addresses: never dates or targets. */
const MARKUP =
  /<!--[\s\S]*?-->|<\/?[a-zA-Z][^<>]*>|\b(?:https?|ftp):\/\/[^\s<>"'，。）)]+|\bwww\.[^\s<>"'，。）)]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function markupRanges(raw: string): Span[] {
  return [...raw.matchAll(MARKUP)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Where the dropped furniture lines sit in the raw text: whole lines, else the first place the words occur. */
export function furnitureRanges(raw: string, furniture: readonly string[]): Span[] {
  const wanted = new Set(furniture);
  const found = new Set<string>();
  const ranges: Span[] = [];
  let start = 0;
  while (start < raw.length) {
    let end = raw.indexOf('\n', start);
    if (end < 0) end = raw.length;
    const line = squash(raw.slice(start, end));
    if (wanted.has(line)) {
      ranges.push({ start, end });
      found.add(line);
    }
    start = end + 1;
  }
  for (const words of wanted) {
    if (found.has(words)) continue;
    const at = raw.indexOf(words);
    if (at >= 0) ranges.push({ start: at, end: at + words.length });
  }
  return ranges;
}

/** Everything extraction should skip in a raw file. */
export const rawSkipRanges = (raw: string, furniture: readonly string[]): Span[] => [
  ...markupRanges(raw),
  ...furnitureRanges(raw, furniture),
];
