import { describe, expect, it } from 'vitest';
import { sentences } from '../../../shared/extract/clauses';
import { findSections, sectionCursor } from '../../../shared/extract/sections';
import { categoryOf, paragraphField } from '../../../shared/extract/categories';
import type { TemporalMention } from '../../../shared/extract/types';

const words = (text: string) => sentences(text).map((s) => s.clauses.map((c) => text.slice(c.start, c.end)));

describe('sentences and clauses', () => {
  it('splits sentences at full stops, semicolons and line breaks, clauses at commas', () => {
    expect(
      words('实现京张铁路年底建成通车,京礼高速延崇段工程完工。高标准建设北京大兴国际机场;9月底前建成通航\n下一行'),
    ).toEqual([
      ['实现京张铁路年底建成通车', '京礼高速延崇段工程完工'],
      ['高标准建设北京大兴国际机场'],
      ['9月底前建成通航'],
      ['下一行'],
    ]);
  });

  it('does not split inside brackets or book titles', () => {
    expect(words('京雄城际铁路(北京西站至新机场站段,一期)建成投入使用,《规划（2018—2035年）》明确提出。')).toEqual([
      ['京雄城际铁路(北京西站至新机场站段,一期)建成投入使用', '《规划（2018—2035年）》明确提出'],
    ]);
  });

  it('ends a quoted speech at its closing quote, and trims quote marks a clause does not close', () => {
    expect(words('“北京在疏解的同时,也要发挥作用”,他说。“小组正在制定办法……”相关负责人介绍说,进展不同。')).toEqual([
      ['北京在疏解的同时', '也要发挥作用', '他说'],
      ['小组正在制定办法'],
      ['相关负责人介绍说', '进展不同'],
    ]);
  });

  it('recovers at a line break from a bracket left open by a scraper', () => {
    expect(words('原标题(未闭合,仍在\n下一段,两句。')).toEqual([['原标题(未闭合,仍在'], ['下一段', '两句']]);
  });

  it('keeps offsets into the text and trims white space', () => {
    const text = '  今年,将落实规划。 ';
    const [s] = sentences(text);
    expect(s!.clauses.map((c) => [c.start, c.end])).toEqual([
      [2, 4],
      [5, 10],
    ]);
  });
});

describe('sections', () => {
  const year = (text: string, at: string): TemporalMention => {
    const start = text.indexOf(at);
    return {
      text: at,
      start,
      end: start + at.length,
      kind: 'date',
      normalized: { from: null, to: `${at.slice(0, 4)}-12-31`, precision: 'year' },
    };
  };

  it('dates the tasks under a heading that names a year and a plan of work, up to the next heading of its level', () => {
    const text = '一、主要考虑\n正文。\n二、关于2019年工作要点的主要任务\n（一）交通\n任务甲。\n三、保障措施\n任务乙。';
    const sections = findSections(text, [year(text, '2019年')]);
    expect(sections.map((s) => text.slice(s.heading.start, s.heading.end))).toEqual([
      '一、主要考虑',
      '二、关于2019年工作要点的主要任务',
      '（一）交通',
      '三、保障措施',
    ]);
    const at = sectionCursor(sections);
    expect(at(text.indexOf('正文')).map((s) => s.deadline)).toEqual([null]);
    const inTask = at(text.indexOf('任务甲'));
    expect(inTask.map((s) => s.level)).toEqual([1, 2]);
    expect(inTask[0]!.deadline?.normalized.to).toBe('2019-12-31');
    expect(inTask[1]!.category).toBe('交通');
    expect(at(text.indexOf('任务乙'))[0]!.deadline).toBeNull();
  });

  it('takes a numbered line of prose for a paragraph, not a heading', () => {
    const text = '一是紧抓“牛鼻子”稳妥有序疏解北京非首都功能。本市将主动适应新形势新要求,更加讲究方式方法。';
    expect(findSections(text, [])).toEqual([]);
  });
});

describe('categories', () => {
  it('reads the field from the first words that name one', () => {
    expect(categoryOf('实现京张铁路年底建成通车')).toBe('交通');
    expect(categoryOf('抓好城市绿心建设,完成7000亩绿化任务')).toBe('生态');
    expect(categoryOf('调整退出一般制造业企业309家')).toBe('产业');
    expect(categoryOf('认真学习')).toBeNull();
    expect(paragraphField('交通方面,将着眼于京津冀城市群空间结构')).toBe('交通');
    expect(paragraphField('公共服务方面,进一步完善合作机制')).toBe('公共服务');
  });
});
