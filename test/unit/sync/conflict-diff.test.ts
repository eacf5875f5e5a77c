// The conflicts view's field comparison (renderer/sync/conflict-diff.ts): which fields are
// shown for each kind of record, which differ, and how values read.
import { describe, expect, it } from 'vitest';
import { translator } from '../../../renderer/i18n/i18n';
import {
  compareVersions,
  contentPaths,
  dateTime,
  displayValue,
  formatValue,
  lexicalText,
  valueAt,
  type FormatContext,
  type VersionComparison,
} from '../../../renderer/sync/conflict-diff';
import type { SyncRecord, SyncTable } from '../../../shared/sync/tables';
import { annotation, brief, documentMeta, event, item, itemKind, link } from './records';

const differing = (c: VersionComparison) => c.fields.filter((f) => f.differs).map((f) => f.field);
const shown = (c: VersionComparison) => c.fields.map((f) => f.field);

/** A later version of a record: new bookkeeping, as another replica would write it. */
function edited<T extends SyncRecord>(record: T, patch: Partial<T>): T {
  return {
    ...record,
    rev: '0lvnl6mvk:0004:01HV0000000000000000000BBB',
    baseRev: record.rev,
    updatedAt: '2024-05-02T10:00:00.000Z',
    createdAt: '2024-05-02T10:00:00.000Z',
    lineage: { seq: 1, seen: { '01HV0000000000000000000AAA': [[1, 1]] } },
    ...patch,
  };
}

const note = (...paragraphs: { text: string; format?: number }[][]) =>
  JSON.stringify({
    root: {
      type: 'root',
      children: paragraphs.map((runs) => ({
        type: 'paragraph',
        children: runs.map((r) => ({ type: 'text', text: r.text, format: r.format ?? 0 })),
      })),
    },
  });

describe('items', () => {
  it('shows the chosen fields in order, whatever differs', () => {
    const mine = item('I1');
    const c = compareVersions('items', mine, edited(mine, {}));
    expect(shown(c)).toEqual([
      'title',
      'kind',
      'status',
      'deadline.text',
      'deadline.dates',
      'owners',
      'targets',
      'category',
      'tags',
      'noteText',
    ]);
    expect(c.differing).toBe(0);
    expect(c.mineDeleted).toBe(false);
    expect(c.theirsDeleted).toBe(false);
  });

  it('ignores bookkeeping: rev, baseRev, lineage, createdAt, updatedAt', () => {
    const mine = item('I1');
    const c = compareVersions('items', mine, edited(mine, {}));
    expect(shown(c)).not.toContain('rev');
    expect(shown(c)).not.toContain('lineage');
    expect(shown(c)).not.toContain('updatedAt');
    expect(shown(c)).not.toContain('createdAt');
  });

  it('marks the fields that differ, and lists other differing fields after the chosen ones', () => {
    const mine = item('I1');
    const theirs = edited(mine, {
      title: '完成年度投资计划',
      status: 'done',
      statusHistory: [...mine.statusHistory, { status: 'done', at: '2024-05-02T10:00:00.000Z' }],
      tags: ['energy', '能源'],
      milestones: [{ from: '2024-03-01', to: '2024-03-31', precision: 'month', text: '3月' }],
    });
    const c = compareVersions('items', mine, theirs);
    expect(differing(c)).toEqual(['title', 'status', 'tags', 'milestones', 'statusHistory']);
    expect(c.differing).toBe(5);
    const title = c.fields.find((f) => f.field === 'title')!;
    expect(title.mine).toBe('Item I1');
    expect(title.theirs).toBe('完成年度投资计划');
  });

  it('tells the deadline’s words from its dates', () => {
    const mine = item('I1');
    const words = compareVersions('items', mine, edited(mine, { deadline: { ...mine.deadline!, text: '六月底前' } }));
    expect(differing(words)).toEqual(['deadline.text']);
    const dates = compareVersions(
      'items',
      mine,
      edited(mine, { deadline: { ...mine.deadline!, from: '2024-06-01', precision: 'month' } }),
    );
    expect(differing(dates)).toEqual(['deadline.dates']);
    expect(dates.fields.find((f) => f.field === 'deadline.dates')!.theirs).toEqual({
      from: '2024-06-01',
      to: '2024-06-30',
      precision: 'month',
    });
    // The deadline's origin is not shown apart: it goes with the deadline.
    const none = compareVersions('items', mine, edited(mine, { deadline: null }));
    expect(differing(none)).toEqual(['deadline.text', 'deadline.dates']);
    expect(none.fields.find((f) => f.field === 'deadline.dates')!.theirs).toBeNull();
  });

  it('compares tags and owners as sets: only their order changed is no difference', () => {
    const mine = item('I1', {
      tags: ['a', 'b'],
      owners: [
        { asWritten: '市发改委', normalized: '北京市发展和改革委员会', role: 'lead' },
        { asWritten: '市财政局', normalized: '北京市财政局', role: 'responsible' },
      ],
    });
    const theirs = edited(mine, { tags: ['b', 'a'], owners: [...mine.owners].reverse() });
    expect(compareVersions('items', mine, theirs).differing).toBe(0);
    const role = edited(mine, { owners: mine.owners.map((o) => ({ ...o, role: 'lead' as const })) });
    expect(differing(compareVersions('items', mine, role))).toEqual(['owners']);
  });

  it('treats nothing, null, empty text and an empty list alike', () => {
    const mine = item('I1', { category: null, tags: [] });
    expect(compareVersions('items', mine, edited(mine, { category: '', tags: [] })).differing).toBe(0);
  });

  it('marks a note whose words are the same but whose formatting differs', () => {
    const mine = item('I1', { note: note([{ text: '抓紧' }]), noteText: '抓紧' });
    const theirs = edited(mine, { note: note([{ text: '抓紧', format: 1 }]) });
    const field = compareVersions('items', mine, theirs).fields.find((f) => f.field === 'noteText')!;
    expect(field.differs).toBe(true);
    expect(field.formattingOnly).toBe(true);
    // `note` itself is not listed again.
    expect(shown(compareVersions('items', mine, theirs))).not.toContain('note');
    const words = edited(mine, { note: note([{ text: '尽快' }]), noteText: '尽快' });
    const changed = compareVersions('items', mine, words).fields.find((f) => f.field === 'noteText')!;
    expect(changed.differs).toBe(true);
    expect(changed.formattingOnly).toBeUndefined();
  });

  it('reports a deleted version', () => {
    const mine = item('I1');
    const c = compareVersions('items', mine, edited(mine, { deleted: true }));
    expect(c.theirsDeleted).toBe(true);
    expect(c.mineDeleted).toBe(false);
    expect(shown(c)).not.toContain('deleted');
    expect(compareVersions('items', edited(mine, { deleted: true }), mine).mineDeleted).toBe(true);
  });
});

describe('highlights', () => {
  it('shows the quote, note, colour and tags, then other differences', () => {
    const mine = annotation('A1', 'D1');
    const theirs = edited(mine, {
      color: 'green',
      tags: ['能源'],
      target: { ...mine.target, quote: { ...mine.target.quote, suffix: '新型储能' } },
      orphaned: true,
    });
    const c = compareVersions('annotations', mine, theirs);
    expect(shown(c)).toEqual(['target.quote.exact', 'noteText', 'color', 'tags', 'target.quote.suffix', 'orphaned']);
    expect(differing(c)).toEqual(['color', 'tags', 'target.quote.suffix', 'orphaned']);
    expect(c.fields[0]!.mine).toBe('加快建设');
  });
});

describe('other records: every content field', () => {
  it('documents: nested fields flattened to paths', () => {
    const mine = documentMeta('D1', '正文');
    const theirs = edited(mine, {
      title: '新标题',
      source: { ...mine.source, site: '人民日报', authors: ['张三'] },
    });
    const c = compareVersions('documents', mine, theirs);
    expect(shown(c)).toContain('source.site');
    expect(shown(c)).toContain('published.from');
    expect(shown(c)).not.toContain('source');
    expect(shown(c)).not.toContain('rev');
    expect(differing(c)).toEqual(['title', 'source.site', 'source.authors']);
  });

  it('a value null on one side and an object on the other is compared by its leaves', () => {
    const mine = documentMeta('D1', '正文', { published: null });
    const theirs = edited(mine, {
      published: { from: '2019-06-06', to: '2019-06-06', precision: 'day', text: '6月6日', status: 'edited' },
    });
    const c = compareVersions('documents', mine, theirs);
    expect(shown(c)).not.toContain('published');
    expect(differing(c)).toEqual([
      'published.from',
      'published.to',
      'published.precision',
      'published.text',
      'published.status',
    ]);
    expect(c.fields.find((f) => f.field === 'published.from')!.mine).toBeUndefined();
  });

  it('links, events, briefs and item kinds', () => {
    const l = link('L1', { kind: 'item', id: 'I1' }, { kind: 'annotation', id: 'A1' });
    expect(differing(compareVersions('links', l, edited(l, { type: 'fulfils' })))).toEqual(['type']);
    expect(shown(compareVersions('links', l, l))).toEqual(['type', 'from.kind', 'from.id', 'to.kind', 'to.id', 'note']);
    const e = event('E1');
    expect(differing(compareVersions('events', e, edited(e, { date: { ...e.date, text: '五一' } })))).toEqual([
      'date.text',
    ]);
    const b = brief('B1');
    expect(differing(compareVersions('briefs', b, edited(b, { content: note([{ text: '要点' }]) })))).toEqual([
      'content',
    ]);
    const k = itemKind('K1');
    expect(differing(compareVersions('itemKinds', k, edited(k, { label: '风险', shortcut: null })))).toEqual([
      'label',
      'shortcut',
    ]);
  });
});

describe('values', () => {
  it('reads paths', () => {
    const i = item('I1');
    expect(valueAt(i, 'deadline.text')).toBe('6月底');
    expect(valueAt(i, 'nothing.here')).toBeUndefined();
    expect(valueAt(item('I2', { deadline: null }), 'deadline.dates')).toBeNull();
  });

  it('lists content paths without bookkeeping', () => {
    expect(contentPaths(brief('B1'))).toEqual(['title', 'content']);
  });

  it('reads a Lexical state as its text, a block a line', () => {
    const json = JSON.stringify({
      root: {
        type: 'root',
        children: [
          { type: 'heading', children: [{ type: 'text', text: '一、总体要求' }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: '见' },
              { type: 'link', url: 'https://example.org', children: [{ type: 'text', text: '原文' }] },
              { type: 'linebreak' },
              { type: 'text', text: '第二行' },
            ],
          },
          {
            type: 'list',
            children: [
              { type: 'listitem', children: [{ type: 'text', text: '甲' }] },
              { type: 'listitem', children: [{ type: 'text', text: '乙' }] },
            ],
          },
        ],
      },
    });
    expect(lexicalText(json)).toBe('一、总体要求\n见原文\n第二行\n甲\n乙');
    expect(lexicalText('{"root": 1}')).toBeNull();
    expect(lexicalText('not json')).toBeNull();
    expect(lexicalText('{broken')).toBeNull();
  });

  it('writes values out as words', () => {
    expect(displayValue(undefined)).toBeNull();
    expect(displayValue(null)).toBeNull();
    expect(displayValue('发改委')).toBe('发改委');
    expect(displayValue(note([{ text: '要点' }]))).toBe('要点');
    expect(displayValue(3)).toBe('3');
    expect(displayValue(true)).toBe('true');
    expect(displayValue(['a', 'b'])).toEqual(['a', 'b']);
    expect(displayValue([{ value: 5, unit: '家', text: '5家' }])).toEqual(['5家']);
    expect(displayValue([{ status: 'open', at: 'x' }])).toEqual(['{"at":"x","status":"open"}']);
    expect(displayValue({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('values as an analyst reads them', () => {
  const enContext: FormatContext = {
    t: translator('en'),
    language: 'en',
    kinds: new Map([['risk', { id: 'risk', label: '风险', color: 'pink', shortcut: 'r', fields: ['owners'] }]]),
    titles: new Map([['D1', '关于加快建设新型电力系统的意见']]),
  };
  const zhContext: FormatContext = { ...enContext, t: translator('zh'), language: 'zh' };
  const en = (table: SyncTable, field: string, value: unknown) => formatValue(table, field, value, enContext);
  const zh = (table: SyncTable, field: string, value: unknown) => formatValue(table, field, value, zhContext);
  /** Every value the conflicts view shows for a version: no JSON left. */
  const allShown = (table: SyncTable, record: SyncRecord, context = enContext) =>
    compareVersions(table, record, record)
      .fields.concat(
        contentPaths(record).map((field) => ({ field, mine: valueAt(record, field), theirs: null, differs: false })),
      )
      .flatMap((f) => [formatValue(table, f.field, f.mine, context) ?? []].flat());

  it('the status history: a line per change, newest first, with the items view’s status names', () => {
    const history = [
      { status: 'open', at: '2024-05-01T09:00:00.000Z' },
      { status: 'in-progress', at: '2024-05-02T10:30:00.000Z' },
    ];
    expect(en('items', 'statusHistory', history)).toEqual([
      `In progress — ${dateTime('2024-05-02T10:30:00.000Z', 'en')}`,
      `Open — ${dateTime('2024-05-01T09:00:00.000Z', 'en')}`,
    ]);
    expect(zh('items', 'statusHistory', history)).toEqual([
      `进行中 — ${dateTime('2024-05-02T10:30:00.000Z', 'zh')}`,
      `待办 — ${dateTime('2024-05-01T09:00:00.000Z', 'zh')}`,
    ]);
    expect(dateTime('2024-05-02T10:30:00.000Z', 'en')).toMatch(/^\d{1,2} May 2024, \d{2}:\d{2}$/);
    expect(dateTime('2024-05-02T10:30:00.000Z', 'zh')).toMatch(/^2024年5月\d{1,2}日 \d{2}:\d{2}$/);
    expect(en('items', 'statusHistory', [])).toBeNull();
  });

  it('an item’s fields: owners by name, deadline and milestones as dates, tags on one line', () => {
    const i = item('I1', {
      tags: ['energy', '能源'],
      milestones: [{ from: '2024-03-01', to: '2024-03-31', precision: 'month', text: '3月' }],
      origin: 'suggested',
    });
    expect(en('items', 'owners', i.owners)).toEqual(['市发改委 → 北京市发展和改革委员会 (Lead)']);
    expect(en('items', 'deadline.dates', valueAt(i, 'deadline.dates'))).toBe('2024-06-30');
    expect(en('items', 'deadline.dates', { from: '2024-07-01', to: '2024-12-31', precision: 'half' })).toBe(
      '2024 H2 (2024-07-01 – 2024-12-31)',
    );
    expect(en('items', 'milestones', i.milestones)).toEqual(['3月 (2024-03)']);
    expect(en('items', 'milestones', [{ from: '2024-05-01', to: '2024-05-10', precision: 'day', text: '' }])).toEqual([
      '2024-05-01 – 2024-05-10',
    ]);
    expect(en('items', 'targets', i.targets)).toEqual(['1.7万亿元']);
    expect(en('items', 'tags', i.tags)).toBe('energy, 能源');
    expect(zh('items', 'tags', i.tags)).toBe('energy、能源');
    expect(en('items', 'tags', [])).toBeNull();
    expect(en('items', 'status', 'in-progress')).toBe('In progress');
    expect(en('items', 'kind', 'risk')).toBe('风险');
    expect(en('items', 'kind', 'task')).toBe('Task');
    expect(en('items', 'documentId', 'D1')).toBe('关于加快建设新型电力系统的意见');
    expect(en('items', 'origin', 'suggested')).toBe('Accepted from the suggestions');
    expect(zh('items', 'origin', 'manual')).toBe('手动标注');
    for (const value of allShown('items', i)) expect(value).not.toMatch(/[{[]"/);
  });

  it('a highlight’s anchor: its quote and where it sits on the page', () => {
    const a = annotation('A1', 'D1', {
      target: {
        position: { type: 'TextPositionSelector', start: 0, end: 4 },
        quote: { type: 'TextQuoteSelector', exact: '加快建设', prefix: '', suffix: '新型电力系统' },
        rects: [
          { page: 3, x: 72, y: 140, width: 200, height: 12 },
          { page: 3, x: 72, y: 154, width: 80, height: 12 },
          { page: 4, x: 72, y: 60, width: 120, height: 12 },
        ],
      },
    });
    expect(en('annotations', 'target.rects', a.target.rects)).toEqual(['2 areas on page 3', '1 area on page 4']);
    expect(zh('annotations', 'target.rects', a.target.rects)).toEqual(['第 3 页上 2 处', '第 4 页上 1 处']);
    expect(en('annotations', 'color', 'yellow')).toBe('Yellow');
    expect(en('annotations', 'orphaned', true)).toBe('yes');
    for (const value of allShown('annotations', a)) expect(value).not.toMatch(/[{[]"/);
  });

  it('documents, events, item kinds: dates, statuses and lists in words', () => {
    const d = documentMeta('D1', '正文', {
      published: { from: '2019-06-06', to: '2019-06-06', precision: 'day', text: '6月6日', status: 'inferred' },
      edited: ['title', 'site'],
      source: { site: '人民日报', url: null, authors: ['张三', '李四'], host: null, editor: null },
    });
    expect(en('documents', 'published.status', 'inferred')).toBe('Inferred from the text');
    expect(zh('documents', 'published.precision', 'month')).toBe('月');
    expect(en('documents', 'published.precision', 'month')).toBe('Month');
    expect(en('documents', 'edited', d.edited)).toBe('Title, Source');
    expect(en('documents', 'source.authors', d.source.authors)).toBe('张三, 李四');
    expect(en('documents', 'importedAt', '2024-05-02T10:30:00.000Z')).toBe(dateTime('2024-05-02T10:30:00.000Z', 'en'));
    for (const value of allShown('documents', d)) expect(value).not.toMatch(/[{[]"/);
    const k: SyncRecord<'itemKinds'> = { ...itemKind('K1'), fields: ['owners', 'deadline', 'note'], shortcut: 'k' };
    expect(en('itemKinds', 'fields', k.fields)).toBe('Owners, Deadline, Note');
    expect(zh('itemKinds', 'fields', k.fields)).toBe('责任单位、期限、笔记');
    expect(en('itemKinds', 'shortcut', 'k')).toBe('Alt+K');
    for (const value of allShown('itemKinds', k)) expect(value).not.toMatch(/[{[]"/);
    const e = event('E1');
    for (const value of allShown('events', e)) expect(value).not.toMatch(/[{[]"/);
  });

  it('keeps marking the fields that differ on the stored values', () => {
    const mine = item('I1');
    const theirs = edited(mine, {
      statusHistory: [...mine.statusHistory, { status: 'done', at: '2024-05-02T10:00:00.000Z' }],
      status: 'done',
    });
    const c = compareVersions('items', mine, theirs);
    const history = c.fields.find((f) => f.field === 'statusHistory')!;
    expect(history.differs).toBe(true);
    expect(formatValue('items', history.field, history.theirs, enContext)).toHaveLength(2);
    expect(formatValue('items', history.field, history.mine, enContext)).toHaveLength(1);
  });
});
