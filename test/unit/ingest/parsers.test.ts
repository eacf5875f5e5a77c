// The format parsers: structure in, plain text out.
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, decodeEntities, parseHtml } from '../../../shared/ingest/html';
import { parseMarkdown, splitFrontMatter } from '../../../shared/ingest/markdown';
import { parseText } from '../../../shared/ingest/text';

const texts = (blocks: { text: string }[]) => blocks.map((b) => b.text);

describe('parseText', () => {
  it('makes a block of every non-empty line, trimmed, counting the blank lines before it', () => {
    const page = parseText('  标题行\n\n\n　　第一段正文，有标点。\n第二段\t正文   有空格。\n');
    expect(page.blocks).toEqual([
      { type: 'heading', level: 2, text: '标题行', gap: 0 },
      { type: 'paragraph', text: '第一段正文，有标点。', gap: 2 },
      { type: 'paragraph', text: '第二段 正文 有空格。', gap: 0 },
    ]);
  });

  it('takes short unpunctuated lines for headings and numbered lines for list items', () => {
    const kinds = parseText(
      '一、主要考虑\n（一）指导思想\n1、与属地一起合作,全面提高城市管理标准,构建与之相适应的精细化、系统化的标准体系\n这绝不是空话。',
    ).blocks;
    expect(kinds.map((b) => [b.type, b.level])).toEqual([
      ['heading', 2],
      ['heading', 3],
      ['list-item', undefined],
      ['paragraph', undefined],
    ]);
  });
});

describe('parseHtml', () => {
  it('decodes entities and never outputs markup', () => {
    const page = parseHtml('<p>A &amp; B &lt;b&gt; &#20013;&#x6587; &nbsp;&copy;</p>');
    expect(texts(page.blocks)).toEqual(['A & B <b> 中文 ©']);
    expect(decodeEntities('&lt;p&gt; &amp;amp; <b>')).toBe('<p> &amp; <b>');
  });

  it('removes line breaks between Chinese characters but keeps spaces between words', () => {
    expect(collapseWhitespace('市场主体获得感\n        明显增强， and\n  more')).toBe(
      '市场主体获得感明显增强， and more',
    );
  });

  it('splits paragraphs at <br>, keeps headings, nested lists and table cells', () => {
    const page = parseHtml(
      '<div>第一段<br><br>第二段</div><h3>小标题</h3><ul><li>甲<ol><li>子项</li></ol></li><li>乙</li></ul>' +
        '<table><tr><th>区</th><th colspan="2">任务</th><th>备注</th></tr><tr><td>东城</td><td>1</td><td>2</td><td>无</td></tr></table>' +
        '<blockquote><p>引文</p></blockquote><pre>代码\n  缩进</pre>',
    );
    expect(page.blocks).toEqual([
      { type: 'paragraph', text: '第一段' },
      { type: 'paragraph', text: '第二段' },
      { type: 'heading', level: 3, text: '小标题' },
      { type: 'list-item', ordered: false, text: '甲' },
      { type: 'list-item', ordered: true, text: '子项' },
      { type: 'list-item', ordered: false, text: '乙' },
      { type: 'table-cell', table: 0, row: 0, col: 0, text: '区' },
      { type: 'table-cell', table: 0, row: 0, col: 1, text: '任务' },
      { type: 'table-cell', table: 0, row: 0, col: 3, text: '备注' },
      { type: 'table-cell', table: 0, row: 1, col: 0, text: '东城' },
      { type: 'table-cell', table: 0, row: 1, col: 1, text: '1' },
      { type: 'table-cell', table: 0, row: 1, col: 2, text: '2' },
      { type: 'table-cell', table: 0, row: 1, col: 3, text: '无' },
      { type: 'quote', text: '引文' },
      { type: 'preformatted', text: '代码\n  缩进' },
    ]);
  });

  it('reads a layout table as paragraphs, not as cells', () => {
    const page = parseHtml('<table><tr><td><p>正文第一段。</p><p>正文第二段。</p></td></tr></table>');
    expect(page.blocks).toEqual([
      { type: 'paragraph', text: '正文第一段。' },
      { type: 'paragraph', text: '正文第二段。' },
    ]);
  });

  it('skips chrome by tag, role, class and id, but not a wrapper holding the page', () => {
    const page = parseHtml(
      '<body class="has-sidebar"><div id="breadcrumb">首页 &gt; 新闻</div><div role="navigation">菜单</div>' +
        '<div class="share-bar">分享</div><div class="content sidebar-layout"><article><header><h1>标题</h1></header>' +
        '<p>正文内容比较长，占据了页面的大部分文字，因此不会被当作侧栏跳过。</p><footer>文章页脚</footer></article></div></body>',
    );
    expect(texts(page.blocks)).toEqual([
      '标题',
      '正文内容比较长，占据了页面的大部分文字，因此不会被当作侧栏跳过。',
      '文章页脚',
    ]);
  });

  it('collects metadata candidates from the head and JSON-LD', () => {
    const { meta } = parseHtml(
      '<head><title>标题_某某网</title><meta property="og:site_name" content="某某网"><meta name="author" content="张三">' +
        '<meta name="description" content="摘要"><link rel="canonical" href="https://x.cn/a.html">' +
        '<script type="application/ld+json">{"@graph":[{"headline":"LD标题","author":[{"name":"李四"}],"publisher":{"name":"某某社"}}]}</script></head>',
    );
    expect(meta).toEqual({
      titles: ['LD标题', '标题_某某网'].reverse(),
      dates: [],
      authors: ['张三', '李四'],
      sources: [],
      sites: ['某某网', '某某社'],
      url: 'https://x.cn/a.html',
      description: '摘要',
    });
  });

  it('records how much of a block is link text', () => {
    const [block] = parseHtml('<p><a href="/a">首页</a> <a href="/b">新闻</a></p>').blocks;
    expect(block!.linkRatio).toBeGreaterThan(0.7);
  });

  it('survives deeply nested markup', () => {
    const html = '<div>'.repeat(20000) + '深处的正文。' + '</div>'.repeat(20000);
    expect(texts(parseHtml(html).blocks)).toEqual(['深处的正文。']);
  });
});

describe('parseMarkdown', () => {
  it('flattens inline markup and drops images and inline HTML', () => {
    const page = parseMarkdown(
      '# 标题 *强调*\n\n正文 **加粗** [链接](http://x) `代码` ![图](a.png) <span>包裹</span> &amp; \\*转义\\*',
    );
    expect(texts(page.blocks)).toEqual(['标题 强调', '正文 加粗 链接 代码 包裹 & *转义*']);
    expect(page.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
  });

  it('reads HTML blocks as content, scripts and comments dropped', () => {
    const page = parseMarkdown(
      '<!-- more -->\n\n<div><p>块内正文</p><script>alert(1)</script></div>\n\n<img src="x.png">\n',
    );
    expect(texts(page.blocks)).toEqual(['块内正文']);
  });

  it('splits scraped one-paragraph-per-line text, but joins hard-wrapped lines', () => {
    const scraped = parseMarkdown('第一段很长的正文，结束了。\n第二段同样是一个完整的段落。\n【纠错】\n责任编辑：张三');
    expect(texts(scraped.blocks)).toEqual([
      '第一段很长的正文，结束了。',
      '第二段同样是一个完整的段落。',
      '【纠错】',
      '责任编辑：张三',
    ]);
    const wrapped = parseMarkdown(
      'This paragraph was wrapped at a fixed width by\nthe editor and continues on this line.',
    );
    expect(texts(wrapped.blocks)).toEqual([
      'This paragraph was wrapped at a fixed width by the editor and continues on this line.',
    ]);
  });

  it('reads front matter, and reads broken front matter line by line', () => {
    expect(splitFrontMatter('---\ntitle: "标题"\nauthor: 张三\n---\n正文')).toEqual({
      data: { title: '标题', author: '张三' },
      body: '正文',
    });
    expect(splitFrontMatter('---\ntitle: [unclosed\ndate: 2019-02-22- 07:31\n---\n正文').data).toMatchObject({
      title: '[unclosed',
      date: '2019-02-22- 07:31',
    });
    expect(splitFrontMatter('--- not front matter\n正文').body).toBe('--- not front matter\n正文');
    const page = parseMarkdown('---\ntitle: 标题\nsource: 某某报\nurl: http://x.cn\n---\n正文');
    expect(page.meta).toMatchObject({ titles: ['标题'], sources: ['某某报'], url: 'http://x.cn' });
  });
});
