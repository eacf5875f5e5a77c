// Pages the seed rules were not written for: a gov.cn-style notice, a Markdown post with
// front matter, and a Sina repost saved as text. The same rules must hold.
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, importFixture } from './helpers';

describe('gov.cn-style notice (HTML)', () => {
  const doc = importFixture('scrapes', 'gov-notice.html');
  const blocks = blockTexts(doc);

  it('reads title, date, source, host and address from the page', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('北京市人民政府办公厅关于印发《北京市进一步优化营商环境行动计划》的通知');
    expect(doc.published).toMatchObject({ from: '2018-07-18', status: 'detected' });
    expect(doc.source).toMatchObject({
      site: '北京市人民政府办公厅',
      host: '首都之窗',
      url: 'http://www.beijing.gov.cn/zhengce/zfwj/201807/t20180718_1234.html',
    });
  });

  it('keeps the notice whole: number, addressees, signature, plan, table and attachment list', () => {
    expect(blocks[0]).toBe('京政办发〔2018〕32号');
    expect(blocks).toContain('各区人民政府，市政府各委、办、局，各市属机构：');
    expect(blocks).toContain('北京市人民政府办公厅');
    expect(blocks).toContain('2018年7月12日');
    expect(blocks).toContain('一、总体要求');
    // A paragraph wrapped across source lines reads as one line again.
    expect(blocks).toContain(
      '到2020年，营商环境法规体系进一步完善，企业办事便利度大幅提升，市场主体获得感明显增强，营商环境达到国际一流水平。',
    );
    expect(doc.blocks.filter((b) => b.type === 'table-cell')).toHaveLength(9);
    expect(blocks).toContain('市规划国土委');
    expect(blocks.slice(-2)).toEqual(['附件：1.北京市优化营商环境重点任务分工表', '2.北京市优化营商环境考核办法']);
  });

  it('drops menus, breadcrumb, info line, tools, share bar, sidebar and footer', () => {
    for (const gone of [
      'English',
      '无障碍',
      '当前位置',
      '字体',
      '打印',
      '关闭',
      '分享到',
      '热点推荐',
      '政府工作报告',
      '网站地图',
      '主办',
      'ICP',
      '公网安备',
      '网站标识码',
      '发文字号',
    ]) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.text.split('北京市人民政府办公厅关于印发')).toHaveLength(1);
  });
});

describe('Markdown post with front matter (新华网)', () => {
  const doc = importFixture('scrapes', 'xinhua-post.md');
  const blocks = blockTexts(doc);

  it('reads title, date, site, writers and editor; the scraper account is no writer', () => {
    expectWellFormed(doc);
    expect(doc.kind).toBe('markdown');
    expect(doc.title).toBe('政府工作报告提出今年发展主要预期目标');
    expect(doc.published).toMatchObject({ from: '2021-03-05' });
    expect(doc.source).toMatchObject({ site: '新华网', authors: ['刘红霞', '韩洁'], editor: '张樵苏' });
    expect(doc.source.url).toMatch(/^http:\/\/www\.xinhuanet\.com\//);
  });

  it('keeps headings, table, list and quote as plain text', () => {
    expect(blocks[0]).toMatch(/^新华社北京3月5日电（记者 刘红霞 韩洁）政府工作报告提出/);
    expect(doc.blocks[1]).toMatchObject({ type: 'heading', level: 2 });
    expect(blocks).toContain(
      '报告指出，提出增长6%以上的目标，考虑了经济运行恢复情况，有利于引导各方面集中精力推进改革创新、推动高质量发展。',
    );
    expect(doc.blocks.filter((b) => b.type === 'table-cell').map((b) => doc.text.slice(b.start, b.end))).toEqual([
      '指标', '目标', '国内生产总值增长', '6%以上', '城镇新增就业', '1100万人以上',
    ]); // prettier-ignore
    expect(doc.blocks.filter((b) => b.type === 'list-item')).toHaveLength(3);
    expect(doc.blocks.find((b) => b.type === 'quote')).toBeDefined();
    expect(doc.text).not.toMatch(/\*\*|!\[|\]\(|\| ---/);
  });

  it('drops the image, the 纠错 link, the editor line and the related-news list', () => {
    for (const gone of ['.jpg', '纠错', '责任编辑', '相关新闻', '图解政府工作报告', 'spider01'])
      expect(doc.text).not.toContain(gone);
  });
});

describe('Sina repost saved as text', () => {
  const doc = importFixture('scrapes', 'repost-sina.txt');
  const blocks = blockTexts(doc);

  it('finds the headline below the menus and the outlet on the date line', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('雄安新区：今年将启动建设一批重大项目');
    expect(doc.published).toMatchObject({ from: '2020-05-22', status: 'detected' });
    expect(doc.source).toMatchObject({ site: '人民网', host: '新浪新闻', authors: ['张文博'], editor: '李涵' });
  });

  it('keeps exactly the three paragraphs of the report', () => {
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toMatch(/^人民网石家庄5月22日电（记者 张文博）/);
    expect(blocks[2]).toMatch(/确保一张蓝图干到底。$/);
    for (const gone of [
      '新浪首页',
      '登录',
      '正文',
      '原标题',
      '责任编辑',
      '相关阅读',
      '容东片区安置房主体结构全面封顶',
      'SINA',
      '版权所有',
    ]) {
      expect(doc.text).not.toContain(gone);
    }
  });
});
