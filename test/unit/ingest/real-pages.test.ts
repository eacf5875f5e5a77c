// Real scraped pages the rules were not written for (sources in test/fixtures/scrapes/SOURCES.md).
// What is asserted is what the analyst sees: the article's sentences all there, chrome gone,
// the date the page shows.
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, importFixture, ingestText } from './helpers';

describe('a law inside a <form> (VSB/博达 CMS)', () => {
  const doc = importFixture('scrapes', 'vsb-form-law.html');
  const blocks = blockTexts(doc);

  it('keeps the whole law: the form is a container, not chrome', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('中华人民共和国监察法');
    expect(blocks[0]).toMatch(/^《中华人民共和国监察法》是为了推进全面依法治国/);
    expect(blocks).toContain('第一章 总 则');
    expect(blocks.at(-1)).toBe('第六十九条 本法自公布之日起施行。《中华人民共和国行政监察法》同时废止。');
    expect(blocks.filter((b) => /^第.+条 /.test(b))).toHaveLength(9);
    expect(doc.published).toMatchObject({ from: '2018-05-17' });
  });

  it('keeps a law item that mentions 未经…授权 and one that says 依法追究…责任', () => {
    expect(blocks).toContain('（一）未经批准、授权处置问题线索，发现重大案情隐瞒不报，或者私自留存、处理涉案材料的；');
    expect(blocks).toContain('第六十六条 违反本法规定，构成犯罪的，依法追究刑事责任。');
    expect(doc.text).not.toContain('版权所有');
  });

  it('reads a bold chapter line as a heading', () => {
    const i = blocks.indexOf('第九章 附 则');
    expect(doc.blocks[i]).toMatchObject({ type: 'heading' });
  });
});

describe('an ASP.NET page: everything inside <form id="aspnetForm">', () => {
  const doc = importFixture('scrapes', 'aspnet-form.html');
  const blocks = blockTexts(doc);

  it('is imported with its notice, signature and date, without the controls', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('关于开展2024年度安全生产大检查的通知');
    expect(blocks[0]).toBe('各区县应急管理局，市有关单位：');
    expect(blocks.slice(-2)).toEqual(['某市应急管理局', '2024年3月5日']);
    for (const control of ['留言内容', '政府网站链接', '提交', '搜索', 'VIEWSTATE'])
      expect(doc.text).not.toContain(control);
  });
});

describe('text skipped by markup is listed, never lost silently', () => {
  const page = (inner: string) =>
    `<html><head><title>关于做好春耕备耕工作的通知</title></head><body><h1>关于做好春耕备耕工作的通知</h1>${inner}</body></html>`;
  const body = '<p>各地要抓紧抓实春耕备耕各项工作，确保农资供应充足、价格稳定，为全年粮食丰收打好基础。</p>';

  it('lists prose from a region marked as chrome among the dropped lines', () => {
    const outcome = ingestText(
      'a.html',
      page(
        `${body}<div class="sidebar"><p>农业农村部门要加强技术指导，组织专家深入田间地头，帮助农民解决生产中的实际问题。</p></div>`,
      ),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.doc.text).not.toContain('农业农村部门要加强技术指导');
    expect(outcome.doc.dropped).toContain(
      '农业农村部门要加强技术指导，组织专家深入田间地头，帮助农民解决生产中的实际问题。',
    );
  });

  it('does not list a menu or a script', () => {
    const outcome = ingestText(
      'a.html',
      page(`${body}<nav><a>首页</a><a>政务公开</a></nav><script>var a = "x，y，z";</script>`),
    );
    expect(outcome.ok && outcome.doc.dropped.some((d) => /首页|var a/.test(d))).toBe(false);
  });
});

describe('a gov.cn article whose lead extends the headline (王勇…时强调)', () => {
  const doc = importFixture('scrapes', 'govcn-article-lead.html');
  const blocks = blockTexts(doc);

  it('keeps the lead and its two sub-lines: they are not the title', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('王勇在河北检查指导防汛减灾工作');
    expect(blocks.slice(0, 3)).toEqual([
      '王勇在河北检查指导防汛减灾工作时强调',
      '进一步抓细抓实防汛责任措施',
      '切实提高暴雨洪水防御应急能力',
    ]);
    expect(blocks[3]).toMatch(/^新华社石家庄7月31日电/);
  });
});

describe('a 国务院公报 resolution: headline over three <br> lines, then the adoption note', () => {
  const doc = importFixture('scrapes', 'govcn-gongbao-resolution.html');
  const blocks = blockTexts(doc);

  it('drops the broken headline (it spells the title) and keeps the note as its own line', () => {
    expectWellFormed(doc);
    expect(doc.text).not.toContain('关于批准财政部发行特别国债购买外汇及\n');
    expect(blocks).toContain('（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）');
    const lead = blocks.find((b) => b.startsWith('第十届全国人民代表大会常务委员会第二十八次会议，听取了'));
    expect(lead).toMatch(/53365\.53亿元。$/);
  });

  it('keeps a short adoption note: it is document text, not a page date line', () => {
    const outcome = ingestText(
      'r.html',
      '<html><body><h1>关于修改《中华人民共和国统计法》的决定</h1><p>（2009年6月27日通过）</p><p>第十一届全国人民代表大会常务委员会第九次会议决定对《中华人民共和国统计法》作如下修改。</p></body></html>',
    );
    expect(outcome.ok && blockTexts(outcome.doc)[0]).toBe('（2009年6月27日通过）');
  });
});

describe('a gov.cn policy document (国办发〔2018〕123号)', () => {
  const doc = importFixture('scrapes', 'govcn-policy-signature.html');
  const blocks = blockTexts(doc);

  it('takes the title from the particulars table when the headline is broken over two lines', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('国务院办公厅关于推进政务新媒体健康有序发展的意见');
    expect(blocks[0]).toBe('国办发〔2018〕123号');
    expect(doc.text).not.toMatch(/索 ?引 ?号|000014349/);
  });

  it('keeps the signature and its date above （此件公开发布）', () => {
    const i = blocks.indexOf('国务院办公厅');
    expect(i).toBeGreaterThan(0);
    expect(blocks.slice(i, i + 3)).toEqual(['国务院办公厅', '2018年12月7日', '（此件公开发布）']);
  });

  it('is published on its 发布日期, not its 成文日期', () => {
    expect(doc.published).toMatchObject({ from: '2018-12-27', status: 'detected' });
  });

  it('reads a bold section line as a heading and joins nothing across paragraphs', () => {
    expect(doc.blocks[blocks.indexOf('一、总体要求')]).toMatchObject({ type: 'heading' });
    expect(blocks).toContain('（一）指导思想。');
  });
});

describe('a county statistics bulletin (信息公开 particulars, PubDate = page generation time)', () => {
  const doc = importFixture('scrapes', 'wanzai-labelled-date.html');
  const blocks = blockTexts(doc);

  it('is dated by its visible 生成日期, not by the generation-time PubDate', () => {
    expectWellFormed(doc);
    expect(doc.published).toMatchObject({ from: '2023-05-11', status: 'detected' });
  });

  it('drops the particulars list and the 关联稿件 box above the text', () => {
    expect(blocks[0]).toMatch(/^万载县统计局\s+国家统计局万载调查队$/);
    expect(doc.text).not.toMatch(/014742224A|关联稿件|图文解读/);
    expect(blocks).toContain('一、综合');
  });
});

describe('新华网: headline, date and source inside <div class="header">', () => {
  const doc = importFixture('scrapes', 'xinhua-header-region.html');

  it('reads the date from the header region that holds the headline', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('法国全国大罢工再次严重影响交通');
    expect(doc.published).toMatchObject({ from: '2019-12-10', status: 'detected' });
    expect(doc.source.site).toBe('新华网');
    expect(blockTexts(doc)).toContain(
      '法国总统马克龙此前提出对全国退休制度进行改革，目标是逐步将目前法国各行业的42种退休制度合并成一个统一方案。总理菲利普将于11日宣布退休制度改革的总体架构。',
    );
  });
});

describe('leftover chrome, by shape', () => {
  it('drops tool bars, scan-to-open and correction buttons, and takes the editor (gov.cn)', () => {
    const doc = importFixture('scrapes', 'govcn-article-lead.html');
    for (const gone of ['扫一扫', '字体', '打印', '纠错', '责任编辑', '回到顶部']) expect(doc.text).not.toContain(gone);
    expect(doc.source.editor).toBe('宋岩');
    // The 责任编辑 filled into the author tag is not a writer.
    expect(doc.source.authors).toEqual([]);
  });

  it('drops a size bar written as 字号：默认 大 超大 | 打印 | (国务院公报)', () => {
    const doc = importFixture('scrapes', 'govcn-gongbao-resolution.html');
    expect(blockTexts(doc)).toHaveLength(2);
    expect(doc.text).not.toMatch(/字号|打印|扫一扫|https:/);
  });

  it('drops share widgets, counters and the 【纠错】 line (新华网)', () => {
    const doc = importFixture('scrapes', 'xinhua-header-region.html');
    const blocks = blockTexts(doc);
    expect(blocks).toHaveLength(5);
    expect(blocks[0]).toMatch(/^新华社巴黎12月9日电/);
    for (const gone of ['Qzone', '图集', '+1', '纠错', '加载更多']) expect(doc.text).not.toContain(gone);
    expect(doc.source.editor).toBe('尹世杰');
  });

  it('ends the article at 阅读下一篇 and drops a counter, T + - and 分享到 (网易)', () => {
    const doc = importFixture('scrapes', 'netease-next-article.html');
    const blocks = blockTexts(doc);
    expect(blocks.at(-1)).toMatch(/^《通知》强调，各地区要根据当前疫情防控形势和要求/);
    for (const gone of ['357', 'T + -', '分享到', '武汉累计确诊', '本文来源', '返回网易首页']) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.dropped).toContain('阅读下一篇');
  });

  it('drops WeChat credits, reply menus, 在看 and the platform disclaimer (澎湃号·政务)', () => {
    const doc = importFixture('scrapes', 'thepaper-wechat-tail.html');
    const blocks = blockTexts(doc);
    expect(blocks.at(-1)).toBe('开始搓搓手了！！！');
    expect(blocks).toContain('广州这个超牛的邮轮母港开港时间定了！');
    for (const gone of ['编辑|', '回复【', '在看', '菜单栏', '不代表', '特别声明'])
      expect(doc.text).not.toContain(gone);
    expect(doc.source.editor).toBe('禤志杰');
  });

  it('drops 【打印本页】【关闭窗口】 and takes the source from 来源于： (中山网)', () => {
    const doc = importFixture('scrapes', 'zsnews-source-label.html');
    expect(doc.text).not.toMatch(/打印|关闭|来源于|发布日期|责任编辑/);
    expect(blockTexts(doc)[0]).toMatch(/^2019年2月27日下午，佛山顺德区大良街道党工委委员/);
    expect(doc.source.site).toBe('东区办事处');
    expect(doc.source.editor).toBe('龙慧');
    expect(doc.published).toMatchObject({ from: '2019-03-06' });
  });

  it('drops teaser lines cut off by 【详细】 and a 【1】【2】【3】 pager', () => {
    const teaser =
      '致敬改革开放四十年，文化大家讲述亲历一个时代有一个时代的文艺，一个时代有一个时代的精神。《见证人丨致敬改革开放40年·文化大家讲述亲历》邀请改革开放40年以来当代中国最具代表性的文化艺术大家，分享其求艺之路的艺术探索与思想感悟。【详细】';
    const text = [
      '女儿出嫁，郑板桥画了几笔兰花当嫁妆',
      '郑板桥一生清贫，女儿出嫁时，他画了一幅兰花图送给女儿当嫁妆，并题诗勉励她勤俭持家、与人为善。',
      '【1】【2】【3】【4】',
      teaser,
    ].join('\n\n');
    const outcome = ingestText('p.txt', text);
    expect(outcome.ok && outcome.doc.text).toBe(
      '郑板桥一生清贫，女儿出嫁时，他画了一幅兰花图送给女儿当嫁妆，并题诗勉励她勤俭持家、与人为善。',
    );
  });

  it('keeps a bare number inside the text (a Word table flattened into lines) while dropping one above it', () => {
    const text = ['主要工业产品产量', '产品名称', '饮料酒', '千升', '15767', '18.64', '塑料制品', '吨', '183946'].join(
      '\n',
    );
    const outcome = ingestText(
      'a.html',
      `<html><body><h1>万载县2015年国民经济和社会发展统计公报</h1><p>357</p><p>2015年，全县人民在县委、县政府的正确领导下，全面贯彻党的十八大精神，经济社会保持平稳较快发展。</p>${text
        .split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('')}</body></html>`,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(blockTexts(outcome.doc)).toContain('15767');
    expect(blockTexts(outcome.doc)).toContain('183946');
    expect(blockTexts(outcome.doc)).not.toContain('357');
  });
});

describe('source, writers, dates from page shapes', () => {
  it('a WeChat page: date from var ct (Beijing time), account from var nickname', () => {
    const doc = importFixture('scrapes', 'wechat-script-vars.html');
    expectWellFormed(doc);
    expect(doc.published).toMatchObject({ from: '2020-02-12', status: 'detected' });
    expect(doc.source.site).toBe('爱否科技');
    expect(doc.text).not.toMatch(/昨天|微信扫一扫|关注该公众号/);
    expect(blockTexts(doc)[0]).toMatch(/^今天凌晨，三星在美国旧金山举行发布会/);
  });

  it('a source value ends at the next label or button', () => {
    const page = (line: string) =>
      `<html><body><h1>万载县2015年国民经济和社会发展统计公报</h1><div>${line}</div><p>2015年，全县人民在县委、县政府的正确领导下，全面贯彻党的十八大精神，经济社会保持平稳较快发展。</p></body></html>`;
    const site = (line: string) => {
      const o = ingestText('a.html', page(line));
      return o.ok ? o.doc.source.site : 'refused';
    };
    // Verbatim lines of 02 (万载县), 11 (网易) and 16 (中新网).
    expect(site('来源：访问量：199 发布日期：2017-05-15 10:49:00') ?? '').not.toMatch(/访问量/);
    expect(site('2020-02-29 18:34:31　来源: 新华社 举报')).toBe('新华社');
    expect(site('2020-02-29 18:34:31　来源: 新华社举报')).toBe('新华社');
    expect(site('来源：求是网参与互动')).toBe('求是网');
  });

  it('the site named in the author tag is not a writer; the editor keeps no CMS account suffix', () => {
    const doc = importFixture('scrapes', 'netease-next-article.html');
    expect(doc.source.authors).toEqual([]);
    expect(doc.source.editor).toBe('李曦');
    expect(doc.source.site).toBe('新华社');
  });

  it('a byline with the affiliation run into the name: (作者：方敏北京大学经济学院教授)', () => {
    // Verbatim closing line of 16 (中新网 理论, from 求是网).
    const outcome = ingestText(
      'a.html',
      '<html><body><h1>坚定实施扩大内需战略</h1><p>中国正处于近代以来最好的发展时期，世界正面临着百年未有之大变局，两者同步交织、相互激荡。</p><p>　　(作者：方敏北京大学经济学院教授)</p></body></html>',
    );
    expect(outcome.ok && outcome.doc.source.authors).toEqual(['方敏']);
  });

  it('Markdown: the front-matter title wins, 作者｜ names the writers, a bold line is a heading', () => {
    const doc = importFixture('scrapes', 'wechat-repost-frontmatter.md');
    expectWellFormed(doc);
    expect(doc.title).toBe('二十周年校庆刚过，北京最大打工子弟学校或将被拆');
    expect(doc.source.authors).toEqual(['捞面', '小田']);
    const blocks = blockTexts(doc);
    // The credit line only resembles the title: it stays, and names the original publisher.
    expect(blocks.slice(0, 2)).toEqual([
      '原文来自「墙洞|NGOCN」：二十周年校庆刚过，北京最大打工子弟学校或将被拆',
      '作者｜捞面、小田',
    ]);
    expect(doc.originalSource).toBe('墙洞|NGOCN');
    expect(doc.blocks[blocks.indexOf('关注流动儿童，还可以看')]).toMatchObject({ type: 'heading' });
    // A bold full sentence is emphasis, not a heading, and is not glued to its neighbours.
    const bold = blocks.find((b) => b.startsWith('金都园林与学校的土地租赁合同原本在2025年约满'));
    expect(bold).toBe(
      '金都园林与学校的土地租赁合同原本在2025年约满，但该公司近日以学校违约为由，要求提早解约，收回地块。',
    );
  });
});

describe('re-joining is for plain text only', () => {
  it('does not glue HTML paragraphs that stop without a full stop', () => {
    const outcome = ingestText(
      'a.html',
      '<html><body><h1>关于推进政务新媒体健康有序发展的意见</h1><p>各地区、各部门要遵循政务新媒体发展规律，明确政务新媒体定位，充分发挥政务新媒体传播速度快、受众面广等优势，以内容建设为根本</p><p>图为政务新媒体工作培训现场</p><p>来源：中国政府网</p></body></html>',
    );
    expect(outcome.ok && blockTexts(outcome.doc).length).toBe(2);
  });

  it('still joins a mid-word fragment in HTML', () => {
    const outcome = ingestText(
      'a.html',
      '<html><body><h1>对口支援工作会议召开</h1><p>会议要求，各有关单位要切实履行对口支援任</p><p>务。做好资金、项目和人才保障，确保各项措施落到实处。</p></body></html>',
    );
    expect(outcome.ok && blockTexts(outcome.doc)).toEqual([
      '会议要求，各有关单位要切实履行对口支援任务。做好资金、项目和人才保障，确保各项措施落到实处。',
    ]);
  });

  it('never joins a label：value line in plain text', () => {
    const outcome = ingestText(
      'a.txt',
      '各地区要把政务新媒体工作纳入重要议事日程，明确分管负责人，统筹推动政务新媒体与政府网站整体协同发展和\n\n来源：中国政府网\n',
    );
    expect(outcome.ok && blockTexts(outcome.doc).length).toBe(1);
    expect(outcome.ok && outcome.doc.text).not.toContain('来源');
  });
});

describe('a Word-pasted data table (万载县 2015 bulletin)', () => {
  it('stays a table when each cell wraps its words in <p>', () => {
    const cell = (t: string) => `<td><p class="MsoNormal"><span>${t}</span></p></td>`;
    const row = (...cells: string[]) => `<tr>${cells.map(cell).join('')}</tr>`;
    const outcome = ingestText(
      'a.html',
      `<html><body><h1>万载县2015年国民经济和社会发展统计公报</h1><p>工业园区平稳发展。全年实现工业销售产值2298234万元，同比增长12.1%，工业园区发展势头良好。</p><table>${row('产品名称', '计量单位', '产量')}${row('饮料酒', '千升', '15767')}${row('塑料制品', '吨', '183946')}</table></body></html>`,
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const cells = outcome.doc.blocks.filter((b) => b.type === 'table-cell');
    expect(cells).toHaveLength(9);
    expect(blockTexts(outcome.doc)).toContain('183946');
  });
});
