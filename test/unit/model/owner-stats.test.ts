import { describe, expect, it } from 'vitest';
import { aliasTable } from '../../../shared/extract/aliases';
import { newItem } from '../../../shared/model/items';
import { filterOwners, itemsOfOwner, ownerStats } from '../../../shared/model/owner-stats';
import { withAliases } from '../../../shared/model/owners';
import type { ItemOwner, ItemRecord, ItemStatus } from '../../../shared/model/types';

const owner = (asWritten: string, role: ItemOwner['role'] = 'responsible', normalized = asWritten): ItemOwner => ({
  asWritten,
  normalized,
  role,
});

function item(title: string, owners: ItemOwner[], status: ItemStatus, due: string | null): ItemRecord {
  return newItem(
    {
      kind: 'commitment',
      title,
      owners,
      deadline: due ? { from: due, to: due, precision: 'day', text: due, origin: 'explicit' } : null,
      milestones: [],
      targets: [],
      category: null,
      tags: [],
      origin: 'manual',
      status,
    },
    { documentId: 'd', annotationIds: [] },
  );
}

const TODAY = '2020-06-01';

describe('ownerStats', () => {
  // 市发改委 and 北京市发展和改革委员会 are one owner under the built-in table.
  const items = withAliases(
    [
      item('京张铁路通车', [owner('市发改委', 'lead'), owner('市交通委')], 'open', '2019-12-31'),
      item('新机场通航', [owner('北京市发展和改革委员会')], 'done', '2019-09-30'),
      item('绿化7000亩', [owner('市发改委'), owner('市发改委', 'lead')], 'in-progress', '2020-12-31'),
      item('副中心建设', [owner('李士祥')], 'open', '2021-06-30'),
      item('无期限事项', [owner('市交通委')], 'unknown', null),
    ],
    aliasTable({}),
  );

  it('counts each owner’s items by status, its next deadline and what is overdue', () => {
    const stats = ownerStats(items, TODAY);
    expect(stats.map((s) => [s.name, s.items])).toEqual([
      ['北京市发展和改革委员会', 3],
      ['北京市交通委员会', 2],
      ['李士祥', 1],
    ]);
    const ndrc = stats[0]!;
    expect(ndrc.byStatus).toEqual({ open: 1, 'in-progress': 1, done: 1, missed: 0, unknown: 0 });
    // The 2019 railway is past due and still open; the 2020-12-31 greening is next.
    expect(ndrc.overdue).toBe(1);
    expect(ndrc.nextDeadline).toBe('2020-12-31');
    expect(ndrc.lead).toBe(2);
    expect(ndrc.written).toEqual(['市发改委', '北京市发展和改革委员会']);
    const transport = stats[1]!;
    expect(transport.nextDeadline).toBeNull();
    expect(transport.overdue).toBe(1);
  });

  it('lists an owner’s items with its role, by deadline', () => {
    const mine = itemsOfOwner(items, '北京市发展和改革委员会');
    expect(mine.map((m) => [m.item.title, m.role])).toEqual([
      ['新机场通航', 'responsible'],
      ['京张铁路通车', 'lead'],
      ['绿化7000亩', 'lead'],
    ]);
    expect(itemsOfOwner(items, '北京市交通委员会').map((m) => m.item.title)).toEqual(['京张铁路通车', '无期限事项']);
  });

  it('merges owners when an alias maps one onto the other', () => {
    const merged = withAliases(items, aliasTable({ 李士祥: '北京市发展和改革委员会' }));
    const stats = ownerStats(merged, TODAY);
    expect(stats[0]).toMatchObject({ name: '北京市发展和改革委员会', items: 4 });
    expect(stats.some((s) => s.name === '李士祥')).toBe(false);
  });

  it('filters by name or by a way the owner is written', () => {
    const stats = ownerStats(items, TODAY);
    expect(filterOwners(stats, '发改委').map((s) => s.name)).toEqual(['北京市发展和改革委员会']);
    expect(filterOwners(stats, ' 交通 ').map((s) => s.name)).toEqual(['北京市交通委员会']);
    expect(filterOwners(stats, '')).toHaveLength(3);
  });
});
