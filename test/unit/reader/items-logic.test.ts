import { describe, expect, it } from 'vitest';
import type { Candidate, TemporalMention } from '../../../shared/extract/types';
import { DEFAULT_ITEM_KINDS } from '../../../shared/model/items';
import type { AnnotationRecord, ItemDeadline, ItemRecord } from '../../../shared/model/types';
import { editDeadline, unitBounds } from '../../../renderer/reader/items/deadline-edit';
import { kindDefinition, kindForShortcut, newKindDefinition } from '../../../renderer/reader/items/kinds';
import { suggestionStates } from '../../../renderer/reader/items/suggestions';
import { parseTarget } from '../../../renderer/reader/items/targets';

const TEXT = '三、2019年重点工作\n\n实现京张铁路年底建成通车，京礼高速延崇段工程完工。调整退出一般制造业企业309家。';
const at = (phrase: string) => ({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });

function mention(text: string, kind: TemporalMention['kind'], to: string, from: string | null = null): TemporalMention {
  return { text, ...at(text), kind, normalized: { from, to, precision: 'day' } };
}

function candidate(quote: string, patch: Partial<Candidate> = {}): Candidate {
  return {
    kind: 'commitment',
    quote,
    ...at(quote),
    confidence: 0.7,
    deadline: null,
    milestones: [],
    owners: [],
    targets: [],
    category: null,
    cues: ['实现'],
    ...patch,
  };
}

const jingzhang = candidate('实现京张铁路年底建成通车', {
  deadline: { ...mention('年底', 'deadline', '2019-12-31'), source: 'explicit' },
  owners: [{ text: '市交通委', start: 0, end: 0, normalized: '北京市交通委员会', role: 'lead' }],
  category: '交通',
});
const yanchong = candidate('京礼高速延崇段工程完工', {
  deadline: { ...mention('2019年', 'date', '2019-12-31'), source: 'section' },
  targets: [{ text: '1段', start: 0, end: 0, value: 1, unit: '段' }],
});
const factories = candidate('调整退出一般制造业企业309家', {
  targets: [{ text: '309家', ...at('309家'), value: 309, unit: '家' }],
});

describe('editing a deadline', () => {
  const detected: ItemDeadline = {
    from: '2019-12-31',
    to: '2019-12-31',
    precision: 'day',
    text: '年底',
    origin: 'explicit',
  };

  it('sets a day typed by the analyst, keeping the words it came from', () => {
    expect(editDeadline(detected, { to: '2019-11-30' })).toEqual({
      from: '2019-11-30',
      to: '2019-11-30',
      precision: 'day',
      text: '年底',
      origin: 'analyst',
    });
    expect(editDeadline(null, { to: '2020-03-01' })).toMatchObject({ text: '', origin: 'analyst' });
    expect(editDeadline(detected, { to: '' })).toBeNull();
    expect(editDeadline(detected, { to: '2019-1' })).toBe(detected);
  });

  it('widens to the month, quarter, half or year holding the day', () => {
    const day = { ...detected, from: '2019-08-15', to: '2019-08-15' };
    expect(editDeadline(day, { precision: 'month' })).toMatchObject({ from: '2019-08-01', to: '2019-08-31' });
    expect(editDeadline(day, { precision: 'quarter' })).toMatchObject({ from: '2019-07-01', to: '2019-09-30' });
    expect(editDeadline(day, { precision: 'half' })).toMatchObject({ from: '2019-07-01', to: '2019-12-31' });
    expect(editDeadline(day, { precision: 'year' })).toMatchObject({ from: '2019-01-01', to: '2019-12-31' });
    expect(unitBounds('2020-02-10', 'month')).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(unitBounds('2019-05-10', 'half')).toEqual({ from: '2019-01-01', to: '2019-06-30' });
    expect(editDeadline(null, { precision: 'year' })).toBeNull();
  });
});

describe('targets typed by the analyst', () => {
  it.each([
    ['309家', 309, '家'],
    ['1.7万亿元', 1.7e12, '元'],
    ['7000亩', 7000, '亩'],
    ['三个', 3, '个'],
    ['二十三个', 23, '个'],
    ['不少于5人', 5, '人'],
    ['1,200公里', 1200, '公里'],
  ])('%s is %d %s', (text, value, unit) => {
    expect(parseTarget(text)).toEqual({ value, unit, text });
  });

  it('keeps words it cannot read as a number', () => {
    expect(parseTarget(' 若干 ')).toEqual({ value: 0, unit: '', text: '若干' });
  });
});

describe('item kinds', () => {
  const key = (code: string, mods: Partial<KeyboardEvent> = {}) => ({
    altKey: true,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    code,
    key: code.slice(-1).toLowerCase(),
    ...mods,
  });

  it('finds the kind of an Alt shortcut by the physical key', () => {
    expect(kindForShortcut(DEFAULT_ITEM_KINDS, key('KeyT'))?.id).toBe('task');
    expect(kindForShortcut(DEFAULT_ITEM_KINDS, { ...key('KeyC'), key: 'ç' })?.id).toBe('commitment');
    expect(kindForShortcut(DEFAULT_ITEM_KINDS, key('KeyC', { altKey: false }))).toBeUndefined();
    expect(kindForShortcut(DEFAULT_ITEM_KINDS, key('KeyC', { ctrlKey: true }))).toBeUndefined();
    expect(kindForShortcut(DEFAULT_ITEM_KINDS, key('KeyX'))).toBeUndefined();
  });

  it('makes a kind of the analyst’s own in a colour not yet taken, and still shows a removed kind', () => {
    const kind = newKindDefinition(' 调研 ', DEFAULT_ITEM_KINDS);
    expect(kind).toMatchObject({ label: '调研', color: 'pink', shortcut: null });
    expect(kind.id).toMatch(/^kind-/);
    expect(kind.fields).toContain('targets');
    expect(kindDefinition(DEFAULT_ITEM_KINDS, 'gone')).toMatchObject({ id: 'gone', label: 'gone' });
  });
});

describe('suggestions offered', () => {
  const annotation = (id: string, start: number, end: number, orphaned = false) =>
    ({ id, target: { position: { type: 'TextPositionSelector', start, end } }, orphaned }) as AnnotationRecord;
  const item = (annotationIds: string[]) => ({ annotationIds }) as ItemRecord;

  it('marks a suggestion accepted when an item’s highlight covers its words, dismissed by quote, else open', () => {
    const j = at('实现京张铁路年底建成通车');
    const f = at('调整退出一般制造业企业309家');
    const y = at('京礼高速延崇段工程完工');
    const states = suggestionStates(
      [factories, jingzhang, yanchong],
      [factories.quote],
      [annotation('a1', j.start + 2, j.end), annotation('a2', y.start, y.end), annotation('a3', f.start, f.end, true)],
      [item(['a1']), item(['a3'])], // a2 is a plain highlight, a3 an orphan
    );
    expect(states.map((s) => [s.candidate.quote, s.state, s.annotationId])).toEqual([
      [jingzhang.quote, 'accepted', 'a1'],
      [yanchong.quote, 'open', undefined],
      [factories.quote, 'dismissed', undefined],
    ]);
  });
});
