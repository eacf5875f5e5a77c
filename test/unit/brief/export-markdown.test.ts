// Briefs as Markdown: read back by a real Markdown parser (marked), and their citations read
// back by citationsFromMarkdown — the test that the Markdown round-trips its citations.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { briefToMarkdown, citationsFromMarkdown } from '../../../shared/brief/markdown';
import {
  briefOf,
  heading,
  list,
  listItem,
  paragraph,
  PLAN,
  quoteNode,
  RAILWAY,
  SAMPLE_CITATIONS,
  sampleInput,
  table,
  text,
} from './export-fixture';

const html = (md: string) => marked.parse(md, { async: false });
/** The rows of every table marked renders, each a list of its cells' text. */
const tablesOf = (rendered: string): string[][][] =>
  [...rendered.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, t]) =>
    [...t!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cell!.trim()),
    ),
  );

describe('briefToMarkdown on the sample brief', () => {
  const md = briefToMarkdown(sampleInput());

  it('opens with the title and its byline, the brief’s headings a level below', () => {
    expect(md.startsWith('# 京津冀协同发展2019年进展简报\n\n李明　2019年7月1日\n\n## 一、总体情况\n')).toBe(true);
    expect(md).toContain('\n### 二、重点任务 Key tasks\n');
  });

  it('keeps inline formatting and links', () => {
    expect(md).toContain(
      '本简报梳理**京津冀协同发展**2019年重点任务的进展（*as of mid-2019*）。原文见[首都之窗](<https://www.beijing.gov.cn/>)。',
    );
    expect(md).toContain('***ahead of the Winter Olympics***');
  });

  it('writes quotes as > blocks with a footnote reference, and a changed passage’s note', () => {
    expect(md).toContain('\n> 京张铁路年底建成通车[^1]\n');
    expect(md).toContain(
      '\n> 到2020年，基本形成京津冀区域一体化交通网络[^2]\n>\n> <em>注：引用后原文此处已有改动。</em>\n',
    );
  });

  it('ends with the footnotes: each citation, its title linked, then the passage’s locator', () => {
    const notes = md.slice(md.indexOf('\n[^1]: ')).trim().split('\n');
    expect(notes).toEqual([
      '[^1]: 《[本市发布〈北京市推进京津冀协同发展2019年工作要点〉](<https://www.beijing.gov.cn/ywdt/yaowen/201906/t20190606_1838417.html>)》，首都之窗，2019年6月6日。 <dossier://doc/01HQ7Z9D4XK2F8B3C6M1N5P7QR?at=1532-1542>',
      '[^2]: 《[京津冀协同发展交通一体化规划（2014—2020年）](<dossier://doc/01HQ80B1C2D3E4F5G6H7J8K9MN?at=8410-8432>)》，国家发展改革委，2015年12月，第3页。 <dossier://doc/01HQ80B1C2D3E4F5G6H7J8K9MN?at=8410-8432>',
      expect.stringMatching(/^\[\^3\]: 《\[本市发布.*\?at=1532-1542>$/),
      expect.stringMatching(/^\[\^4\]: 《\[本市发布.*\?at=1600-1615>$/),
    ]);
  });

  it('nests lists under their item, and is read so by a Markdown parser', () => {
    expect(md).toContain('- 交通一体化\n  1. 京张铁路建成通车\n  2. 京雄城际铁路北京段建成\n- 生态环境联防联治\n');
    expect(html(md)).toMatch(
      /<li>交通一体化\s*<ol>\s*<li>京张铁路建成通车<\/li>\s*<li>京雄城际铁路北京段建成<\/li>\s*<\/ol>\s*<\/li>/,
    );
  });

  it('writes tables, item tables and the timeline that a parser reads cell for cell', () => {
    const rendered = html(md);
    const [plain, items, none] = tablesOf(rendered);
    expect(none).toBeUndefined();
    expect(plain).toEqual([
      ['领域', '任务', '牵头单位'],
      ['交通', '京张铁路年底建成通车', '市发展改革委'],
      ['生态', '压减燃煤 | 削减50万吨', '市生态环境局'],
      ['产业', '疏解一般制造业企业', '市经济和信息化局'],
    ]);
    expect(items![0]).toEqual(['类型', '内容', '责任单位', '期限', '状态', '出处']);
    expect(items!.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['任务', '京张铁路年底建成通车', '市发展改革委、中国铁路北京局集团', '2019年12月31日', '已完成'],
      ['承诺', '京雄城际铁路北京段第四季度建成', '市交通委', '2019年第四季度', '进行中'],
      ['任务', '全年疏解一般制造业企业不少于200家', '市经济和信息化局', '2019年', '待办'],
    ]);
    // The source cell: the document's title, then the note reference (marked leaves GFM footnotes as text).
    expect(items![1]![5]).toBe('《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》[^3]');
    expect(items![3]![5]).toBe('');
    expect(md).toContain(
      '*时间线：2019年1月1日至2020年12月31日*\n\n- **2019年6月6日**：本市发布《北京市推进京津冀协同发展2019年工作要点》（发布）\n',
    );
    expect(rendered).toContain(
      '<li><strong>2020年6月</strong>：京雄城际铁路全线贯通（事件；来源：《京津冀协同发展交通一体化规划（2014—2020年）》）</li>',
    );
  });
});

describe('citationsFromMarkdown', () => {
  it('reads back every citation that went in: document, offsets, title, address, page, and its quote', () => {
    const read = citationsFromMarkdown(briefToMarkdown(sampleInput()));
    expect(read.map((c) => c.label)).toEqual(['1', '2', '3', '4']);
    expect(read.map((c) => c.citation)).toEqual(
      SAMPLE_CITATIONS.map(({ documentId, position, title, url, page }) => ({
        documentId,
        position,
        title,
        ...(url && { url }),
        ...(page && { page }),
      })),
    );
    expect(read.map((c) => c.quote)).toEqual([RAILWAY.quote, PLAN.quote, null, null]);
    expect(read[1]!.text).toBe('《京津冀协同发展交通一体化规划（2014—2020年）》，国家发展改革委，2015年12月，第3页。');
  });

  it('round-trips in English too', () => {
    const read = citationsFromMarkdown(briefToMarkdown(sampleInput({ language: 'en' })));
    expect(read.map((c) => [c.citation.title, c.citation.page])).toEqual(
      SAMPLE_CITATIONS.map((c) => [c.title, c.page]),
    );
    expect(read[1]!.text).toBe('“京津冀协同发展交通一体化规划（2014—2020年）”, 国家发展改革委, December 2015, p. 3.');
  });

  it('round-trips quotes and titles full of Markdown’s own characters', () => {
    const quote = '1. *重点* [任务] `代码` \\ <b>粗</b> | 管道 # 井号 _下划线_ ~删除~ &amp;\n# 第二行 > 引用';
    const title = 'A [title] with *stars*, `ticks` & (parens) 与《书名》';
    const url = 'https://example.org/a_(b)?q=1&r=[2]';
    const md = briefToMarkdown(
      sampleInput({
        content: briefOf(quoteNode(quote, { title, url, documentId: '01H/奇怪的?id', position: { start: 5, end: 9 } })),
      }),
    );
    const [read] = citationsFromMarkdown(md);
    expect(read).toMatchObject({
      quote,
      citation: {
        documentId: '01H/奇怪的?id',
        position: { start: 5, end: 9 },
        title,
        url: 'https://example.org/a_(b)?q=1&r=[2]',
      },
    });
    // And a parser shows the words, not markup.
    const rendered = html(md);
    expect(rendered).not.toMatch(/<b>|<code>|<em>|<h[2-6]>|<ol>|<del>/);
    expect(rendered.match(/<h1>/g)).toHaveLength(1); // the brief's title
    expect(rendered).toContain('&lt;b&gt;粗&lt;/b&gt;');
  });

  it('ignores footnotes that are not citations', () => {
    expect(citationsFromMarkdown('Text.[^a]\n\n[^a]: A note of the analyst’s own.\n')).toEqual([]);
  });
});

describe('Markdown that stays well-formed', () => {
  it('keeps a table whole whatever its cells hold', () => {
    const hostile = 'a | b `c|d` <script>alert(1)</script> **x** \\| [^9]';
    const md = briefToMarkdown(
      sampleInput({
        content: briefOf(
          table([
            ['列一', '列二', '列三'],
            [hostile, '第二格', '第三格'],
          ]),
        ),
      }),
    );
    const rendered = html(md);
    const [rows] = tablesOf(rendered);
    expect(rows).toHaveLength(2);
    expect(rows![1]).toHaveLength(3);
    expect(rows![1]![1]).toBe('第二格');
    expect(rendered).not.toContain('<script>');
    expect(rows![1]![0]).toContain('a | b');
    expect(rows![1]![0]).toContain('&lt;script&gt;');
  });

  it('breaks lines inside a table cell with <br>, never a new row', () => {
    const cell = { ...table([['甲'], ['乙']]) };
    const content = briefOf({
      ...cell,
      children: [
        (cell.children as object[])[0],
        {
          type: 'tablerow',
          children: [
            { type: 'tablecell', headerState: 0, children: [paragraph(text('第一段')), paragraph(text('第二段'))] },
          ],
        },
      ],
    } as never);
    const [rows] = tablesOf(html(briefToMarkdown(sampleInput({ content }))));
    expect(rows).toEqual([['甲'], ['第一段<br>第二段']]);
  });

  it('marks up emphasis next to Chinese punctuation so that it still renders', () => {
    const md = briefToMarkdown(
      sampleInput({
        content: briefOf(paragraph(text('见'), text('“要点”', 1), text('后'), text('（附件）', 2), text('。'))),
      }),
    );
    expect(html(md)).toContain('<p>见<strong>“要点”</strong>后<em>（附件）</em>。</p>');
  });

  it('keeps words that look like Markdown blocks as words', () => {
    const md = briefToMarkdown(
      sampleInput({
        content: briefOf(
          paragraph(text('# 不是标题')),
          paragraph(text('1. 不是列表')),
          paragraph(text('- 也不是')),
          paragraph(text('---')),
          heading('h2', text('结尾的 #')),
        ),
      }),
    );
    const rendered = html(md);
    expect(rendered).toContain('<p># 不是标题</p>');
    expect(rendered).toContain('<p>1. 不是列表</p>');
    expect(rendered).toContain('<p>- 也不是</p>');
    expect(rendered).toContain('<p>---</p>');
    expect(rendered).toContain('<h3>结尾的 #</h3>');
  });

  it('keeps two lists in a row apart, numbered from their start', () => {
    const md = briefToMarkdown(
      sampleInput({
        content: briefOf(
          list('bullet', [listItem(text('甲'))]),
          list('bullet', [listItem(text('乙'))]),
          list('number', [listItem(text('第三')), listItem(text('第四'))], 3),
          list('check', [{ ...listItem(text('已办')), checked: true }]),
        ),
      }),
    );
    const rendered = html(md);
    expect(rendered.match(/<ul>/g)).toHaveLength(3);
    expect(rendered).toContain('<ol start="3">');
    expect(md).toContain('- [x] 已办');
  });
});
