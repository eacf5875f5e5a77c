// Titles, writers and sources on their own.
import { describe, expect, it } from 'vitest';
import { cleanTitle, similarTitles } from '../../../shared/ingest/title';
import { findAuthors, isPersonName, namesIn } from '../../../shared/ingest/authors';
import { proposeArticles } from '../../../shared/ingest/articles';
import { parseText } from '../../../shared/ingest/text';
import { ingestText } from './helpers';

describe('cleanTitle', () => {
  it.each([
    ['评论：全力推动京津冀协同发展向广度深度拓展_河北频道', '全力推动京津冀协同发展向广度深度拓展', '河北频道', null],
    ['雄安新区建设提速 - 新浪网', '雄安新区建设提速', null, '新浪网'],
    ['关于印发某某方案的通知|北京市人民政府', '关于印发某某方案的通知', null, '北京市人民政府'],
    ['国务院常务会议召开-中国政府网', '国务院常务会议召开', null, '中国政府网'],
    ['【独家】某某事件最新进展', '某某事件最新进展', null, null],
    ['王毅：中方坚决反对', '王毅：中方坚决反对', null, null],
    ['京津冀协同发展——五年回顾', '京津冀协同发展——五年回顾', null, null],
  ])('%s', (raw, title, channel, site) => {
    expect(cleanTitle(raw)).toEqual({ title, channel, site });
  });

  it('compares headlines up to layout and small edits', () => {
    expect(similarTitles('本市发布《工作要点》', '本市发布 《工作要点》')).toBe(true);
    expect(similarTitles('北京23个市级部门对接通州 冲刺城市副中心建设', '北京23个市级部门对接通州冲刺副中心建设')).toBe(
      true,
    );
    expect(similarTitles('推进京津冀协同发展 北京市设九工作组', '北京市设九工作组')).toBe(false);
    expect(similarTitles('代表声音', '北京优质医疗资源输出')).toBe(false);
  });
});

describe('authors', () => {
  it.each([
    ['本报讯(记者 林艳)北京青年报记者从有关部门获悉', ['林艳']],
    ['本报讯(记者 刘菲菲 武红利)昨天上午', ['刘菲菲', '武红利']],
    ['本报讯(记者 张群琛 通讯员 陈振)中交三公局', ['张群琛', '陈振']],
    ['本组文/本报记者 林艳', ['林艳']],
    ['带动京津冀养老产业的共同发展。文/本报记者 李泽伟', ['李泽伟']],
    ['新华社北京7月3日电(记者王希)国务院国资委', ['王希']],
    ['人民网石家庄5月22日电（记者 张文博）记者从', ['张文博']],
    ['作者：欧阳娜娜、阿依古丽·买买提', ['欧阳娜娜', '阿依古丽·买买提']],
    ['记者 张三 李四', ['张三', '李四']],
    ['By Jane Doe and others', ['Jane Doe']],
    ['北青报记者了解到,这9个专项工作小组', []],
    ['记者注意到,按照《工作意见》', []],
    ['记者从宝坻区发改委获悉', []],
  ])('%s → %j', (line, names) => {
    expect(findAuthors([line])).toEqual(names);
  });

  it('splits names on spaces, 、 and roles', () => {
    expect(namesIn('记者 甲乙 丙丁、戊己 通讯员 庚辛 报道')).toEqual(['甲乙', '丙丁', '戊己', '庚辛']);
  });

  it('does not take scraper or CMS accounts for writers', () => {
    expect(isPersonName('wetech', true)).toBe(false);
    expect(isPersonName('admin', false)).toBe(false);
    expect(isPersonName('林艳', true)).toBe(true);
    expect(isPersonName('Jane Doe', false)).toBe(true);
  });
});

describe('sources', () => {
  const source = (text: string) => {
    const r = ingestText('page.txt', text);
    if (!r.ok) throw new Error(r.refusal.message);
    return { ...r.doc.source, original: r.doc.originalSource };
  };
  const BODY = '这是正文的一段话，内容充实，讲述了政策的背景、目标和具体措施，足以被识别为正文。';

  it('prefers an explicit 来源 line, and names the hosting site apart', () => {
    expect(
      source(`某某标题新闻\n\n来源：人民日报 作者：张三\n\n${BODY}\n\nCopyright © 某某网 All Rights Reserved`),
    ).toMatchObject({
      site: '人民日报',
      host: '某某网',
      authors: ['张三'],
    });
  });

  it('reads the newspaper from its reporters', () => {
    expect(source(`某某标题新闻\n\n本报讯 人民日报记者从有关部门获悉，${BODY}`).site).toBe('人民日报');
  });

  it('names a web site from the addresses on the page', () => {
    expect(source(`某某标题新闻\n\n${BODY}\n\n图片来自 http://img1.qq.com/a.jpg`).site).toBe('腾讯网');
  });

  it('names the original of a repost', () => {
    expect(source(`某某标题新闻\n\n本文来源：微信公众号“长安街知事”。${BODY}`).original).toBe('长安街知事');
  });
});

describe('proposeArticles', () => {
  it('leaves a single article alone', () => {
    expect(proposeArticles(parseText('标题\n\n本报讯(记者 甲乙)正文。').blocks, true)).toEqual([]);
  });

  it('needs a masthead or two news leads', () => {
    const page = parseText('第一篇标题\n\n本报讯(记者 甲乙)第一篇正文。\n\n\n\n第二篇正文从这里开始。').blocks;
    expect(proposeArticles(page, false)).toEqual([]);
    expect(proposeArticles(page, true).map((a) => a.firstBlock)).toEqual([0, 2]);
  });
});
