// Filtering and sorting the library's items (the items view of issue 4). Pure functions over
// plain arrays, so the view stays fast with tens of thousands of items and the rules are
// unit-tested without a DOM or a database.
import { normalizeOwner, type AliasTable } from '../extract/aliases';
import { isOverdue } from './items';
import { ITEM_STATUSES, type ItemRecord, type ItemStatus } from './types';

export interface ItemFilter {
  /** Kind ids to keep; empty keeps every kind. */
  kinds: string[];
  /** Statuses to keep; empty keeps every status. */
  statuses: ItemStatus[];
  /** A substring of an owner's name, as written or normalised (case-insensitive); '' keeps all. */
  owner: string;
  /** The exact category; '' keeps all. */
  category: string;
  /** YYYY-MM-DD: keep items due (deadline.to) on or after this day; '' for no bound. */
  deadlineFrom: string;
  /** YYYY-MM-DD: keep items due on or before this day; '' for no bound. */
  deadlineTo: string;
  /** The document the items come from; '' keeps all. */
  documentId: string;
  /** Words (separated by spaces), each of which must occur in the item's text fields; '' keeps all. */
  text: string;
  /** Keep only pending items past their deadline on `today`. */
  overdueOnly: boolean;
  /** A tag the item carries (case-insensitive, whole tag); '' keeps all. */
  tag: string;
}

export const EMPTY_ITEM_FILTER: Readonly<ItemFilter> = Object.freeze({
  kinds: [],
  statuses: [],
  owner: '',
  category: '',
  deadlineFrom: '',
  deadlineTo: '',
  documentId: '',
  text: '',
  overdueOnly: false,
  tag: '',
});

/** Whether the filter keeps every item. */
export function isEmptyFilter(filter: ItemFilter): boolean {
  return (
    filter.kinds.length === 0 &&
    filter.statuses.length === 0 &&
    !filter.owner.trim() &&
    !filter.category &&
    !filter.deadlineFrom &&
    !filter.deadlineTo &&
    !filter.documentId &&
    !filter.text.trim() &&
    !filter.overdueOnly &&
    !filter.tag
  );
}

const fold = (s: string) => s.toLowerCase();

// Lower-cased search text per record, computed once per record object: records are replaced,
// never mutated, when they change, so a cached string is never stale.
const haystacks = new WeakMap<ItemRecord, string>();
const ownerHaystacks = new WeakMap<ItemRecord, string>();

function ownerHaystack(item: ItemRecord): string {
  let text = ownerHaystacks.get(item);
  if (text === undefined) {
    text = fold(item.owners.map((o) => `${o.asWritten}\u0000${o.normalized}`).join('\u0000'));
    ownerHaystacks.set(item, text);
  }
  return text;
}

function haystack(item: ItemRecord): string {
  let text = haystacks.get(item);
  if (text === undefined) {
    text = fold(
      [
        item.title,
        item.noteText,
        item.category ?? '',
        item.deadline?.text ?? '',
        ...item.tags,
        ...item.owners.flatMap((o) => [o.asWritten, o.normalized]),
        ...item.targets.map((t) => t.text),
      ].join('\u0000'),
    );
    haystacks.set(item, text);
  }
  return text;
}

/**
 * The items the filter keeps, in their given order. `today` (YYYY-MM-DD, the analyst's local
 * date) decides what is overdue. `documentTitles`, when given, lets the free text match the
 * title of an item's document too. `aliases`, when given, lets the owner filter find an owner
 * by an alias of its name too (市发改委 finds 北京市发展和改革委员会 however it was written);
 * pass items whose owners were named under the same table (withAliases in owners.ts).
 */
export function filterItems(
  items: readonly ItemRecord[],
  filter: ItemFilter,
  today: string,
  documentTitles?: ReadonlyMap<string, string>,
  aliases?: AliasTable,
): ItemRecord[] {
  const kinds = filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const statuses = filter.statuses.length > 0 ? new Set<string>(filter.statuses) : null;
  const owner = fold(filter.owner.trim());
  const canonicalOwner = owner && aliases ? fold(normalizeOwner(filter.owner.trim(), aliases)) : owner;
  const words = fold(filter.text).split(/\s+/).filter(Boolean);
  const titles = new Map<string, string>();
  const documentTitle = (id: string | null): string => {
    if (!id || !documentTitles) return '';
    let title = titles.get(id);
    if (title === undefined) titles.set(id, (title = fold(documentTitles.get(id) ?? '')));
    return title;
  };
  const { category, deadlineFrom, deadlineTo, documentId, overdueOnly } = filter;
  const tag = fold((filter.tag ?? '').trim());

  return items.filter((item) => {
    if (kinds && !kinds.has(item.kind)) return false;
    if (statuses && !statuses.has(item.status)) return false;
    if (category && item.category !== category) return false;
    if (documentId && item.documentId !== documentId) return false;
    if (deadlineFrom || deadlineTo) {
      if (!item.deadline) return false;
      if (deadlineFrom && item.deadline.to < deadlineFrom) return false;
      if (deadlineTo && item.deadline.to > deadlineTo) return false;
    }
    if (overdueOnly && !isOverdue(item, today)) return false;
    if (tag && !item.tags.some((t) => fold(t) === tag)) return false;
    if (owner) {
      const names = ownerHaystack(item);
      if (!names.includes(owner) && (canonicalOwner === owner || !names.includes(canonicalOwner))) return false;
    }
    if (words.length > 0) {
      const text = haystack(item);
      const title = documentTitle(item.documentId);
      if (!words.every((w) => text.includes(w) || title.includes(w))) return false;
    }
    return true;
  });
}

export const ITEM_SORT_KEYS = ['deadline', 'status', 'kind', 'owner', 'document', 'updated'] as const;
export type ItemSortKey = (typeof ITEM_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

/** The owner an item is sorted by: its (first) lead unit, else its first owner. */
export function primaryOwner(item: Pick<ItemRecord, 'owners'>): string | null {
  const owner = item.owners.find((o) => o.role === 'lead') ?? item.owners[0];
  return owner ? owner.normalized || owner.asWritten : null;
}

const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

/**
 * Ranks of strings in collation order, computed over the distinct values only (a library has
 * far fewer owners and documents than items), so sorting compares numbers, not strings.
 */
function collationRanks(values: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(values)].sort(collator.compare);
  return new Map(distinct.map((v, i) => [v, i]));
}

const STATUS_ORDER = new Map<string, number>(ITEM_STATUSES.map((s, i) => [s, i]));

/**
 * The items sorted by `key`; a new array, the input is left as it is. Stable: items that
 * compare equal keep their given order, in either direction. Items without a value for the
 * key (no deadline, no owner, no document) come last in either direction.
 * Statuses sort in workflow order (open, in progress, done, missed, unknown).
 */
export function sortItems(
  items: readonly ItemRecord[],
  key: ItemSortKey,
  direction: SortDirection,
  documentTitles: ReadonlyMap<string, string>,
): ItemRecord[] {
  // One sort key per item: a string compared by code units or a rank; null sorts last.
  let keys: (string | number | null)[];
  switch (key) {
    case 'deadline':
      keys = items.map((item) => item.deadline?.to ?? null);
      break;
    case 'updated':
      keys = items.map((item) => item.updatedAt);
      break;
    case 'status':
      keys = items.map((item) => STATUS_ORDER.get(item.status) ?? ITEM_STATUSES.length);
      break;
    case 'kind': {
      const ranks = collationRanks(items.map((item) => item.kind));
      keys = items.map((item) => ranks.get(item.kind)!);
      break;
    }
    case 'owner': {
      const owners = items.map(primaryOwner);
      const ranks = collationRanks(owners.filter((o): o is string => o !== null));
      keys = owners.map((o) => (o === null ? null : ranks.get(o)!));
      break;
    }
    case 'document': {
      const titles = items.map((item) => (item.documentId ? (documentTitles.get(item.documentId) ?? null) : null));
      const ranks = collationRanks(titles.filter((t): t is string => t !== null));
      keys = titles.map((t) => (t === null ? null : ranks.get(t)!));
      break;
    }
  }
  const sign = direction === 'asc' ? 1 : -1;
  const order = items.map((_, i) => i);
  order.sort((a, b) => {
    const ka = keys[a] ?? null;
    const kb = keys[b] ?? null;
    if (ka === kb) return a - b;
    if (ka === null) return 1;
    if (kb === null) return -1;
    return ka < kb ? -sign : sign;
  });
  return order.map((i) => items[i]!);
}
