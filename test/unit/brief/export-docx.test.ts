// Briefs as Word documents: unzipped with fflate and their parts read as XML (strictly: a
// mismatched tag fails), to check what Word and LibreOffice will find in them.
import { describe, expect, it } from 'vitest';
import { citationText, passageLocator } from '../../../shared/brief/citation';
import { briefToDocx } from '../../../shared/brief/docx';
import type { BriefExportInput } from '../../../shared/brief/model';
import {
  briefOf,
  list,
  listItem,
  paragraph,
  PLAN,
  quoteNode,
  RAILWAY,
  SAMPLE_CITATIONS,
  sampleInput,
  text,
} from './export-fixture';
import { all, first, parseXml, unzip, type XmlElement } from '../../tools/zip-xml';

/** The words of a paragraph, table or cell: its w:t runs (footnote references have none). */
const words = (e: XmlElement): string =>
  all(e, 'w:t')
    .map((t) => t.text)
    .join('');
const styleOf = (p: XmlElement) => first(p, 'w:pStyle')?.attributes['w:val'];

async function unpack(input: BriefExportInput) {
  const bytes = await briefToDocx(input);
  const { files, text: part } = unzip(bytes);
  const document = parseXml(part('word/document.xml'));
  const body = first(document, 'w:body')!;
  const footerName = Object.keys(files).find((name) => /^word\/footer\d+\.xml$/.test(name))!;
  return {
    bytes,
    files,
    raw: part('word/document.xml'),
    body,
    /** The body's own paragraphs (not those in tables), in order. */
    paragraphs: body.children.filter((c) => c.name === 'w:p'),
    tables: body.children.filter((c) => c.name === 'w:tbl'),
    footnotes: parseXml(part('word/footnotes.xml')),
    styles: parseXml(part('word/styles.xml')),
    numbering: parseXml(part('word/numbering.xml')),
    footer: parseXml(part(footerName)),
    links: Object.fromEntries(
      all(parseXml(part('word/_rels/document.xml.rels')), 'Relationship').map((r) => [
        r.attributes.Id,
        r.attributes.Target,
      ]),
    ),
    footnoteLinks: all(parseXml(part('word/_rels/footnotes.xml.rels')), 'Relationship').map((r) => r.attributes.Target),
  };
}

describe('briefToDocx on the sample brief', async () => {
  const docx = await unpack(sampleInput());
  const style = (name: string) => docx.paragraphs.filter((p) => styleOf(p) === name).map(words);

  it('gives the bytes of a zip, as a plain Uint8Array (no Node Buffer)', () => {
    expect(docx.bytes.constructor).toBe(Uint8Array);
    expect([...docx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(Object.keys(docx.files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/footnotes.xml']));
  });

  it('opens with a title page of its own: title, author and date, without a page number', () => {
    const end = docx.paragraphs.findIndex((p) => first(p, 'w:sectPr'));
    const titlePage = docx.paragraphs.slice(0, end + 1);
    expect(titlePage.map(words)).toEqual(['京津冀协同发展2019年进展简报', '李明', '2019年7月1日']);
    expect(titlePage.map(styleOf)).toEqual(['Title', 'Byline', 'Byline']);
    const titleSection = first(titlePage.at(-1)!, 'w:sectPr')!;
    expect(first(titleSection, 'w:vAlign')?.attributes['w:val']).toBe('center');
    expect(first(titleSection, 'w:footerReference')).toBeUndefined();
  });

  it('numbers the brief’s pages in its footer, from 1', () => {
    const bodySection = docx.body.children.find((c) => c.name === 'w:sectPr')!;
    expect(first(bodySection, 'w:footerReference')).toBeDefined();
    expect(first(bodySection, 'w:pgNumType')?.attributes['w:start']).toBe('1');
    expect(all(docx.footer, 'w:instrText').map((i) => i.text.trim())).toEqual(['PAGE']);
    expect(first(docx.footer, 'w:fldChar')?.attributes['w:fldCharType']).toBe('begin');
  });

  it('sets the quotes apart, each with a footnote reference', () => {
    const quotes = docx.paragraphs.filter((p) => styleOf(p) === 'CitedPassage');
    expect(quotes.map(words)).toEqual([RAILWAY.quote, PLAN.quote]);
    expect(quotes.map((q) => first(q, 'w:footnoteReference')?.attributes['w:id'])).toEqual(['1', '2']);
    const afterPlan = docx.paragraphs[docx.paragraphs.indexOf(quotes[1]!) + 1]!;
    expect([styleOf(afterPlan), words(afterPlan)]).toEqual(['QuoteNote', '注：引用后原文此处已有改动。']);
  });

  it('cites in footnotes: the citation, its title linked, and the passage’s locator', () => {
    const notes = all(docx.footnotes, 'w:footnote').filter((n) => Number(n.attributes['w:id']) > 0);
    expect(notes.map((n) => n.attributes['w:id'])).toEqual(['1', '2', '3', '4']);
    expect(notes.map(words)).toEqual(SAMPLE_CITATIONS.map((c) => `${citationText(c, 'zh')} ${passageLocator(c)}`));
    expect(notes.every((n) => first(n, 'w:footnoteRef'))).toBe(true);
    expect(notes.map((n) => first(n, 'w:pStyle')?.attributes['w:val'])).toEqual(Array(4).fill('FootnoteText'));
    expect(docx.footnoteLinks).toEqual(
      expect.arrayContaining([RAILWAY.citation.url, passageLocator(RAILWAY.citation), passageLocator(PLAN.citation)]),
    );
    // Every note is referred to from the text once, in order (3 and 4 from the item table).
    expect(all(docx.body, 'w:footnoteReference').map((r) => r.attributes['w:id'])).toEqual(['1', '2', '3', '4']);
  });

  it('declares East Asian fonts and language, so Chinese is set in 宋体 and 黑体', () => {
    const defaults = first(docx.styles, 'w:docDefaults')!;
    expect(first(defaults, 'w:rFonts')!.attributes).toMatchObject({
      'w:ascii': 'Times New Roman',
      'w:hAnsi': 'Times New Roman',
      'w:eastAsia': 'SimSun',
    });
    expect(first(defaults, 'w:lang')!.attributes['w:eastAsia']).toBe('zh-CN');
    const styleFont = (id: string) =>
      first(
        all(docx.styles, 'w:style').find((s) => s.attributes['w:styleId'] === id)!,
        'w:rFonts',
      )?.attributes['w:eastAsia'];
    expect(['Title', 'Heading1', 'Heading2', 'Heading3'].map(styleFont)).toEqual([
      'SimHei',
      'SimHei',
      'SimHei',
      'SimHei',
    ]);
    expect(styleFont('FootnoteText')).toBe('SimSun');
  });

  it('keeps headings, formatting and links', () => {
    expect(style('Heading1')).toEqual(['一、总体情况']);
    expect(style('Heading2')).toEqual(['二、重点任务 Key tasks', '三、任务清单', '四、时间线']);
    const runs = all(docx.body, 'w:r');
    const formatted = (tag: string) => runs.filter((r) => first(r, tag) && first(r, 'w:t')).map(words);
    expect(formatted('w:b')).toEqual(['京津冀协同发展', 'ahead of the Winter Olympics']);
    expect(formatted('w:i')).toEqual(['as of mid-2019', 'ahead of the Winter Olympics']);
    const link = all(docx.body, 'w:hyperlink')[0]!;
    expect(words(link)).toBe('首都之窗');
    expect(docx.links[link.attributes['r:id']!]).toBe('https://www.beijing.gov.cn/');
  });

  it('writes lists as Word lists, nested a level down, bullets and numbers', () => {
    const listed = docx.paragraphs
      .filter((p) => first(p, 'w:numPr'))
      .map((p) => [words(p), first(p, 'w:ilvl')!.attributes['w:val'], first(p, 'w:numId')!.attributes['w:val']]);
    expect(listed.map(([w, level]) => [w, level])).toEqual([
      ['交通一体化', '0'],
      ['京张铁路建成通车', '1'],
      ['京雄城际铁路北京段建成', '1'],
      ['生态环境联防联治', '0'],
      ['产业协同发展', '0'],
    ]);
    const formatOf = (numId: string, level: string) => {
      const num = all(docx.numbering, 'w:num').find((n) => n.attributes['w:numId'] === numId)!;
      const abstractId = first(num, 'w:abstractNumId')!.attributes['w:val'];
      const abstract = all(docx.numbering, 'w:abstractNum').find(
        (a) => a.attributes['w:abstractNumId'] === abstractId,
      )!;
      const lvl = all(abstract, 'w:lvl').find((l) => l.attributes['w:ilvl'] === level)!;
      return first(lvl, 'w:numFmt')!.attributes['w:val'];
    };
    expect(formatOf(listed[0]![2]!, '0')).toBe('bullet');
    expect(formatOf(listed[1]![2]!, '1')).toBe('decimal');
  });

  it('writes tables whose header row repeats on each page', () => {
    const rowsOf = (table: XmlElement) => all(table, 'w:tr').map((tr) => all(tr, 'w:tc').map(words));
    const [plain, items, timeline] = docx.tables;
    expect(rowsOf(plain!)).toEqual([
      ['领域', '任务', '牵头单位'],
      ['交通', '京张铁路年底建成通车', '市发展改革委'],
      ['生态', '压减燃煤 | 削减50万吨', '市生态环境局'],
      ['产业', '疏解一般制造业企业', '市经济和信息化局'],
    ]);
    const repeats = (tr: XmlElement) => {
      const flag = first(tr, 'w:tblHeader');
      return Boolean(flag) && flag!.attributes['w:val'] !== 'off' && flag!.attributes['w:val'] !== 'false';
    };
    for (const table of [plain!, items!, timeline!]) {
      expect(all(table, 'w:tr').map(repeats)).toEqual([true, ...Array(all(table, 'w:tr').length - 1).fill(false)]);
    }
    expect(rowsOf(items!)).toEqual([
      ['类型', '内容', '责任单位', '期限', '状态', '出处'],
      [
        '任务',
        '京张铁路年底建成通车',
        '市发展改革委、中国铁路北京局集团',
        '2019年12月31日',
        '已完成',
        '《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》',
      ],
      [
        '承诺',
        '京雄城际铁路北京段第四季度建成',
        '市交通委',
        '2019年第四季度',
        '进行中',
        '《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》',
      ],
      ['任务', '全年疏解一般制造业企业不少于200家', '市经济和信息化局', '2019年', '待办', ''],
    ]);
    expect(rowsOf(timeline!)).toEqual([
      ['日期', '事项', '说明'],
      ['2019年6月6日', '本市发布《北京市推进京津冀协同发展2019年工作要点》', '发布'],
      [
        '2019年12月31日',
        '京张铁路年底建成通车',
        '事项，已完成；来源：《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》',
      ],
      ['2020年6月', '京雄城际铁路全线贯通', '事件；来源：《京津冀协同发展交通一体化规划（2014—2020年）》'],
    ]);
    expect(style('Caption')).toEqual(['时间线：2019年1月1日至2020年12月31日']);
  });
});

describe('briefToDocx, other cases', () => {
  it('writes an English brief in English, its Chinese still in 宋体', async () => {
    const docx = await unpack(
      sampleInput({ language: 'en', title: 'Progress in 2019', quoteStatus: { [RAILWAY.annotationId]: 'missing' } }),
    );
    const defaults = first(docx.styles, 'w:docDefaults')!;
    expect(first(defaults, 'w:lang')!.attributes).toMatchObject({ 'w:val': 'en-GB', 'w:eastAsia': 'zh-CN' });
    expect(docx.paragraphs.map(words)).toContain('Note: the passage or its document is no longer in the library.');
    expect(words(all(docx.footnotes, 'w:footnote').find((n) => n.attributes['w:id'] === '2')!)).toContain(
      '国家发展改革委, December 2015, p. 3.',
    );
    expect(
      all(docx.tables[1]!, 'w:tr')[1]!
        .children.filter((c) => c.name === 'w:tc')
        .map(words)
        .slice(0, 5),
    ).toEqual(['Task', '京张铁路年底建成通车', '市发展改革委, 中国铁路北京局集团', '31 December 2019', 'Done']);
  });

  it('stays well-formed XML whatever the brief holds', async () => {
    const hostile = '<w:t>&amp; "引号" \u0001\u000b控制字符 \ud800 ]]>';
    const docx = await unpack(
      sampleInput({
        title: hostile,
        author: hostile,
        content: briefOf(
          paragraph(text(hostile)),
          quoteNode(hostile, { title: hostile, url: `https://x.example/?q=${hostile}` }),
        ),
      }),
    );
    const cleaned = '<w:t>&amp; "引号" 控制字符  ]]>';
    expect(words(docx.paragraphs[0]!)).toBe(cleaned);
    expect(docx.paragraphs.map(words)).toContain(cleaned);
    expect(docx.raw.includes('\u0001') || docx.raw.includes('\u000b')).toBe(false);
    expect(words(all(docx.footnotes, 'w:footnote').find((n) => n.attributes['w:id'] === '1')!)).toContain(cleaned);
  });

  it('restarts numbered lists and begins them at their start', async () => {
    const docx = await unpack(
      sampleInput({
        content: briefOf(
          list('number', [listItem(text('一')), listItem(text('二'))]),
          paragraph(text('中间')),
          list('number', [listItem(text('五'))], 5),
          list('number', [listItem(text('重新开始'))]),
        ),
      }),
    );
    const numIds = docx.paragraphs
      .filter((p) => first(p, 'w:numPr'))
      .map((p) => first(p, 'w:numId')!.attributes['w:val']);
    expect(new Set(numIds).size).toBe(3);
    expect(numIds[0]).toBe(numIds[1]);
    const startOf = (numId: string) => {
      const num = all(docx.numbering, 'w:num').find((n) => n.attributes['w:numId'] === numId)!;
      const override = first(num, 'w:startOverride')?.attributes['w:val'];
      const abstractId = first(num, 'w:abstractNumId')!.attributes['w:val'];
      const abstract = all(docx.numbering, 'w:abstractNum').find(
        (a) => a.attributes['w:abstractNumId'] === abstractId,
      )!;
      return override ?? first(abstract, 'w:start')!.attributes['w:val'];
    };
    expect(numIds.map((id) => startOf(id!))).toEqual(['1', '1', '5', '1']);
  });
});
