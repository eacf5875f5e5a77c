import { describe, expect, it } from 'vitest';
import { describeRange, positionMatchesQuote } from '../../../shared/anchoring/describe';
import { MIN_FUZZY_LENGTH } from '../../../shared/anchoring/fuzzy';
import { reanchor, reanchorAll, type ReanchorResult } from '../../../shared/anchoring/reanchor';

const TEXT = '京津冀协同发展。今年将完成90项具体任务。京张铁路年底建成通车。';

// A longer page with the repetition policy documents are made of.
const PAGE =
  '推动京津冀协同发展取得新突破，是今年全市工作的头等大事。' +
  '今年将完成90项具体任务，京张铁路年底建城通车，北京新机场主体工程基本完工，' +
  '城市副中心行政办公区一期工程投入使用。' +
  '各区各部门要对照任务清单，逐项抓好落实，确保推动京津冀协同发展取得新突破。';

const ORPHAN = { outcome: 'orphaned', target: null, similarity: 0 };

/** The target of the first occurrence of `quote` in `text`. */
function annotate(text: string, quote: string, from = 0) {
  const start = text.indexOf(quote, from);
  if (start === -1) throw new Error(`${quote} is not in the text`);
  return describeRange(text, start, start + quote.length);
}

/** The passage a result points at in the new text. */
function passage(text: string, result: ReanchorResult): string | null {
  return result.target && text.slice(result.target.position.start, result.target.position.end);
}

describe('describeRange', () => {
  it('emits a position and a quote with context', () => {
    const start = TEXT.indexOf('京张铁路');
    const target = describeRange(TEXT, start, start + 4);
    expect(target.position).toEqual({ type: 'TextPositionSelector', start, end: start + 4 });
    expect(target.quote.exact).toBe('京张铁路');
    expect(target.quote.prefix.endsWith('具体任务。')).toBe(true);
    expect(target.quote.suffix.startsWith('年底建成')).toBe(true);
    expect(positionMatchesQuote(TEXT, target)).toBe(true);
  });

  it('refuses an empty or out-of-range passage', () => {
    expect(() => describeRange(TEXT, 3, 3)).toThrow(RangeError);
    expect(() => describeRange(TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
  });
});

describe('reanchor: position and exact quote', () => {
  const start = TEXT.indexOf('90项具体任务');
  const target = describeRange(TEXT, start, start + 7);

  it('keeps an annotation whose text did not move', () => {
    expect(reanchor(TEXT, target)).toEqual({ outcome: 'kept', target, similarity: 1 });
  });

  it('moves an annotation when text is inserted before it', () => {
    const changed = '【更新】' + TEXT;
    const result = reanchor(changed, target);
    expect(result.outcome).toBe('moved');
    expect(result.similarity).toBe(1);
    expect(result.target!.position.start).toBe(start + 4);
    expect(passage(changed, result)).toBe('90项具体任务');
  });

  it('prefers the occurrence whose context matches over a nearer repeat', () => {
    const text = '甲：90项具体任务。' + TEXT;
    const result = reanchor(text, target);
    expect(result.target!.position.start).toBe(start + '甲：90项具体任务。'.length);
  });

  it('orphans an annotation whose passage is gone, and never deletes it', () => {
    expect(reanchor(TEXT.replace('90项具体任务', '若干任务'), target)).toEqual(ORPHAN);
  });

  it('follows a passage whose sentence moved, though its context changed on both sides', () => {
    const sentence = '城市副中心行政办公区一期工程投入使用。';
    const target = annotate(PAGE, sentence);
    const changed = sentence + PAGE.replace(sentence, '');
    const result = reanchor(changed, target);
    expect(result).toMatchObject({ outcome: 'moved', similarity: 1 });
    expect(result.target!.position.start).toBe(0);
  });

  it('takes a verbatim repeat elsewhere when its own passage is gone (the exact stage)', () => {
    const slogan = annotate(PAGE, '推动京津冀协同发展取得新突破');
    const changed = PAGE.replace('推动京津冀协同发展取得新突破，', '');
    const result = reanchor(changed, slogan);
    expect(result.outcome).toBe('moved');
    expect(result.target!.position.start).toBe(changed.indexOf('推动京津冀协同发展取得新突破'));
  });
});

describe('reanchor: fuzzy match of an edited passage', () => {
  const railway = annotate(PAGE, '京张铁路年底建城通车');

  it('follows a corrected character (建城 → 建成) and takes the corrected quote', () => {
    const changed = PAGE.replace('建城通车', '建成通车');
    const result = reanchor(changed, railway);
    expect(result.outcome).toBe('moved');
    expect(result.similarity).toBeCloseTo(0.9);
    expect(result.target!.position.start).toBe(railway.position.start);
    expect(result.target!.quote.exact).toBe('京张铁路年底建成通车');
    expect(result.target!.quote.prefix).toBe(railway.quote.prefix);
  });

  it('follows added punctuation inside the passage', () => {
    const changed = PAGE.replace('京张铁路年底', '京张铁路，年底');
    expect(passage(changed, reanchor(changed, railway))).toBe('京张铁路，年底建城通车');
  });

  it('follows an edited passage that also moved, with a paragraph inserted before it', () => {
    const changed = '（二〇一九年三月修订）\n各区要高度重视。\n' + PAGE.replace('建城通车', '建成通车');
    const result = reanchor(changed, railway);
    expect(passage(changed, result)).toBe('京张铁路年底建成通车');
  });

  it('follows an edited passage that moved far, with one side of its context', () => {
    const moving = '京张铁路年底建城通车，北京新机场主体工程基本完工，城市副中心行政办公区一期工程投入使用。';
    const changed = PAGE.replace(moving, '') + '另外，' + moving.replace('建城', '建成');
    const result = reanchor(changed, railway);
    expect(result.outcome).toBe('moved');
    expect(result.target!.position.start).toBe(changed.indexOf('京张铁路年底建成通车'));
    expect(result.target!.quote.exact).toBe('京张铁路年底建成通车');
  });

  it('orphans a passage that was deleted', () => {
    expect(reanchor(PAGE.replace('京张铁路年底建城通车，', ''), railway)).toEqual(ORPHAN);
  });

  it('orphans a passage rewritten beyond a quarter of its characters', () => {
    expect(reanchor(PAGE.replace('京张铁路年底建城通车', '京张高铁明年通车'), railway)).toEqual(ORPHAN);
  });

  it('does not let a repeat elsewhere steal the highlight of an edited passage', () => {
    const slogan = annotate(PAGE, '推动京津冀协同发展取得新突破');
    const changed = PAGE.replace('推动京津冀协同发展取得新突破，', '推动京津冀协同发展取得新的突破，');
    expect(changed.lastIndexOf('推动京津冀协同发展取得新突破')).toBeGreaterThan(0);
    const result = reanchor(changed, slogan);
    expect(result.target!.position.start).toBe(0);
    expect(result.target!.quote.exact).toBe('推动京津冀协同发展取得新的突破');
  });

  it('does not take a look-alike with foreign context when the passage is gone', () => {
    const changed = PAGE.replace('京张铁路年底建城通车，', '') + '另据报道，京沪铁路年底建成通车的消息有误。';
    expect(reanchor(changed, railway)).toEqual(ORPHAN);
  });

  it('orphans a passage rewritten in place, though its words stand elsewhere', () => {
    const line = annotate(PAGE, '京张铁路');
    const changed = PAGE.replace('京张铁路', '京沪铁路') + '京张铁路另行安排。';
    expect(reanchor(changed, line)).toEqual(ORPHAN);
  });

  it('never matches short quotes fuzzily: one character changes what they name', () => {
    const line = annotate(PAGE, '京张铁路');
    expect(line.quote.exact.length).toBeLessThan(MIN_FUZZY_LENGTH);
    expect(reanchor(PAGE.replace('京张铁路', '京沪铁路'), line)).toEqual(ORPHAN);
    const plan = annotate('落实十三五规划。', '十三五规划');
    expect(reanchor('落实十四五规划。', plan)).toEqual(ORPHAN);
  });

  it('gives the same result for the same inputs', () => {
    const changed = PAGE.replace('建城通车', '建成通车');
    expect(reanchor(changed, railway)).toEqual(reanchor(changed, railway));
  });
});

describe('reanchorAll', () => {
  const quotes = [
    '推动京津冀协同发展取得新突破',
    '90项具体任务',
    '京张铁路年底建城通车',
    '一期工程投入使用',
    '逐项抓好落实',
  ];
  const targets = quotes.map((q) => annotate(PAGE, q)).reverse();

  it('answers in the order of the targets, like reanchor one by one', () => {
    const changed = '【更新】' + PAGE.replace('建城', '建成').replace('逐项抓好落实，', '');
    const results = reanchorAll(changed, targets);
    expect(results.map((r) => r.outcome)).toEqual(['orphaned', 'moved', 'moved', 'moved', 'moved']);
    expect(results.map((r) => passage(changed, r))).toEqual([
      null,
      '一期工程投入使用',
      '京张铁路年底建成通车',
      '90项具体任务',
      '推动京津冀协同发展取得新突破',
    ]);
    expect(results).toEqual(targets.map((t) => reanchor(changed, t)));
  });

  it('keeps every annotation of an unchanged text', () => {
    expect(reanchorAll(PAGE, targets).every((r) => r.outcome === 'kept')).toBe(true);
  });
});
