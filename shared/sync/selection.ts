// What goes into a bundle: everything, or the records matching the analyst's filter plus
// what they stand on (an item's highlights and document, a highlight's document), so the
// receiver can anchor them. Links go along when both their ends do. Pure: states in,
// versions out.
import type { LinkEndKind } from '../model/types';
import { versionsOf, type RecordState } from './merge';
import {
  SYNC_TABLES,
  emptyVersions,
  type SyncRecord,
  type SyncTable,
  type TableStates,
  type TableVersions,
} from './tables';

export interface SelectionFilter {
  tags?: readonly string[];
  itemKinds?: readonly string[];
  documentIds?: readonly string[];
  /** Owner names, normalised or as written. */
  owners?: readonly string[];
  /**
   * Only records changed since the last exchange (`table\u0000id` keys); what they stand on
   * goes along whether it changed or not, so a colleague who missed a bundle can still anchor them.
   */
  changed?: ReadonlySet<string>;
}

export const recordKey = (table: SyncTable, id: string) => `${table}\u0000${id}`;

const LINK_TABLE: Record<LinkEndKind, SyncTable> = {
  document: 'documents',
  annotation: 'annotations',
  item: 'items',
  event: 'events',
};

const anyOf = (wanted: readonly string[] | undefined, values: readonly string[]): boolean =>
  !wanted?.length || values.some((v) => wanted.includes(v));

/** Whether the filter asks for a selection at all (else: everything). */
export const isSelection = (filter: SelectionFilter): boolean =>
  !!(
    filter.tags?.length ||
    filter.itemKinds?.length ||
    filter.documentIds?.length ||
    filter.owners?.length ||
    filter.changed
  );

/** Does one version match the record filters (tags, kinds, documents, owners)? */
function matches(table: SyncTable, record: SyncRecord, filter: SelectionFilter): boolean {
  switch (table) {
    case 'items': {
      const item = record as SyncRecord<'items'>;
      return (
        anyOf(filter.tags, item.tags) &&
        anyOf(filter.itemKinds, [item.kind]) &&
        anyOf(filter.documentIds, item.documentId ? [item.documentId] : []) &&
        anyOf(
          filter.owners,
          item.owners.flatMap((o) => [o.normalized, o.asWritten]),
        )
      );
    }
    case 'annotations': {
      // Highlights have no kind or owner: those filters take them only as an item's passage.
      if (filter.itemKinds?.length || filter.owners?.length) return false;
      const annotation = record as SyncRecord<'annotations'>;
      return anyOf(filter.tags, annotation.tags) && anyOf(filter.documentIds, [annotation.documentId]);
    }
    case 'events': {
      if (filter.itemKinds?.length || filter.owners?.length || filter.tags?.length) return false;
      const event = record as SyncRecord<'events'>;
      return anyOf(filter.documentIds, event.documentId ? [event.documentId] : []);
    }
    case 'documents':
      if (filter.itemKinds?.length || filter.owners?.length || filter.tags?.length) return false;
      return anyOf(filter.documentIds, [record.id]);
    // Kinds travel whole (the receiver needs them to show items); briefs only with everything.
    case 'itemKinds':
      return true;
    default:
      return false;
  }
}

/**
 * The versions (current and conflicts, tombstones included) to send. With no filter,
 * everything; otherwise the matching records of `states` and what they stand on.
 */
export function selectVersions(states: TableStates, filter: SelectionFilter): TableVersions {
  const out = emptyVersions() as Record<SyncTable, SyncRecord[]>;
  const all = !isSelection(filter);
  const chosen = new Set<string>();
  const choose = (table: SyncTable, id: string) => {
    const key = recordKey(table, id);
    if (chosen.has(key)) return;
    const state = (states[table] as ReadonlyMap<string, RecordState<SyncRecord>>).get(id);
    if (!state) return;
    chosen.add(key);
    out[table].push(...versionsOf(state));
  };
  const changedOk = (table: SyncTable, id: string) => !filter.changed || filter.changed.has(recordKey(table, id));

  for (const table of SYNC_TABLES) {
    if (table === 'links') continue;
    for (const [id, state] of states[table] as ReadonlyMap<string, RecordState<SyncRecord>>) {
      if (!all && (!changedOk(table, id) || !versionsOf(state).some((v) => matches(table, v, filter)))) continue;
      choose(table, id);
    }
  }
  // What the chosen records stand on: items → highlights and document; highlights and events → document.
  for (const item of out.items as SyncRecord<'items'>[]) {
    for (const id of item.annotationIds) choose('annotations', id);
    if (item.documentId) choose('documents', item.documentId);
  }
  for (const annotation of out.annotations as SyncRecord<'annotations'>[]) choose('documents', annotation.documentId);
  for (const event of out.events as SyncRecord<'events'>[]) {
    if (event.annotationId) choose('annotations', event.annotationId);
    if (event.documentId) choose('documents', event.documentId);
  }
  // Links between what goes (a changed link between records that did not change takes them along).
  for (const [id, state] of states.links) {
    const link = state.current;
    const ends = [link.from, link.to].map((end) => recordKey(LINK_TABLE[end.kind], end.id));
    if (all || ends.every((key) => chosen.has(key))) choose('links', id);
    else if (filter.changed?.has(recordKey('links', id)) && !isSelectionByField(filter)) {
      choose('links', id);
      choose(LINK_TABLE[link.from.kind], link.from.id);
      choose(LINK_TABLE[link.to.kind], link.to.id);
    }
  }
  return out as TableVersions;
}

const isSelectionByField = (filter: SelectionFilter) => isSelection({ ...filter, changed: undefined });
