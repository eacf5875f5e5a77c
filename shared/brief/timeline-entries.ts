// The entries of a brief's timeline section: what the timeline draws (shared/timeline/entries.ts)
// that ends within a range of days — item deadlines falling due in it, events, publication dates
// and dates pinned from the text — under the timeline's own filters, as the section stores them.
// Pure.
import type { AliasTable } from '../extract/aliases';
import { withAliases } from '../model/owners';
import type { ItemRecord } from '../model/types';
import { timelineEntries, type TimelineEntry, type TimelineSources } from '../timeline/entries';
import { filterTableItems, itemFilterOf } from './item-rows';
import type { ItemTableFilter, TimelineSectionEntry } from './serialized';

/** A section's range: ISO days, inclusive. */
export interface SectionRange {
  from: string;
  to: string;
}

/** One timeline entry as a section stores it. A date pinned from the text is a 'mention'. */
export function sectionEntry(
  entry: TimelineEntry,
  status: ItemRecord['status'] | undefined,
  documentTitle: string | undefined,
): TimelineSectionEntry {
  return {
    kind: entry.kind === 'event' && entry.pinned ? 'mention' : entry.kind,
    ref: { kind: entry.kind, id: entry.id },
    date: { from: entry.from, to: entry.to, precision: entry.precision },
    label: entry.title,
    ...(entry.kind === 'item' && { status: status ?? 'unknown' }),
    // A publication is its document: its title is the label already.
    ...(entry.kind !== 'document' && documentTitle && { documentTitle }),
  };
}

/** Section order: by the day an entry ends (an item's due day), then its first day, then as the timeline orders them. */
function byEnd(a: TimelineEntry, b: TimelineEntry): number {
  return a.end - b.end || a.start - b.start;
}

/**
 * The entries of the library ending within `range` (as the timeline's date filter keeps them),
 * under `filter` (the timeline's filters; absent: everything dated), in the order the section
 * lists them. `today` (YYYY-MM-DD) decides what is overdue, for the overdue-only filter.
 */
export function timelineSectionEntries(
  range: SectionRange,
  sources: TimelineSources,
  options: { filter?: ItemTableFilter; today: string; aliases?: AliasTable },
): TimelineSectionEntry[] {
  const { filter, today, aliases } = options;
  const titles = new Map(sources.documents.map((d) => [d.id, d.title]));
  let items = aliases ? withAliases(sources.items, aliases) : sources.items;
  // The timeline's filter holds one owner and one document; a section's may hold several, or a
  // selection of items: those are applied to the items first, and leave events and publications out
  // (they have no owner), or keep only those of the documents.
  const owners = filter?.owners ?? [];
  const documentIds = filter?.documentIds ?? [];
  const lists = owners.length > 1 || documentIds.length > 1 || filter?.itemIds !== undefined;
  if (filter && lists) items = filterTableItems(items, filter, today, aliases, titles);
  const { entries } = timelineEntries(
    { items, events: sources.events, documents: sources.documents },
    {
      ...itemFilterOf(filter ?? { kinds: [], statuses: [], owners: [], documentIds: [] }),
      owner: owners.length === 1 ? owners[0]! : '',
      documentId: documentIds.length === 1 ? documentIds[0]! : '',
      deadlineFrom: range.from,
      deadlineTo: range.to,
    },
    today,
    titles,
    aliases,
  );
  const documents = new Set(documentIds);
  const kept = entries.filter(
    (e) =>
      e.kind === 'item' ||
      (owners.length <= 1 &&
        filter?.itemIds === undefined &&
        (documents.size <= 1 || (e.documentId !== null && documents.has(e.documentId)))),
  );
  const status = new Map(items.map((i) => [i.id, i.status]));
  return kept
    .sort(byEnd)
    .map((e) =>
      sectionEntry(
        e,
        e.kind === 'item' ? status.get(e.id) : undefined,
        e.documentId ? titles.get(e.documentId) : undefined,
      ),
    );
}
