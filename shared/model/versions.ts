// Recognising a changed version of a document already in the library: an import whose
// text is new, but whose source address or title is that of a stored document.
import type { IngestedDocument } from '../ingest/types';
import type { DocumentMeta } from './types';

/**
 * A web address reduced to what identifies the page: no fragment, no trailing slash,
 * http and https alike, scheme and host in lower case. Null for an empty address.
 */
export function sourceUrlKey(url: string | null | undefined): string | null {
  let key = (url ?? '').trim();
  if (!key) return null;
  key = key.replace(/#.*$/s, '');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(key);
  const protocol = scheme ? scheme[1]!.toLowerCase() : '';
  const address = scheme ? key.slice(scheme[0].length) : key;
  const queryAt = address.indexOf('?');
  const query = queryAt === -1 ? '' : address.slice(queryAt);
  const path = (queryAt === -1 ? address : address.slice(0, queryAt)).replace(/\/+$/, '');
  // The host (up to the first "/") is case-insensitive; the path and query are not.
  const hostEnd = path.indexOf('/');
  const host = hostEnd === -1 ? path : path.slice(0, hostEnd);
  const rest = host.toLowerCase() + (hostEnd === -1 ? '' : path.slice(hostEnd)) + query;
  if (!rest) return null;
  return protocol === 'http' || protocol === 'https' || !protocol ? `web:${rest}` : `${protocol}:${rest}`;
}

/** Titles that name a kind of page rather than one document: never used to recognise a version. */
const GENERIC_TITLES = new Set(
  [
    'untitled',
    'untitled document',
    'document',
    'index',
    'home',
    'home page',
    'article',
    'news',
    '无标题',
    '无题',
    '未命名',
    '首页',
    '正文',
    '新闻',
    '通知',
    '公告',
    '通告',
    '新闻中心',
    '新闻动态',
    '工作动态',
    '政务公开',
    '政策文件',
    '政策解读',
    '详情',
    '文章详情',
    '新闻详情',
    '网页',
  ].map((t) => t.replace(/\s+/g, '')),
);

/**
 * A title compared whitespace-insensitively (NFC, no spaces, Latin letters in lower case);
 * null when it is empty or generic, so unrelated pages are never taken for versions of each other.
 */
export function titleKey(title: string | null | undefined): string | null {
  const key = (title ?? '').normalize('NFC').replace(/\s+/g, '').toLowerCase();
  if (key.length < 4 || GENERIC_TITLES.has(key)) return null;
  return key;
}

/** What an import needs to recognise a version. */
export interface VersionCandidate {
  title: string;
  source: { url: string | null };
}

/**
 * Finds, among the library's documents, the one a parsed document is a changed version of:
 * the same source address first, else the same title. Split parts share their page's
 * address, so they are recognised by title only. Of several matches, the latest imported wins.
 * The caller has already ruled out identical content (same hash).
 */
export class VersionIndex {
  private byUrl = new Map<string, DocumentMeta>();
  private byTitle = new Map<string, DocumentMeta>();

  constructor(library: Iterable<DocumentMeta>) {
    const later = (a: DocumentMeta | undefined, b: DocumentMeta) => !a || b.importedAt > a.importedAt;
    for (const meta of library) {
      const url = meta.splitFrom ? null : sourceUrlKey(meta.source.url);
      if (url && later(this.byUrl.get(url), meta)) this.byUrl.set(url, meta);
      const title = titleKey(meta.title);
      if (title && later(this.byTitle.get(title), meta)) this.byTitle.set(title, meta);
    }
  }

  find(draft: VersionCandidate): DocumentMeta | undefined {
    const url = sourceUrlKey(draft.source.url);
    const byUrl = url ? this.byUrl.get(url) : undefined;
    if (byUrl) return byUrl;
    const title = titleKey(draft.title);
    return title ? this.byTitle.get(title) : undefined;
  }
}

/**
 * A document's metadata after a newer version of it replaced its text: what the new
 * version states, except what the analyst edited or confirmed (an edited title, source,
 * address or authors; a publication date marked 'edited' or 'confirmed'). What the new
 * version does not state keeps its earlier value. Ids, import date and split origin stay.
 */
export function refreshedMeta(meta: DocumentMeta, draft: IngestedDocument): DocumentMeta {
  const edited = new Set(meta.edited ?? []);
  const keep = <T>(field: 'title' | 'site' | 'url' | 'authors', old: T, fresh: T | null | undefined): T =>
    edited.has(field) || fresh === null || fresh === undefined ? old : fresh;
  const analystDate = meta.published?.status === 'edited' || meta.published?.status === 'confirmed';
  const next: DocumentMeta = {
    ...meta,
    title: keep('title', meta.title, draft.title.trim() || null),
    kind: draft.kind,
    source: {
      ...meta.source,
      site: keep('site', meta.source.site, draft.source.site),
      url: keep('url', meta.source.url, draft.source.url),
      authors: keep('authors', meta.source.authors, draft.source.authors.length ? draft.source.authors : null),
      host: draft.source.host ?? meta.source.host,
      editor: draft.source.editor ?? meta.source.editor,
      originalSource: draft.originalSource ?? meta.source.originalSource ?? null,
    },
    published: analystDate ? meta.published : (draft.published ?? meta.published),
    contentHash: draft.contentHash,
    length: draft.text.length,
  };
  if (draft.articles.length > 1) {
    next.proposedSplit = draft.articles.map((a) => ({ firstBlock: a.firstBlock, title: a.title }));
  } else delete next.proposedSplit;
  if (draft.pdf) next.pdf = draft.pdf.summary;
  else delete next.pdf;
  return next;
}
