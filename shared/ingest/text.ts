// Plain text → blocks. Scraped pages arrive one paragraph per line; each non-empty line
// becomes a block, short unpunctuated lines are taken for headings, and the number of
// blank lines before a line is kept as a layout hint (newspaper pages separate articles
// with wider gaps).
import type { ParsedPage, RawBlock } from './types';
import { emptyMeta } from './types';
import { isHeadingLike, squash } from './shape';

/** Numbered items written as "1、…", "1.…", "(1)…", "①…" (not Chinese section numbers, which head sections). */
const LIST_ITEM = /^(?:\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])\s*\S/;
/** Section numbers that make a short line a heading, and how deep: "一、" is 2, "（一）" is 3. */
const SUBSECTION = /^[（(][一二三四五六七八九十]+[）)]/;

/** Classifies one trimmed line. */
export function lineBlock(text: string, gap: number): RawBlock {
  if (isHeadingLike(text)) return { type: 'heading', level: SUBSECTION.test(text) ? 3 : 2, text, gap };
  if (LIST_ITEM.test(text)) return { type: 'list-item', ordered: true, text, gap };
  return { type: 'paragraph', text, gap };
}

export function parseText(text: string): ParsedPage {
  const blocks: RawBlock[] = [];
  let gap = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = squash(text.slice(start, end));
    if (line) {
      blocks.push(lineBlock(line, blocks.length === 0 ? 0 : gap));
      gap = 0;
    } else {
      gap++;
    }
    start = end + 1;
  }
  return { kind: 'text', blocks, meta: emptyMeta() };
}
