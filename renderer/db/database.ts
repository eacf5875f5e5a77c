import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  AnnotationRecord,
  Block,
  BriefRecord,
  DocumentMeta,
  EventRecord,
  ItemRecord,
  LinkRecord,
  OriginalFile,
  PdfPageMap,
  SettingRecord,
} from '../../shared/model/types';
import type { Extraction } from '../../shared/extract/types';
import { searchChangeLog, type SearchQueueRow } from './search-changes';
import { syncRevisions, type ConflictRow, type SyncLogRow, type TombstoneRow } from './sync-revisions';
import type { SearchIndexRow } from './search-index';

/** A document's canonical text and structure, stored apart from its metadata so the library loads fast. */
export interface DocumentBody {
  id: string;
  text: string;
  blocks: Block[];
  /** PDFs: where each text item sits on its page. */
  pageMap?: PdfPageMap;
}

/** The original file as imported, kept so the analyst can view it and re-run cleaning. */
export interface DocumentOriginal {
  id: string;
  original: OriginalFile;
}

export type DossierDatabase = Dexie & {
  documents: EntityTable<DocumentMeta, 'id'>;
  bodies: EntityTable<DocumentBody, 'id'>;
  originals: EntityTable<DocumentOriginal, 'id'>;
  annotations: EntityTable<AnnotationRecord, 'id'>;
  items: EntityTable<ItemRecord, 'id'>;
  events: EntityTable<EventRecord, 'id'>;
  links: EntityTable<LinkRecord, 'id'>;
  briefs: EntityTable<BriefRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  extractions: EntityTable<DocumentExtraction, 'documentId'>;
  /** Search: the index's segments and state (renderer/db/search-index.ts), and the records it must read again. */
  searchIndex: EntityTable<SearchIndexRow, 'key'>;
  searchQueue: EntityTable<SearchQueueRow, 'key'>;
  /** Sync (renderer/db/sync-revisions.ts): deleted records' last versions, losing concurrent versions, and what each import changed. */
  tombstones: Table<TombstoneRow, [string, string]>;
  conflicts: Table<ConflictRow, [string, string, string]>;
  syncLog: Table<SyncLogRow, number>;
};

/**
 * What shared/extract read from a document, kept so the suggestions panel opens at once,
 * with the suggestions the analyst dismissed (by quote, so they stay dismissed when the
 * text moves).
 */
export interface DocumentExtraction {
  documentId: string;
  /** EXTRACTOR_VERSION of the rules that produced it; older results are recomputed. */
  version: number;
  /** The content hash of the text it was read from; another hash means the text changed. */
  contentHash: string;
  extraction: Extraction;
  /** The publication day relative dates were resolved against; another date means reading again. */
  published?: string | null;
  /** The key of the analyst's owner aliases it was read with (aliasesKey); absent: none. Other aliases mean reading again. */
  aliases?: string;
  /** Quotes of dismissed suggestions. */
  dismissed: string[];
}

export const DATABASE_NAME = 'dossier';

/**
 * The versioned schema of the whole model (DESIGN.md "The data"). Later versions add
 * `db.version(n).stores(...).upgrade(...)` below this one and never edit it, so an
 * analyst's existing library migrates instead of being lost.
 */
export function openDatabase(name: string = DATABASE_NAME): DossierDatabase {
  const db = new Dexie(name) as DossierDatabase;
  db.version(1).stores({
    documents: 'id, &contentHash, title, importedAt, published.from, source.site',
    bodies: 'id',
    originals: 'id',
    annotations: 'id, documentId, updatedAt, *tags',
    items: 'id, documentId, kind, status, deadline.from, *annotationIds, *tags',
    events: 'id, date.from, documentId',
    links: 'id, from.id, to.id, type',
    briefs: 'id, updatedAt, title',
    settings: 'key',
  });
  // Items are filtered by deadline day (`to`) and category; suggestions are kept per document.
  db.version(2).stores({
    items: 'id, documentId, kind, status, deadline.to, category, *annotationIds, *tags',
    extractions: 'documentId',
  });
  // Issue 5: the timeline reads events by date, links are followed from either end.
  db.version(3).stores({
    events: 'id, date.from, date.to, documentId, annotationId',
    links: 'id, from.id, to.id, type',
    // Search: index segments and state by key; the records to index again (renderer/db/search-changes.ts).
    searchIndex: 'key',
    searchQueue: 'key',
  });
  // Issue 7, sync: a deleted record leaves its tombstone, a merge keeps the concurrent versions
  // that lost, and each import logs what it changed ("changed since the last exchange"). Two analysts may import the same text independently, so contentHash is no
  // longer unique: a bundle can bring a second document with a text the library holds.
  db.version(4).stores({
    documents: 'id, contentHash, title, importedAt, published.from, source.site',
    tombstones: '[table+id], table',
    conflicts: '[table+id+rev], [table+id], table',
    syncLog: '++seq',
  });
  // Every write to documents, bodies, annotations and items queues its record for the search index.
  db.use(searchChangeLog);
  // Every write to a synced table gets a clock revision and lineage; deletions leave tombstones.
  db.use(syncRevisions);
  return db;
}
