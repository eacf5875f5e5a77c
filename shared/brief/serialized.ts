// The stored shape of a brief: Lexical's serialized editor state (JSON), with Dossier's own
// block nodes. The renderer's Lexical nodes write exactly these shapes (exportJSON) and the
// exporters (Markdown, HTML, DOCX) read them, so both sides agree on one definition here.
import type { DateRange, ItemStatus, LinkEndKind } from '../model/types';

/** Where a quote comes from, as shown in its citation. Copied when the quote is inserted. */
export interface QuoteCitation {
  documentId: string;
  title: string;
  /** Site or publisher, e.g. 首都之窗. */
  site?: string;
  url?: string;
  /** Publication date (ISO day, or the range's `from`) and how precisely it is known. */
  published?: { date: string; precision: DateRange['precision'] };
  /** Offsets into the document's canonical text. */
  position: { start: number; end: number };
  /** PDF page (1-based) where the passage starts, when the source is a PDF. */
  page?: number;
}

/** A passage quoted from an annotation; its citation is live (refreshed from the library). */
export interface SerializedQuoteNode {
  type: 'dossier-quote';
  version: 1;
  annotationId: string;
  /** The quoted words as inserted; compared with the source to tell a changed passage. */
  quote: string;
  citation: QuoteCitation;
}

/** One row of an item table, as last refreshed. */
export interface ItemTableRow {
  itemId: string;
  kind: string;
  /** The item's passage (its quote), shortened for a table. */
  text: string;
  owners: string[];
  /** The deadline as a date range, or null when the item has none. */
  deadline: Pick<DateRange, 'from' | 'to' | 'precision'> | null;
  status: ItemStatus;
  /** Citation of the item's source passage. */
  source: QuoteCitation | null;
  annotationId: string | null;
}

/** Which items an item table shows. Empty lists mean "any". */
export interface ItemTableFilter {
  kinds: string[];
  statuses: ItemStatus[];
  owners: string[];
  documentIds: string[];
  /** Deadline on or after / on or before (ISO days). */
  deadlineFrom?: string;
  deadlineTo?: string;
  /** Exactly these items (a selection the brief was drafted from); absent means "any". */
  itemIds?: string[];
  /** The items view's other filters, kept when a table is drafted from it (its meaning: shared/model/item-filters.ts). */
  category?: string;
  tag?: string;
  /** Words each of which must occur in the item's text fields. */
  text?: string;
  overdueOnly?: boolean;
}

export interface SerializedItemTableNode {
  type: 'dossier-item-table';
  version: 1;
  filter: ItemTableFilter;
  rows: ItemTableRow[];
  /** How many items the filter matched, when that is more than `rows` keeps (the first, by deadline). */
  total?: number;
  /** ISO time of the last refresh from the library. */
  refreshedAt: string;
}

/** One entry of a timeline section, as last refreshed. */
export interface TimelineSectionEntry {
  kind: 'item' | 'event' | 'document' | 'mention';
  /** What the entry points at, to open it from the brief. */
  ref: { kind: LinkEndKind; id: string };
  date: Pick<DateRange, 'from' | 'to' | 'precision'>;
  label: string;
  status?: ItemStatus;
  /** Title of the document it comes from. */
  documentTitle?: string;
}

export interface SerializedTimelineSectionNode {
  type: 'dossier-timeline';
  version: 1;
  /** ISO days, inclusive. */
  range: { from: string; to: string };
  /** Which entries of the range it shows (the timeline's filters; kinds may hold '@event', '@document'); absent: all. */
  filter?: ItemTableFilter;
  entries: TimelineSectionEntry[];
  /** How many entries the range holds, when that is more than `entries` keeps (the first, in time). */
  total?: number;
  refreshedAt: string;
}

export type SerializedDossierNode = SerializedQuoteNode | SerializedItemTableNode | SerializedTimelineSectionNode;
