// The rows of a brief's item table: the items a table's filter keeps, as the table shows them
// (kind, passage, owners, deadline, status, source), sorted by deadline, then status. The
// filter means what the items view's does — items go through filterItems (and the owner names
// through the alias table) — so a table drafted from the items view refreshes to the same
// items the view showed. Pure.
import type { AliasTable } from '../extract/aliases';
import { EMPTY_ITEM_FILTER, filterItems, sortItems, type ItemFilter } from '../model/item-filters';
import { withAliases } from '../model/owners';
import type { AnnotationRecord, DocumentMeta, ItemRecord } from '../model/types';
import { ownerNames } from '../timeline/entries';
import type { ItemTableFilter, ItemTableRow, QuoteCitation } from './serialized';

/** What a citation needs of a document. */
export type CitedDocument = Pick<DocumentMeta, 'id' | 'title' | 'source' | 'published'>;
/** What a citation needs of a highlight. */
export type CitedPassage = Pick<AnnotationRecord, 'id' | 'documentId' | 'target' | 'orphaned'>;

/** A table that shows every item. */
export const EMPTY_TABLE_FILTER: Readonly<ItemTableFilter> = Object.freeze({
  kinds: [],
  statuses: [],
  owners: [],
  documentIds: [],
});

/** The items view's filter (and, when given, the selected items) as an item table's. */
export function tableFilterOf(filter: ItemFilter, itemIds?: readonly string[]): ItemTableFilter {
  const owner = filter.owner.trim();
  return {
    kinds: [...filter.kinds],
    statuses: [...filter.statuses],
    owners: owner ? [owner] : [],
    documentIds: filter.documentId ? [filter.documentId] : [],
    ...(filter.deadlineFrom && { deadlineFrom: filter.deadlineFrom }),
    ...(filter.deadlineTo && { deadlineTo: filter.deadlineTo }),
    ...(itemIds && { itemIds: [...itemIds] }),
    ...(filter.category && { category: filter.category }),
    ...(filter.tag && { tag: filter.tag }),
    ...(filter.text.trim() && { text: filter.text.trim() }),
    ...(filter.overdueOnly && { overdueOnly: true }),
  };
}

/**
 * A table's filter as the items view's, but for the lists the items view holds one of
 * (owners, documents) and the selection: filterTableItems applies those.
 */
export function itemFilterOf(filter: ItemTableFilter): ItemFilter {
  return {
    ...EMPTY_ITEM_FILTER,
    kinds: [...filter.kinds],
    statuses: [...filter.statuses],
    deadlineFrom: filter.deadlineFrom ?? '',
    deadlineTo: filter.deadlineTo ?? '',
    category: filter.category ?? '',
    tag: filter.tag ?? '',
    text: filter.text ?? '',
    overdueOnly: filter.overdueOnly ?? false,
  };
}

/**
 * The items a table's filter keeps, in their given order. An item is kept when it passes the
 * items view's filter and is one of the selected items (if any), comes from one of the
 * documents (if any) and has one of the owners (if any; each as the items view's owner filter
 * reads it, aliases included). Pass items named under `aliases` (withAliases).
 */
export function filterTableItems(
  items: readonly ItemRecord[],
  filter: ItemTableFilter,
  today: string,
  aliases?: AliasTable,
  documentTitles?: ReadonlyMap<string, string>,
): ItemRecord[] {
  let pool: readonly ItemRecord[] = items;
  if (filter.itemIds) {
    const ids = new Set(filter.itemIds);
    pool = pool.filter((item) => ids.has(item.id));
  }
  if (filter.documentIds.length > 0) {
    const ids = new Set(filter.documentIds);
    pool = pool.filter((item) => item.documentId !== null && ids.has(item.documentId));
  }
  let kept = filterItems(pool, itemFilterOf(filter), today, documentTitles, aliases);
  const owners = filter.owners.map((o) => o.trim()).filter(Boolean);
  if (owners.length > 0) {
    const withOwner = new Set<ItemRecord>();
    for (const owner of owners) {
      for (const item of filterItems(kept, { ...EMPTY_ITEM_FILTER, owner }, today, undefined, aliases)) {
        withOwner.add(item);
      }
    }
    kept = kept.filter((item) => withOwner.has(item));
  }
  return kept;
}

/** The citation of a passage of a document, as a quote or a table row shows it. */
export function quoteCitation(passage: CitedPassage, document: CitedDocument): QuoteCitation {
  const { position, rects } = passage.target;
  const page = rects?.[0]?.page;
  const published = document.published;
  return {
    documentId: document.id,
    title: document.title,
    ...(document.source.site && { site: document.source.site }),
    ...(document.source.url && { url: document.source.url }),
    ...(published && {
      published: { date: published.from || published.to, precision: published.precision },
    }),
    position: { start: position.start, end: position.end },
    ...(page !== undefined && { page }),
  };
}

/** One item as a table row; `passage` and `document` are its first highlight and its document, when known. */
export function itemRow(
  item: ItemRecord,
  passage: CitedPassage | undefined,
  document: CitedDocument | undefined,
): ItemTableRow {
  const annotationId = item.annotationIds[0] ?? null;
  return {
    itemId: item.id,
    kind: item.kind,
    text: item.title,
    owners: ownerNames(item),
    deadline: item.deadline
      ? { from: item.deadline.from, to: item.deadline.to, precision: item.deadline.precision }
      : null,
    status: item.status,
    source: passage && document ? quoteCitation(passage, document) : null,
    annotationId,
  };
}

/** The library an item table reads: items, and the highlights and documents they come from. */
export interface ItemRowSources {
  items: readonly ItemRecord[];
  /** At least the first highlight of each item (others are ignored). */
  annotations: readonly CitedPassage[] | ReadonlyMap<string, CitedPassage>;
  documents: readonly CitedDocument[] | ReadonlyMap<string, CitedDocument>;
  /** The owner names table (built-in and the analyst's); without it, owners keep their stored names. */
  aliases?: AliasTable;
}

const byId = <T extends { id: string }>(records: readonly T[] | ReadonlyMap<string, T>): ReadonlyMap<string, T> =>
  records instanceof Map ? records : new Map((records as readonly T[]).map((r) => [r.id, r]));

/**
 * The rows of an item table: the items the filter keeps, sorted by deadline (due day; none
 * last), then status (workflow order), then document title, then place in the text.
 * `today` (YYYY-MM-DD) decides what is overdue, for the overdue-only filter.
 */
export function itemTableRows(filter: ItemTableFilter, sources: ItemRowSources, today: string): ItemTableRow[] {
  const annotations = byId(sources.annotations);
  const documents = byId(sources.documents);
  const titles = new Map([...documents.values()].map((d) => [d.id, d.title]));
  const items = sources.aliases ? withAliases(sources.items, sources.aliases) : sources.items;
  const kept = filterTableItems(items, filter, today, sources.aliases, titles);
  const start = (item: ItemRecord) => annotations.get(item.annotationIds[0] ?? '')?.target.position.start ?? 0;
  // Stable sorts from the least to the most significant key.
  const inText = [...kept].sort((a, b) => start(a) - start(b));
  const sorted = sortItems(
    sortItems(sortItems(inText, 'document', 'asc', titles), 'status', 'asc', titles),
    'deadline',
    'asc',
    titles,
  );
  return sorted.map((item) => {
    const passage = annotations.get(item.annotationIds[0] ?? '');
    const documentId = passage?.documentId ?? item.documentId;
    return itemRow(item, passage, documentId ? documents.get(documentId) : undefined);
  });
}

/** Most rows a table keeps, and entries a timeline section: a brief is read, not scrolled. */
export const MAX_BLOCK_ROWS = 500;

/** What a block stores of its rows: the first MAX_BLOCK_ROWS, and how many there were when more. */
export function blockSnapshot<T>(rows: readonly T[]): { rows: T[]; total?: number } {
  return rows.length > MAX_BLOCK_ROWS
    ? { rows: rows.slice(0, MAX_BLOCK_ROWS), total: rows.length }
    : { rows: [...rows] };
}
