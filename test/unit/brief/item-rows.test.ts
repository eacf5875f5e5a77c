import { describe, expect, it } from 'vitest';
import {
  EMPTY_TABLE_FILTER,
  filterTableItems,
  itemTableRows,
  quoteCitation,
  tableFilterOf,
} from '../../../shared/brief/item-rows';
import type { ItemTableFilter } from '../../../shared/brief/serialized';
import { aliasTable } from '../../../shared/extract/aliases';
import { EMPTY_ITEM_FILTER, filterItems, type ItemFilter } from '../../../shared/model/item-filters';
import { withAliases } from '../../../shared/model/owners';
import { ANNOTATIONS, DOCUMENTS, ids, ITEMS, manyItems, TODAY } from './brief-library.fixture';

const sources = { items: ITEMS, annotations: ANNOTATIONS, documents: DOCUMENTS };
const rows = (
  filter: Partial<ItemTableFilter>,
  extra: Partial<typeof sources> & { aliases?: ReturnType<typeof aliasTable> } = {},
) => itemTableRows({ ...EMPTY_TABLE_FILTER, ...filter }, { ...sources, ...extra }, TODAY);

describe('item table rows', () => {
  it('lists every item by deadline (due day, none last), then status', () => {
    // i6 and i3 fall due the same day: open before done.
    expect(ids(rows({}))).toEqual(['i6', 'i3', 'i2', 'i1', 'i4', 'i5']);
  });

  it('writes each row with its kind, passage, owners (lead first), deadline, status and source', () => {
    const [row] = rows({ kinds: ['task'], statuses: ['open'], documentIds: ['d1'], deadlineTo: '2020-01-01' });
    expect(row).toEqual({
      itemId: 'i1',
      kind: 'task',
      text: '推进通州区与北三县协同发展',
      owners: ['北京市发展和改革委员会', '北京市通州区人民政府'],
      deadline: { from: '2019-01-01', to: '2019-12-31', precision: 'year' },
      status: 'open',
      source: {
        documentId: 'd1',
        title: '北京市推进京津冀协同发展2019年工作要点',
        site: '首都之窗',
        url: 'http://www.beijing.gov.cn/plan',
        published: { date: '2019-02-20', precision: 'day' },
        position: { start: 100, end: 100 + ANNOTATIONS[0]!.target.quote.exact.length },
      },
      annotationId: 'a1',
    });
  });

  it('cites a PDF passage with its page, and a document with a year as published', () => {
    const row = rows({ documentIds: ['d2'] })[0]!;
    expect(row.source).toMatchObject({
      documentId: 'd2',
      page: 3,
      published: { date: '2019-01-01', precision: 'year' },
    });
    expect(row.source).not.toHaveProperty('site');
    expect(quoteCitation(ANNOTATIONS[5]!, DOCUMENTS[1]!)).toEqual(row.source);
  });

  it('gives an item without a passage or document no source', () => {
    const [row] = rows({ itemIds: ['i2'] }, { annotations: [] });
    expect(row).toMatchObject({ itemId: 'i2', source: null, annotationId: 'a2' });
  });

  it('filters by kind, status, document, deadline range and selection', () => {
    expect(ids(rows({ kinds: ['commitment'] }))).toEqual(['i2', 'i5']);
    expect(ids(rows({ statuses: ['open', 'in-progress'] }))).toEqual(['i6', 'i2', 'i1', 'i4']);
    expect(ids(rows({ documentIds: ['d2'] }))).toEqual(['i6']);
    expect(ids(rows({ documentIds: ['d1', 'd2'] }))).toHaveLength(6);
    expect(ids(rows({ deadlineFrom: '2019-07-01', deadlineTo: '2019-12-31' }))).toEqual(['i2', 'i1']);
    expect(ids(rows({ itemIds: ['i5', 'i4', 'nope'] }))).toEqual(['i4', 'i5']);
    expect(ids(rows({ itemIds: [] }))).toEqual([]);
    expect(ids(rows({ tag: '宣传' }))).toEqual(['i3']);
    expect(ids(rows({ category: '生态' }))).toEqual(['i2']);
    expect(ids(rows({ text: '北三县' }))).toEqual(['i1']);
    // The words match the document's title too, as in the items view.
    expect(ids(rows({ text: '工作要点' }))).toEqual(['i3', 'i2', 'i1', 'i4', 'i5']);
    expect(ids(rows({ overdueOnly: true }))).toEqual(['i6', 'i2', 'i1']);
  });

  it('finds owners as the items view does: by a part of the name, as written or normalised, or by an alias', () => {
    const aliases = aliasTable({});
    expect(ids(rows({ owners: ['市发改委'] }, { aliases }))).toEqual(['i1', 'i4']);
    expect(ids(rows({ owners: ['北京市发展和改革委员会'] }, { aliases }))).toEqual(['i1', 'i4']);
    expect(ids(rows({ owners: ['市文旅局'] }, { aliases }))).toEqual(['i3']);
    // Several owners: items of any of them.
    expect(ids(rows({ owners: ['园林', '市文旅局'] }, { aliases }))).toEqual(['i3', 'i2']);
  });

  it('names owners under the current alias table, the analyst’s entries included', () => {
    const aliases = aliasTable({ 通州区政府: '北京市通州区人民政府' });
    const row = rows({ itemIds: ['i6'] }, { aliases })[0]!;
    expect(row.owners).toEqual(['北京市通州区人民政府']);
    expect(ids(rows({ owners: ['北京市通州区人民政府'] }, { aliases }))).toEqual(['i6', 'i1']);
    // Without the table, the stored names stand.
    expect(rows({ itemIds: ['i6'] })[0]!.owners).toEqual(['通州区政府']);
  });

  it('keeps exactly the items the items view keeps under the same filter', () => {
    const aliases = aliasTable({ 通州区政府: '北京市通州区人民政府' });
    const named = withAliases(ITEMS, aliases);
    const titles = new Map(DOCUMENTS.map((d) => [d.id, d.title]));
    const filters: Partial<ItemFilter>[] = [
      {},
      { owner: '市发改委' },
      { owner: '通州区政府' },
      { kinds: ['task'], statuses: ['open'] },
      { documentId: 'd1', deadlineFrom: '2019-06-01' },
      { text: '2019年工作要点' },
      { overdueOnly: true, category: '生态' },
    ];
    for (const patch of filters) {
      const filter = { ...EMPTY_ITEM_FILTER, ...patch };
      const expected = filterItems(named, filter, TODAY, titles, aliases).map((i) => i.id);
      const table = rows(tableFilterOf(filter), { aliases });
      expect(ids(table).sort()).toEqual(expected.sort());
    }
  });

  it('turns the items view’s filter and selection into a table’s', () => {
    expect(tableFilterOf(EMPTY_ITEM_FILTER)).toEqual(EMPTY_TABLE_FILTER);
    expect(
      tableFilterOf(
        { ...EMPTY_ITEM_FILTER, owner: ' 市发改委 ', documentId: 'd1', statuses: ['open'], deadlineTo: '2019-12-31' },
        ['i1'],
      ),
    ).toEqual({
      kinds: [],
      statuses: ['open'],
      owners: ['市发改委'],
      documentIds: ['d1'],
      deadlineTo: '2019-12-31',
      itemIds: ['i1'],
    });
  });

  it('filters and sorts 20,000 items quickly', () => {
    const many = manyItems(20_000);
    const aliases = aliasTable({});
    itemTableRows(EMPTY_TABLE_FILTER, { items: many.slice(0, 100), annotations: [], documents: [], aliases }, TODAY);
    const started = performance.now();
    const table = itemTableRows(
      { ...EMPTY_TABLE_FILTER, owners: ['市发改委'], statuses: ['open'] },
      { items: many, annotations: [], documents: [], aliases },
      TODAY,
    );
    const took = performance.now() - started;
    expect(table.length).toBe(
      filterTableItems(
        withAliases(many, aliases),
        { ...EMPTY_TABLE_FILTER, owners: ['市发改委'], statuses: ['open'] },
        TODAY,
        aliases,
      ).length,
    );
    expect(table.length).toBeGreaterThan(100);
    expect(table.map((r) => r.deadline!.to)).toEqual(table.map((r) => r.deadline!.to).sort());
    expect(took).toBeLessThan(1000);
  });
});
