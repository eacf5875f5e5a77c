// The record tables a bundle carries, and the shapes of what sync moves around. Document
// texts travel apart from document metadata, keyed by content hash, so a text two records
// share (or a library already holds) is carried and stored once.
import type {
  AnnotationRecord,
  Block,
  BriefRecord,
  DocumentMeta,
  EventRecord,
  ItemKindDefinition,
  ItemRecord,
  LinkRecord,
  OriginalFile,
  PdfPageMap,
  RecordBase,
} from '../model/types';
import type { Lineage } from './lineage';
import type { RecordState } from './merge';

/** Sync's addition to every stored record (to move into RecordBase when storage adopts sync). */
export interface SyncFields {
  /** Which versions this one supersedes (./lineage.ts); absent on records written before sync. */
  lineage?: Lineage;
}

/**
 * An item kind as a record of its own, so kinds travel and merge like everything else
 * (today they are one settings value; storage wraps each kind when it adopts sync).
 */
export type ItemKindRecord = ItemKindDefinition & RecordBase;

export const SYNC_TABLES = ['documents', 'annotations', 'items', 'events', 'links', 'briefs', 'itemKinds'] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export interface SyncRecords {
  documents: DocumentMeta & SyncFields;
  annotations: AnnotationRecord & SyncFields;
  items: ItemRecord & SyncFields;
  events: EventRecord & SyncFields;
  links: LinkRecord & SyncFields;
  briefs: BriefRecord & SyncFields;
  itemKinds: ItemKindRecord & SyncFields;
}

export type SyncRecord<T extends SyncTable = SyncTable> = SyncRecords[T];

/** Versions per table, as a bundle carries them: every live version (current and conflicts). */
export type TableVersions = { [T in SyncTable]: SyncRecords[T][] };

/** Record states per table and id: a library, as the merge sees it. */
export type TableStates = { [T in SyncTable]: ReadonlyMap<string, RecordState<SyncRecords[T]>> };

/** A document's text and structure, as a bundle carries it (one per content hash). */
export interface DocumentText {
  /** SHA-256 (hex) of `text`: the key, checked on import. */
  contentHash: string;
  text: string;
  blocks: Block[];
  pageMap?: PdfPageMap;
  /** The original file's metadata and decoded text (no bytes: PDFs travel as their own entries). */
  original?: Omit<OriginalFile, 'bytes'>;
}

export const emptyVersions = (): TableVersions => ({
  documents: [],
  annotations: [],
  items: [],
  events: [],
  links: [],
  briefs: [],
  itemKinds: [],
});

export const emptyStates = (): TableStates => ({
  documents: new Map(),
  annotations: new Map(),
  items: new Map(),
  events: new Map(),
  links: new Map(),
  briefs: new Map(),
  itemKinds: new Map(),
});
