import type { IngestedDocument } from '../ingest/types';
import { newRecordBase } from './records';
import type { DocumentMeta, DocumentRecord } from './types';

/** The record for a freshly imported document. */
export function documentFromIngest(draft: IngestedDocument, now: Date = new Date()): DocumentRecord {
  const record: DocumentRecord = {
    ...newRecordBase(now),
    title: draft.title,
    kind: draft.kind,
    source: { ...draft.source, originalSource: draft.originalSource ?? null },
    published: draft.published,
    importedAt: now.toISOString(),
    text: draft.text,
    blocks: draft.blocks,
    contentHash: draft.contentHash,
    original: draft.original,
  };
  if (draft.pdf) {
    record.pdf = draft.pdf.summary;
    record.pageMap = draft.pdf.pageMap;
  }
  if (draft.articles.length > 1) {
    record.proposedSplit = draft.articles.map((a) => ({ firstBlock: a.firstBlock, title: a.title }));
  }
  return record;
}

/** The metadata part of a document, as library lists show it. */
export function documentMeta(record: DocumentRecord): DocumentMeta {
  const { text, blocks: _blocks, original: _original, pageMap: _pageMap, ...meta } = record;
  return { ...meta, length: text.length };
}

/** One article cut out of a page (see shared/ingest/split.ts). */
export interface DocumentPart {
  title: string;
  text: string;
  blocks: DocumentRecord['blocks'];
  contentHash: string;
  authors: string[];
  /** Where the part began in the page's text. */
  startOffset: number;
}

/** The records for the articles of a split page: each keeps the page's date, source and original file. */
export function documentsFromParts(
  page: DocumentMeta,
  parts: DocumentPart[],
  original: DocumentRecord['original'] | undefined,
  now: Date = new Date(),
): DocumentRecord[] {
  return parts.map((part, index) => ({
    ...newRecordBase(now),
    title: part.title,
    kind: page.kind,
    source: { ...page.source, authors: part.authors.length ? part.authors : page.source.authors },
    published: page.published,
    importedAt: page.importedAt,
    text: part.text,
    blocks: part.blocks,
    contentHash: part.contentHash,
    original: original ?? { name: page.title, encoding: 'utf-8', size: 0, text: '' },
    splitFrom: { id: page.id, title: page.title, part: index + 1 },
  }));
}
