import { describe, expect, it } from 'vitest';
import { SearchEngine, type SearchFilters, type UnitInput } from '../../../shared/search/engine';
import { fuzzyRank, fuzzyScore } from '../../../shared/search/fuzzy';
import { Segment } from '../../../shared/search/segment';
import { snippet } from '../../../shared/search/snippet';
import { parseQuery } from '../../../shared/search/tokenize';

const doc = (id: string, title: string, text: string, site = '北京青年报', date = '2019-06-06'): UnitInput => ({
  key: `d:${id}`,
  info: { kind: 'document', id, title, documentId: id, site, published: { from: date, to: date } },
  fields: [
    { text: title, weight: 3 },
    { text, weight: 1 },
  ],
});
const note = (id: string, documentId: string, text: string, tags: string[] = []): UnitInput => ({
  key: `n:${id}`,
  info: { kind: 'note', id, title: text, documentId, annotationId: id, tags },
  fields: [
    { text, weight: 2 },
    { text: tags.join(' '), weight: 2 },
  ],
});
const item = (id: string, documentId: string | null, title: string, owners: string[] = [], tags: string[] = []) => ({
  key: `i:${id}`,
  info: { kind: 'item' as const, id, title, documentId, tags, owners: owners.map((name) => ({ name, written: [] })) },
  fields: [
    { text: title, weight: 3 },
    { text: owners.join(' '), weight: 2 },
    { text: tags.join(' '), weight: 2 },
  ],
});

const LIBRARY = [
  doc(
    'a',
    '北京市推进京津冀协同发展2019年工作要点',
    '疏解非首都功能，推动京津冀协同发展。完成309家一般制造业企业疏解。',
    '北京市发展和改革委员会',
  ),
  doc('b', '城市副中心建设', '北京城市副中心建设稳步推进，行政办公区一期工程完工。'),
  doc(
    'c',
    '疏解整治促提升',
    '疏解整治促提升专项行动：疏解一般制造业，疏解区域性市场，疏解是今年的重点。',
    '北京日报',
    '2017-02-07',
  ),
  doc(
    'd',
    'Beijing plans',
    'Beijing plans to relocate non-capital functions; the planning of the sub-center continues.',
    'Xinhua',
    '2022-03-16',
  ),
  note('n1', 'b', '副中心的进度要跟踪', ['跟踪']),
  item('i1', 'a', '完成309家一般制造业企业疏解', ['北京市经济和信息化局'], ['疏解']),
];

function engine(inputs: UnitInput[] = LIBRARY): SearchEngine {
  const e = new SearchEngine();
  e.upsert(1, inputs);
  return e;
}
const keys = (e: SearchEngine, q: string, filters: SearchFilters = {}, prefix = true) =>
  e.search(parseQuery(q), filters, { prefix }).hits.map((h) => h.key);

describe('search engine: matching', () => {
  it('finds a two-character Chinese word in documents, notes and items', () => {
    expect(new Set(keys(engine(), '疏解'))).toEqual(new Set(['d:a', 'd:c', 'i:i1']));
  });

  it('finds part of a word: 京津 inside 京津冀, 协同 inside 协同发展, one character', () => {
    expect(keys(engine(), '京津')).toEqual(['d:a']);
    expect(keys(engine(), '协同')).toEqual(['d:a']);
    expect(keys(engine(), '副中')).toEqual(expect.arrayContaining(['d:b', 'n:n1']));
    // A single character, at the start or the end of a run.
    expect(keys(engine(), '冀')).toEqual(['d:a']);
    expect(keys(engine(), '跟')).toEqual(['n:n1']);
  });

  it('needs every word of the query (AND), mixed Chinese and English', () => {
    expect(keys(engine(), '疏解 区域性')).toEqual(['d:c']);
    expect(keys(engine(), '疏解 副中心')).toEqual([]);
    expect(keys(engine(), 'beijing functions')).toEqual(['d:d']);
    expect(keys(engine(), '2019 京津冀')).toEqual(['d:a']);
  });

  it('stems English and completes the last word as a prefix', () => {
    expect(keys(engine(), 'plan')).toEqual(['d:d']);
    expect(keys(engine(), 'functions')).toEqual(['d:d']);
    expect(keys(engine(), 'reloc')).toEqual(['d:d']);
    expect(keys(engine(), 'reloc', {}, false)).toEqual([]);
  });

  it('finds owners as written in items', () => {
    expect(keys(engine(), '经济和信息化局')).toEqual(['i:i1']);
  });
});

describe('search engine: ranking', () => {
  it('ranks a text about the word above one that mentions it once', () => {
    const hits = keys(engine(), '疏解', { kinds: ['document'] });
    expect(hits).toEqual(['d:c', 'd:a']);
  });

  it('ranks a title match above a text match of the same word', () => {
    const e = engine([
      doc('x', '关于交通的报告', '本文讨论交通一体化。'),
      doc('y', '其他报告', '本文讨论交通一体化，交通是重点。'),
    ]);
    expect(keys(e, '交通')).toEqual(['d:x', 'd:y']);
  });

  it('ranks a phrase found whole above its words found apart', () => {
    const e = engine([
      doc('apart', '甲', '协同推进各项工作，发展改革委负责。'),
      doc('whole', '乙', '推进区域协同发展，各项工作有序。'),
    ]);
    expect(keys(e, '协同发展')).toEqual(['d:whole', 'd:apart']);
  });
});

describe('search engine: filters', () => {
  it('filters by kind, source, publication date and tag (notes and items by their document)', () => {
    const e = engine();
    expect(keys(e, '疏解', { kinds: ['item'] })).toEqual(['i:i1']);
    expect(keys(e, '疏解', { site: '北京日报' })).toEqual(['d:c']);
    expect(new Set(keys(e, '疏解', { from: '2019-01-01', to: '2019-12-31' }))).toEqual(new Set(['d:a', 'i:i1']));
    expect(keys(e, '疏解', { tag: '疏解' })).toEqual(['i:i1']);
    expect(keys(e, '副中心', { site: '北京青年报' })).toEqual(expect.arrayContaining(['d:b', 'n:n1']));
  });

  it('lists everything passing the filters when no words are given', () => {
    expect(keys(engine(), '', { tag: '跟踪' })).toEqual(['n:n1']);
    expect(keys(engine(), '')).toEqual([]);
  });
});

describe('search engine: incremental changes, merges and the stored form', () => {
  it('replaces an edited unit and forgets a deleted one', () => {
    const e = engine();
    const { touched } = e.upsert(2, [doc('c', '疏解整治促提升', '改为讲述生态涵养区的文章。')]);
    expect(touched.map((s) => s.id)).toEqual([1]);
    expect(keys(e, '疏解', { kinds: ['document'] })).toEqual(['d:c', 'd:a']); // c by its title now
    expect(keys(e, '区域性')).toEqual([]);
    expect(keys(e, '生态涵养')).toEqual(['d:c']);
    e.remove(['d:c']);
    expect(keys(e, '生态涵养')).toEqual([]);
    expect(e.countByKind().document).toBe(3);
  });

  it('merges segments without changing any answer, dropping deleted units', () => {
    const e = new SearchEngine();
    LIBRARY.forEach((input, i) => e.upsert(i + 1, [input]));
    e.remove(['d:b']);
    const before = ['疏解', '京津', '副中心', 'beijing', '冀'].map((q) => keys(e, q));
    expect(e.segmentCount).toBe(LIBRARY.length);
    let next = 100;
    for (let plan = e.planMerge(); plan; plan = e.planMerge()) e.merge(next++, plan);
    expect(e.segmentCount).toBeLessThan(LIBRARY.length);
    expect(['疏解', '京津', '副中心', 'beijing', '冀'].map((q) => keys(e, q))).toEqual(before);
    expect(e.allSegments().reduce((n, s) => n + s.units.length, 0)).toBe(LIBRARY.length - 1);
  });

  it('merges in steps the same as at once, answering from the sources until the last step', () => {
    const many = Array.from({ length: 400 }, (_, i) =>
      doc(`m${i}`, `第${i}号文件`, `${LIBRARY[i % LIBRARY.length]!.fields[1]!.text}编号${i}号。`),
    );
    const whole = new SearchEngine();
    const stepped = new SearchEngine();
    many.forEach((input, i) => {
      whole.upsert(i + 1, [input]);
      stepped.upsert(i + 1, [input]);
    });
    for (const e of [whole, stepped]) e.remove(['d:m7']);
    const sources = stepped.allSegments();
    const before = keys(stepped, '疏解');
    const steps = stepped.mergeInSteps(1000, sources);
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) {
      pauses++;
      expect(stepped.segmentCount).toBe(sources.length); // still the sources
      expect(keys(stepped, '疏解')).toEqual(before);
    }
    expect(pauses).toBeGreaterThan(1);
    whole.merge(1000, whole.allSegments());
    expect(stepped.segmentCount).toBe(1);
    expect(stepped.allSegments()[0]!.serialize()).toEqual(whole.allSegments()[0]!.serialize());
    expect(keys(stepped, '疏解')).toEqual(before);
  });

  it('answers the same from its stored form (structured clone of the segments)', () => {
    const e = engine();
    e.remove(['d:b']);
    const stored = structuredClone(e.allSegments().map((s) => ({ segment: s.serialize(), deleted: [...s.deleted] })));
    const loaded = new SearchEngine();
    for (const { segment, deleted } of stored) loaded.addSegment(new Segment(segment), deleted);
    for (const q of ['疏解', '协同', '副中心', 'plans']) expect(keys(loaded, q)).toEqual(keys(e, q));
    expect(loaded.countByKind()).toEqual(e.countByKind());
  });
});

describe('snippets', () => {
  const text = '第一段讲别的事情。\n\n第二段：推进京津冀协同发展，疏解非首都功能，协同发展是重点。';
  const passages = [
    { start: 0, end: 9 },
    { start: 11, end: text.length },
  ];

  it('marks the matched words with offsets into the text, inside the passage holding them', () => {
    const s = snippet(text, parseQuery('协同发展 疏解'), { passages, width: 30 });
    expect(s.start).toBeGreaterThanOrEqual(11);
    expect(s.marks.map(([a, b]) => text.slice(a, b))).toEqual(['协同发展', '疏解', '协同发展']);
    expect(text.slice(s.at!.start, s.at!.end)).toBe('协同发展');
    expect(s.text).toBe(text.slice(s.start, s.end));
  });

  it('marks the bigrams a partial match was found by, and English words by their stem', () => {
    expect(snippet('京津冀', parseQuery('京津')).marks).toEqual([[0, 2]]);
    const en = 'Beijing PLANS to relocate; planning continues.';
    expect(snippet(en, parseQuery('plan')).marks.map(([a, b]) => en.slice(a, b))).toEqual(['PLANS', 'planning']);
  });

  it('shows the beginning, unmarked, when nothing matches', () => {
    const s = snippet(text, parseQuery('生态'), { passages, width: 5 });
    expect(s).toMatchObject({ text: '第一段讲别', marks: [], at: null, cutEnd: true });
  });
});

describe('quick-open matching', () => {
  const titles = [
    '北京市推进京津冀协同发展2019年工作要点',
    '京津冀协同发展规划纲要',
    '城市副中心建设',
    'Beijing plans',
  ];

  it('finds a name by part of it, best at the start, and by most of its character pairs', () => {
    expect(fuzzyRank(titles, (t) => [t], '京津冀').map((r) => r.entry)).toEqual([titles[1], titles[0]]);
    expect(fuzzyRank(titles, (t) => [t], '协同发展规划').map((r) => r.entry)[0]).toBe(titles[1]);
    expect(fuzzyRank(titles, (t) => [t], '副中心').map((r) => r.entry)).toEqual([titles[2]]);
    expect(fuzzyScore('Beijing plans', 'bjp')).toBeGreaterThan(0);
    expect(fuzzyScore('城市副中心建设', '雄安')).toBe(0);
  });

  it('needs every word of the query', () => {
    expect(fuzzyRank(titles, (t) => [t], '京津冀 2019').map((r) => r.entry)).toEqual([titles[0]]);
  });
});
