// What a brief's data blocks and drafts read: the rows of an item table, the entries of a
// timeline section, and the library data a first draft is made from. Part of the one
// repository (repository.ts). Each query narrows the records by an index first (the selected
// items, a document, the deadline range, a status or kind), so a refresh stays fast with tens of
// thousands of items; the pure rules of shared/brief do the rest, the same rules as the items
// view and the timeline.
import { draftBrief, type BriefDraft, type BriefLanguage, type DraftSource } from '../../shared/brief/draft';
import { filterTableItems, itemTableRows } from '../../shared/brief/item-rows';
import type { ItemTableFilter, ItemTableRow, TimelineSectionEntry } from '../../shared/brief/serialized';
import { timelineSectionEntries, type SectionRange } from '../../shared/brief/timeline-entries';
import { aliasTable, type AliasTable } from '../../shared/extract/aliases';
import { localDate } from '../../shared/model/items';
import { withAliases } from '../../shared/model/owners';
import type { AnnotationRecord, DocumentMeta, ItemRecord } from '../../shared/model/types';
import type { DossierDatabase } from './database';

/** The settings key of the analyst's owner aliases (renderer/db/items.ts). */
const ALIASES_KEY = 'ownerAliases';
/** Past every ISO day, as an index bound. */
const LAST_DAY = '\uffff';

const present = <T>(records: (T | undefined)[]): T[] => records.filter((r): r is T => r !== undefined);

/** A day a year before `day` (a publication dated by its year starts up to a year before it ends). */
const yearBefore = (day: string): string => `${String(Number(day.slice(0, 4)) - 1).padStart(4, '0')}${day.slice(4)}`;

export function createBriefDataRepository(db: DossierDatabase) {
  const aliases = async (): Promise<AliasTable> => {
    const row = await db.settings.get(ALIASES_KEY);
    return aliasTable((row?.value as Record<string, string> | undefined) ?? {});
  };

  /** The items a filter could keep, read by its most selective index. */
  async function candidates(filter: ItemTableFilter): Promise<ItemRecord[]> {
    if (filter.itemIds) return present(await db.items.bulkGet([...new Set(filter.itemIds)]));
    if (filter.documentIds.length > 0) return db.items.where('documentId').anyOf(filter.documentIds).toArray();
    if (filter.deadlineFrom || filter.deadlineTo) {
      return db.items
        .where('deadline.to')
        .between(filter.deadlineFrom || '', filter.deadlineTo || LAST_DAY, true, true)
        .toArray();
    }
    if (filter.statuses.length > 0) return db.items.where('status').anyOf(filter.statuses).toArray();
    if (filter.kinds.length > 0) return db.items.where('kind').anyOf(filter.kinds).toArray();
    return db.items.toArray();
  }

  /** The documents with these ids (missing ones left out). */
  const documentsById = async (ids: Iterable<string | null>): Promise<DocumentMeta[]> =>
    present(await db.documents.bulkGet([...new Set([...ids].filter((id): id is string => !!id))]));

  /** The first highlight of each item: the passage it is cited by. */
  const passagesOf = async (items: readonly ItemRecord[]): Promise<AnnotationRecord[]> =>
    present(await db.annotations.bulkGet([...new Set(items.flatMap((i) => i.annotationIds.slice(0, 1)))]));

  /** The items a table's filter keeps, with the highlights and documents their rows cite. */
  async function tableData(filter: ItemTableFilter, today: string, table: AliasTable) {
    const found = withAliases(await candidates(filter), table);
    // The words of a filter may match a document's title: then every title is needed.
    const titleSource = filter.text?.trim() ? await db.documents.toArray() : null;
    const titles = titleSource ? new Map(titleSource.map((d) => [d.id, d.title])) : undefined;
    const items = filterTableItems(found, filter, today, table, titles);
    const [annotations, documents] = await Promise.all([
      passagesOf(items),
      documentsById(items.map((i) => i.documentId)),
    ]);
    return { items, annotations, documents };
  }

  /** Everything dated that may end within the range, read by the date indexes. */
  async function rangeData(range: SectionRange) {
    const [items, events, published] = await Promise.all([
      db.items.where('deadline.to').between(range.from, range.to, true, true).toArray(),
      db.events.where('date.to').between(range.from, range.to, true, true).toArray(),
      db.documents.where('published.from').between(yearBefore(range.from), range.to, true, true).toArray(),
    ]);
    const known = new Set(published.map((d) => d.id));
    const others = await documentsById(
      [...items.map((i) => i.documentId), ...events.map((e) => e.documentId)].filter((id) => id && !known.has(id)),
    );
    return { items, events, documents: [...published, ...others] };
  }

  const briefData = {
    /** The rows of an item table with this filter, as the library holds them now. */
    async itemRows(filter: ItemTableFilter, today: string = localDate()): Promise<ItemTableRow[]> {
      const table = await aliases();
      const data = await tableData(filter, today, table);
      return itemTableRows(filter, { ...data, aliases: table }, today);
    },

    /** The entries of a timeline section over this range (and filter), as the library holds them now. */
    async timelineEntries(
      range: SectionRange,
      filter?: ItemTableFilter,
      today: string = localDate(),
    ): Promise<TimelineSectionEntry[]> {
      const [table, data] = await Promise.all([aliases(), rangeData(range)]);
      return timelineSectionEntries(range, data, { filter, today, aliases: table });
    },

    /** A first draft of a brief from a document, a set of items or a range of the timeline. */
    async draft(
      source: DraftSource,
      options: { language: BriefLanguage; now?: Date; today?: string },
    ): Promise<BriefDraft> {
      const now = options.now ?? new Date();
      const today = options.today ?? localDate(now);
      const table = await aliases();
      const draftOptions = { language: options.language, now, today };
      if (source.kind === 'document') {
        const [meta, items, annotations] = await Promise.all([
          db.documents.get(source.documentId),
          db.items.where('documentId').equals(source.documentId).toArray(),
          db.annotations.where('documentId').equals(source.documentId).toArray(),
        ]);
        if (!meta) throw new Error(`No document ${source.documentId}`);
        return draftBrief(source, { items, annotations, documents: [meta], aliases: table }, draftOptions);
      }
      if (source.kind === 'items') {
        const data = await tableData(source.filter, today, table);
        return draftBrief(source, { ...data, aliases: table }, draftOptions);
      }
      const data = await rangeData(source.range);
      const annotations = await passagesOf(data.items);
      return draftBrief(source, { ...data, annotations, aliases: table }, draftOptions);
    },
  };

  return { briefData };
}
