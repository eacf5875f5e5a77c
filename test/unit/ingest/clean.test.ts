// Cleaning rules on their own: boilerplate by shape and position, with a keep-safe bias —
// a long line in the middle of an article is never dropped.
import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../../shared/ingest/boilerplate';
import { blockTexts, ingestText } from './helpers';

const PROSE = '这是文章正文的一段话，内容充实，讲述了政策的背景、目标和具体措施，足以被识别为正文。';
const PROSE2 = '第二段正文同样充实，介绍了各部门的分工、时间安排和保障措施，也会被识别为正文。';
const PROSE3 = '第三段正文总结了全文，提出了下一步的工作要求，并明确了督促检查的办法。';
const TITLE = '某市召开城市更新工作会议';
const doc = (text: string) => {
  const r = ingestText('page.txt', text);
  if (!r.ok) throw new Error(r.refusal.message);
  return r.doc;
};

describe('classifyLine', () => {
  it.each([
    ['当前位置:首页>>新闻>>正文', 'nav'],
    ['豫都网 > 新闻频道 > 社会万象 >', 'nav'],
    ['首页 > 政务公开', 'nav'],
    ['新浪首页 新闻 体育 财经 娱乐 科技', 'nav'],
    ['注册', 'account'],
    ['登录 | 注册', 'account'],
    ['还没有账号?点击注册', 'account'],
    ['评论', 'social'],
    ['0/500', 'social'],
    ['共有0条评论', 'social'],
    ['分享到：微信 微博', 'social'],
    ['扫描二维码下载读要有读APP', 'social'],
    ['【打印】【关闭】', 'social'],
    ['字号：大 中 小', 'social'],
    ['浏览(127)', 'counter'],
    ['附件:2019年京津冀协同发展北京再谱新篇章.jpg', 'attachment'],
    ['京ICP备17013113号 京公网安备 11010202007393号', 'legal'],
    ['技术支持:北京中科极安信息技术有限公司', 'legal'],
    ['Copyright © 读要网All Rights Reservered', 'legal'],
    ['版权所有: 豫都网 Copyright(c) 2010-2015', 'legal'],
    ['《标题》河南新闻-豫都网提供,转载请注明出处:http://x.cn/1.html,谢谢合作!', 'legal'],
    ['1、未经豫都网(以下简称本网)许可,任何人不得非法使用本网自有版权作品。', 'legal'],
    ['若无意侵犯了贵司版权,请来信通知,我们会及时处理和回复,谢谢!邮箱:admin@x.com', 'legal'],
    ['未经豫都网书面特别授权,请勿转载或建立镜像 违者依法追究相关法律责任', 'legal'],
    ['主办：北京市人民政府办公厅 承办：北京市政务服务管理局', 'legal'],
    ['[责任编辑:admin]', 'editor'],
    ['（责任编辑：李涵）', 'editor'],
    ['下一篇:没有了 上一篇:冷空气来袭', 'pager'],
    ['返回豫都网首页', 'pager'],
    ['更多>>', 'pager'],
    ['星期三', 'masthead'],
    ['农历壬寅年二月十四 今日四版', 'masthead'],
    ['北京城市副中心报', 'paper'],
    ['28.01.2016  07:24', 'dateline'],
    ['来源:北京市发展和改革委员会 浏览(127) 2019-06-06', 'dateline'],
    ['2022年3月16日 星期三', 'dateline'],
    ['×', 'symbol'],
    ['相关新闻', 'related'],
    ['原标题：全力推动京津冀协同发展向广度深度拓展', 'retitle'],
    ['<img src="x.png" /> <!-- more -->', 'markup'],
  ])('%s → %s', (line, kind) => {
    expect(classifyLine(line)).toBe(kind);
  });

  it.each([
    '据悉，市民可以扫描二维码报名参加活动。',
    '会议强调，要依法保护知识产权，严厉打击侵犯版权的行为，维护市场秩序，营造良好的营商环境。',
    '一、主要考虑',
    '代表声音',
    '蔡奇主持 陈吉宁张延昆出席',
    '推进“京津冀协同发展” 北京市设九工作组',
    '会议听取了本市2021年支援合作工作完成情况和2022年工作要点。',
    '附件：1.北京市优化营商环境重点任务分工表',
  ])('leaves article text alone: %s', (line) => {
    expect(classifyLine(line)).toBeNull();
  });
});

describe('cleanBlocks through ingest', () => {
  it('never drops a long line in the middle of an article, whatever it mentions', () => {
    const middle =
      '本市将严厉打击侵权盗版行为，未经许可不得转载、复制他人作品，版权所有者可以依法维权，举报电话：12345，违者依法追究法律责任，相关部门将加强执法检查。'.repeat(
        2,
      );
    const d = doc(`${TITLE}\n\n${PROSE}\n\n${middle}\n\n${PROSE2}`);
    expect(blockTexts(d)).toEqual([PROSE, middle, PROSE2]);
  });

  it('keeps a dated signature at the end of a notice', () => {
    const d = doc(`关于做好某项工作的通知\n\n${PROSE}\n\n北京市人民政府办公厅\n\n2019年6月6日`);
    expect(blockTexts(d).slice(-2)).toEqual(['北京市人民政府办公厅', '2019年6月6日']);
  });

  it('drops the footer from its first marker on, but not short lines of the article before it', () => {
    const d = doc(
      `${TITLE}\n\n${PROSE}\n\n（完）\n\n责任编辑：张三\n\n关于我们 | 联系我们 | 网站地图\n\n某某网 版权所有`,
    );
    expect(blockTexts(d)).toEqual([PROSE, '（完）']);
    expect(d.source.editor).toBe('张三');
    expect(d.source.host).toBeNull();
    expect(d.source.site).toBe('某某网');
  });

  it('drops a related-news list introduced by a header, even of long teasers', () => {
    const d = doc(`${TITLE}\n\n${PROSE}\n\n推荐阅读\n\n另一条新闻的标题\n\n又一条新闻的标题在这里`);
    expect(blockTexts(d)).toEqual([PROSE]);
  });

  it('drops trailing headlines with teasers from another year, stamped with a site name', () => {
    const d = doc(
      `${TITLE}\n\n2019-05-10\n\n${PROSE}\n\n${PROSE2}\n\n${PROSE3}\n` +
        '甲地发布新规 涉及多个领域\n  新华社北京3月1日电 2021年某部门发布新规，涉及某某网\n' +
        '乙地举办活动 吸引众多市民\n  新华社上海3月2日电 2021年乙地举办活动某某网\n',
    );
    expect(blockTexts(d)).toEqual([PROSE, PROSE2, PROSE3]);
    expect(d.dropped).toContain('甲地发布新规 涉及多个领域');
  });

  it('keeps closing headings and short paragraphs that are the article’s own', () => {
    const d = doc(`${TITLE}\n\n2019-05-10\n\n${PROSE}\n\n结语\n\n${PROSE2}\n\n文/本报记者 张三`);
    expect(blockTexts(d)).toEqual([PROSE, '结语', PROSE2, '文/本报记者 张三']);
    expect(d.source.authors).toEqual(['张三']);
  });

  it('drops a teaser that repeats the opening, and an exact repeat of a paragraph', () => {
    const d = doc(`${TITLE}\n\n摘要：${PROSE.slice(0, 30)}...\n\n${PROSE}\n\n${PROSE}\n\n${PROSE2}`);
    expect(blockTexts(d)).toEqual([PROSE, PROSE2]);
  });

  it('drops the headline when it is repeated in the body', () => {
    const d = doc(`重要会议在京召开\n\n重要会议在京召开\n\n${PROSE}`);
    expect(d.title).toBe('重要会议在京召开');
    expect(blockTexts(d)).toEqual([PROSE]);
  });
});
