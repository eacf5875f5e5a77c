import { describe, expect, it } from 'vitest';
import {
  EMPTY_ITEM_FILTER,
  filterItems,
  isEmptyFilter,
  ITEM_SORT_KEYS,
  primaryOwner,
  sortItems,
  type ItemFilter,
} from '../../../shared/model/item-filters';
import { isOverdue } from '../../../shared/model/items';
import {
  ITEM_STATUSES,
  type DatePrecision,
  type ItemOwner,
  type ItemRecord,
  type ItemStatus,
} from '../../../shared/model/types';
import { prng } from '../../tools/random';

// A deterministic generator, so every run sees the same 50,000 items.
function random(seed: number) {
  const next = prng(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  };
}

const OWNERS: [string, string][] = [
  ['市发改委', '北京市发展和改革委员会'],
  ['市财政局', '北京市财政局'],
  ['通州区政府', '北京市通州区人民政府'],
  ['市规划国土委', '北京市规划和国土资源管理委员会'],
  ['市教委', '北京市教育委员会'],
  ['Ministry of Finance', 'Ministry of Finance'],
];
const CATEGORIES = ['交通', '生态', '产业', '教育', null];
const KINDS = ['task', 'commitment', 'pledge'];
const DOCUMENTS = ['d1', 'd2', 'd3', 'd4', null];
const TITLES = new Map([
  ['d1', '2019年工作要点'],
  ['d2', '北京城市副中心控制性详细规划'],
  ['d3', 'Annual plan'],
  ['d4', '北京市设九工作组'],
]);
const WORDS = ['推进', '建成', '完成', '启动', 'Metro', '绿道', '学校', '医院', '通航', '验收'];
const PRECISIONS: DatePrecision[] = ['year', 'half', 'quarter', 'month', 'day'];
const TODAY = '2020-06-15';

const pad = (n: number) => String(n).padStart(2, '0');

function generate(count: number, seed = 4): ItemRecord[] {
  const r = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const owners: ItemOwner[] = Array.from({ length: r.int(3) }, (_, k) => {
      const [asWritten, normalized] = r.pick(OWNERS);
      return { asWritten, normalized, role: k === 0 && r.next() < 0.5 ? 'lead' : 'responsible' };
    });
    const day = `${2016 + r.int(8)}-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}`;
    const deadline =
      r.next() < 0.25
        ? null
        : {
            from: `${day.slice(0, 4)}-01-01`,
            to: day,
            precision: r.pick(PRECISIONS),
            text: `${day.slice(0, 4)}年底前`,
            origin: 'explicit' as const,
          };
    const updated = `2024-${pad(1 + r.int(12))}-${pad(1 + r.int(28))}T00:00:00.000Z`;
    const status = r.pick(ITEM_STATUSES);
    return {
      id: `item-${String(i).padStart(6, '0')}`,
      createdAt: updated,
      updatedAt: updated,
      rev: updated,
      baseRev: null,
      kind: r.pick(KINDS),
      title: `${r.pick(WORDS)}${r.pick(WORDS)}第${i}项`,
      annotationIds: [`a${i}`],
      documentId: r.pick(DOCUMENTS),
      owners,
      deadline,
      milestones: [],
      targets: r.next() < 0.2 ? [{ value: 309, unit: '家', text: '309家' }] : [],
      status,
      statusHistory: [{ status, at: updated }],
      category: r.pick(CATEGORIES),
      tags: r.next() < 0.1 ? ['重点'] : [],
      note: null,
      noteText: r.next() < 0.05 ? 'Follow up with the district' : '',
      origin: 'manual',
    } satisfies ItemRecord;
  });
}

const items = generate(50_000);
const filter = (patch: Partial<ItemFilter>): ItemFilter => ({ ...EMPTY_ITEM_FILTER, ...patch });
const ids = (list: readonly ItemRecord[]) => list.map((i) => i.id);

/** The same rules written the slow, obvious way. */
function reference(list: readonly ItemRecord[], f: ItemFilter, today: string, titles?: Map<string, string>) {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  const owner = f.owner.trim().toLowerCase();
  return list.filter((item) => {
    const text = [
      item.title,
      item.noteText,
      item.category ?? '',
      item.deadline?.text ?? '',
      ...item.tags,
      ...item.owners.flatMap((o) => [o.asWritten, o.normalized]),
      ...item.targets.map((t) => t.text),
      (item.documentId && titles?.get(item.documentId)) || '',
    ]
      .join('\n')
      .toLowerCase();
    return (
      (f.kinds.length === 0 || f.kinds.includes(item.kind)) &&
      (f.statuses.length === 0 || f.statuses.includes(item.status)) &&
      (!owner ||
        item.owners.some(
          (o) => o.asWritten.toLowerCase().includes(owner) || o.normalized.toLowerCase().includes(owner),
        )) &&
      (!f.category || item.category === f.category) &&
      (!f.deadlineFrom || (item.deadline !== null && item.deadline.to >= f.deadlineFrom)) &&
      (!f.deadlineTo || (item.deadline !== null && item.deadline.to <= f.deadlineTo)) &&
      (!f.documentId || item.documentId === f.documentId) &&
      (!f.overdueOnly || isOverdue(item, today)) &&
      words.every((w) => text.includes(w))
    );
  });
}

describe('filterItems over 50,000 items', () => {
  it('keeps everything with an empty filter, in order', () => {
    expect(isEmptyFilter(EMPTY_ITEM_FILTER)).toBe(true);
    const kept = filterItems(items, EMPTY_ITEM_FILTER, TODAY);
    expect(kept).toHaveLength(items.length);
    expect(kept).not.toBe(items);
    expect(ids(kept)).toEqual(ids(items));
  });

  it.each<[string, Partial<ItemFilter>]>([
    ['one kind', { kinds: ['commitment'] }],
    ['two kinds', { kinds: ['task', 'pledge'] }],
    ['a status', { statuses: ['done'] }],
    ['pending statuses', { statuses: ['open', 'in-progress', 'unknown'] }],
    ['owner as written', { owner: '发改委' }],
    ['owner normalised', { owner: '发展和改革委员会' }],
    ['owner, case-insensitive and trimmed', { owner: ' ministry OF ' }],
    ['category', { category: '生态' }],
    ['deadline from', { deadlineFrom: '2021-03-01' }],
    ['deadline to', { deadlineTo: '2017-12-31' }],
    ['deadline range', { deadlineFrom: '2019-01-01', deadlineTo: '2019-12-31' }],
    ['document', { documentId: 'd2' }],
    ['one word', { text: '通航' }],
    ['two words', { text: '推进  建成' }],
    ['words in notes, tags and targets', { text: 'district 重点' }],
    ['target words', { text: '309家' }],
    ['overdue only', { overdueOnly: true }],
    [
      'everything at once',
      {
        kinds: ['task', 'commitment'],
        statuses: ['open', 'in-progress'],
        owner: '市',
        category: '交通',
        deadlineFrom: '2016-06-01',
        deadlineTo: '2022-06-01',
        documentId: 'd1',
        text: '推进',
        overdueOnly: true,
      },
    ],
  ])('%s', (_, patch) => {
    const f = filter(patch);
    expect(isEmptyFilter(f)).toBe(false);
    const kept = filterItems(items, f, TODAY);
    expect(ids(kept)).toEqual(ids(reference(items, f, TODAY)));
    // Each case keeps some items and drops some, so it tests something.
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(items.length);
  });

  it('matches free text against document titles when given them', () => {
    const f = filter({ text: '副中心' });
    expect(filterItems(items, f, TODAY)).toHaveLength(0);
    const kept = filterItems(items, f, TODAY, TITLES);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((i) => i.documentId === 'd2')).toBe(true);
    expect(ids(kept)).toEqual(ids(reference(items, f, TODAY, TITLES)));
  });

  it('drops items without a deadline once a deadline bound is set', () => {
    const kept = filterItems(items, filter({ deadlineFrom: '2000-01-01' }), TODAY);
    expect(kept.length).toBe(items.filter((i) => i.deadline !== null).length);
  });

  it('flags as overdue only pending items due before today', () => {
    const kept = filterItems(items, filter({ overdueOnly: true }), TODAY);
    expect(kept.length).toBeGreaterThan(0);
    const wrong = kept.filter(
      (item) => !['open', 'in-progress', 'unknown'].includes(item.status) || !(item.deadline!.to < TODAY),
    );
    expect(wrong).toEqual([]);
    // An item due today is not overdue yet; the day after it is.
    const due = { ...items[0]!, status: 'open' as ItemStatus, deadline: { ...items[0]!.deadline!, to: TODAY } };
    expect(filterItems([due], filter({ overdueOnly: true }), TODAY)).toHaveLength(0);
    expect(filterItems([due], filter({ overdueOnly: true }), '2020-06-16')).toHaveLength(1);
    expect(filterItems([{ ...due, status: 'done' }], filter({ overdueOnly: true }), '2020-06-16')).toHaveLength(0);
  });

  it('sees an edited record (the search text is cached per record object)', () => {
    const before = filterItems(items.slice(0, 10), filter({ text: 'zebra' }), TODAY);
    expect(before).toHaveLength(0);
    const edited = { ...items[3]!, title: 'Zebra crossing' };
    const list = [...items.slice(0, 3), edited, ...items.slice(4, 10)];
    expect(ids(filterItems(list, filter({ text: 'zebra' }), TODAY))).toEqual([edited.id]);
  });
});

describe('sortItems over 50,000 items', () => {
  const position = new Map(items.map((item, i) => [item.id, i]));

  /** Checks order by `value` (nulls last), and that ties keep their input order. */
  function expectSorted<T extends string | number>(
    sorted: ItemRecord[],
    value: (item: ItemRecord) => T | null,
    compare: (a: T, b: T) => number,
    direction: 'asc' | 'desc',
  ) {
    expect(sorted).toHaveLength(items.length);
    expect(new Set(ids(sorted)).size).toBe(items.length);
    const inOrder = (i: number) => position.get(sorted[i - 1]!.id)! < position.get(sorted[i]!.id)!;
    // Collected, then asserted once: an expect per pair would dominate the run time.
    const problems: string[] = [];
    for (let i = 1; i < sorted.length && problems.length < 5; i++) {
      const a = value(sorted[i - 1]!);
      const b = value(sorted[i]!);
      if (a === null) {
        if (b !== null) problems.push(`${i}: a value after a null`);
        else if (!inOrder(i)) problems.push(`${i}: nulls not in input order`);
      } else if (b !== null) {
        const c = compare(a, b) * (direction === 'asc' ? 1 : -1);
        if (c > 0) problems.push(`${i}: ${a} before ${b}`);
        else if (c === 0 && !inOrder(i)) problems.push(`${i}: ties not in input order`);
      }
    }
    expect(problems).toEqual([]);
  }

  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

  it.each(['asc', 'desc'] as const)('by deadline (%s), undated last', (direction) => {
    const sorted = sortItems(items, 'deadline', direction, TITLES);
    expectSorted(sorted, (i) => i.deadline?.to ?? null, byCode, direction);
    expect(sorted.at(-1)!.deadline).toBeNull();
    expect(sorted[0]!.deadline).not.toBeNull();
  });

  it.each(['asc', 'desc'] as const)('by status in workflow order (%s)', (direction) => {
    const sorted = sortItems(items, 'status', direction, TITLES);
    expectSorted(
      sorted,
      (i) => ITEM_STATUSES.indexOf(i.status),
      (a, b) => a - b,
      direction,
    );
    expect(sorted[0]!.status).toBe(direction === 'asc' ? 'open' : 'unknown');
  });

  it.each(['asc', 'desc'] as const)('by kind (%s)', (direction) => {
    expectSorted(sortItems(items, 'kind', direction, TITLES), (i) => i.kind, collator.compare, direction);
  });

  it.each(['asc', 'desc'] as const)('by owner, lead first, ownerless last (%s)', (direction) => {
    const sorted = sortItems(items, 'owner', direction, TITLES);
    expectSorted(sorted, primaryOwner, collator.compare, direction);
    expect(sorted.at(-1)!.owners).toHaveLength(0);
  });

  it.each(['asc', 'desc'] as const)('by document title, unlinked last (%s)', (direction) => {
    const sorted = sortItems(items, 'document', direction, TITLES);
    expectSorted(sorted, (i) => (i.documentId ? TITLES.get(i.documentId)! : null), collator.compare, direction);
    expect(sorted.at(-1)!.documentId).toBeNull();
  });

  it.each(['asc', 'desc'] as const)('by last update (%s)', (direction) => {
    expectSorted(sortItems(items, 'updated', direction, TITLES), (i) => i.updatedAt, byCode, direction);
  });

  it('leaves its input alone and sorts every key', () => {
    const copy = ids(items);
    for (const key of ITEM_SORT_KEYS) sortItems(items, key, 'desc', TITLES);
    expect(ids(items)).toEqual(copy);
  });

  it('sorts what the filter kept', () => {
    const kept = filterItems(items, filter({ statuses: ['open'], owner: '财政' }), TODAY);
    const sorted = sortItems(kept, 'deadline', 'asc', TITLES);
    expect(new Set(ids(sorted))).toEqual(new Set(ids(kept)));
    expect(sorted.every((i) => i.status === 'open')).toBe(true);
  });

  it('picks the lead owner to sort by, else the first', () => {
    const owner = (normalized: string, role: ItemOwner['role']): ItemOwner => ({
      asWritten: normalized,
      normalized,
      role,
    });
    expect(primaryOwner({ owners: [owner('B', 'responsible'), owner('A', 'lead')] })).toBe('A');
    expect(primaryOwner({ owners: [owner('B', 'responsible'), owner('A', 'responsible')] })).toBe('B');
    expect(primaryOwner({ owners: [] })).toBeNull();
  });
});
