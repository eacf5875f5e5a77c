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
  for (const a of e.page.meta.authors) {
    if (isPersonName(a, chinese) && !authors.includes(a)) authors.push(a);
  }
  const facts = detectSource({
    meta: e.page.meta,
    kept: e.kept,
    dropped: e.dropped,
    original: e.original,
    titleChannel: e.titleChannel,
    titleSite: e.titleSite,
  });
  const editor = e.editor && isPersonName(e.editor, chinese) ? e.editor : null;
  return { source: { site: facts.site, url: facts.url, authors, host: facts.host, editor }, original: facts.original };
}
