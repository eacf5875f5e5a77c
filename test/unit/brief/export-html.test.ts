// Briefs as HTML, parsed back with htmlparser2: one inert, self-contained document whatever the
// brief holds, with its quotes, notes and print styles.
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { briefToHtml, printFooterTemplate } from '../../../shared/brief/html';
import { briefOf, link, paragraph, PLAN, quoteNode, RAILWAY, sampleInput, table, text } from './export-fixture';

const dom = (html: string) => parseDocument(html);
const elements = (html: string): Element[] => DomUtils.findAll(() => true, dom(html).children);
const byTag = (html: string, tag: string) => elements(html).filter((e) => e.name === tag);
const textOf = (e: Element) => DomUtils.textContent(e);
const hrefs = (html: string) => elements(html).flatMap((e) => (e.attribs.href === undefined ? [] : [e.attribs.href]));

/** Everything that could run or load: scripts, frames, embeds, images, forms, handlers, remote styles. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  for (const e of elements(html)) {
    if (
      /^(script|iframe|frame|object|embed|img|image|svg|video|audio|source|link|form|input|button|base|meta-refresh)$/.test(
        e.name,
      )
    ) {
      found.push(`<${e.name}>`);
    }
    for (const name of Object.keys(e.attribs)) {
      if (/^on/i.test(name) || name === 'src' || name === 'srcset' || name === 'style' || name === 'formaction') {
        found.push(`${e.name}[${name}]`);
      }
    }
    if (e.name === 'meta' && e.attribs['http-equiv']?.toLowerCase() === 'refresh') found.push('meta refresh');
  }
  const css = byTag(html, 'style').map(textOf).join('\n');
  if (/url\(|@import|expression\(/i.test(css)) found.push('a resource in CSS');
  return found;
}

describe('briefToHtml on the sample brief', () => {
  const html = briefToHtml(sampleInput());

  it('is a complete document in the brief’s language with its own stylesheet', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(byTag(html, 'title').map(textOf)).toEqual(['京津冀协同发展2019年进展简报']);
    expect(byTag(html, 'style')).toHaveLength(1);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('opens with a title block: title, author and date', () => {
    const header = byTag(html, 'header')[0]!;
    expect(textOf(DomUtils.findOne((e) => e.name === 'h1', [header])!)).toBe('京津冀协同发展2019年进展简报');
    expect(textOf(header)).toContain('李明');
    expect(DomUtils.findOne((e) => e.name === 'time', [header])!.attribs.datetime).toBe('2019-07-01');
    expect(textOf(header)).toContain('2019年7月1日');
  });

  it('holds nothing that runs or loads, and links only to its citations and its own notes', () => {
    expect(activeContent(html)).toEqual([]);
    const external = hrefs(html).filter((href) => !href.startsWith('#'));
    expect(new Set(external)).toEqual(
      new Set([
        'https://www.beijing.gov.cn/',
        RAILWAY.citation.url,
        'dossier://doc/01HQ7Z9D4XK2F8B3C6M1N5P7QR?at=1532-1542',
        'dossier://doc/01HQ80B1C2D3E4F5G6H7J8K9MN?at=8410-8432',
        'dossier://doc/01HQ7Z9D4XK2F8B3C6M1N5P7QR?at=1600-1615',
      ]),
    );
  });

  it('sets quotes as blockquotes whose markers link to the notes, and back', () => {
    const quotes = byTag(html, 'blockquote').filter((q) => q.attribs.class === 'cited');
    expect(quotes.map((q) => textOf(q).replace(/\n/g, ''))).toEqual([
      `${RAILWAY.quote}1`,
      `${PLAN.quote}2注：引用后原文此处已有改动。`,
    ]);
    const marker = DomUtils.findOne((e) => e.name === 'a', [quotes[0]!])!;
    expect(marker.attribs).toMatchObject({ href: '#note-1', id: 'ref-1' });
    const note = elements(html).find((e) => e.attribs.id === 'note-1')!;
    expect(textOf(note)).toContain('《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》，首都之窗，2019年6月6日。');
    expect(textOf(note)).toContain('dossier://doc/01HQ7Z9D4XK2F8B3C6M1N5P7QR?at=1532-1542');
    expect(DomUtils.findAll((e) => e.name === 'a', [note]).map((a) => a.attribs.href)).toEqual([
      RAILWAY.citation.url,
      'dossier://doc/01HQ7Z9D4XK2F8B3C6M1N5P7QR?at=1532-1542',
      '#ref-1',
    ]);
  });

  it('lists every note at the end, item sources included', () => {
    const notes = elements(html).find((e) => e.attribs.class === 'notes')!;
    expect(DomUtils.findAll((e) => e.name === 'li', [notes])).toHaveLength(4);
    expect(textOf(notes)).toContain(
      '《京津冀协同发展交通一体化规划（2014—2020年）》，国家发展改革委，2015年12月，第3页。',
    );
  });

  it('writes tables with a header that repeats on each printed page', () => {
    const [plain, items, timeline] = byTag(html, 'table');
    const rowsOf = (t: Element) =>
      DomUtils.findAll((e) => e.name === 'tr', [t]).map((tr) =>
        DomUtils.findAll((e) => e.name === 'td' || e.name === 'th', [tr]).map(textOf),
      );
    expect(DomUtils.findOne((e) => e.name === 'thead', [plain!])).not.toBeNull();
    expect(rowsOf(plain!)[2]).toEqual(['生态', '压减燃煤 | 削减50万吨', '市生态环境局']);
    expect(rowsOf(items!)).toEqual([
      ['类型', '内容', '责任单位', '期限', '状态', '出处'],
      [
        '任务',
        '京张铁路年底建成通车',
        '市发展改革委、中国铁路北京局集团',
        '2019年12月31日',
        '已完成',
        '《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》3',
      ],
      [
        '承诺',
        '京雄城际铁路北京段第四季度建成',
        '市交通委',
        '2019年第四季度',
        '进行中',
        '《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》4',
      ],
      ['任务', '全年疏解一般制造业企业不少于200家', '市经济和信息化局', '2019年', '待办', ''],
    ]);
    expect(rowsOf(timeline!).map((row) => row[0])).toEqual(['日期', '2019年6月6日', '2019年12月31日', '2020年6月']);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
  });

  it('lists nested, formatted and linked text', () => {
    expect(html).toContain('<li>交通一体化<ol><li>京张铁路建成通车</li><li>京雄城际铁路北京段建成</li></ol></li>');
    expect(html).toContain('<strong>京津冀协同发展</strong>');
    expect(html).toContain('<a href="https://www.beijing.gov.cn/">首都之窗</a>');
    expect(html).toContain('<strong><em>ahead of the Winter Olympics</em></strong>');
  });
});

describe('hostile briefs', () => {
  const script = '<script>alert(1)</script>';
  const breakout = '"><img src=x onerror=alert(1)>';
  const input = sampleInput({
    title: `${script}简报${breakout}`,
    author: `'><svg onload=alert(2)>`,
    content: briefOf(
      paragraph(text(`正文${script}</p><iframe src="https://evil.example/"></iframe>`)),
      paragraph(
        link('javascript:alert(3)', text('点我')),
        link(`https://ok.example/"onmouseover="alert(4)`, text('正常链接')),
      ),
      quoteNode(`</blockquote>${script}${breakout}`, {
        title: `${breakout}《标题》`,
        url: 'javascript:alert(5)',
        site: `<style>body{background:url(https://evil.example/x)}</style>`,
        documentId: `x"onclick="alert(6)`,
      }),
      table([
        [`<th onclick=alert(7)>`, 'b'],
        [breakout, script],
      ]),
    ),
  });
  const html = briefToHtml(input);

  it('comes out inert: nothing runs, loads or handles events', () => {
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(byTag(html, 'style')).toHaveLength(1);
  });

  it('shows the hostile words as words', () => {
    expect(textOf(byTag(html, 'h1')[0]!)).toBe(`${script}简报${breakout}`);
    expect(textOf(byTag(html, 'title')[0]!)).toBe(`${script}简报${breakout}`);
    expect(textOf(byTag(html, 'article')[0]!)).toContain(
      `正文${script}</p><iframe src="https://evil.example/"></iframe>`,
    );
    const quote = byTag(html, 'blockquote')[0]!;
    expect(textOf(quote)).toBe(`</blockquote>${script}${breakout}1`);
  });

  it('links nothing but safe addresses, each one attribute-escaped', () => {
    expect(hrefs(html).filter((h) => !h.startsWith('#'))).toEqual([
      'https://ok.example/%22onmouseover=%22alert(4)',
      'dossier://doc/x%22onclick%3D%22alert(6)?at=1532-1542',
      'dossier://doc/x%22onclick%3D%22alert(6)?at=1532-1542',
    ]);
    expect(html).toContain('点我');
  });
});

describe('print', () => {
  it('puts WenQuanYi Zen Hei first for Chromium’s PDF, and a CJK stack after it', () => {
    const css = byTag(briefToHtml(sampleInput(), { print: true }), 'style')
      .map(textOf)
      .join('');
    expect(css).toContain(
      'font-family: "WenQuanYi Zen Hei", "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;',
    );
    expect(css).toContain('@page { size: A4;');
    expect(css).toContain('line-break: strict; word-break: normal; overflow-wrap: anywhere;');
    expect(css).toMatch(/tr, blockquote[^{]*\{ break-inside: avoid;/);
  });

  it('keeps the Noto fonts first on screen', () => {
    const css = byTag(briefToHtml(sampleInput()), 'style').map(textOf).join('');
    expect(css).toContain(
      'font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "WenQuanYi Zen Hei", serif;',
    );
  });

  it('gives Chromium a footer template with the page number', () => {
    expect(printFooterTemplate('zh')).toContain('— <span class="pageNumber"></span> —');
  });
});

describe('an English brief', () => {
  const html = briefToHtml(sampleInput({ language: 'en', title: 'Progress in 2019' }));

  it('marks its Chinese quotes as Chinese, for fonts and line breaking', () => {
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<blockquote class="cited"><p lang="zh-CN">${RAILWAY.quote}`);
    expect(html).toContain('<h2 id="notes-title">Notes</h2>');
    const note = elements(html).find((e) => e.attribs.id === 'note-2')!;
    expect(textOf(note)).toContain(
      '“京津冀协同发展交通一体化规划（2014—2020年）”, 国家发展改革委, December 2015, p. 3.',
    );
  });
});
