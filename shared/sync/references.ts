// What a record points at, so a merge can report references it leaves without a target
// (an annotation whose document was deleted elsewhere, a link to a highlight the bundle did
// not carry) instead of dropping them silently. Briefs cite annotations inside their Lexical
// state; following those is the brief exporter's job, not the merge's.
import { DEFAULT_ITEM_KINDS } from '../model/items';
import type { LinkEndKind } from '../model/types';
import type { SyncRecord, SyncTable } from './tables';

export interface Reference {
  /** The field of the record that holds it. */
  field: 'documentId' | 'annotationIds' | 'annotationId' | 'from' | 'to' | 'kind';
  table: SyncTable;
  id: string;
}

export interface DanglingReference {
  table: SyncTable;
  id: string;
  reference: Reference;
}

const END_TABLE: Record<LinkEndKind, SyncTable> = {
  annotation: 'annotations',
  item: 'items',
  event: 'events',
  document: 'documents',
};

const BUILT_IN_KINDS = new Set(DEFAULT_ITEM_KINDS.map((k) => k.id));

/** The references a record of `table` holds. */
export function referencesOf(table: SyncTable, record: SyncRecord): Reference[] {
  const out: Reference[] = [];
  const to = (field: Reference['field'], target: SyncTable, id: string | null) => {
    if (id !== null) out.push({ field, table: target, id });
  };
  switch (table) {
    case 'annotations':
      to('documentId', 'documents', (record as SyncRecord<'annotations'>).documentId);
      break;
    case 'items': {
      const item = record as SyncRecord<'items'>;
      to('documentId', 'documents', item.documentId);
      for (const id of item.annotationIds) to('annotationIds', 'annotations', id);
      // Built-in kinds exist without a record.
      if (!BUILT_IN_KINDS.has(item.kind)) to('kind', 'itemKinds', item.kind);
      break;
    }
    case 'events': {
      const event = record as SyncRecord<'events'>;
      to('documentId', 'documents', event.documentId);
      to('annotationId', 'annotations', event.annotationId);
      break;
    }
    case 'links': {
      const link = record as SyncRecord<'links'>;
      to('from', END_TABLE[link.from.kind], link.from.id);
      to('to', END_TABLE[link.to.kind], link.to.id);
      break;
    }
    default:
      break;
  }
  return out;
}
