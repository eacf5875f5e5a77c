import { describe, expect, it } from 'vitest';
import { describeRange, positionMatchesQuote } from '../../../shared/anchoring/describe';
import { reanchor } from '../../../shared/anchoring/reanchor';

const TEXT = '京津冀协同发展。今年将完成90项具体任务。京张铁路年底建成通车。';

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

describe('reanchor', () => {
  const start = TEXT.indexOf('90项具体任务');
  const target = describeRange(TEXT, start, start + 7);

  it('keeps an annotation whose text did not move', () => {
    expect(reanchor(TEXT, target)).toEqual({ outcome: 'kept', target });
  });

  it('moves an annotation when text is inserted before it', () => {
    const changed = '【更新】' + TEXT;
    const result = reanchor(changed, target);
    expect(result.outcome).toBe('moved');
    expect(result.target!.position.start).toBe(start + 4);
    expect(changed.slice(result.target!.position.start, result.target!.position.end)).toBe('90项具体任务');
  });

  it('prefers the occurrence whose context matches over a nearer repeat', () => {
    const text = '甲：90项具体任务。' + TEXT;
    const result = reanchor(text, target);
    expect(result.target!.position.start).toBe(start + '甲：90项具体任务。'.length);
  });

  it('orphans an annotation whose passage is gone, and never deletes it', () => {
    expect(reanchor(TEXT.replace('90项具体任务', '若干任务'), target)).toEqual({ outcome: 'orphaned', target: null });
  });
});
