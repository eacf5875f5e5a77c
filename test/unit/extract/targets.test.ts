// Quantity targets: numbers with their measure words and units, and what is not one.
import { describe, expect, it } from 'vitest';
import { findTargets } from '../../../shared/extract/targets';

/** Targets as written. */
const texts = (s: string) => findTargets(s).map((t) => t.text);

describe('findTargets', () => {
  it('reads the issue examples with value and unit', () => {
    const cases: [string, string, number, string][] = [
      ['调整退出一般制造业企业309家', '309家', 309, '家'],
      ['疏解提升市场50个', '50个', 50, '个'],
      ['完成7000亩绿化任务', '7000亩', 7000, '亩'],
      ['20公里市政道路', '20公里', 20, '公里'],
      ['中央企业完成投资1.7万亿元', '1.7万亿元', 1.7e12, '元'],
      ['设置养老床位450张', '450张', 450, '张'],
      ['共安排了90项', '90项', 90, '项'],
      ['深入开展4所帮扶雄安学校', '4所', 4, '所'],
      ['同比增长12.5%', '12.5%', 12.5, '%'],
      ['建筑面积3.5万平方米', '3.5万平方米', 35000, '平方米'],
      ['装机200万千瓦', '200万千瓦', 2e6, '千瓦'],
      ['降低3个百分点', '3个百分点', 3, '个百分点'],
    ];
    for (const [text, written, value, unit] of cases) {
      expect(findTargets(text), text).toEqual([
        { text: written, start: text.indexOf(written), end: text.indexOf(written) + written.length, value, unit },
      ]);
    }
  });

  it('finds several targets in order', () => {
    expect(texts('疏解提升市场50个、物流中心16个')).toEqual(['50个', '16个']);
    expect(texts('明确了今年全区基层治理10个方面18项任务')).toEqual(['10个方面', '18项']);
  });

  it('includes qualifiers that bound the target, and 多/余 after the number', () => {
    expect(findTargets('人数不少于5人的工作小组')[0]).toMatchObject({ text: '不少于5人', value: 5, unit: '人' });
    expect(findTargets('100多名骨干')[0]).toMatchObject({ text: '100多名', value: 100, unit: '名' });
    expect(texts('约300余家企业')).toEqual(['约300余家']);
    expect(texts('不低于30%')).toEqual(['不低于30%']);
    expect(texts('超过5%')).toEqual(['超过5%']);
    expect(findTargets('覆盖10余万人')[0]).toMatchObject({ text: '10余万人', value: 100000, unit: '人' });
  });

  it('keeps a multiplied number without a unit as a quantity (unit "")', () => {
    expect(findTargets('2300万的人口目标')).toEqual([{ text: '2300万', start: 0, end: 5, value: 23000000, unit: '' }]);
  });

  it('reads Chinese numerals followed by a measure word and a noun', () => {
    expect(findTargets('博物馆三个文化设施项目动工')[0]).toMatchObject({ text: '三个', value: 3, unit: '个' });
    expect(findTargets('总投资三千五百万元')[0]).toMatchObject({ text: '三千五百万元', value: 35000000, unit: '元' });
  });

  it('reads full-width digits and thousands separators', () => {
    expect(findTargets('１２个')[0]).toMatchObject({ value: 12, unit: '个' });
    expect(findTargets('1,200名')[0]).toMatchObject({ text: '1,200名', value: 1200 });
  });

  it('counts arabic numbers before quoted project names', () => {
    expect(texts('抓好4个“交钥匙”项目开工建设')).toEqual(['4个']);
  });

  it('ignores dates, times and durations', () => {
    for (const s of [
      '2019年6月16日',
      '7月3日',
      '24小时内',
      '1小时',
      '5年来',
      '三年',
      '三个多月',
      '前5个月',
      '二〇一九年',
    ]) {
      expect(texts(s), s).toEqual([]);
    }
  });

  it('ignores ordinals, anniversaries, document numbers and phone numbers', () => {
    for (const s of [
      '第二届',
      '第一次',
      '第3版',
      '第23个',
      '70周年',
      '京政发〔2019〕12号',
      '京ICP备17013113号',
      '电话:010-84821288',
    ]) {
      expect(texts(s), s).toEqual([]);
    }
  });

  it('ignores bare numbers, list markers and numbers in Latin tokens or URLs', () => {
    for (const s of [
      '共计309',
      '1、加强组织领导',
      '(一)加强组织领导',
      '一是加强',
      'http://a.com/shwx/12个',
      '5G基站',
      '共有0条评论',
    ]) {
      expect(texts(s), s).toEqual([]);
    }
  });

  it('ignores 一 counts, idioms and quoted slogans', () => {
    for (const s of [
      '形成“一盘棋”',
      '一张网',
      '坚持一年一个节点',
      '两翼',
      '服务于“四个中心”',
      '增进"五个认同"',
      '五位一体',
      '十三五时期',
    ]) {
      expect(texts(s), s).toEqual([]);
    }
  });

  it('ignores counts of the bodies that act (owners, not targets)', () => {
    expect(texts('市委、市政府23个部门100多名骨干将陆续进驻通州')).toEqual(['100多名']);
    expect(texts('这23个部门将组成由1名局级领导带队、人数不少于5人的工作小组')).toEqual(['1名', '不少于5人']);
  });

  it('does not read a measure word that starts another word', () => {
    expect(texts('三部门联合印发')).toEqual([]);
    expect(texts('共3项目')).toEqual([]);
  });

  it('gives exact spans', () => {
    const text = '今年,完成7000亩绿化任务,新增1.7万亿元投资,人数不少于5人';
    for (const t of findTargets(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(findTargets(text)).toHaveLength(3);
  });
});
