// A brief as GitHub-flavoured Markdown: the title as `#` (the brief's own headings one level
// below it), GFM tables, quotes as `>` blocks each followed by a footnote reference, and the
// footnotes at the end, each a citation whose title links to its source and whose locator
// (dossier://doc/ID?at=START-END) names the passage — citationsFromMarkdown reads them back. Pure.
import { citationParts } from './citation';
import { formatBriefDate } from './dates';
import { briefLabels } from './labels';
import { escapeMarkdown, inlineMarkdown, lineSafe, type InlineMode } from './markdown-inline';
import { readBrief, type Block, type BriefDocument, type BriefExportInput, type ListBlock, type Run } from './model';
import { itemColumns, itemRowText, timelineCaption, timelineEntryText } from './sections';

export { citationsFromMarkdown, type MarkdownCitation } from './markdown-citations';

const text = (value: string, extra: Omit<Run, 'text'> = {}): Run => ({ text: value, ...extra });

function listLines(list: ListBlock, indent: string): string[] {
  return list.items.flatMap((item, i) => {
    const bullet = list.kind === 'number' ? `${list.start + i}.` : '-';
    const marker = list.kind === 'check' ? `${bullet} [${item.checked ? 'x' : ' '}]` : bullet;
    // Continuation lines and nested lists line up with the item's text, after the list marker.
    const pad = indent + ' '.repeat(bullet.length + 1);
    const [first = '', ...rest] = lineSafe(inlineMarkdown(item.runs)).split('\n');
    return [
      `${indent}${marker}${first ? ` ${first}` : ''}`,
      ...rest.map((line) => pad + line),
      ...item.lists.flatMap((nested) => listLines(nested, pad)),
    ];
  });
}

/** A GFM table row; cells hold no line breaks and escaped pipes. */
const tableRow = (cells: string[]): string => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;

function gfmTable(head: string[], body: string[][]): string {
  const width = Math.max(head.length, ...body.map((row) => row.length));
  const fill = (row: string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  return [
    tableRow(fill(head)),
    tableRow(Array<string>(width).fill('---')),
    ...body.map((row) => tableRow(fill(row))),
  ].join('\n');
}

/** Table cells laid on a grid: GFM has no spans, so the places a span covers stay empty. */
function tableGrid(block: Extract<Block, { type: 'table' }>): string[][] {
  const grid: string[][] = [];
  block.rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c] !== undefined) c++;
      const content = inlineMarkdown(cell.runs, 'table');
      for (let dr = 0; dr < cell.rowSpan && r + dr < block.rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? content : '';
      }
      c += cell.colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (cell) => cell ?? ''));
}

const quoted = (lines: string): string =>
  lines
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

function blockMarkdown(block: Block, doc: BriefDocument): string {
  const labels = briefLabels(doc.language);
  const inline = (runs: Run[], mode: InlineMode = 'block') => lineSafe(inlineMarkdown(runs, mode));
  switch (block.type) {
    case 'heading':
      // The brief's title is the one `#`; a trailing `#` would close the heading, so all are escaped.
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${inlineMarkdown(block.runs, 'heading').replace(/#/g, '\\#')}`;
    case 'paragraph':
      return inline(block.runs);
    case 'blockquote':
      return quoted(inline(block.runs));
    case 'quote': {
      const note = block.status ? `\n\n${inline([text(labels[block.status], { italic: true })])}` : '';
      return quoted(inline([text(block.quote), { text: '', note: block.note }]) + note);
    }
    case 'list':
      return listLines(block, '').join('\n');
    case 'table': {
      const [head = [], ...body] = tableGrid(block);
      return head.length ? gfmTable(head, body) : '';
    }
    case 'item-table': {
      if (!block.rows.length) return escapeMarkdown(labels.noItems);
      const cell = (value: string) => inlineMarkdown([text(value)], 'table');
      return gfmTable(
        itemColumns(doc.language),
        block.rows.map((row) => {
          const t = itemRowText(row, doc.language, doc.kindLabels);
          const note = row.note ? `[^${row.note}]` : '';
          return [cell(t.kind), cell(t.text), cell(t.owners), cell(t.deadline), cell(t.status), cell(t.source) + note];
        }),
      );
    }
    case 'timeline': {
      const caption = inline([text(timelineCaption(block.range, doc.language), { italic: true })]);
      if (!block.entries.length) return `${caption}\n\n${escapeMarkdown(labels.noEntries)}`;
      const zh = doc.language === 'zh';
      const entries = block.entries.map((entry) => {
        const t = timelineEntryText(entry, doc.language);
        const details = t.details ? (zh ? `（${t.details}）` : ` (${t.details})`) : '';
        return `- ${inline([text(t.date, { bold: true }), text(`${zh ? '：' : ' — '}${t.label}${details}`)])}`;
      });
      return `${caption}\n\n${entries.join('\n')}`;
    }
  }
}

/** A note's footnote definition: the citation, its title linked, then the passage's locator. */
function footnote(n: number, citation: BriefDocument['notes'][number]['citation'], doc: BriefDocument): string {
  const parts = citationParts(citation, doc.language);
  const title = `[${escapeMarkdown(parts.title)}](<${parts.href}>)`;
  return `[^${n}]: ${escapeMarkdown(parts.open)}${title}${escapeMarkdown(parts.close)} <${parts.locator}>`;
}

/** The Markdown of a brief already read (./model.ts). */
export function markdownOfBrief(doc: BriefDocument): string {
  const labels = briefLabels(doc.language);
  const title = escapeMarkdown(doc.title.trim() || labels.untitled).replace(/#/g, '\\#');
  const parts = [
    `# ${title}`,
    lineSafe(escapeMarkdown(labels.byline(doc.author, formatBriefDate(doc.date, doc.language)))),
  ];
  let previous: Block | undefined;
  for (const block of doc.blocks) {
    // Two lists in a row would read as one: an HTML comment keeps them apart.
    if (previous?.type === 'list' && block.type === 'list') parts.push('<!-- -->');
    const markdown = blockMarkdown(block, doc);
    if (markdown) parts.push(markdown);
    previous = block;
  }
  if (doc.notes.length) parts.push(doc.notes.map((note) => footnote(note.n, note.citation, doc)).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** A brief as Markdown. Throws BriefFormatError when its content is not a brief. */
export const briefToMarkdown = (input: BriefExportInput): string => markdownOfBrief(readBrief(input));
