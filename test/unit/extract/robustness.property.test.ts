// Extraction on any text: it never throws, and every span it reports is the text it names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePassage, extractDocument } from '../../../shared/extract/extract';

/** Text built from the pieces policy prose is made of, so the rules actually fire. */
const PIECES = [
  '2019年',
  '6月底',
  '9月底前',
  '年底',
  '今年',
  '明年',
  '十三五',
  '2018—2035年',
  '1月16日至18日',
  '农历壬寅年二月十四',
  '309家',
  '1.7万亿元',
  '三个',
  '不少于5人',
  '市发改委',
  '工作专班',
  '牵头单位：',
  '责任单位：',
  '将',
  '要',
  '确保',
  '建成通车',
  '完成',
  '已',
  '了',
  '，',
  '。',
  '；',
  '、',
  '“',
  '”',
  '（',
  '）',
  '《',
  '》',
  '\n',
  ' ',
  '一、',
  '（一）',
  '二〇一九年',
  '十二月',
  '到',
  '至',
  '前',
  '以来',
  '每年',
  '近期',
];
const prose = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 60 })
  .map((p) => p.join(''));
const published = fc.option(fc.constantFrom('2016-01-28', '2019-06-06', '2022-03-16'), { nil: null });

describe('extraction on arbitrary text', () => {
  it('reports spans that are the text they name, dates that are real days, and never throws', () => {
    fc.assert(
      fc.property(prose, published, (text, day) => {
        const { temporal, candidates, stages } = extractDocument(text, { published: day });
        for (const m of [...temporal, ...stages]) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          for (const d of [m.normalized.from, m.normalized.to]) {
            if (d !== null) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
          }
        }
        for (const c of candidates) {
          expect(text.slice(c.start, c.end)).toBe(c.quote);
          expect(c.confidence).toBeGreaterThan(0);
          expect(c.confidence).toBeLessThanOrEqual(1);
          for (const o of c.owners) expect(text.slice(o.start, o.end)).toBe(o.text);
          for (const t of c.targets) expect(text.slice(t.start, t.end)).toBe(t.text);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('describes any passage of any text', () => {
    fc.assert(
      fc.property(prose, fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const end = Math.min(text.length, start + 1 + (b % 40));
        const passage = describePassage(text, start, end, { published: '2019-06-06' });
        expect(passage.quote).toBe(text.slice(start, end));
      }),
      { numRuns: 200 },
    );
  });
});
