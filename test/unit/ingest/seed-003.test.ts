// 003: a 豫都网 repost of 识政君, 2017 — EXPECTED.md: title, an *inferred* 2017-02-07, 豫都网
// as source with the original named, the 23 departments kept, the site's chrome dropped.
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, importSeed } from './helpers';

const doc = importSeed('003_1eb64b73d8c428c6.txt');
const blocks = blockTexts(doc);

describe('seed 003 — 豫都网 repost, 2017', () => {
  it('is well formed', () => expectWellFormed(doc));

  it('takes the title after the breadcrumb', () => {
    expect(doc.title).toBe('北京23个市级部门对接通州 冲刺城市副中心建设');
  });

  it('infers 2017-02-07 from "今天(2月7日)" and the years the text speaks of, marked inferred', () => {
    expect(doc.published).toMatchObject({ from: '2017-02-07', to: '2017-02-07', precision: 'day', status: 'inferred' });
    expect(doc.published?.text).toContain('今天(2月7日)');
    expect(doc.published?.text).toContain('2017年底');
  });

  it('names 豫都网 as source and 识政君 as the original', () => {
    expect(doc.source.site).toBe('豫都网');
    expect(doc.originalSource).toBe('识政君 (ID:PoliticalInside)');
    expect(doc.source.url).toBe('http://news.yuduxx.com/shwx/804215.html');
    // "admin" is the CMS account, not an editor.
    expect(doc.source.editor).toBeNull();
  });

  it('keeps the article from its first line to the 23 departments at the end', () => {
    expect(blocks[0]).toBe('北京城市副中心建设要举“全市之力”。');
    expect(blocks).toContain('什么是工作专班?');
    expect(doc.text).toContain(
      '还设立了工程建设前线指挥部暨市交通委对接工作小组,这也成为如今交通委派驻副中心的工作专班。',
    );
    expect(blocks).toContain('派驻专班的23家市级部门');
    const last = blocks[blocks.length - 1]!;
    expect(last).toMatch(/^市教委、市公安局、市民政局/);
    expect(last).toMatch(/市食药监局、市城管执法局$/);
    expect(last.split('、')).toHaveLength(23);
  });

  it('drops the breadcrumb, the teaser and the whole footer', () => {
    for (const gone of [
      '豫都网 > 新闻频道',
      '[摘要]',
      '北京工...',
      '转载请注明出处',
      '[责任编辑:admin]',
      '下一篇',
      '上一篇',
      '版权与免责声明',
      '以下简称本网',
      '详细声明请点击进入',
      '返回豫都网首页',
      'Copyright',
      '豫ICP备',
      'admin@yuduxx.com',
      '违者依法追究相关法律责任',
    ]) {
      expect(doc.text).not.toContain(gone);
    }
    // The teaser repeated the opening paragraphs: they appear once.
    expect(doc.text.split('这绝不是空话。')).toHaveLength(2);
  });
});
