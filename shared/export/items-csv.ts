// Items as CSV, for Excel and scripts: RFC 4180 (fields quoted when they hold a quote, comma or
// line end; quotes doubled; CRLF between records), UTF-8 with a byte-order mark — without it
// Excel reads the file as the system's ANSI code page and the Chinese turns to mojibake.
import { isOverdue } from '../model/items';
import type { ItemRecord } from '../model/types';
import { itemPassage, kindLabel, ownersText, passageLink, publishedText, type ExportLookups } from './export-data';

export const CSV_BOM = '\uFEFF';

export const ITEM_CSV_COLUMNS = [
  'Kind',
  'Status',
  'Passage',
  'Owners',
  'Deadline from',
  'Deadline to',
  'Deadline precision',
  'Deadline words',
  'Targets',
  'Category',
  'Tags',
  'Note',
  'Document',
  'Source',
  'Source URL',
  'Published',
  'Overdue',
  'Item ID',
  'Link',
] as const;

// A spreadsheet runs a cell that starts with = + - or @ as a formula (and tab or CR can hide one
// such character in front), so a passage like "=HYPERLINK(…)" in a scraped page could run when
// the analyst opens the file (CSV injection, OWASP). A leading apostrophe makes Excel, LibreOffice
// and Google Sheets show the text as it is; the apostrophe itself is not displayed.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: neutralised if it could start a formula, quoted when it must be. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record, without its line end. */
export const csvRow = (cells: readonly string[]): string => cells.map(csvCell).join(',');

/** An item's fields, in ITEM_CSV_COLUMNS order. */
export function itemCsvFields(item: ItemRecord, lookups: ExportLookups, today: string): string[] {
  const document = item.documentId ? lookups.documents.get(item.documentId) : undefined;
  const { deadline } = item;
  return [
    kindLabel(lookups, item.kind),
    item.status,
    itemPassage(item, lookups.annotations),
    ownersText(item.owners),
    deadline?.from ?? '',
    deadline?.to ?? '',
    deadline?.precision ?? '',
    deadline?.text ?? '',
    item.targets.map((t) => t.text).join('; '),
    item.category ?? '',
    item.tags.join('; '),
    item.noteText,
    document?.title ?? '',
    document?.source.site ?? '',
    document?.source.url ?? '',
    publishedText(document?.published ?? null),
    isOverdue(item, today) ? 'yes' : 'no',
    item.id,
    item.documentId ? passageLink(lookups.appUrl, item.documentId, item.annotationIds[0]) : '',
  ];
}

/**
 * The CSV in pieces (the BOM and header first, then one record per item, each with its CRLF),
 * so a caller can build a large file a slice at a time without holding up the UI.
 * `today` (YYYY-MM-DD, the analyst's local day) decides the overdue flag.
 */
export function* itemsCsvPieces(items: Iterable<ItemRecord>, lookups: ExportLookups, today: string): Generator<string> {
  yield `${CSV_BOM}${csvRow(ITEM_CSV_COLUMNS)}\r\n`;
  for (const item of items) yield `${csvRow(itemCsvFields(item, lookups, today))}\r\n`;
}

/** The whole CSV as one string. */
export const itemsCsv = (items: Iterable<ItemRecord>, lookups: ExportLookups, today: string): string =>
  [...itemsCsvPieces(items, lookups, today)].join('');
