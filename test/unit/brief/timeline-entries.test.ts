import { describe, expect, it } from 'vitest';
import { EMPTY_TABLE_FILTER } from '../../../shared/brief/item-rows';
import type { ItemTableFilter } from '../../../shared/brief/serialized';
import { timelineSectionEntries } from '../../../shared/brief/timeline-entries';
import { aliasTable } from '../../../shared/extract/aliases';
import { EMPTY_ITEM_FILTER } from '../../../shared/model/item-filters';
import { timelineEntries } from '../../../shared/timeline/entries';
import { DOCUMENTS, EVENTS, ITEMS, TODAY } from './brief-library.fixture';

const sources = { items: ITEMS, events: EVENTS, documents: DOCUMENTS };
const YEAR_2019 = { from: '2019-01-01', to: '2019-12-31' };
const keys = (entries: { ref: { kind: string; id: string } }[]) => entries.map((e) => `${e.ref.kind}:${e.ref.id}`);
const section = (range = YEAR_2019, filter?: Partial<ItemTableFilter>) =>
  timelineSectionEntries(range, sources, {
    today: TODAY,
    aliases: aliasTable({}),
    ...(filter && { filter: { ...EMPTY_TABLE_FILTER, ...filter } }),
  });

describe('timeline section entries', () => {
  it('lists what ends in the range: deadlines, events, dates pinned from the text and publications, by their last day', () => {
    const entries = section();
    expect(keys(entries)).toEqual([
      'document:d1', // published 2019-02-20
      'event:e1', // 2019-03-05
      'item:i3', // 2019-06-30, the quarter from April
      'item:i6', // 2019-06-30, that day only
      'item:i2', // September
      'document:d2', // published in 2019: the year (as the timeline orders the same span)
      'item:i1', // 2019年底前: the year
      'event:e2', // pinned: December
    ]);
    expect(entries.find((e) => e.ref.id === 'e2')).toEqual({
      kind: 'mention',
      ref: { kind: 'event', id: 'e2' },
      date: { from: '2019-12-01', to: '2019-12-31', precision: 'month' },
      label: '年底前召开京津冀协同发展工作会议',
      documentTitle: '北京市推进京津冀协同发展2019年工作要点',
    });
    expect(entries.find((e) => e.ref.id === 'e1')).toEqual({
      kind: 'event',
      ref: { kind: 'event', id: 'e1' },
      date: { from: '2019-03-05', to: '2019-03-05', precision: 'day' },
      label: '京津冀协同发展领导小组会议',
    });
    expect(entries.find((e) => e.ref.id === 'd2')).toEqual({
      kind: 'document',
      ref: { kind: 'document', id: 'd2' },
      date: { from: '2019-01-01', to: '2019-12-31', precision: 'year' },
      label: '通州区2019年重点工作',
    });
  });

  it('gives items their status (an overdue item stays open) and the title of their document', () => {
    const entries = section();
    expect(entries.find((e) => e.ref.id === 'i6')).toEqual({
      kind: 'item',
      ref: { kind: 'item', id: 'i6' },
      date: { from: '2019-06-30', to: '2019-06-30', precision: 'day' },
      label: '完成城市副中心行政办公区二期主体结构',
      status: 'open',
      documentTitle: '通州区2019年重点工作',
    });
    expect(entries.find((e) => e.ref.id === 'i3')?.status).toBe('done');
  });

  it('holds the same entries as the timeline filtered to the range', () => {
    for (const range of [
      YEAR_2019,
      { from: '2019-06-30', to: '2019-06-30' },
      { from: '2020-01-01', to: '2040-12-31' },
    ]) {
      const expected = timelineEntries(
        sources,
        { ...EMPTY_ITEM_FILTER, deadlineFrom: range.from, deadlineTo: range.to },
        TODAY,
      ).entries.map((e) => e.key);
      expect(keys(section(range)).sort()).toEqual(expected.sort());
    }
    expect(keys(section({ from: '2020-01-01', to: '2040-12-31' }))).toEqual(['event:e3', 'item:i4']);
  });

  it('applies the timeline’s filters: one owner keeps that owner’s items only', () => {
    expect(keys(section(YEAR_2019, { owners: ['市发改委'] }))).toEqual(['item:i1']);
    expect(keys(section(YEAR_2019, { owners: ['园林', '市文旅局'] }))).toEqual(['item:i3', 'item:i2']);
    expect(keys(section(YEAR_2019, { statuses: ['open'] }))).toEqual(['item:i6', 'item:i1']);
  });

  it('applies kinds, events and publications included', () => {
    expect(keys(section(YEAR_2019, { kinds: ['@event'] }))).toEqual(['event:e1', 'event:e2']);
    expect(keys(section(YEAR_2019, { kinds: ['@document', 'commitment'] }))).toEqual([
      'document:d1',
      'item:i2',
      'document:d2',
    ]);
  });

  it('applies documents and a selection of items', () => {
    expect(keys(section(YEAR_2019, { documentIds: ['d2'] }))).toEqual(['item:i6', 'document:d2']);
    expect(keys(section(YEAR_2019, { documentIds: ['d1', 'd2'] }))).toEqual([
      'document:d1',
      'item:i3',
      'item:i6',
      'item:i2',
      'document:d2',
      'item:i1',
      'event:e2',
    ]);
    expect(keys(section(YEAR_2019, { itemIds: ['i1', 'i4'] }))).toEqual(['item:i1']);
  });

  it('is empty for a range with nothing in it', () => {
    expect(section({ from: '2030-01-01', to: '2030-12-31' })).toEqual([]);
  });
});
