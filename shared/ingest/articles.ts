// A newspaper page holds several articles. Each starts with a news lead ("本报讯(记者 …)",
// "新华社…电") — with the headings just above it as its title — or after a gap wider than
// the page's usual paragraph spacing. Only pages that look like newspaper pages are split.
import type { ProposedArticle, RawBlock } from './types';
import { findAuthors } from './authors';
import { endsSentence, firstSentence } from './shape';

/** The opening words of a news report. */
const LEAD =
  /^(?:本报讯|本报[\u4e00-\u9fff]{0,6}(?:电|讯)|新华社[\u4e00-\u9fff]{0,10}电|[(（](?:本报)?记者[^)）]{1,30}[)）])/;

/** The lower median: with few paragraphs, one wide gap must not set the norm. */
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : 0;
};

/** "本报讯(记者 张群琛 通讯员 陈振)中交三公局…" → the report's own first sentence. */
const stripLead = (text: string) =>
  text.replace(/^本报讯|^[^（(]{0,12}电/, '').replace(/^\s*[(（][^)）]{0,40}[)）]\s*/, '');

/**
 * Proposed articles of a page, or [] when it reads as one article. `newspaper` says the page
 * carries a newspaper masthead; without one, at least two news leads are needed.
 */
export function proposeArticles(blocks: readonly RawBlock[], newspaper: boolean): ProposedArticle[] {
  const leads = blocks.map((b) => b.type === 'paragraph' && LEAD.test(b.text));
  if (!newspaper && leads.filter(Boolean).length < 2) return [];
  if (!leads.some(Boolean)) return [];

  const gaps = blocks.map((b) => b.gap ?? 0);
  const wide = Math.max(2, median(gaps.slice(1)) + 2);
  const starts = new Set<number>([0]);
  for (let i = 1; i < blocks.length; i++) {
    let s = -1;
    if (leads[i]) {
      s = i;
      // The headline and subtitle lines right above the lead belong to the article.
      while (s > 0 && blocks[s - 1]!.type === 'heading') s--;
    } else if (gaps[i]! >= wide && endsSentence(blocks[i - 1]!.text)) s = i;
    if (s > 0) starts.add(s);
  }
  const firsts = [...starts].sort((a, b) => a - b);
  if (firsts.length < 2) return [];
  return firsts.map((first, k) => {
    const part = blocks.slice(first, firsts[k + 1] ?? blocks.length);
    return { firstBlock: first, title: partTitle(part), authors: findAuthors(part.map((b) => b.text)) };
  });
}

/** A part's title: its first heading, else the first sentence of its report. */
export function partTitle(part: readonly RawBlock[]): string {
  const first = part[0];
  if (!first) return '';
  if (first.type === 'heading') return first.text;
  return firstSentence(stripLead(first.text));
}
