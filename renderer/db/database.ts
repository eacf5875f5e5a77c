import Dexie, { type EntityTable } from 'dexie';
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
};

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
  return db;
}
