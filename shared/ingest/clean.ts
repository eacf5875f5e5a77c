// Drops site chrome from a page's blocks. Where a line sits matters as much as what it says:
// the head of the page (before the article prose) and its tail (after it) are cleared of
// short chrome lines; inside the article only short lines matching a boilerplate rule,
// inline jump markers and duplicated text go. A long line in the middle is never dropped.
import type { RawBlock } from './types';
import {
  FOOTER_START,
  HEAD_ONLY,
  JUMP,
  META_LABEL,
  TRAILING_EDITOR,
  editorIn,
  isSentenceLike,
  type BoilerKind,
} from './boilerplate';
import { findRelatedTail } from './related';
import { sameTitle, titleLinesAt } from './title';
import { compact, endsSentence, isHeadingLike, isProse, lastSignificant } from './shape';

export interface DroppedLine {
  text: string;
  /** Why: a boilerplate kind, or 'footer', 'related', 'duplicate', 'title-repeat', 'chrome', 'jump'. */
  reason: string;
}

export interface CleanContext {
  /** Index of the headline block (kept in the output; the caller decides whether to remove it). */
  titleIndex: number | null;
  title: string | null;
  /** The article's publication year when already known (helps to spot related-news lists). */
  year: number | null;
}

export interface CleanResult {
  blocks: RawBlock[];
  dropped: DroppedLine[];
  /** The headline block as it appears in `blocks`, or null. */
  titleBlock: RawBlock | null;
  /** The editor in charge ("责任编辑"), kept as metadata. */
  editor: string | null;
}

/** Labels of site-written summaries that may repeat the first paragraph: [摘要]…, 导读：… */
const SUMMARY_LABEL = /^[[【]?(摘要|导读|内容提要|提要|核心提示)[\]】:：]/;

/** A label alone on its line ("索 引 号：", "公开方式："): the next line is its value. */
const META_PAIR_LABEL = /^[\u4e00-\u9fff][\u4e00-\u9fff\s]{1,7}[:：]$/;

/** Drop reasons of lines that may carry the editor's credit (not headlines of other articles). */
const CREDIT_REASONS = new Set(['footer', 'editor', 'dateline', 'social', 'legal']);

/** "阅读下一篇", "下一篇 >": a link to the next article with nothing else on its line. */
const NEXT_ARTICLE = /^(?:阅读)?下一篇\s*[:：>》»]*$/;

/** The first character that is not white space ("" for a blank text). */
const firstVisible = (text: string): string => text.trimStart().charAt(0);

/** Block i is a (possibly truncated) copy of the text that follows it: a teaser or a repeated lead. */
function duplicatesFollowing(blocks: readonly RawBlock[], i: number, compactOf: (j: number) => string): boolean {
  const raw = blocks[i]!.text;
  if (raw.length < 20) return false; // the copy compared below is never longer than the line
  // Cheap refusal before compacting: a copy without a summary label (those open with one of
  // [【摘导内提核) starts with the same visible character as the text after it.
  const head = firstVisible(raw);
  if (!'[【摘导内提核'.includes(head)) {
    let j = i + 1;
    while (j < blocks.length && firstVisible(blocks[j]!.text) === '') j++;
    if (j === blocks.length || firstVisible(blocks[j]!.text) !== head) return false;
  }
  let norm = compactOf(i);
  const labeled = SUMMARY_LABEL.test(norm);
  if (labeled) norm = norm.replace(SUMMARY_LABEL, '');
  const truncated = labeled || /(\.{2,}|…)$/.test(norm) || !endsSentence(raw);
  norm = norm.replace(/(\.{2,}|…+)$/, '');
  if (norm.length < 20) return false;
  if (!truncated) return i + 1 < blocks.length && compactOf(i + 1) === norm;
  let following = '';
  for (let j = i + 1; j < blocks.length && following.length < norm.length; j++) following += compactOf(j);
  return following.startsWith(norm);
}

/** A line the footer may contain: boilerplate (not too long), or short and not a finished sentence. */
const footerCompatible = (b: RawBlock, mark: BoilerKind | null) =>
  mark !== null ? b.text.length <= 240 : b.text.length <= 60 && lastSignificant(b.text) !== '。';

/** A cheap test before titleLinesAt: the line opens the headline (same first two characters). */
const titleStart = (text: string, title: string): boolean =>
  text.length < title.length && text.charCodeAt(0) === title.charCodeAt(0) && text[1] === title[1];

/** A line that may open the footer: a footer marker, or a labelled date/source line ("发布日期：…", not a bare signature date), that is not a long sentence. */
const footerStart = (b: RawBlock, mark: BoilerKind | null) =>
  mark !== null &&
  (FOOTER_START.has(mark) || (mark === 'dateline' && META_LABEL.test(b.text))) &&
  (b.text.length <= 60 || !isSentenceLike(b.text));

/** Inside the article only unmistakable chrome goes: marked lines that are short and not sentences. */
const dropInBody = (b: RawBlock, mark: BoilerKind) =>
  mark === 'retitle' || mark === 'markup' || mark === 'symbol' || (b.text.length <= 80 && !isSentenceLike(b.text));

export function cleanBlocks(
  blocks: readonly RawBlock[],
  marks: readonly (BoilerKind | null)[],
  ctx: CleanContext,
): CleanResult {
  const n = blocks.length;
  const drop: (string | null)[] = new Array<string | null>(n).fill(null);
  const t = ctx.titleIndex;

  // The head: everything before the first line of article prose.
  let c0 = blocks.findIndex((b, i) => i !== t && !marks[i] && isProse(b.text));
  if (c0 < 0) c0 = n;
  const labelTables = new Set(
    blocks.filter((b) => b.type === 'table-cell' && b.col === 0 && /[:：]$/.test(b.text)).map((b) => b.table),
  );
  let inRelated = false;
  for (let i = 0; i < c0; i++) {
    if (i === t) continue;
    const b = blocks[i]!;
    // A related-links box in the head ("关联稿件：" + its links) goes whole.
    inRelated = marks[i] === 'related' || (inRelated && (b.type === 'list-item' || (b.linkRatio ?? 0) >= 0.5));
    if (marks[i]) drop[i] = marks[i]!;
    else if (inRelated) drop[i] = 'related';
    // "索 引 号：" above its value: a particulars list (dl/dd) is page metadata, label and value.
    else if (t !== null && i < t && i > 0 && META_PAIR_LABEL.test(blocks[i - 1]!.text) && b.text.length <= 40)
      drop[i] = 'meta-table';
    else if (t !== null && i < t && ((b.linkRatio ?? 0) >= 0.5 || b.text.length <= 6)) drop[i] = 'chrome';
    // A "标题：/发文字号：" table above the headline repeats the document's particulars.
    else if ((t === null || i < t) && b.type === 'table-cell' && labelTables.has(b.table)) drop[i] = 'meta-table';
  }
  // The body: short boilerplate lines wherever they are.
  for (let i = c0; i < n; i++) {
    const mark = marks[i];
    if (mark && !HEAD_ONLY.has(mark) && i !== t && dropInBody(blocks[i]!, mark)) drop[i] = mark;
  }

  // "阅读下一篇" alone on its line: what follows is another article's preview; the article ends there.
  let end = n;
  for (let i = c0; i < n; i++) {
    if (NEXT_ARTICLE.test(blocks[i]!.text)) {
      end = i;
      for (let j = i; j < n; j++) drop[j] ??= j === i ? 'pager' : 'next-article';
      break;
    }
  }

  // The footer: from the first footer marker after which only short or boilerplate lines follow.
  let s = end;
  while (s > Math.max(c0, (t ?? -1) + 1) && footerCompatible(blocks[s - 1]!, marks[s - 1]!)) s--;
  let footer = end;
  for (let i = s; i < end; i++) {
    if (footerStart(blocks[i]!, marks[i]!)) {
      footer = i;
      break;
    }
  }
  for (let i = footer; i < end; i++) drop[i] ??= marks[i] && marks[i] !== 'paper' ? marks[i]! : 'footer';

  // Related-news lists between the article's end and the footer.
  const related = findRelatedTail(blocks, c0, footer, ctx.year);
  if (related !== null) for (let i = related; i < footer; i++) drop[i] ??= 'related';

  // Link lists after the article's last paragraph (HTML pages).
  let lastProse = -1;
  for (let i = 0; i < n; i++) if (!drop[i] && isProse(blocks[i]!.text)) lastProse = i;
  for (let i = lastProse + 1; i < n; i++) if ((blocks[i]!.linkRatio ?? 0) >= 0.6) drop[i] ??= 'links';

  // Repeats: the headline again, teasers and truncated copies of the following text.
  const compacted: (string | undefined)[] = new Array<string | undefined>(n);
  const compactOf = (j: number) => (compacted[j] ??= compact(blocks[j]!.text));
  const texts = blocks.map((b) => b.text);
  for (let i = 0; i < n; i++) {
    if (drop[i] || i === t) continue;
    const text = blocks[i]!.text;
    if (ctx.title && isHeadingLike(text, 60) && sameTitle(text, ctx.title)) {
      drop[i] = 'title-repeat';
    } else if (ctx.title && titleStart(text, ctx.title)) {
      const k = titleLinesAt(texts, i, ctx.title);
      for (let j = i; j < i + k; j++) drop[j] ??= 'title-repeat';
    } else if (duplicatesFollowing(blocks, i, compactOf)) drop[i] = 'duplicate';
  }

  // Inline: jump markers and an editor line glued to the last paragraph.
  const kept: RawBlock[] = [];
  const dropped: DroppedLine[] = [];
  let editor: string | null = null;
  let titleBlock: RawBlock | null = null;
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    if (drop[i]) {
      dropped.push({ text: b.text, reason: drop[i]! });
      // The editor may share a line with other credits ("本文来源：新华社 责任编辑：李曦").
      if (drop[i] === 'editor' || (CREDIT_REASONS.has(drop[i]!) && b.text.length <= 80 && b.text.includes('编')))
        editor ??= editorIn(b.text);
      continue;
    }
    let text = b.text;
    if (b.type !== 'preformatted') {
      if (text.includes('版'))
        text = text.replace(JUMP, (m) => {
          dropped.push({ text: m, reason: 'jump' });
          return '';
        });
      const ed = text.includes('编') ? TRAILING_EDITOR.exec(text) : null;
      if (ed) {
        dropped.push({ text: ed[0].trim(), reason: 'editor' });
        editor ??= ed[1]!.trim();
        text = text.slice(0, ed.index);
      }
      text = text.trim();
    }
    if (!text) continue;
    const cut = i > 0 && drop[i - 1] !== null;
    const out = text === b.text && !cut ? b : cut ? { ...b, text, afterCut: true } : { ...b, text };
    if (i === t) titleBlock = out;
    kept.push(out);
  }
  return { blocks: kept, dropped, titleBlock, editor };
}
