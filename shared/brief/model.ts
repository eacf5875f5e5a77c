// The neutral document every brief exporter writes from: a brief's stored Lexical state read
// once into headings, paragraphs of formatted runs, lists, tables and Dossier's blocks, with its
// notes (quote citations, item sources) numbered once in reading order — so the Markdown, HTML
// and DOCX of one brief say the same things in the same order. Pure.
import type { QuoteCitation, ItemTableRow, TimelineSectionEntry } from './serialized';
import type { BriefLanguage } from './dates';
import { readBlocks, type ReadContext } from './read-lexical';
import { BriefFormatError, editorStateSchema, exportInputSchema, describeIssues } from './schema';

export type { BriefLanguage } from './dates';
export { BriefFormatError } from './schema';

/** How a quote stands against its source now (renderer/briefs/citation.ts decides it). */
export type QuoteStatus = 'matches' | 'changed' | 'missing';

/** What an export is made from. */
export interface BriefExportInput {
  title: string;
  author?: string;
  /** The day the brief is dated: an ISO date or date-time. */
  date: string;
  /** The brief's Lexical editor state: the stored JSON string, or the state already parsed. */
  content: string | object;
  language: BriefLanguage;
  /** Each quote's status by annotation id; a quote not listed is taken to match. */
  quoteStatus?: Record<string, QuoteStatus>;
  /** Names of the analyst's own item kinds by id (tasks and commitments are named already). */
  kindLabels?: Record<string, string>;
}

/** A stretch of text with one formatting. `text` holds "\n" for a line break and "\t" for a tab. */
export interface Run {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  code?: true;
  sub?: true;
  sup?: true;
  /** A link's address, already checked safe (./safe-link.ts). */
  link?: string;
  /** A reference to note `note` of the brief (its text is empty). */
  note?: number;
}

export interface ListItem {
  runs: Run[];
  /** For check lists: whether the item is ticked. */
  checked?: boolean;
  /** Lists nested under this item. */
  lists: ListBlock[];
}

export interface ListBlock {
  type: 'list';
  kind: 'bullet' | 'number' | 'check';
  /** The first number of a numbered list. */
  start: number;
  items: ListItem[];
}

export interface TableCell {
  runs: Run[];
  /** A header cell (of a header row or a header column). */
  header: boolean;
  colSpan: number;
  rowSpan: number;
}

export interface TableRow {
  /** Every cell of the row is a column head: the row repeats atop each page. */
  header: boolean;
  cells: TableCell[];
}

/** An item table row, and the number of the note citing its source. */
export type ItemRow = ItemTableRow & { note?: number };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; runs: Run[] }
  | { type: 'paragraph'; runs: Run[] }
  | ListBlock
  | { type: 'table'; rows: TableRow[] }
  /** A plain block quotation typed in the brief (no citation). */
  | { type: 'blockquote'; runs: Run[] }
  /** A passage quoted from a highlight, cited in note `note`. */
  | {
      type: 'quote';
      annotationId: string;
      quote: string;
      citation: QuoteCitation;
      status?: Exclude<QuoteStatus, 'matches'>;
      note: number;
    }
  | { type: 'item-table'; rows: ItemRow[] }
  | { type: 'timeline'; range: { from: string; to: string }; entries: TimelineSectionEntry[] };

/** A numbered note: the citation of a quote or of an item's source. */
export interface Note {
  n: number;
  citation: QuoteCitation;
}

export interface BriefDocument {
  title: string;
  author?: string;
  date: string;
  language: BriefLanguage;
  kindLabels: Record<string, string>;
  blocks: Block[];
  /** Every note, numbered from 1 in reading order. */
  notes: Note[];
}

function parseContent(content: string | object): unknown {
  if (typeof content !== 'string') return content;
  if (!content.trim()) throw new BriefFormatError('The brief is empty: there is no editor state to export.');
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new BriefFormatError(`The brief is damaged: its content is not valid JSON (${(error as Error).message}).`);
  }
}

/** A brief read for export. Throws BriefFormatError, with a message for the analyst, when it cannot be. */
export function readBrief(input: BriefExportInput): BriefDocument {
  const checked = exportInputSchema.safeParse(input);
  if (!checked.success) throw new BriefFormatError(`The export was asked wrongly: ${describeIssues(checked.error)}.`);
  const state = editorStateSchema.safeParse(parseContent(input.content));
  if (!state.success) {
    throw new BriefFormatError(
      'This is not a Dossier brief: expected a Lexical editor state whose root node holds the brief ' +
        `(${describeIssues(state.error)}).`,
    );
  }
  const context: ReadContext = { notes: [], quoteStatus: input.quoteStatus ?? {} };
  const blocks = readBlocks(state.data.root.children, context, '', 0);
  return {
    title: input.title,
    ...(input.author?.trim() && { author: input.author.trim() }),
    date: input.date,
    language: input.language,
    kindLabels: input.kindLabels ?? {},
    blocks,
    notes: context.notes,
  };
}
