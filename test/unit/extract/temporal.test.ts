// Temporal expressions (shared/extract/temporal.ts): one test per phenomenon of the gold
// rules (test/fixtures/gold/RULES.md), the negatives they exclude, and the scan's linearity.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemporal } from '../../../shared/extract/temporal';
import { parseChineseNumber } from '../../../shared/extract/chinese-numerals';
import { ganzhiYear, lunarToGregorian } from '../../../shared/extract/lunar';
import type { TemporalKind, TemporalMention } from '../../../shared/extract/types';

/** The one mention whose text is `words` (fails if there is none). */
function mention(text: string, published: string | null, words: string): TemporalMention {
  const found = findTemporal(text, published).filter((m) => m.text === words);
  expect(
    found.map((m) => m.text),
    `${words} in ${text}`,
  ).toEqual([words]);
  return found[0]!;
}

/** kind, from, to, precision of the mention `words`. */
const reading = (text: string, published: string | null, words = text) => {
  const m = mention(text, published, words);
  return [m.kind, m.normalized.from, m.normalized.to, m.normalized.precision];
};

const spans = (text: string, published: string | null = '2019-06-06') =>
  findTemporal(text, published).map((m) => m.text);

type Row = [string, string, TemporalKind, string | null, string | null, string];

describe('findTemporal — full and partial dates', () => {
  it.each<Row>([
    ['2019年6月6日印发', '2019年6月6日', 'date', null, '2019-06-06', 'day'],
    ['来源 2019-06-06', '2019-06-06', 'date', null, '2019-06-06', 'day'],
    ['发布于2019/6/6', '2019/6/6', 'date', null, '2019-06-06', 'day'],
    ['2019.06.06 发布', '2019.06.06', 'date', null, '2019-06-06', 'day'],
    ['28.01.2016  07:24', '28.01.2016', 'date', null, '2016-01-28', 'day'],
    ['date: 2019-02-22- 07:31', '2019-02-22', 'date', null, '2019-02-22', 'day'],
    ['2022 年 3 月 16 日', '2022 年 3 月 16 日', 'date', null, '2022-03-16', 'day'],
    ['２０１９年６月６日', '２０１９年６月６日', 'date', null, '2019-06-06', 'day'],
    ['1995年就开始', '1995年', 'date', null, '1995-12-31', 'year'],
    ['纳入2022 年度区委绩效管理', '2022 年度', 'date', null, '2022-12-31', 'year'],
    ['在2016年初就成立', '2016年初', 'date', '2016-01-01', '2016-03-31', 'quarter'],
    ['2019年上半年', '2019年上半年', 'date', '2019-01-01', '2019-06-30', 'half'],
    ['2019年下半年', '2019年下半年', 'date', '2019-07-01', '2019-12-31', 'half'],
    ['2019年第三季度', '2019年第三季度', 'date', '2019-07-01', '2019-09-30', 'quarter'],
    ['2019年前三季度', '2019年前三季度', 'date', '2019-01-01', '2019-09-30', 'quarter'],
    ['去年12月', '去年12月', 'relative', null, '2018-12-31', 'month'],
    ['6月上旬', '6月上旬', 'date', '2019-06-01', '2019-06-10', 'day'],
  ])('%s → %s', (text, words, kind, from, to, precision) => {
    expect(reading(text, '2019-06-06', words)).toEqual([kind, from, to, precision]);
  });

  it('reads the publication year into yearless months and days: 2月7日, 6月底', () => {
    expect(reading('就在今天(2月7日),本市部署', '2017-02-07', '2月7日')).toEqual(['date', null, '2017-02-07', 'day']);
    expect(reading('实现6月底竣工验收', '2019-06-06', '6月底')).toEqual(['deadline', null, '2019-06-30', 'month']);
  });

  it('makes 底 a deadline when still ahead, a date when past', () => {
    expect(reading('实现京张铁路年底建成通车', '2019-06-06', '年底')).toEqual(['deadline', null, '2019-12-31', 'year']);
    expect(reading('2017年底率先启动搬迁', '2017-02-07', '2017年底')).toEqual(['deadline', null, '2017-12-31', 'year']);
    expect(reading('2018年底已完成', '2019-06-06', '2018年底')[0]).toBe('date');
    expect(reading('年末常住人口', '2019-06-06', '年末')).toEqual(['deadline', null, '2019-12-31', 'year']);
  });

  it('reads …前: X月X日前 → that day, X月前 → the month before, X月底前 → the month', () => {
    expect(reading('今年3月1日前实现对接', '2017-02-07', '今年3月1日前')).toEqual([
      'deadline',
      null,
      '2017-03-01',
      'day',
    ]);
    expect(reading('3月1日前完成', '2019-01-10', '3月1日前')).toEqual(['deadline', null, '2019-03-01', 'day']);
    expect(reading('3月前完成', '2019-01-10', '3月前')).toEqual(['deadline', null, '2019-02-28', 'month']);
    expect(reading('9月底前建成通航', '2019-06-06', '9月底前')).toEqual(['deadline', null, '2019-09-30', 'month']);
    expect(reading('年底前完成', '2019-06-06', '年底前')).toEqual(['deadline', null, '2019-12-31', 'year']);
    // A year before which a goal is reached means "by" that year, as plans use it.
    expect(reading('力争2030年前实现碳达峰', '2021-10-24', '2030年前')).toEqual([
      'deadline',
      null,
      '2030-12-31',
      'year',
    ]);
  });

  it('keeps 前后, 前往 and 前N个月 out of the span', () => {
    expect(spans('2014年前后')).toEqual(['2014年']);
    expect(spans('6月前往北京')).toEqual(['6月']);
    expect(spans('今年前5个月')).toEqual(['今年']);
  });

  it('reads 年内 as a deadline, 年初 as the first quarter', () => {
    expect(reading('年内完成', '2019-06-06', '年内')).toEqual(['deadline', null, '2019-12-31', 'year']);
    expect(reading('今年内完成', '2019-06-06', '今年内')).toEqual(['deadline', null, '2019-12-31', 'year']);
    expect(reading('年初,总书记考察', '2019-06-06', '年初')).toEqual([
      'relative',
      '2019-01-01',
      '2019-03-31',
      'quarter',
    ]);
  });

  it('reads bare halves and quarters against the publication year', () => {
    expect(reading('上半年完成', '2019-06-06', '上半年')).toEqual(['relative', '2019-01-01', '2019-06-30', 'half']);
    expect(reading('下半年启动', '2019-06-06', '下半年')).toEqual(['relative', '2019-07-01', '2019-12-31', 'half']);
    expect(reading('一季度增长', '2019-06-06', '一季度')).toEqual(['relative', '2019-01-01', '2019-03-31', 'quarter']);
    expect(reading('第二季度', '2019-06-06')).toEqual(['relative', '2019-04-01', '2019-06-30', 'quarter']);
  });

  it.each<[string, string, string]>([
    ['今年', '2019-12-31', 'year'],
    ['明年', '2020-12-31', 'year'],
    ['去年', '2018-12-31', 'year'],
    ['前年', '2017-12-31', 'year'],
    ['今天', '2019-06-06', 'day'],
    ['今日', '2019-06-06', 'day'],
    ['昨天', '2019-06-05', 'day'],
    ['明天', '2019-06-07', 'day'],
  ])('reads %s relative to publication', (words, to, precision) => {
    expect(reading(`${words},我们将`, '2019-06-06', words)).toEqual(['relative', null, to, precision]);
  });

  it('reads 本月, 上月底, 下个月 relative to the publication month', () => {
    expect(reading('本月', '2023-01-15')).toEqual(['relative', null, '2023-01-31', 'month']);
    expect(reading('上月底', '2023-01-15')).toEqual(['relative', null, '2022-12-31', 'month']);
    expect(reading('下个月', '2023-12-15')).toEqual(['relative', null, '2024-01-31', 'month']);
    expect(reading('本月底前完成', '2023-01-15', '本月底前')).toEqual(['deadline', null, '2023-01-31', 'month']);
    expect(spans('基本月薪 马上月底 以下月份')).toEqual([]);
  });

  it('fuses relative words with what follows: 今年年初, 今年1月, 去年同期', () => {
    expect(reading('今年年初,总书记考察京津冀', '2019-06-06', '今年年初')).toEqual([
      'relative',
      '2019-01-01',
      '2019-03-31',
      'quarter',
    ]);
    expect(reading('今年1月,郭金龙与蔡奇', '2017-02-07', '今年1月')).toEqual(['relative', null, '2017-01-31', 'month']);
    expect(reading('比去年同期增长5%', '2019-06-06', '去年同期')).toEqual(['relative', null, '2018-12-31', 'year']);
  });

  it('does not take 今年/明年 out of other words', () => {
    expect(spans('如今年轻人 说明年度报告 此前年均增长 失去年轻')).toEqual([]);
  });

  it('reports unresolved relative expressions with to: null when the publication date is unknown', () => {
    expect(reading('今年', null)).toEqual(['relative', null, null, 'year']);
    expect(reading('6月底', null)).toEqual(['deadline', null, null, 'month']);
    expect(reading('未来五年', null)).toEqual(['relative', null, null, 'year']);
    expect(reading('2019年6月', null)).toEqual(['date', null, '2019-06-30', 'month']);
  });
});

describe('findTemporal — Chinese numerals and the lunar calendar', () => {
  it('reads 二〇一九年, 十二月, 二月十四', () => {
    expect(reading('二〇一九年', '2019-06-06')).toEqual(['date', null, '2019-12-31', 'year']);
    expect(reading('二〇一九年十二月', '2019-06-06')).toEqual(['date', null, '2019-12-31', 'month']);
    expect(reading('十二月底前', '2019-06-06')).toEqual(['deadline', null, '2019-12-31', 'month']);
    expect(reading('二月十四 今日四版', '2022-03-16', '二月十四')).toEqual(['date', null, '2022-02-14', 'day']);
    expect(reading('一九九五年三月十五日', '2019-06-06')).toEqual(['date', null, '1995-03-15', 'day']);
  });

  it('converts 农历壬寅年二月十四 to the Gregorian day', () => {
    const text = '2022年3月16日\n\n星期三\n\n农历壬寅年二月十四 今日四版';
    expect(reading(text, '2022-03-16', '农历壬寅年二月十四')).toEqual(['date', null, '2022-03-16', 'day']);
    expect(spans(text, '2022-03-16')).toEqual(['2022年3月16日', '农历壬寅年二月十四', '今日']);
  });

  it('takes a yearless lunar date in the lunar year nearest publication', () => {
    expect(reading('农历腊月二十三', '2022-01-20')).toEqual(['date', null, '2022-01-25', 'day']);
    expect(reading('农历正月十五', '2022-01-20')).toEqual(['date', null, '2022-02-15', 'day']);
  });

  it('knows the lunar calendar helpers', () => {
    expect(ganzhiYear('壬寅', 2022)).toBe(2022);
    expect(ganzhiYear('甲子', 2030)).toBe(2044);
    expect(ganzhiYear('甲丑', 2022)).toBeNull();
    expect(lunarToGregorian(2023, 1, 1)).toBe('2023-01-22');
    expect(lunarToGregorian(2023, 2, 1, true)).toBe('2023-03-22');
  });
});

describe('findTemporal — ranges and periods', () => {
  it.each<Row>([
    ['《河北雄安新区总体规划（2018—2035年）》', '2018—2035年', 'period', '2018-01-01', '2035-12-31', 'year'],
    ['三年工作要点(2015年-2017年)', '2015年-2017年', 'period', '2015-01-01', '2017-12-31', 'year'],
    ['总书记2019年1月16日至18日赴京津冀', '2019年1月16日至18日', 'period', '2019-01-16', '2019-01-18', 'day'],
    ['1月16日至18日，习近平总书记', '1月16日至18日', 'period', '2019-01-16', '2019-01-18', 'day'],
    ['2019年12月至2020年3月', '2019年12月至2020年3月', 'period', '2019-12-01', '2020-03-31', 'month'],
    ['2023年1至5月', '2023年1至5月', 'period', '2023-01-01', '2023-05-31', 'month'],
  ])('%s → %s', (text, words, kind, from, to, precision) => {
    expect(reading(text, '2019-02-22', words)).toEqual([kind, from, to, precision]);
  });

  it('leaves 到/至 out of the span and makes it a deadline', () => {
    expect(reading('已规划至2030年', '2016-01-28', '2030年')).toEqual(['deadline', null, '2030-12-31', 'year']);
    expect(reading('到2020年,营商环境', '2018-07-18', '2020年')).toEqual(['deadline', null, '2020-12-31', 'year']);
    expect(reading('力争到2022年', '2019-06-06', '2022年')[0]).toBe('deadline');
    expect(spans('达到2020年水平')).toEqual(['2020年']);
    expect(reading('达到2020年水平', '2019-06-06', '2020年')[0]).toBe('date');
  });

  it('reads 截至 a past day as the date of a report, in last year when the year is unwritten', () => {
    const text = '政策扶持方面,制定出台措施。截至12月底,京津中关村科技城共完成北京转移来津项目认定191家';
    expect(reading(text, '2022-03-16', '12月底')).toEqual(['date', null, '2021-12-31', 'month']);
    expect(reading('截至2018年底,共完成', '2019-06-06', '2018年底')[0]).toBe('date');
    expect(reading('截至2025年底', '2019-06-06', '2025年底')[0]).toBe('deadline');
  });

  it('carries a year written earlier in the sentence to a yearless month', () => {
    expect(reading('2021年,全市完成投资,截至12月底共完成', '2022-03-16', '12月底')).toEqual([
      'date',
      null,
      '2021-12-31',
      'month',
    ]);
    expect(reading('2018年已完成。6月底前建成', '2019-06-06', '6月底前')[2]).toBe('2019-06-30');
  });

  it.each<[string, string, string]>([
    ['十三五规划《纲要》', '2016-01-01', '2020-12-31'],
    ['十四五时期', '2021-01-01', '2025-12-31'],
    ['十五五规划', '2026-01-01', '2030-12-31'],
    ['“十二五”期间', '2011-01-01', '2015-12-31'],
  ])('reads the five-year plan in %s', (text, from, to) => {
    const [m] = findTemporal(text, '2016-01-28');
    expect(m).toMatchObject({ kind: 'period', normalized: { from, to, precision: 'year' } });
    expect(m!.text).toMatch(/^十.五$/);
  });

  it('does not read 十五 inside other numbers as a plan', () => {
    expect(spans('十五个项目 二十五五 第十五届')).toEqual([]);
  });

  it('reads 未来五年 and 今后三年 from the publication year on', () => {
    expect(reading('未来五年是北京城市副中心高质量发展的重要阶段', '2022-03-16', '未来五年')).toEqual([
      'relative',
      '2022-01-01',
      '2026-12-31',
      'year',
    ]);
    expect(reading('今后三年', '2019-06-06')).toEqual(['relative', '2019-01-01', '2021-12-31', 'year']);
  });

  it('does not annotate staged durations', () => {
    expect(spans('按照"一年奠定基础、三年初见成效、五年全面提升"的主基调', '2022-03-16')).toEqual([]);
  });
});

describe('findTemporal — kinds', () => {
  it('makes a bare year a deadline before a verb of reaching a state, if not already past', () => {
    expect(reading('2035年基本实现社会主义现代化', '2019-06-06', '2035年')[0]).toBe('deadline');
    expect(reading('2020年全面建成小康社会', '2019-06-06', '2020年')[0]).toBe('deadline');
    expect(reading('本市2021年支援合作工作完成情况', '2022-03-16', '2021年')[0]).toBe('date');
    expect(reading('2022年,经济增长5%', '2022-03-16', '2022年')[0]).toBe('date');
  });

  it('reads years inside titles, names and versions as dates', () => {
    expect(reading('严格执行2018年版新增产业的禁止和限制目录', '2019-06-06', '2018年')).toEqual([
      'date',
      null,
      '2018-12-31',
      'year',
    ]);
    expect(reading('筹办2022年冬奥会', '2019-06-06', '2022年')).toEqual(['date', null, '2022-12-31', 'year']);
    expect(reading('《北京市推进京津冀协同发展2019年工作要点》', '2019-06-06', '2019年')[0]).toBe('date');
  });

  it('reads the issue example of 2019-06-06', () => {
    const text =
      '实现京张铁路年底建成通车,京礼高速延崇段工程完工。高标准建设北京大兴国际机场,实现6月底竣工验收,9月底前建成通航。';
    const found = findTemporal(text, '2019-06-06').map((m) => [
      m.text,
      m.kind,
      m.normalized.to,
      m.normalized.precision,
    ]);
    expect(found).toEqual([
      ['年底', 'deadline', '2019-12-31', 'year'],
      ['6月底', 'deadline', '2019-06-30', 'month'],
      ['9月底前', 'deadline', '2019-09-30', 'month'],
    ]);
  });
});

describe('findTemporal — what is not annotated', () => {
  it.each([
    '近期印发实施',
    '近日',
    '日前,城市副中心召开会议',
    '当前京津冀协同发展进入关键阶段',
    '目前进展顺利',
    '星期三',
    '重大国家战略实施5年来',
    '已有三个多月',
    '本网确认后将在24小时内移除',
    '环首都1小时鲜活农产品流通圈',
    '确保每年都有新变化',
    '新中国成立70周年',
    '京政发〔2019〕12号',
    '三年内完成 每年年底 当年底',
    '1990年代',
    '每年6月集中开展 每年的1月1日 每年3—6月',
    '京ICP备17013113号',
  ])('%s', (text) => {
    expect(spans(text)).toEqual([]);
  });

  it('does not read dates out of URLs and paths', () => {
    expect(spans('<img src="http://p2.ifengimg.com/a/2016/0810/204c4.png" />')).toEqual([]);
    expect(spans('见 http://example.com/2019-06-06/x.html 与 ID2019年')).toEqual([]);
  });

  it('drops ranges that name no real span, keeping their parts', () => {
    expect(spans('2月30日')).toEqual([]);
    expect(spans('1月5日至2日')).toEqual(['1月5日']);
  });
});

describe('findTemporal — output and scale', () => {
  const sample =
    '今年是新中国成立70周年。习近平总书记2019年1月16日至18日赴京津冀。实现京张铁路年底建成通车,9月底前建成通航。' +
    '《规划（2018—2035年）》,十三五时期,到2020年,截至12月底,未来五年,农历壬寅年二月十四,2022 年度,星期三,5年来。\n';

  it('gives sorted, non-overlapping, non-empty spans that quote the text', () => {
    const found = findTemporal(sample, '2022-03-16');
    expect(found.length).toBeGreaterThan(10);
    found.forEach((m, i) => {
      expect(m.end).toBeGreaterThan(m.start);
      expect(sample.slice(m.start, m.end)).toBe(m.text);
      if (i > 0) expect(m.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
    });
  });

  it('finds nothing in empty or blank text', () => {
    expect(findTemporal('', '2019-06-06')).toEqual([]);
    expect(findTemporal(' \n'.repeat(1000), '2019-06-06')).toEqual([]);
  });

  it('scans a megabyte, pathological runs included, with counts that add up', { timeout: 60_000 }, () => {
    // Dates among plain prose, about as dense as in a work plan.
    const prose = '坚持首善标准,做好新发展阶段支援合作工作,继续走在全国前列。'.repeat(8) + '\n';
    const page = sample + prose;
    const per = findTemporal(page, '2022-03-16').length;
    const copies = Math.ceil(1_000_000 / page.length);
    const big = page.repeat(copies);
    expect(findTemporal(big, '2022-03-16')).toHaveLength(per * copies);
    // Long runs that patterns could backtrack over: spaces after a year, digits, connectors.
    const runs = [
      '2019' + ' '.repeat(200_000) + 'x',
      '1'.repeat(200_000),
      '2019-'.repeat(40_000),
      '1 '.repeat(100_000),
    ];
    for (const run of runs) expect(findTemporal(run, '2019-06-06')).toEqual([]);
    expect(findTemporal('2019年'.repeat(50_000), '2019-06-06')).toHaveLength(50_000);
  });
});

describe('findTemporal — the gold files', () => {
  const gold = resolve(import.meta.dirname, '../../fixtures/gold');
  const seeds = resolve(import.meta.dirname, '../../fixtures/seeds');
  /** The boilerplate the caller masks (RULES.md: teasers, footers, markup), blanked to spaces. */
  const mask = (name: string, text: string): string => {
    const blank = (from: number) => text.slice(0, from) + text.slice(from).replace(/[^\n]/g, ' ');
    if (name.startsWith('000')) return blank(text.indexOf('前5个月中央企业'));
    if (name.startsWith('003')) return blank(text.lastIndexOf('《北京23个市级部门'));
    return text.replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length));
  };

  it('matches the annotated spans and values', () => {
    let [tp, valueTp, predicted, annotated] = [0, 0, 0, 0];
    for (const name of [
      '000_6e9d3646a86fd5b6',
      '001_a2198bc6f00aa275',
      '002_c4717dbc6a480cfb',
      '003_1eb64b73d8c428c6',
      '004_e259bc3bdc43cb06',
    ]) {
      const g = JSON.parse(readFileSync(`${gold}/${name}.json`, 'utf8')) as {
        published: string;
        temporal: { text: string; start: number; normalized: { from: string | null; to: string | null } }[];
      };
      const found = findTemporal(mask(name, readFileSync(`${seeds}/${name}.txt`, 'utf8')), g.published);
      const used = new Set<number>();
      for (const t of g.temporal) {
        const i = found.findIndex((m, k) => !used.has(k) && m.start < t.start + t.text.length && t.start < m.end);
        if (i < 0) continue;
        used.add(i);
        tp += 1;
        const n = found[i]!.normalized;
        if (n.to === t.normalized.to && (t.normalized.from === null || n.from === t.normalized.from)) valueTp += 1;
      }
      predicted += found.length;
      annotated += g.temporal.length;
    }
    const f1 = (t: number) => (2 * t) / (predicted + annotated);
    expect(f1(tp)).toBeGreaterThanOrEqual(0.95);
    expect(f1(valueTp)).toBeGreaterThanOrEqual(0.93);
  });
});

describe('parseChineseNumber', () => {
  it.each<[string, number]>([
    ['二〇一九', 2019],
    ['一九九五', 1995],
    ['十二', 12],
    ['十', 10],
    ['二十', 20],
    ['两', 2],
    ['两千', 2000],
    ['廿', 20],
    ['廿三', 23],
    ['〇', 0],
    ['零', 0],
    ['一百二十三', 123],
    ['一百零五', 105],
    ['一千零一十', 1010],
    ['一万五', 15000],
    ['三百五', 350],
    ['十万', 100000],
    ['三千五百万', 35_000_000],
    ['1.7万', 17000],
    ['1.7万亿', 1.7e12],
    ['2万5千', 25000],
    ['1亿2000万', 120_000_000],
    ['3千', 3000],
    ['1,200', 1200],
    ['１２', 12],
    ['309', 309],
    ['0.5', 0.5],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it.each(['', '万元', '几十', '12a', '一二三四五六七八九十'])('%j is not a number', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });
});
