import { describe, expect, it } from 'vitest';
import type { GoldDocument } from '../../../shared/extract/gold';
import { accuracy, emptyScore, f1, meetsFloors, scoreDocument } from '../../../shared/extract/score';

const text = '今年,将落实规划。实现京张铁路年底建成通车,京礼高速延崇段工程完工。调整退出一般制造业企业309家。';
const at = (s: string) => text.indexOf(s);
const date = (s: string, to: string, from: string | null = null) => ({
  text: s,
  start: at(s),
  kind: 'deadline' as const,
  normalized: { from, to, precision: 'year' as const },
});
const doc = (over: Partial<GoldDocument>): GoldDocument => ({
  doc: 'x.txt',
  published: '2019-06-06',
  title: 't',
  temporal: [],
  items: [],
  ...over,
});

describe('scoring against gold files', () => {
  it('matches temporal spans one to one by overlap, and values on `to` (and `from` where the gold has one)', () => {
    const gold = doc({ temporal: [date('今年', '2019-12-31'), date('年底', '2019-12-31')] });
    const predicted = doc({
      temporal: [
        { ...date('今年', '2019-12-31'), text: '今年,', kind: 'relative' },
        date('年底', '2020-12-31'),
        date('309家', '2019-12-31'),
      ],
    });
    const score = scoreDocument(emptyScore(), gold, predicted, text);
    expect(score.temporalSpan).toEqual({ tp: 2, fp: 1, fn: 0 });
    expect(score.temporalExact).toEqual({ tp: 1, fp: 2, fn: 1 });
    expect(score.temporalValue).toEqual({ tp: 1, fp: 2, fn: 1 });
  });

  it('matches items whose quotes overlap by half of the shorter, then scores deadline, owners and targets', () => {
    const item = (quote: string, deadline: string | null, targets: string[] = []) => ({
      kind: 'commitment' as const,
      quote,
      start: at(quote),
      deadline,
      owners: [],
      targets,
    });
    const gold = doc({
      items: [
        item('实现京张铁路年底建成通车', '2019-12-31'),
        item('京礼高速延崇段工程完工', '2019-12-31'),
        item('调整退出一般制造业企业309家', '2019-12-31', ['309家']),
      ],
    });
    const predicted = doc({
      items: [
        // The whole sentence overlaps the first gold item entirely: a match, but only one of the two.
        item('实现京张铁路年底建成通车,京礼高速延崇段工程完工', '2019-12-31'),
        { ...item('企业309家', null, ['309家']), start: at('企业309家') },
        item('今年,将落实规划', '2019-12-31'),
      ],
    });
    const score = scoreDocument(emptyScore(), gold, predicted, text);
    expect(score.items).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(score.deadline).toEqual({ correct: 1, total: 2 });
    expect(accuracy(score.deadline)).toBe(0.5);
    expect(score.targets).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('places items without `start` by their quote, and fails the floors when below them', () => {
    const gold = doc({ items: [{ kind: 'task', quote: '今年,将落实规划', deadline: null, owners: [], targets: [] }] });
    const score = scoreDocument(emptyScore(), gold, doc({}), text);
    expect(f1(score.items)).toBe(0);
    const floors = meetsFloors(score);
    expect(floors.ok).toBe(false);
    expect(floors.failures.join()).toMatch(/item F1/);
  });
});
