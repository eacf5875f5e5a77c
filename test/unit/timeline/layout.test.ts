// The timeline's date-range layout (shared/timeline): day arithmetic and ranges at their
// precision, the scale's ticks at each zoom level in both languages, entries from items,
// events and publications, lanes and range packing, and which entries a window of days shows.
import { describe, expect, it } from 'vitest';
import { EMPTY_ITEM_FILTER, type ItemFilter } from '../../../shared/model/item-filters';
import type { DocumentMeta, EventRecord, ItemRecord } from '../../../shared/model/types';
import { chainEntries, entriesByAnnotation } from '../../../shared/timeline/chain';
import { dayNumber, dayString, rangeDays, rangeFor, unitBounds, weekday } from '../../../shared/timeline/dates';
import {
  documentEntry,
  eventEntry,
  EVENT_KIND,
  itemEntry,
  parseEntryKey,
  PUBLICATION_KIND,
  timelineEntries,
  type TimelineEntry,
} from '../../../shared/timeline/entries';
import {
  entryAcross,
  extent,
  fitView,
  layoutTimeline,
  overflowBuckets,
  packRows,
  rowWindow,
  timeOrder,
  visibleEntries,
} from '../../../shared/timeline/layout';
import { mentionTitle, pinnedEvents, selectionDraft, sentenceAround } from '../../../shared/timeline/pins';
import {
  LEVEL_SCALE,
  levelAt,
  MAX_PX_PER_DAY,
  MIN_PX_PER_DAY,
  stepScale,
  ticks,
  ZOOM_LEVELS,
} from '../../../shared/timeline/scale';
import { findTemporal } from '../../../shared/extract/temporal';

const base = { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', rev: 'r', baseRev: null };
const TODAY = '2024-06-15';

function item(id: string, patch: Partial<ItemRecord> = {}): ItemRecord {
  return {
    ...base,
    id,
    kind: 'task',
    title: `item ${id}`,
    annotationIds: [`${id}-a`],
    documentId: 'd1',
    owners: [],
    deadline: { from: '2019-01-01', to: '2019-12-31', precision: 'year', text: '2019年底前', origin: 'explicit' },
    milestones: [],
    targets: [],
    status: 'open',
    statusHistory: [],
    category: null,
    tags: [],
    note: null,
    noteText: '',
    origin: 'manual',
    ...patch,
  };
}

function event(id: string, from: string, to: string, patch: Partial<EventRecord> = {}): EventRecord {
  return {
    ...base,
    id,
    title: `event ${id}`,
    date: { from, to, precision: 'day', text: '' },
    documentId: null,
    annotationId: null,
    note: null,
    ...patch,
  };
}

/** A bare entry over [start, end) for packing tests. */
function span(key: string, start: number, end: number, patch: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    key,
    kind: 'item',
    id: key,
    title: key,
    start,
    end,
    from: dayString(start),
    to: dayString(end - 1),
    precision: 'day',
    text: '',
    itemKind: 'task',
    state: 'open',
    owners: [],
    category: null,
    documentId: null,
    annotationId: null,
    tags: [],
    pinned: false,
    ...patch,
  };
}

const filter = (patch: Partial<ItemFilter>): ItemFilter => ({ ...EMPTY_ITEM_FILTER, ...patch });

describe('days and ranges', () => {
  it('counts days from 1970-01-01 and back, across leap years and centuries', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1); // 1900 is not
    for (const day of ['1949-10-01', '2016-02-29', '2035-12-31', '1899-01-01']) {
      expect(dayString(dayNumber(day))).toBe(day);
    }
    expect(dayNumber('2019-13-01')).toBe(dayNumber('2020-01-01')); // Date.UTC rolls over; never stored
    expect(Number.isNaN(dayNumber('2019-6-1'))).toBe(true);
    expect(weekday(dayNumber('2024-06-17'))).toBe(0); // a Monday
    expect(weekday(dayNumber('1969-12-28'))).toBe(6); // a Sunday before day 0
  });

  it('finds the unit of each precision holding a day', () => {
    expect(unitBounds('2019-08-15', 'year')).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    expect(unitBounds('2019-08-15', 'half')).toEqual({ from: '2019-07-01', to: '2019-12-31' });
    expect(unitBounds('2019-05-15', 'quarter')).toEqual({ from: '2019-04-01', to: '2019-06-30' });
    expect(unitBounds('2020-02-10', 'month')).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(unitBounds('2019-02-10', 'day')).toEqual({ from: '2019-02-10', to: '2019-02-10' });
  });

  it('draws a range over its own days and at least the unit of its precision', () => {
    const days = (from: string, to: string, precision: ItemRecord['milestones'][0]['precision']) =>
      rangeDays({ from, to, precision });
    // 2019年: the whole year, even when stored as its last day only.
    expect(days('2019-12-31', '2019-12-31', 'year')).toEqual({
      start: dayNumber('2019-01-01'),
      end: dayNumber('2020-01-01'),
    });
    // 9月底前: September.
    expect(days('2019-09-01', '2019-09-30', 'month')).toEqual({
      start: dayNumber('2019-09-01'),
      end: dayNumber('2019-10-01'),
    });
    // 二季度, 下半年.
    expect(days('2019-06-30', '2019-06-30', 'quarter')!.start).toBe(dayNumber('2019-04-01'));
    expect(days('2019-12-31', '2019-12-31', 'half')!.start).toBe(dayNumber('2019-07-01'));
    // 2019年6月底: one day.
    expect(days('2019-06-30', '2019-06-30', 'day')).toEqual({
      start: dayNumber('2019-06-30'),
      end: dayNumber('2019-07-01'),
    });
    // 十三五: five years.
    const plan = days('2016-01-01', '2020-12-31', 'year')!;
    expect(plan.end - plan.start).toBe(dayNumber('2021-01-01') - dayNumber('2016-01-01'));
    // Backwards and malformed.
    expect(days('2019-07-10', '2019-07-01', 'day')).toEqual({
      start: dayNumber('2019-07-01'),
      end: dayNumber('2019-07-11'),
    });
    expect(days('', '2019-07-01', 'day')).toEqual({ start: dayNumber('2019-07-01'), end: dayNumber('2019-07-02') });
    expect(days('2019-07-01', 'June', 'day')).toBeNull();
  });

  it('makes the range of a day at a precision, through another day', () => {
    expect(rangeFor('2019-05-20', 'month', '5月')).toEqual({
      from: '2019-05-01',
      to: '2019-05-31',
      precision: 'month',
      text: '5月',
    });
    expect(rangeFor('2016-03-01', 'year', '十三五', '2020-06-01')).toEqual({
      from: '2016-01-01',
      to: '2020-12-31',
      precision: 'year',
      text: '十三五',
    });
    expect(rangeFor('2019-05-20', 'day', '', '2019-05-18').to).toBe('2019-05-20'); // an earlier "until" is ignored
  });
});

describe('the time scale', () => {
  it('names the level of each scale, and steps + and − through the levels from decades to days', () => {
    for (const level of ZOOM_LEVELS) expect(levelAt(LEVEL_SCALE[level])).toBe(level);
    expect(levelAt(MIN_PX_PER_DAY)).toBe('decades');
    expect(levelAt(MAX_PX_PER_DAY)).toBe('days');
    let scale = LEVEL_SCALE.decades;
    const seen = [levelAt(scale)];
    for (let i = 0; i < ZOOM_LEVELS.length - 1; i++) seen.push(levelAt((scale = stepScale(scale, 1))));
    expect(seen).toEqual([...ZOOM_LEVELS]);
    expect(stepScale(LEVEL_SCALE.days, 1)).toBe(MAX_PX_PER_DAY);
    expect(stepScale(LEVEL_SCALE.decades, -1)).toBe(MIN_PX_PER_DAY);
    // Between levels (after a wheel zoom), to the next level in that direction.
    expect(stepScale(2, 1)).toBe(LEVEL_SCALE.months);
    expect(stepScale(2, -1)).toBe(LEVEL_SCALE.quarters);
  });

  const at = (day: string) => dayNumber(day);
  const labels = (list: { label: string }[]) => list.map((t) => t.label);

  it('ticks decades and years', () => {
    const axis = ticks(at('1995-06-01'), at('2021-01-01'), LEVEL_SCALE.decades, 'en');
    expect(axis.level).toBe('decades');
    expect(labels(axis.major)).toEqual(['1990s', '2000s', '2010s', '2020s']);
    expect(axis.major[0]!.day).toBe(at('1990-01-01'));
    expect(axis.minor[0]!.day).toBe(at('1995-01-01'));
    expect(axis.minor).toHaveLength(27); // 1995 … 2021
    expect(axis.minor.every((t) => t.label === '')).toBe(true); // 18 px a year: no room for labels
    expect(axis.context).toBe('1990s');
    expect(labels(ticks(at('2010-01-01'), at('2019-12-31'), LEVEL_SCALE.decades, 'zh').major)).toEqual(['2010年代']);
    // Wider apart, the years are labelled too, when their labels fit (a Chinese label is wider).
    expect(labels(ticks(at('2010-01-01'), at('2012-12-31'), 0.11, 'en').minor)).toEqual(['2010', '2011', '2012']);
    expect(labels(ticks(at('2010-01-01'), at('2012-12-31'), 0.11, 'zh').minor)).toEqual(['', '', '']);
  });

  it('ticks years and quarters', () => {
    const years = ticks(at('2019-02-01'), at('2020-12-31'), LEVEL_SCALE.years, 'zh');
    expect(years.level).toBe('years');
    expect(labels(years.major)).toEqual(['2019年', '2020年']);
    expect(years.minor).toHaveLength(8);
    const quarters = ticks(at('2019-05-01'), at('2019-12-31'), LEVEL_SCALE.quarters, 'en');
    expect(quarters.level).toBe('quarters');
    expect(labels(quarters.minor)).toEqual(['Q2', 'Q3', 'Q4']);
    expect(quarters.minor[0]!.day).toBe(at('2019-04-01'));
    expect(labels(ticks(at('2019-05-01'), at('2019-12-31'), LEVEL_SCALE.quarters, 'zh').minor)).toEqual([
      '二季度',
      '三季度',
      '四季度',
    ]);
  });

  it('ticks months, weeks and days', () => {
    const months = ticks(at('2019-11-10'), at('2020-02-01'), LEVEL_SCALE.months, 'en');
    expect(months.level).toBe('months');
    expect(labels(months.major)).toEqual(['2019', '2020']);
    expect(labels(months.minor)).toEqual(['Nov', 'Dec', 'Jan', 'Feb']);
    expect(labels(ticks(at('2019-11-10'), at('2020-02-01'), LEVEL_SCALE.months, 'zh').minor)).toEqual([
      '11月',
      '12月',
      '1月',
      '2月',
    ]);
    const weeks = ticks(at('2024-06-01'), at('2024-06-20'), LEVEL_SCALE.weeks, 'en');
    expect(weeks.level).toBe('weeks');
    expect(labels(weeks.major)).toEqual(['Jun 2024']);
    expect(labels(weeks.minor)).toEqual(['27', '3', '10', '17']); // Mondays
    expect(weeks.context).toBe('Jun 2024');
    const days = ticks(at('2024-02-27'), at('2024-03-02'), LEVEL_SCALE.days, 'zh');
    expect(days.level).toBe('days');
    expect(labels(days.major)).toEqual(['2024年2月', '2024年3月']);
    expect(labels(days.minor)).toEqual(['27日', '28日', '29日', '1日', '2日']);
    expect(days.major[1]!.day).toBe(at('2024-03-01'));
  });

  it('makes a bounded number of ticks whatever the window', () => {
    const axis = ticks(at('1000-01-01'), at('3000-01-01'), LEVEL_SCALE.days, 'en');
    expect(axis.minor.length).toBeLessThanOrEqual(4000);
  });
});

describe('entries', () => {
  it('draws an item’s deadline at its precision, with its state', () => {
    const year = itemEntry(item('a'), TODAY)!;
    expect(year).toMatchObject({
      key: 'item:a',
      kind: 'item',
      precision: 'year',
      text: '2019年底前',
      state: 'overdue',
    });
    expect(year.start).toBe(dayNumber('2019-01-01'));
    expect(year.end).toBe(dayNumber('2020-01-01'));
    const month = itemEntry(
      item('b', {
        status: 'done',
        deadline: { from: '2019-09-30', to: '2019-09-30', precision: 'month', text: '9月底前', origin: 'section' },
      }),
      TODAY,
    )!;
    expect([dayString(month.start), dayString(month.end - 1), month.state]).toEqual([
      '2019-09-01',
      '2019-09-30',
      'done',
    ]);
    expect(itemEntry(item('c', { status: 'missed' }), TODAY)!.state).toBe('missed');
    expect(itemEntry(item('d', { status: 'in-progress' }), '2019-06-01')!.state).toBe('in-progress');
    expect(itemEntry(item('e', { deadline: null }), TODAY)).toBeNull();
    const owned = itemEntry(
      item('f', {
        owners: [
          { asWritten: '通州区', normalized: '北京市通州区人民政府', role: 'responsible' },
          { asWritten: '市发改委', normalized: '北京市发展和改革委员会', role: 'lead' },
        ],
      }),
      TODAY,
    )!;
    expect(owned.owners).toEqual(['北京市发展和改革委员会', '北京市通州区人民政府']);
    expect(owned.annotationId).toBe('f-a');
  });

  it('draws events and publication dates; an event from a passage is pinned', () => {
    const meeting = eventEntry(event('m', '2022-03-15', '2022-03-17'))!;
    expect(meeting).toMatchObject({ key: 'event:m', kind: 'event', pinned: false, state: null });
    expect(meeting.end - meeting.start).toBe(3);
    expect(eventEntry(event('p', '2019-06-30', '2019-06-30', { annotationId: 'x', documentId: 'd1' }))!.pinned).toBe(
      true,
    );
    const published: Pick<DocumentMeta, 'id' | 'title' | 'published'> = {
      id: 'd1',
      title: '工作要点',
      published: { from: '2019-06-06', to: '2019-06-06', precision: 'day', text: '2019-06-06', status: 'detected' },
    };
    expect(documentEntry(published)).toMatchObject({
      key: 'document:d1',
      documentId: 'd1',
      start: dayNumber('2019-06-06'),
    });
    expect(documentEntry({ ...published, published: null })).toBeNull();
    expect(parseEntryKey('item:01HX')).toEqual({ kind: 'item', id: '01HX' });
    expect(parseEntryKey('event:a:b')).toEqual({ kind: 'event', id: 'a:b' });
    expect(parseEntryKey('brief:1')).toBeNull();
  });

  it('filters with the items view’s filters, and leaves out what a filter on item fields cannot keep', () => {
    const items = [
      item('a', {
        owners: [{ asWritten: '市发改委', normalized: '北京市发展和改革委员会', role: 'lead' }],
        tags: ['京津冀'],
      }),
      item('b', { kind: 'commitment', status: 'done', category: '生态' }),
      item('c', { deadline: null }),
    ];
    const events = [event('e', '2019-05-01', '2019-05-01', { note: '联席会议' })];
    const documents = [
      {
        id: 'd1',
        title: '工作要点',
        published: {
          from: '2019-06-06',
          to: '2019-06-06',
          precision: 'day' as const,
          text: '',
          status: 'detected' as const,
        },
      },
    ];
    const keys = (f: Partial<ItemFilter>) =>
      timelineEntries({ items, events, documents }, filter(f), TODAY).entries.map((e) => e.key);
    expect(keys({})).toEqual(['item:a', 'item:b', 'event:e', 'document:d1']);
    expect(timelineEntries({ items, events, documents }, filter({}), TODAY).undated).toBe(1);
    expect(keys({ owner: '发改委' })).toEqual(['item:a']);
    expect(keys({ statuses: ['done'] })).toEqual(['item:b']);
    expect(keys({ tag: '京津冀' })).toEqual(['item:a']);
    expect(keys({ kinds: ['commitment', EVENT_KIND] })).toEqual(['item:b', 'event:e']);
    expect(keys({ kinds: [PUBLICATION_KIND] })).toEqual(['document:d1']);
    expect(keys({ documentId: 'd1' })).toEqual(['item:a', 'item:b', 'document:d1']);
    expect(keys({ text: '联席' })).toEqual(['event:e']);
    expect(keys({ deadlineFrom: '2019-06-01', deadlineTo: '2019-06-30' })).toEqual(['document:d1']);
    expect(keys({ overdueOnly: true })).toEqual(['item:a']);
  });
});

describe('packing ranges into rows', () => {
  it('puts overlapping ranges in separate rows and the rest in the first row free', () => {
    const entries = [span('a', 0, 10), span('b', 5, 8), span('c', 9, 12), span('d', 10, 11), span('e', 12, 20)];
    const { rows, overflow } = packRows(entries, { minDays: 0, maxRows: 10 });
    expect(rows.map((r) => r.map((p) => p.entry.key))).toEqual([
      ['a', 'd', 'e'],
      ['b', 'c'],
    ]);
    expect(overflow).toEqual([]);
    // Room for a label: up to the next entry of the row.
    expect(rows[0]!.map((p) => p.room)).toEqual([10, 2, Infinity]);
  });

  it('uses as few rows as the most ranges overlapping on one day', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    const entries = Array.from({ length: 500 }, (_, i) => {
      const start = rand(1000);
      return span(`s${i}`, start, start + 1 + rand(40));
    }).sort((a, b) => a.start - b.start || a.end - b.end);
    const { rows } = packRows(entries, { minDays: 0, maxRows: 1000 });
    let deepest = 0;
    for (let day = 0; day < 1100; day++) {
      deepest = Math.max(deepest, entries.filter((e) => e.start <= day && day < e.end).length);
    }
    expect(rows.length).toBe(deepest);
    for (const row of rows) {
      for (let i = 1; i < row.length; i++) expect(row[i]!.entry.start).toBeGreaterThanOrEqual(row[i - 1]!.reach);
    }
  });

  it('keeps room for a label: a short entry takes at least minDays', () => {
    const entries = [span('a', 0, 1), span('b', 3, 4), span('c', 6, 7)];
    expect(packRows(entries, { minDays: 1, maxRows: 9 }).rows).toHaveLength(1);
    const { rows } = packRows(entries, { minDays: 5, maxRows: 9 });
    expect(rows.map((r) => r.map((p) => p.entry.key))).toEqual([['a', 'c'], ['b']]);
    expect(rows[0]![0]!.reach).toBe(5);
  });

  it('sends what fits in no row to the lane’s overflow, in time order', () => {
    const entries = [span('a', 0, 10), span('b', 1, 10), span('c', 2, 10), span('d', 3, 4), span('e', 11, 12)];
    const { rows, overflow } = packRows(entries, { minDays: 0, maxRows: 2 });
    expect(rows.map((r) => r.map((p) => p.entry.key))).toEqual([['a', 'e'], ['b']]);
    expect(overflow.map((p) => [p.entry.key, p.row])).toEqual([
      ['c', -1],
      ['d', -1],
    ]);
  });
});

describe('lanes', () => {
  const entries = [
    span('item:1', 0, 5, { itemKind: 'commitment', category: '交通', owners: ['市财政局'], documentId: 'd2' }),
    span('item:2', 1, 5, { itemKind: 'task', category: '生态', owners: ['北京市发展和改革委员会'], documentId: 'd1' }),
    span('item:3', 2, 5, { itemKind: 'task', category: null, owners: [], documentId: null }),
    span('event:4', 3, 4, { kind: 'event', itemKind: null, state: null, documentId: 'd1' }),
    span('document:d1', 4, 5, { kind: 'document', itemKind: null, state: null, documentId: 'd1' }),
  ];
  const lanes = (grouping: Parameters<typeof layoutTimeline>[1], extra = {}) =>
    layoutTimeline(entries, grouping, { minDays: 0, maxRows: 4, ...extra }).lanes.map((l) => [
      l.type,
      l.name,
      l.rows.flat().map((p) => p.entry.key),
    ]);

  it('groups by kind (in the configured order), category, owner or document', () => {
    expect(lanes('kind', { kindOrder: ['task', 'commitment'] })).toEqual([
      ['publications', '', ['document:d1']],
      ['events', '', ['event:4']],
      ['group', 'task', ['item:2', 'item:3']],
      ['group', 'commitment', ['item:1']],
    ]);
    expect(lanes('category').map(([type, name]) => `${type}:${name}`)).toEqual([
      'publications:',
      'events:',
      'group:交通',
      'group:生态',
      'none:',
    ]);
    expect(lanes('owner').slice(2)).toEqual([
      ['group', '北京市发展和改革委员会', ['item:2']],
      ['group', '市财政局', ['item:1']],
      ['none', '', ['item:3']],
    ]);
    const titles = new Map([
      ['d1', 'B plan'],
      ['d2', 'A report'],
    ]);
    expect(lanes('document', { labelOf: (id: string) => titles.get(id) ?? id })).toEqual([
      ['group', 'd2', ['item:1']],
      ['group', 'd1', ['item:2', 'event:4', 'document:d1']],
      ['none', '', ['item:3']],
    ]);
  });

  it('finds each entry’s lane and row, and steps across rows by the nearest start', () => {
    const layout = layoutTimeline(entries, 'kind', { minDays: 0, maxRows: 4, kindOrder: ['task', 'commitment'] });
    expect(layout.placed.get('item:3')).toMatchObject({ lane: 2, placed: { row: 1 } });
    expect(timeOrder(layout).map((e) => e.key)).toEqual(['item:1', 'item:2', 'item:3', 'event:4', 'document:d1']);
    expect(entryAcross(layout, 'event:4', 1)!.key).toBe('item:2');
    expect(entryAcross(layout, 'item:2', 1)!.key).toBe('item:3');
    expect(entryAcross(layout, 'item:3', 1)!.key).toBe('item:1');
    expect(entryAcross(layout, 'item:1', 1)).toBeNull();
    expect(entryAcross(layout, 'document:d1', -1)).toBeNull();
  });
});

describe('the visible window', () => {
  // 20,000 entries, a day each, every other day, in four lanes.
  const many = Array.from({ length: 20_000 }, (_, i) =>
    span(`item:${i}`, i * 2, i * 2 + 1, { owners: [`owner ${i % 4}`] }),
  );

  it('selects by binary search only the entries reaching into the window', () => {
    const { rows } = packRows([span('a', 0, 10), span('b', 12, 13), span('c', 20, 40), span('d', 50, 51)], {
      minDays: 0,
      maxRows: 1,
    });
    const row = rows[0]!;
    const shown = (from: number, to: number) => {
      const { first, last } = rowWindow(row, from, to);
      return row.slice(first, last).map((p) => p.entry.key);
    };
    expect(shown(5, 15)).toEqual(['a', 'b']);
    expect(shown(10, 12)).toEqual([]); // a ends as the window opens, b starts as it closes
    expect(shown(30, 31)).toEqual(['c']); // a long range reaching through the window
    expect(shown(-100, 0)).toEqual([]);
    expect(shown(51, 100)).toEqual([]);
    expect(shown(-1e9, 1e9)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('shows a bounded number of 20,000 entries, and the same ones a scan would', () => {
    const layout = layoutTimeline(many, 'owner', { minDays: 10, maxRows: 6 });
    expect(layout.lanes).toHaveLength(4);
    const from = 10_000;
    const to = 10_400;
    const shown = layout.lanes.flatMap((lane) => visibleEntries(lane, from, to)).map((p) => p.entry.key);
    const scanned = [...layout.placed.values()]
      .filter(({ placed }) => placed.row >= 0 && placed.reach > from && placed.entry.start < to)
      .map(({ placed }) => placed.entry.key);
    expect(shown.sort()).toEqual(scanned.sort());
    expect(shown.length).toBeLessThan(250);
    expect(shown.length).toBeGreaterThan(150);
  });

  it('counts overflowing entries per bucket of the window', () => {
    const layout = layoutTimeline(many, 'owner', { minDays: 100, maxRows: 1 });
    const lane = layout.lanes[0]!;
    expect(lane.rows[0]!.length + lane.overflow.length).toBe(5000);
    const buckets = overflowBuckets(lane, 1000, 1400, 100);
    expect(buckets.map((b) => b.start)).toEqual([1000, 1100, 1200, 1300]);
    const total = buckets.reduce((n, b) => n + b.count, 0);
    expect(total).toBe(lane.overflow.filter((p) => p.entry.start >= 1000 && p.entry.start < 1400).length);
  });

  it('fits a range into a width, within the scale’s limits', () => {
    expect(extent([span('a', 10, 20), span('b', 5, 12)])).toEqual({ start: 5, end: 20 });
    expect(extent([])).toBeNull();
    const view = fitView({ start: 0, end: 100 }, 1000, { padding: 0.1, minPxPerDay: 0.01, maxPxPerDay: 50 });
    expect(view.pxPerDay).toBeCloseTo(8);
    expect(view.start).toBeCloseTo(-12.5);
    expect(fitView({ start: 0, end: 1 }, 1000, { minPxPerDay: 0.01, maxPxPerDay: 50 }).pxPerDay).toBe(50);
  });
});

describe('history chains on the timeline', () => {
  it('maps the records of a chain to their entries, in time order', () => {
    const a = span('item:a', 0, 10, { annotationId: 'a-1' });
    const b = span('event:b', 30, 31, { kind: 'event', annotationId: 'b-1', pinned: true });
    const doc = span('document:d2', 50, 51, { kind: 'document' });
    const entries = new Map([a, b, doc].map((e) => [e.key, e]));
    const byAnnotation = entriesByAnnotation([a, b, doc]);
    const chain = chainEntries(
      [
        { kind: 'annotation', id: 'x', documentId: 'd2' }, // an untagged highlight: its document
        { kind: 'annotation', id: 'b-1' }, // the pinned event made from it
        { kind: 'item', id: 'a' },
        { kind: 'item', id: 'gone' }, // undated or filtered out
      ],
      { entries, byAnnotation },
    );
    expect(chain.map((e) => e.key)).toEqual(['item:a', 'event:b', 'document:d2']);
  });
});

describe('pinning dates from the text', () => {
  const text = '会议指出。2019年6月底前完成验收，年底前建成通航！其他。';

  it('titles a pinned mention by its sentence, and drafts an event from a selection', () => {
    const mentions = findTemporal(text, '2019-06-06');
    const june = mentions.find((m) => m.text.startsWith('2019年6月底'))!;
    const end = text.indexOf('！') + 1;
    expect(sentenceAround(text, june.start, june.end)).toEqual({ start: 5, end });
    expect(mentionTitle(text, june)).toBe('2019年6月底前完成验收，年底前建成通航！');
    const selected = { start: text.indexOf('年底前'), end: text.indexOf('！') };
    const draft = selectionDraft(text, selected, mentions);
    expect(draft.title).toBe('年底前建成通航');
    expect(draft.date).toMatchObject({ to: '2019-12-31' });
    expect(selectionDraft(text, { start: 0, end: 4 }, mentions).date).toBeNull();
    expect(pinnedEvents([june], [{ eventId: 'e1', start: june.start, end: june.end }])).toEqual(['e1']);
    expect(pinnedEvents([june], [])).toEqual([null]);
  });
});
