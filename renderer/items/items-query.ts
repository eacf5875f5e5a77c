// The items view's filters and sort as a URL query (#/items?status=open&owner=发改委&sort=deadline),
// so a reload, Back from a passage, or a bookmark brings the same list back.
import {
  EMPTY_ITEM_FILTER,
  ITEM_SORT_KEYS,
  type ItemFilter,
  type ItemSortKey,
  type SortDirection,
} from '../../shared/model/item-filters';
import { ITEM_STATUSES, type ItemStatus } from '../../shared/model/types';

export interface ItemsQuery {
  filter: ItemFilter;
  sort: ItemSortKey;
  direction: SortDirection;
}

export const DEFAULT_ITEMS_QUERY: ItemsQuery = { filter: EMPTY_ITEM_FILTER, sort: 'deadline', direction: 'asc' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** Reads a query string (without '?'); anything unknown or malformed is left at its default. */
export function parseItemsQuery(query: string | undefined): ItemsQuery {
  const params = new URLSearchParams(query ?? '');
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const sort = params.get('sort');
  return {
    filter: {
      kinds: list(params.get('kind')),
      statuses: list(params.get('status')).filter((s): s is ItemStatus =>
        (ITEM_STATUSES as readonly string[]).includes(s),
      ),
      owner: params.get('owner') ?? '',
      category: params.get('category') ?? '',
      deadlineFrom: day('from'),
      deadlineTo: day('to'),
      documentId: params.get('doc') ?? '',
      text: params.get('q') ?? '',
      overdueOnly: params.get('overdue') === '1',
      tag: params.get('tag') ?? '',
    },
    sort: (ITEM_SORT_KEYS as readonly string[]).includes(sort ?? '') ? (sort as ItemSortKey) : DEFAULT_ITEMS_QUERY.sort,
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };
}

/** The query string for `query` (without '?'); defaults are left out, so an unfiltered list is plain #/items. */
export function formatItemsQuery({ filter, sort, direction }: ItemsQuery): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => value && params.set(name, value);
  set('q', filter.text);
  set('kind', filter.kinds.join(','));
  set('status', filter.statuses.join(','));
  set('owner', filter.owner);
  set('category', filter.category);
  set('from', filter.deadlineFrom);
  set('to', filter.deadlineTo);
  set('doc', filter.documentId);
  set('tag', filter.tag);
  if (filter.overdueOnly) params.set('overdue', '1');
  if (sort !== DEFAULT_ITEMS_QUERY.sort) params.set('sort', sort);
  if (direction !== DEFAULT_ITEMS_QUERY.direction) params.set('dir', direction);
  return params.toString();
}

/**
 * Where the analyst left the items view in this window: its query, the focused row and the
 * scroll position, so the header's Items button (and Back from a passage) return to the same place.
 */
export const itemsViewMemory = {
  query: '',
  activeId: null as string | null,
  scrollTop: 0,
  selected: new Set<string>() as ReadonlySet<string>,
};
