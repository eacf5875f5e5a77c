import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../renderer/app/route';
import {
  clickRow,
  moveTo,
  NO_SELECTION,
  selectAll,
  selectedInView,
  toggleActive,
} from '../../../renderer/items/grid-selection';
import {
  DEFAULT_ITEMS_QUERY,
  formatItemsQuery,
  parseItemsQuery,
  type ItemsQuery,
} from '../../../renderer/items/items-query';
import { EMPTY_ITEM_FILTER } from '../../../shared/model/item-filters';

describe('the items view address', () => {
  it('is plain #/items without filters', () => {
    expect(formatItemsQuery(DEFAULT_ITEMS_QUERY)).toBe('');
    expect(routeHash({ screen: 'items' })).toBe('#/items');
    expect(parseRoute('#/items')).toEqual({ screen: 'items' });
    expect(parseItemsQuery('')).toEqual(DEFAULT_ITEMS_QUERY);
  });

  it('carries every filter and the sort through the hash and back', () => {
    const query: ItemsQuery = {
      filter: {
        kinds: ['task', 'pledge'],
        statuses: ['open', 'in-progress'],
        owner: '发改委 & co',
        category: '交通',
        deadlineFrom: '2019-01-01',
        deadlineTo: '2019-12-31',
        documentId: '01HXYZ',
        text: '通航 验收',
        overdueOnly: true,
        tag: '京津冀',
      },
      sort: 'owner',
      direction: 'desc',
    };
    const hash = routeHash({ screen: 'items', query: formatItemsQuery(query) });
    expect(hash).toMatch(/^#\/items\?[\x21-\x7e]+$/); // ASCII only: percent-encoded
    const route = parseRoute(hash);
    expect(route.screen).toBe('items');
    expect(parseItemsQuery(route.screen === 'items' ? route.query : '')).toEqual(query);
  });

  it('ignores what it does not know', () => {
    const parsed = parseItemsQuery('status=open,bogus&from=2019-13&to=soon&sort=colour&dir=up&overdue=yes');
    expect(parsed).toEqual({ ...DEFAULT_ITEMS_QUERY, filter: { ...EMPTY_ITEM_FILTER, statuses: ['open'] } });
  });

  it('leaves the other routes alone', () => {
    expect(parseRoute('#/')).toEqual({ screen: 'library' });
    expect(parseRoute('#/doc/abc/a/def')).toEqual({ screen: 'reader', documentId: 'abc', annotationId: 'def' });
    expect(parseRoute('#/itemsx')).toEqual({ screen: 'library' });
  });
});

describe('selecting rows', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const plain = { range: false, toggle: false };

  it('selects one row by click, toggles with Ctrl/⌘, and takes a range with Shift', () => {
    let s = clickRow(NO_SELECTION, ids, 1, plain);
    expect([...s.selected]).toEqual(['b']);
    s = clickRow(s, ids, 3, { range: true, toggle: false });
    expect(selectedInView(s, ids)).toEqual(['b', 'c', 'd']);
    expect(s.anchor).toBe('b');
    s = clickRow(s, ids, 0, { range: true, toggle: false });
    expect(selectedInView(s, ids)).toEqual(['a', 'b']);
    s = clickRow(s, ids, 4, { range: false, toggle: true });
    expect(selectedInView(s, ids)).toEqual(['a', 'b', 'e']);
    s = clickRow(s, ids, 0, { range: false, toggle: true });
    expect(selectedInView(s, ids)).toEqual(['b', 'e']);
    // Ctrl+Shift adds a range to what is selected.
    s = clickRow(s, ids, 2, { range: true, toggle: true });
    expect(selectedInView(s, ids)).toEqual(['a', 'b', 'c', 'e']);
    s = clickRow(s, ids, 2, plain);
    expect(selectedInView(s, ids)).toEqual(['c']);
  });

  it('moves the focus with the keyboard, extends with Shift, toggles with Space, selects all', () => {
    let s = moveTo(NO_SELECTION, ids, 2, false);
    expect(s.active).toBe('c');
    expect(s.selected.size).toBe(0);
    s = toggleActive(s);
    expect(selectedInView(s, ids)).toEqual(['c']);
    s = moveTo(s, ids, 4, true);
    expect(selectedInView(s, ids)).toEqual(['c', 'd', 'e']);
    s = moveTo(s, ids, 99, false);
    expect(s.active).toBe('e');
    s = toggleActive(s);
    expect(selectedInView(s, ids)).toEqual(['c', 'd']);
    expect(selectedInView(selectAll(s, ids), ids)).toEqual(ids);
  });

  it('applies a bulk change only to selected rows still in view', () => {
    const s = selectAll(NO_SELECTION, ids);
    expect(selectedInView(s, ['e', 'x', 'a'])).toEqual(['e', 'a']);
  });
});
