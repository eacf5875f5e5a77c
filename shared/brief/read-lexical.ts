// Lexical's serialized nodes (v0.52, the full form and the compact one that omits defaults) read
// into the brief model. Standard nodes are read for what they mean; Dossier's own are checked
// (./schema.ts); a node of a type this code does not know is read for its text, so a brief
// written by a newer editor or a plugin still exports, never throws for it. Pure.
import type { z } from 'zod';
import type { Block, ListBlock, ListItem, QuoteStatus, Run, TableCell, TableRow, Note } from './model';
import { BriefFormatError, describeIssues, itemTableNodeSchema, quoteNodeSchema, timelineNodeSchema } from './schema';
import { safeLinkUrl } from './safe-link';

/** What reading collects on the way: the notes, numbered in reading order. */
export interface ReadContext {
  notes: Note[];
  quoteStatus: Record<string, QuoteStatus>;
}

type Node = Record<string, unknown> & { type?: unknown };

// A hostile or broken state can nest without end; the brief's own structure is a few levels deep.
const MAX_DEPTH = 100;

// Lexical's text format bits (lexical/src/LexicalConstants.ts).
const FORMAT = { bold: 1, italic: 2, strike: 4, underline: 8, code: 16, sub: 32, sup: 64 } as const;

const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'quote',
  'list',
  'table',
  'dossier-quote',
  'dossier-item-table',
  'dossier-timeline',
]);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const childrenOf = (node: Node): unknown[] => (Array.isArray(node.children) ? node.children : []);
const typeOf = (node: Node): string => (typeof node.type === 'string' ? node.type : '');
const childPath = (path: string, index: number) => (path ? `${path}.${index + 1}` : `${index + 1}`);

function checkDepth(depth: number): void {
  if (depth > MAX_DEPTH) throw new BriefFormatError(`The brief is damaged: it nests deeper than ${MAX_DEPTH} levels.`);
}

/** Dossier's node checked against its schema, or a BriefFormatError naming the node. */
function checked<T extends z.ZodType>(schema: T, node: Node, path: string, what: string): z.output<T> {
  const result = schema.safeParse(node);
  if (!result.success) {
    throw new BriefFormatError(`The brief's ${what} (block ${path}) is damaged: ${describeIssues(result.error)}.`);
  }
  return result.data;
}

const sameFormat = (a: Run, b: Run): boolean =>
  a.note === undefined &&
  b.note === undefined &&
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.strike === b.strike &&
  a.code === b.code &&
  a.sub === b.sub &&
  a.sup === b.sup &&
  a.link === b.link;

/** Neighbouring runs of one formatting joined, empty ones dropped: each format then marks up a stretch once. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (!run.text && run.note === undefined) continue;
    const last = merged.at(-1);
    if (last && sameFormat(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** Leading and trailing line breaks dropped (an empty line at a paragraph's end is no content). */
function trimBreaks(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && out[0]!.note === undefined && /^\n+$/.test(out[0]!.text)) out.shift();
  while (out.length && out.at(-1)!.note === undefined && /^\n+$/.test(out.at(-1)!.text)) out.pop();
  return out;
}

function textRun(text: string, format: unknown, link: string | undefined): Run {
  const run: Run = { text };
  const bits = typeof format === 'number' ? format : 0;
  for (const [mark, bit] of Object.entries(FORMAT) as [keyof typeof FORMAT, number][]) {
    if (bits & bit) run[mark] = true;
  }
  if (link) run.link = link;
  return run;
}

function addNote(context: ReadContext, citation: Note['citation']): number {
  const n = context.notes.length + 1;
  context.notes.push({ n, citation });
  return n;
}

/** Inline content: text, line breaks, tabs and links; anything else for its text. */
function readInline(nodes: unknown[], context: ReadContext, path: string, depth: number, link?: string): Run[] {
  checkDepth(depth);
  const runs: Run[] = [];
  nodes.forEach((value, index) => {
    if (!isNode(value)) return;
    const type = typeOf(value);
    const here = childPath(path, index);
    if (type === 'linebreak') runs.push({ text: '\n' });
    else if (type === 'link' || type === 'autolink') {
      const own = value.isUnlinked === true ? undefined : safeLinkUrl(value.url);
      runs.push(...readInline(childrenOf(value), context, here, depth + 1, own ?? link));
    } else if (type.startsWith('dossier-') || BLOCK_TYPES.has(type)) {
      // A block where only text belongs (a foreign writer's nesting): its content, on lines of its own.
      const blocks = readBlock(value, context, here, depth + 1);
      runs.push({ text: '\n' }, ...blocks.flatMap((b) => [...blockRuns(b), { text: '\n' }]));
    } else if (typeof value.text === 'string') runs.push(textRun(value.text, value.format, link));
    else runs.push(...readInline(childrenOf(value), context, here, depth + 1, link));
  });
  return mergeRuns(runs);
}

/** The runs of a block read where only text may stand (a table cell, a list item). */
function blockRuns(block: Block): Run[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'blockquote':
      return block.runs;
    case 'quote':
      return [{ text: `“${block.quote}”` }, { text: '', note: block.note }];
    case 'list':
      return block.items.flatMap((item, i) => [
        ...(i ? [{ text: '\n' }] : []),
        ...item.runs,
        ...item.lists.flatMap((list) => [{ text: '\n' }, ...blockRuns(list)]),
      ]);
    case 'table':
      return block.rows.flatMap((row, i) => [
        ...(i ? [{ text: '\n' }] : []),
        ...row.cells.flatMap((cell, j) => [...(j ? [{ text: ' | ' }] : []), ...cell.runs]),
      ]);
    case 'item-table':
      return block.rows.flatMap((row, i) => [
        ...(i ? [{ text: '\n' }] : []),
        { text: row.text },
        ...(row.note ? [{ text: '', note: row.note }] : []),
      ]);
    case 'timeline':
      return block.entries.flatMap((entry, i) => [...(i ? [{ text: '\n' }] : []), { text: entry.label }]);
  }
}

function readList(node: Node, context: ReadContext, path: string, depth: number): ListBlock {
  checkDepth(depth);
  const listType = node.listType;
  // 'ul'/'ol' are the tag-form list types older states carry; 'number' is the compact form's default.
  const kind =
    listType === 'bullet' || listType === 'ul' || (listType === undefined && node.tag === 'ul')
      ? 'bullet'
      : listType === 'check'
        ? 'check'
        : 'number';
  const start = typeof node.start === 'number' && Number.isInteger(node.start) ? node.start : 1;
  const items: ListItem[] = [];
  const lastItem = () => items.at(-1) ?? items[items.push({ runs: [], lists: [] }) - 1]!;
  childrenOf(node).forEach((child, index) => {
    if (!isNode(child)) return;
    const here = childPath(path, index);
    if (typeOf(child) === 'list') {
      lastItem().lists.push(readList(child, context, here, depth + 1));
      return;
    }
    const parts = typeOf(child) === 'listitem' ? childrenOf(child) : [child];
    const nested = parts.filter((p) => isNode(p) && typeOf(p) === 'list') as Node[];
    const content = parts.filter((p) => !(isNode(p) && typeOf(p) === 'list'));
    const lists = nested.map((list, i) => readList(list, context, `${here}.${i + 1}`, depth + 2));
    // Lexical nests a list as an item holding only that list: it belongs to the item before.
    if (content.length === 0 && lists.length > 0 && items.length > 0) {
      lastItem().lists.push(...lists);
      return;
    }
    const item: ListItem = { runs: trimBreaks(readInline(content, context, here, depth + 1)), lists };
    if (kind === 'check') item.checked = child.checked === true;
    items.push(item);
  });
  return { type: 'list', kind, start, items };
}

const span = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 ? Math.min(value, 1000) : 1;

function readTable(node: Node, context: ReadContext, path: string, depth: number): Block {
  checkDepth(depth);
  const rows: TableRow[] = [];
  childrenOf(node).forEach((rowNode, r) => {
    if (!isNode(rowNode)) return;
    const rowPath = childPath(path, r);
    const cellNodes = typeOf(rowNode) === 'tablerow' ? childrenOf(rowNode) : [rowNode];
    const cells: TableCell[] = [];
    const headerStates: number[] = [];
    cellNodes.forEach((cellNode, c) => {
      if (!isNode(cellNode)) return;
      const headerState = typeof cellNode.headerState === 'number' ? cellNode.headerState : 0;
      headerStates.push(headerState);
      const inCell = typeOf(cellNode) === 'tablecell' ? childrenOf(cellNode) : [cellNode];
      cells.push({
        runs: trimBreaks(readCellRuns(inCell, context, childPath(rowPath, c), depth + 2)),
        header: headerState !== 0,
        colSpan: span(cellNode.colSpan),
        rowSpan: span(cellNode.rowSpan),
      });
    });
    // Lexical marks a header row by its cells' ROW bit (1); a header column's cells carry COLUMN (2).
    if (cells.length) rows.push({ header: headerStates.every((s) => (s & 1) === 1), cells });
  });
  return { type: 'table', rows };
}

/** A table cell holds paragraphs: their runs, one paragraph a line. */
function readCellRuns(nodes: unknown[], context: ReadContext, path: string, depth: number): Run[] {
  const runs: Run[] = [];
  nodes.forEach((node, index) => {
    if (!isNode(node)) return;
    const type = typeOf(node);
    const inline =
      type === 'paragraph' || type === 'heading' || type === 'quote'
        ? readInline(childrenOf(node), context, childPath(path, index), depth + 1)
        : readInline([node], context, path, depth);
    if (runs.length && inline.length) runs.push({ text: '\n' });
    runs.push(...inline);
  });
  return mergeRuns(runs);
}

function headingLevel(tag: unknown): 1 | 2 | 3 | 4 | 5 | 6 {
  const level = typeof tag === 'string' ? Number(/^h([1-6])$/.exec(tag)?.[1] ?? 1) : 1;
  return level as 1 | 2 | 3 | 4 | 5 | 6;
}

/** Whether blocks stand somewhere inside a node (a foreign container: a collapsible section, a layout). */
function holdsBlocks(node: Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false; // reading it will refuse the depth
  return childrenOf(node).some(
    (child) => isNode(child) && (BLOCK_TYPES.has(typeOf(child)) || holdsBlocks(child, depth + 1)),
  );
}

/** One node at block level, as zero or more blocks. */
export function readBlock(node: Node, context: ReadContext, path: string, depth: number): Block[] {
  checkDepth(depth);
  const type = typeOf(node);
  // An empty paragraph, heading or quotation is spacing in the editor, not content.
  const inline = () => trimBreaks(readInline(childrenOf(node), context, path, depth + 1));
  const unlessEmpty = (block: Block & { runs: Run[] }): Block[] => (block.runs.length ? [block] : []);
  switch (type) {
    case 'paragraph':
      return unlessEmpty({ type: 'paragraph', runs: inline() });
    case 'heading':
      return unlessEmpty({ type: 'heading', level: headingLevel(node.tag), runs: inline() });
    case 'quote':
      return unlessEmpty({ type: 'blockquote', runs: inline() });
    case 'list':
      return [readList(node, context, path, depth)];
    case 'table':
      return [readTable(node, context, path, depth)];
    case 'dossier-quote': {
      const quote = checked(quoteNodeSchema, node, path, 'quote');
      const status = context.quoteStatus[quote.annotationId];
      return [
        {
          type: 'quote',
          annotationId: quote.annotationId,
          quote: quote.quote,
          citation: quote.citation,
          ...(status && status !== 'matches' && { status }),
          note: addNote(context, quote.citation),
        },
      ];
    }
    case 'dossier-item-table': {
      const table = checked(itemTableNodeSchema, node, path, 'item table');
      const rows = table.rows.map((row) => (row.source ? { ...row, note: addNote(context, row.source) } : { ...row }));
      return [{ type: 'item-table', rows }];
    }
    case 'dossier-timeline': {
      const timeline = checked(timelineNodeSchema, node, path, 'timeline section');
      return [{ type: 'timeline', range: timeline.range, entries: timeline.entries }];
    }
  }
  // Not a block we know: a container of blocks (or of list items, rows) is read through; anything
  // else stands as a paragraph of its text.
  if (holdsBlocks(node, depth)) return readBlocks(childrenOf(node), context, path, depth + 1);
  const runs = trimBreaks(readInline([node], context, path, depth));
  return runs.length ? [{ type: 'paragraph', runs }] : [];
}

/** A sequence of nodes at block level; neighbouring inline nodes (a foreign writer's) share a paragraph. */
export function readBlocks(nodes: unknown[], context: ReadContext, path: string, depth: number): Block[] {
  checkDepth(depth);
  const blocks: Block[] = [];
  let pending: unknown[] = [];
  const flush = () => {
    const runs = trimBreaks(readInline(pending, context, path, depth + 1));
    if (runs.length) blocks.push({ type: 'paragraph', runs });
    pending = [];
  };
  nodes.forEach((node, index) => {
    if (!isNode(node)) return;
    const type = typeOf(node);
    const isInline = !BLOCK_TYPES.has(type) && !Array.isArray(node.children) && typeof node.text === 'string';
    if (isInline || type === 'linebreak' || type === 'link' || type === 'autolink') {
      pending.push(node);
      return;
    }
    flush();
    blocks.push(...readBlock(node, context, childPath(path, index), depth + 1));
  });
  flush();
  return blocks;
}
