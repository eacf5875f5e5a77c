// What the timeline draws: one entry per dated thing of the library — an item's deadline,
// an event (a meeting, a milestone, a date the analyst pinned from the text) and a
// document's publication date — each as a range of days at its precision. The filters are
// the items view's (shared/model/item-filters.ts): items go through filterItems itself, and
// events and publications answer the same questions where they can. Pure.
import type { AliasTable } from '../extract/aliases';
import { filterItems, primaryOwner, type ItemFilter } from '../model/item-filters';
import { isOverdue } from '../model/items';
import type { DatePrecision, DocumentMeta, EventRecord, ItemRecord, ItemStatus } from '../model/types';
import { rangeDays } from './dates';

export type EntryKind = 'item' | 'event' | 'document';

/** Kind filter values standing for the entries that are not items (item kinds are ids such as 'task'). */
export const EVENT_KIND = '@event';
export const PUBLICATION_KIND = '@document';

/** How an item's entry is drawn: its status, with pending items past their deadline called out. */
export type EntryState = 'overdue' | ItemStatus;

export interface TimelineEntry {
  /** `${kind}:${id}`: unique across the timeline, and what `#/timeline?focus=` names. */
  key: string;
  kind: EntryKind;
  id: string;
  title: string;
  /** First day drawn (day number, inclusive). */
  start: number;
  /** Day after the last day drawn (exclusive). */
  end: number;
  from: string;
  to: string;
  precision: DatePrecision;
  /** The words the date came from. */
  text: string;
  /** Items: kind id. */
  itemKind: string | null;
  /** Items only. */
  state: EntryState | null;
  /** Items: owner names, lead first (normalised). */
  owners: string[];
  category: string | null;
  documentId: string | null;
  /** The passage it comes from (an item's first highlight, an event's), if any. */
  annotationId: string | null;
  tags: string[];
  /** Events made from a passage of a document (a pinned date mention, a selection). */
  pinned: boolean;
}

export const entryKey = (kind: EntryKind, id: string): string => `${kind}:${id}`;

/** Splits a focus value (`item:01H…`) into its kind and id; null for anything else. */
export function parseEntryKey(key: string): { kind: EntryKind; id: string } | null {
  const match = /^(item|event|document):(.+)$/.exec(key);
  return match ? { kind: match[1] as EntryKind, id: match[2]! } : null;
}

/** An item's owner names (normalised), its lead unit first: the timeline's and the brief tables' owners. */
export const ownerNames = (item: Pick<ItemRecord, 'owners'>): string[] => {
  const lead = primaryOwner(item);
  const names = item.owners.map((o) => o.normalized || o.asWritten).filter(Boolean);
  return lead ? [lead, ...names.filter((n) => n !== lead)] : names;
};

/** The entry of an item with a deadline (null without one: it has no place in time). */
export function itemEntry(item: ItemRecord, today: string): TimelineEntry | null {
  if (!item.deadline) return null;
  const days = rangeDays(item.deadline);
  if (!days) return null;
  return {
    key: entryKey('item', item.id),
    kind: 'item',
    id: item.id,
    title: item.title,
    ...days,
    from: item.deadline.from,
    to: item.deadline.to,
    precision: item.deadline.precision,
    text: item.deadline.text,
    itemKind: item.kind,
    state: isOverdue(item, today) ? 'overdue' : item.status,
    owners: ownerNames(item),
    category: item.category,
    documentId: item.documentId,
    annotationId: item.annotationIds[0] ?? null,
    tags: item.tags,
    pinned: false,
  };
}

export function eventEntry(event: EventRecord): TimelineEntry | null {
  const days = rangeDays(event.date);
  if (!days) return null;
  return {
    key: entryKey('event', event.id),
    kind: 'event',
    id: event.id,
    title: event.title,
    ...days,
    from: event.date.from,
    to: event.date.to,
    precision: event.date.precision,
    text: event.date.text,
    itemKind: null,
    state: null,
    owners: [],
    category: null,
    documentId: event.documentId,
    annotationId: event.annotationId,
    tags: [],
    pinned: event.annotationId !== null,
  };
}

/** A document's publication date as an entry (null when the document has none). */
export function documentEntry(meta: Pick<DocumentMeta, 'id' | 'title' | 'published'>): TimelineEntry | null {
  if (!meta.published) return null;
  const days = rangeDays(meta.published);
  if (!days) return null;
  return {
    key: entryKey('document', meta.id),
    kind: 'document',
    id: meta.id,
    title: meta.title,
    ...days,
    from: meta.published.from,
    to: meta.published.to,
    precision: meta.published.precision,
    text: meta.published.text,
    itemKind: null,
    state: null,
    owners: [],
    category: null,
    documentId: meta.id,
    annotationId: null,
    tags: [],
    pinned: false,
  };
}

/** A timeline filter: the items view's, plus a tag (items only). */
export type TimelineFilter = ItemFilter;

const fold = (s: string) => s.toLowerCase();

/**
 * Whether an event or publication passes the filter. Only items have a status, owners, a
 * category or tags, and only pending items are overdue: a filter on any of those leaves
 * events and publications out. The date range keeps entries ending in it, as the items view
 * keeps items due in it.
 */
export function keepsOther(entry: TimelineEntry, filter: TimelineFilter, note = ''): boolean {
  const kindId = entry.kind === 'document' ? PUBLICATION_KIND : EVENT_KIND;
  if (filter.kinds.length > 0 && !filter.kinds.includes(kindId)) return false;
  if (filter.statuses.length > 0 || filter.owner.trim() || filter.category || filter.overdueOnly) return false;
  if (filter.tag) return false;
  if (filter.documentId && entry.documentId !== filter.documentId) return false;
  if (filter.deadlineFrom && entry.to < filter.deadlineFrom) return false;
  if (filter.deadlineTo && entry.to > filter.deadlineTo) return false;
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const haystack = fold(`${entry.title}\u0000${entry.text}\u0000${note}`);
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

/** Sorts entries in time order: by first day, then last day, then key (stable and total). */
export function byTime(a: TimelineEntry, b: TimelineEntry): number {
  return a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export interface TimelineSources {
  items: readonly ItemRecord[];
  events: readonly EventRecord[];
  documents: readonly Pick<DocumentMeta, 'id' | 'title' | 'published'>[];
}

export interface TimelineEntries {
  /** The entries the filter keeps, in time order. */
  entries: TimelineEntry[];
  /** Items the filter keeps that have no deadline, so are not drawn. */
  undated: number;
}

/**
 * Every dated thing the filter keeps, in time order. Items are filtered by filterItems (the
 * items view's rules, owners under `aliases`); `today` (YYYY-MM-DD) decides what is overdue.
 */
export function timelineEntries(
  sources: TimelineSources,
  filter: TimelineFilter,
  today: string,
  documentTitles?: ReadonlyMap<string, string>,
  aliases?: AliasTable,
): TimelineEntries {
  const entries: TimelineEntry[] = [];
  let undated = 0;
  for (const item of filterItems(sources.items, filter, today, documentTitles, aliases)) {
    const entry = itemEntry(item, today);
    if (entry) entries.push(entry);
    else undated++;
  }
  for (const event of sources.events) {
    const entry = eventEntry(event);
    if (entry && keepsOther(entry, filter, event.note ?? '')) entries.push(entry);
  }
  for (const meta of sources.documents) {
    const entry = documentEntry(meta);
    if (entry && keepsOther(entry, filter)) entries.push(entry);
  }
  entries.sort(byTime);
  return { entries, undated };
}
