// A brief as a Word document: a title page (title, author, date), then the brief in its own
// section with page numbers in the footer; quotes cited in real footnotes; lists, tables, item
// tables and the timeline as Word's own lists and tables (header rows repeat on each page).
// Built with the docx package and packed to bytes without Node APIs, so it runs anywhere. Pure.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignSection,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { citationParts } from './citation';
import { formatBriefDate } from './dates';
import { briefNumbering, briefStyles, listReference, PAGE, TEXT_WIDTH } from './docx-styles';
import { briefLabels } from './labels';
import { readBrief, type Block, type BriefDocument, type BriefExportInput, type ListBlock, type Run } from './model';
import { itemColumns, itemRowText, timelineCaption, timelineEntryText } from './sections';

type BodyChild = Paragraph | Table;

/** What writing the body collects: the list numberings it used, and a counter of list instances. */
interface Writer {
  doc: BriefDocument;
  references: Set<string>;
  instances: number;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

// Characters XML 1.0 cannot hold (control characters pasted from elsewhere, lone surrogates):
// one of them makes Word refuse the whole file.
// eslint-disable-next-line no-control-regex -- control characters are what must go
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlText = (text: string): string => text.replace(CONTROL, '').replace(LONE_SURROGATE, '');

/** Text with its line breaks and tabs as Word's own. */
function textRuns(text: string, options: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}): TextRun[] {
  return xmlText(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line, i) =>
      line.split('\t').map(
        (part, j) =>
          new TextRun({
            ...options,
            ...(i > 0 && j === 0 && { break: 1 }),
            children: j > 0 ? [new Tab(), part] : [part],
          }),
      ),
    );
}

function runOptions(run: Run): Omit<IRunOptions, 'text' | 'children' | 'break'> {
  return {
    ...(run.bold && { bold: true }),
    ...(run.italic && { italics: true }),
    ...(run.underline && { underline: {} }),
    ...(run.strike && { strike: true }),
    ...(run.sub && { subScript: true }),
    ...(run.sup && { superScript: true }),
    ...(run.code && { style: 'Code' }),
    ...(run.link && !run.code && { style: 'Hyperlink' }),
  };
}

/** Runs as Word runs; neighbouring runs with one address share one hyperlink. */
function inlineChildren(runs: readonly Run[], extra: Omit<IRunOptions, 'text' | 'children' | 'break'> = {}) {
  const children: ParagraphChild[] = [];
  for (let i = 0; i < runs.length;) {
    const run = runs[i]!;
    if (run.note !== undefined) {
      children.push(new FootnoteReferenceRun(run.note));
      i++;
      continue;
    }
    let j = i + 1;
    while (run.link && j < runs.length && runs[j]!.link === run.link && runs[j]!.note === undefined) j++;
    const texts = runs.slice(i, j).flatMap((r) => textRuns(r.text, { ...extra, ...runOptions(r) }));
    if (run.link) children.push(new ExternalHyperlink({ link: run.link, children: texts }));
    else children.push(...texts);
    i = j;
  }
  return children;
}

function listParagraphs(
  list: ListBlock,
  writer: Writer,
  level: number,
  parent?: { reference: string; instance: number },
) {
  const reference = listReference(list.kind, list.start);
  writer.references.add(reference);
  // A list nested in one of its own kind is a level of the same Word list (Word restarts the level's
  // numbers under each item); any other list is a list of its own, numbered from its start.
  const instance = parent?.reference === reference ? parent.instance : ++writer.instances;
  const paragraphs: Paragraph[] = [];
  for (const item of list.items) {
    const box = list.kind === 'check' ? [new TextRun(item.checked ? '☑ ' : '☐ ')] : [];
    paragraphs.push(
      new Paragraph({
        numbering: { reference, level: Math.min(level, 8), instance },
        children: [...box, ...inlineChildren(item.runs)],
      }),
    );
    for (const nested of item.lists)
      paragraphs.push(...listParagraphs(nested, writer, level + 1, { reference, instance }));
  }
  return paragraphs;
}

const cellParagraph = (children: ParagraphChild[], head: boolean) =>
  new Paragraph({ style: head ? 'TableHead' : 'TableText', children });

const HEAD_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: 'F4F2EE' } as const;

/** A table spread across the text width; `widths` are the columns' shares of it. */
function wordTable(rows: TableRow[], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((TEXT_WIDTH * w) / total)),
    layout: TableLayoutType.FIXED,
    rows,
  });
}

/** One of Dossier's tables (items, timeline): a repeating header row, then rows of plain cells. */
function dataTable(heads: string[], body: ParagraphChild[][][], widths: number[]): Table {
  const headRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: heads.map((h) => new TableCell({ shading: HEAD_SHADING, children: [cellParagraph(textRuns(h), true)] })),
  });
  const rows = body.map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: cells.map((children) => new TableCell({ children: [cellParagraph(children, false)] })),
      }),
  );
  return wordTable([headRow, ...rows], widths);
}

function briefTable(block: Extract<Block, { type: 'table' }>): Table {
  const columns = Math.max(1, ...block.rows.map((row) => row.cells.reduce((n, c) => n + c.colSpan, 0)));
  // Only the leading header rows can repeat atop each page.
  let leading = true;
  const rows = block.rows.map((row) => {
    leading &&= row.header;
    return new TableRow({
      tableHeader: leading,
      cantSplit: true,
      children: row.cells.map(
        (cell) =>
          new TableCell({
            ...(cell.colSpan > 1 && { columnSpan: cell.colSpan }),
            ...(cell.rowSpan > 1 && { rowSpan: cell.rowSpan }),
            ...(cell.header && { shading: HEAD_SHADING }),
            children: [cellParagraph(inlineChildren(cell.runs), cell.header)],
          }),
      ),
    });
  });
  return wordTable(rows, Array<number>(columns).fill(1));
}

function blockChildren(block: Block, writer: Writer): BodyChild[] {
  const { doc } = writer;
  const labels = briefLabels(doc.language);
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: inlineChildren(block.runs) })];
    case 'paragraph':
      return [new Paragraph({ children: inlineChildren(block.runs) })];
    case 'blockquote':
      return [new Paragraph({ style: 'BlockQuotation', children: inlineChildren(block.runs) })];
    case 'quote':
      return [
        new Paragraph({
          style: 'CitedPassage',
          children: [...textRuns(block.quote.replace(/\n{2,}/g, '\n')), new FootnoteReferenceRun(block.note)],
        }),
        ...(block.status ? [new Paragraph({ style: 'QuoteNote', children: textRuns(labels[block.status]) })] : []),
      ];
    case 'list':
      return listParagraphs(block, writer, 0);
    case 'table':
      return block.rows.length ? [briefTable(block)] : [];
    case 'item-table': {
      if (!block.rows.length) return [new Paragraph({ style: 'Caption', children: textRuns(labels.noItems) })];
      const rows = block.rows.map((row) => {
        const t = itemRowText(row, doc.language, doc.kindLabels);
        const source = [...textRuns(t.source), ...(row.note ? [new FootnoteReferenceRun(row.note)] : [])];
        return [...[t.kind, t.text, t.owners, t.deadline, t.status].map((text) => textRuns(text)), source];
      });
      return [dataTable(itemColumns(doc.language), rows, [10, 34, 17, 14, 10, 15]), new Paragraph({})];
    }
    case 'timeline': {
      const caption = new Paragraph({
        style: 'Caption',
        keepNext: true,
        children: textRuns(timelineCaption(block.range, doc.language)),
      });
      if (!block.entries.length) return [caption, new Paragraph({ children: textRuns(labels.noEntries) })];
      const c = labels.timelineColumns;
      const rows = block.entries.map((entry) => {
        const t = timelineEntryText(entry, doc.language);
        return [t.date, t.label, t.details].map((text) => textRuns(text));
      });
      return [caption, dataTable([c.date, c.entry, c.details], rows, [22, 46, 32]), new Paragraph({})];
    }
  }
}

/** A note's footnote: the citation with its title linked, then the passage's locator. */
function footnote(citation: BriefDocument['notes'][number]['citation'], doc: BriefDocument) {
  const parts = citationParts(citation, doc.language);
  return {
    children: [
      new Paragraph({
        style: 'FootnoteText',
        children: [
          ...textRuns(parts.open),
          new ExternalHyperlink({ link: parts.href, children: textRuns(parts.title, { style: 'Hyperlink' }) }),
          ...textRuns(`${parts.close} `),
          new ExternalHyperlink({ link: parts.locator, children: textRuns(parts.locator, { style: 'Locator' }) }),
        ],
      }),
    ],
  };
}

function titlePage(doc: BriefDocument): Paragraph[] {
  const labels = briefLabels(doc.language);
  return [
    new Paragraph({ style: 'Title', children: textRuns(doc.title.trim() || labels.untitled) }),
    ...(doc.author ? [new Paragraph({ style: 'Byline', children: textRuns(doc.author) })] : []),
    new Paragraph({ style: 'Byline', children: textRuns(formatBriefDate(doc.date, doc.language)) }),
  ];
}

function pageFooter(doc: BriefDocument): Footer {
  const page = new TextRun({ children: [PageNumber.CURRENT] });
  const children = doc.language === 'zh' ? [new TextRun('— '), page, new TextRun(' —')] : [page];
  return new Footer({ children: [new Paragraph({ style: 'Footer', alignment: AlignmentType.CENTER, children })] });
}

/** The DOCX bytes of a brief already read (./model.ts). */
export async function docxOfBrief(doc: BriefDocument): Promise<Uint8Array> {
  const writer: Writer = { doc, references: new Set(), instances: 0 };
  const body = doc.blocks.flatMap((block) => blockChildren(block, writer));
  const file = new Document({
    title: xmlText(doc.title),
    creator: xmlText(doc.author ?? 'Dossier'),
    styles: briefStyles(doc.language),
    numbering: briefNumbering(writer.references),
    footnotes: Object.fromEntries(doc.notes.map((note) => [note.n, footnote(note.citation, doc)])),
    sections: [
      {
        properties: { page: PAGE, verticalAlign: VerticalAlignSection.CENTER },
        children: titlePage(doc),
      },
      {
        properties: { page: { ...PAGE, pageNumbers: { start: 1 } } },
        footers: { default: pageFooter(doc) },
        children: body.length ? body : [new Paragraph({})],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}

/** A brief as a .docx file's bytes. Throws BriefFormatError when its content is not a brief. */
export const briefToDocx = async (input: BriefExportInput): Promise<Uint8Array> => docxOfBrief(readBrief(input));
