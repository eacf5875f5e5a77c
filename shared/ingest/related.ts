// Related-news lists appended after an article: runs of short headlines, each maybe with a
// one-line teaser, that belong to other stories. Recognised by their shape (headline +
// truncated teaser pairs at the very end) plus evidence that they are not this article's
// text: a "相关新闻" header, a site name stamped on every teaser, years that do not match
// the article's date, tighter spacing than the article's paragraphs, or wire datelines.
import type { RawBlock } from './types';
import { endsSentence, isHeadingLike } from './shape';
import { isRelatedHeader } from './boilerplate';

const WIRE_DATELINE = /^[\u4e00-\u9fff]{2,12}?\d{1,2}月\d{1,2}日(电|讯)/;

const isHeadline = (t: string) => t.length >= 4 && t.length <= 40 && isHeadingLike(t, 40) && !endsSentence(t);
const isTeaser = (t: string) =>
  t.length >= 10 && t.length <= 200 && (WIRE_DATELINE.test(t) || /(\.\.\.|…)$/.test(t) || !endsSentence(t));

/** The longest string (2–12 characters, no punctuation) that at least two of the texts end with. */
function sharedEnding(texts: string[]): string | null {
  let best: string | null = null;
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i]!;
      const b = texts[j]!;
      let n = 0;
      while (n < 12 && n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
      const end = a.slice(a.length - n);
      if (n >= 2 && !/[\p{P}\s]/u.test(end) && (!best || end.length > best.length)) best = end;
    }
  }
  return best;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

/**
 * Index where a related-news list starts at the end of `blocks[from, to)`, or null.
 * `year` is the article's publication year when known.
 */
export function findRelatedTail(
  blocks: readonly RawBlock[],
  from: number,
  to: number,
  year: number | null,
): number | null {
  const items: { head: RawBlock; teaser: RawBlock | null }[] = [];
  let i = to - 1;
  while (i > from) {
    const b = blocks[i]!;
    const prev = blocks[i - 1]!;
    if (i - 1 > from && isTeaser(b.text) && isHeadline(prev.text)) {
      items.push({ head: prev, teaser: b });
      i -= 2;
    } else if (isHeadline(b.text) && !isRelatedHeader(b.text)) {
      items.push({ head: b, teaser: null });
      i -= 1;
    } else break;
  }
  if (items.length < 2) return null;
  if (isRelatedHeader(blocks[i]!.text)) return i;
  const start = i + 1;

  const run = blocks.slice(start, to);
  const article = blocks.slice(from, start);
  const runChars = run.reduce((n, b) => n + b.text.length, 0);
  const articleChars = article.reduce((n, b) => n + b.text.length, 0);
  if (runChars >= articleChars) return null; // never most of the page

  const teasers = items.slice(0, 30).map((it) => it.teaser?.text ?? it.head.text);
  const runText = run.map((b) => b.text).join('\n');
  const years = [...runText.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => +m[1]!);
  const gaps = article.slice(1).map((b) => b.gap ?? 0);
  const signals = [
    sharedEnding(teasers) !== null,
    year !== null && years.length > 0 && years.every((y) => y !== year),
    gaps.length > 2 && median(gaps) >= 1 && run.slice(1).every((b) => (b.gap ?? 0) < median(gaps)),
    items.filter((it) => it.teaser && WIRE_DATELINE.test(it.teaser.text)).length >= 2,
  ].filter(Boolean).length;
  return signals >= 2 ? start : null;
}
