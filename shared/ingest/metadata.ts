// Gathers the document's metadata from the evidence the other stages leave: stated dates
// (meta tags, date lines in the page head or footer), writers, editor, and the source.
import type { DocumentSource, PublishedDate } from '../model/types';
import type { ParsedPage } from './types';
import type { BoilerKind } from './boilerplate';
import type { DroppedLine } from './clean';
import { findDate, firstDate, dayDate } from './dates';
import { proseStart } from './title';
import { findAuthors, isPersonName } from './authors';
import { detectSource } from './source';

/**
 * The publication date the page states: its metadata first, then a date line in the page
 * head ("28.01.2016 07:24", "来源:… 2019-06-06"), then one in the footer ("发布日期：…").
 * Dates inside the article prose are events, not the publication, and are not used.
 */
export function statedPublished(page: ParsedPage, marks: readonly (BoilerKind | null)[]): PublishedDate | null {
  const fromMeta = firstDate(page.meta.dates);
  const labelled = labelledDate(page.blocks);
  // A CMS stamps PubDate with the time it generated the page: later than, or the same as, that time.
  const generated = page.meta.generated ? findDate(page.meta.generated)?.date : undefined;
  if (labelled && (!fromMeta || fromMeta.from === generated || fromMeta.from > labelled.from)) return labelled;
  if (fromMeta) return fromMeta;
  const start = proseStart(page, marks);
  const blocks = page.blocks;
  // Head lines first, then the rest, each in page order: that is simply page order.
  for (let i = 0; i < blocks.length; i++) {
    if (marks[i] !== 'dateline') continue;
    const d = findDate(blocks[i]!.text);
    if (d) return dayDate(d.date, d.text, 'detected');
  }
  for (let i = 0; i < Math.min(start, 8); i++) {
    const text = blocks[i]!.text;
    const d = text.length <= 60 ? findDate(text) : null;
    if (d) return dayDate(d.date, d.text, 'detected');
  }
  return null;
}

/** Labels of the date a page shows as its publication, strongest first (成文日期 is the signing date). */
const DATE_LABELS = ['发布日期', '发布时间', '生成日期'];
const LABEL_ALONE = /^(发布日期|发布时间|生成日期)\s*[:：]?$/;

/**
 * The publication date a page shows under a label: "发布日期：2017-05-15" on one line, or a
 * label cell followed by its value (gov.cn's particulars table). 发布日期 beats 生成日期.
 */
export function labelledDate(blocks: readonly { text: string }[]): PublishedDate | null {
  let best: { rank: number; date: PublishedDate } | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i]!.text;
    if (text.length > 100 || !(text.includes('日期') || text.includes('时间'))) continue;
    for (let rank = 0; rank < DATE_LABELS.length && (!best || rank < best.rank); rank++) {
      const at = text.indexOf(DATE_LABELS[rank]!);
      if (at < 0) continue;
      const alone = LABEL_ALONE.test(text.replace(/\s+/g, '')) && i + 1 < blocks.length;
      const after = alone ? blocks[i + 1]!.text.slice(0, 40) : text.slice(at + 4).replace(/^\s*[:：]\s*/, '');
      const d = /^\d/.test(after.trim()) ? findDate(after) : null;
      if (d) best = { rank, date: dayDate(d.date, d.text, 'detected') };
    }
  }
  return best?.date ?? null;
}

/** At least 20 Chinese characters among the first 4000: a Chinese page. */
export function isChineseText(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length && i < 4000 && n < 20; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) n++;
  }
  return n >= 20;
}

export interface MetadataEvidence {
  page: ParsedPage;
  kept: readonly string[];
  dropped: readonly DroppedLine[];
  original: string;
  editor: string | null;
  titleChannel: string | null;
  titleSite: string | null;
}

/** Source, writers and editor of the document; `original` is the reposted piece's first publisher. */
export function documentSource(e: MetadataEvidence): { source: DocumentSource; original: string | null } {
  // isChineseText reads at most 4000 characters: copy no more of the first 20 blocks than that.
  let head = '';
  for (const t of e.kept.slice(0, 20)) {
    head += t.slice(0, 4000 - head.length);
    if (head.length >= 4000) break;
  }
  const chinese = isChineseText(head);
  const metaLines = e.dropped.filter((d) => d.reason === 'dateline').map((d) => d.text);
  const authors = findAuthors([...metaLines, ...e.kept]);
  const facts = detectSource({
    meta: e.page.meta,
    kept: e.kept,
    dropped: e.dropped,
    original: e.original,
    titleChannel: e.titleChannel,
    titleSite: e.titleSite,
  });
  // A CMS fills the author tag with the editor on duty or the site's own name ("网易"): neither wrote the piece.
  const notWriters = [e.editor, facts.site, facts.host, e.titleSite, ...e.page.meta.sites].filter(
    (x): x is string => !!x,
  );
  const isSiteOrEditor = (a: string) => notWriters.some((x) => x.startsWith(a) || a.startsWith(x));
  for (const a of e.page.meta.authors) {
    if (isPersonName(a, chinese) && !isSiteOrEditor(a) && !authors.includes(a)) authors.push(a);
  }
  const editor = e.editor && isPersonName(e.editor, chinese) ? e.editor : null;
  return { source: { site: facts.site, url: facts.url, authors, host: facts.host, editor }, original: facts.original };
}
