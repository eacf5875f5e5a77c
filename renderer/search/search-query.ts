// The search screen's words and filters as a URL query (#/search?q=疏解&kind=document&site=…),
// so a reload, Back from a hit, or a bookmark shows the same results.
import type { SearchFilters } from '../../shared/search/engine';
import type { UnitKind } from '../../shared/search/segment';

export interface SearchQuery {
  q: string;
  kinds: UnitKind[];
  site: string;
  from: string;
  to: string;
  tag: string;
}

export const SEARCH_KINDS: readonly UnitKind[] = ['document', 'note', 'item'];
export const EMPTY_SEARCH: SearchQuery = { q: '', kinds: [], site: '', from: '', to: '', tag: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a query string (without '?'); anything unknown or malformed is left at its default. */
export function parseSearchQuery(query: string | undefined): SearchQuery {
  const params = new URLSearchParams(query ?? '');
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    q: params.get('q') ?? '',
    kinds: (params.get('kind') ?? '')
      .split(',')
      .filter((k): k is UnitKind => (SEARCH_KINDS as readonly string[]).includes(k)),
    site: params.get('site') ?? '',
    from: day('from'),
    to: day('to'),
    tag: params.get('tag') ?? '',
  };
}

/** The query string (without '?'); empty fields are left out. */
export function formatSearchQuery(query: SearchQuery): string {
  const params = new URLSearchParams();
  const set = (name: string, value: string) => value && params.set(name, value);
  set('q', query.q);
  set('kind', query.kinds.join(','));
  set('site', query.site);
  set('from', query.from);
  set('to', query.to);
  set('tag', query.tag);
  return params.toString();
}

export function searchFilters(query: SearchQuery): SearchFilters {
  return {
    ...(query.kinds.length > 0 && { kinds: query.kinds }),
    ...(query.site && { site: query.site }),
    ...(query.from && { from: query.from }),
    ...(query.to && { to: query.to }),
    ...(query.tag && { tag: query.tag }),
  };
}

export const hasFilters = (query: SearchQuery): boolean =>
  query.kinds.length > 0 || !!query.site || !!query.from || !!query.to || !!query.tag;
