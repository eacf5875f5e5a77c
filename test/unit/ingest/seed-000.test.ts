// 000: Beijing Youth Daily, 2016 — EXPECTED.md: title, day-first date, 北京青年报 with two
// reporters, the article's sections kept, the appended 2023 Xinhua headlines dropped.
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, importSeed } from './helpers';

const doc = importSeed('000_6e9d3646a86fd5b6.txt');
const blocks = blockTexts(doc);

describe('seed 000 — 北京青年报, 2016', () => {
  it('is well formed', () => expectWellFormed(doc));

  it('detects the title and takes it out of the body', () => {
    expect(doc.title).toBe('推进“京津冀协同发展” 北京市设九工作组');
    expect(doc.text).not.toContain('北京市设九工作组\n');
    expect(blocks[0]).toMatch(/^京津冀协同发展,作为“全市工作的头等大事”/);
  });

  it('reads "28.01.2016  07:24" day first', () => {
    expect(doc.published).toMatchObject({ from: '2016-01-28', to: '2016-01-28', precision: 'day', status: 'detected' });
    expect(doc.published?.text).toBe('28.01.2016');
    expect(doc.text).not.toContain('07:24');
  });

  it('names 北京青年报 and its reporters 林艳 and 李泽伟', () => {
    expect(doc.source.site).toBe('北京青年报');
    expect(doc.source.authors).toEqual(['林艳', '李泽伟']);
    expect(doc.kind).toBe('text');
    expect(doc.articles).toEqual([]);
  });

  it('keeps the nine working groups list', () => {
    const list = blocks.find((b) => b.startsWith('北青报记者了解到,这9个专项工作小组'));
    expect(list).toBeDefined();
    for (const group of [
      '1.行政副中心工程建设工作小组',
      '2.人口调控工作小组',
      '3.教育和培训机构功能疏解工作小组',
      '4.医疗机构功能疏解小组',
      '5.城乡规划工作小组',
      '6.交通一体化发展工作小组',
      '7.产业协同发展工作小组',
      '8.生态环境保护工作小组',
      '9.综合政策研究工作小组(由市委研究室、市发改委、市政府法制办、市政府研究室等部门组成)。',
    ]) {
      expect(list).toContain(group);
    }
  });

  it('keeps the article from its first line to its last, with its headings', () => {
    expect(doc.text).toContain('本报讯(记者 林艳)北京青年报记者从有关部门获悉');
    expect(blocks).toContain('工作小组有哪些职能?');
    expect(blocks).toContain('日常怎么运作? 协同任务不再是“派单”而是主动作为');
    expect(doc.text).toContain('据透露,本市近期将发布京津冀协同发展三年工作要点(2015年-2017年)');
  });

  it('keeps the 代表声音 section', () => {
    const i = blocks.indexOf('代表声音');
    expect(i).toBeGreaterThan(0);
    expect(doc.blocks[i]!.type).toBe('heading');
    expect(blocks[i + 1]).toMatch(/^市人大代表、北京市老龄产业协会秘书长臧美华长期关注并从事养老行业。/);
    expect(doc.text).toContain('带动京津冀养老产业的共同发展。文/本报记者 李泽伟');
  });

  it('keeps the 北京优质医疗资源输出 section and its last paragraph', () => {
    const i = blocks.indexOf('北京优质医疗资源输出');
    expect(i).toBeGreaterThan(0);
    expect(blocks[i + 1]).toBe('需长期有效的对接机制');
    const last = blocks[blocks.length - 1]!;
    expect(last).toMatch(/^复兴医院从1995年就开始与内蒙古四个定点县医院进行对接扶持/);
    expect(last).toMatch(/使三地医疗水平协同发展。文\/本报记者 林艳$/);
  });

  it('drops the three unrelated 2023 Xinhua headlines and the 新浪广东 stamps', () => {
    for (const gone of [
      '前5个月中央企业完成投资',
      '农业农村部部署高温防御工作',
      '端午节假期出游人次破亿',
      '新浪广东',
      '新华社北京7月3日电',
      '2023',
    ]) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.dropped).toContain('端午节假期出游人次破亿 文旅产品服务丰富');
  });
});
