// The data model of DESIGN.md. Plain data only: every record is JSON-serialisable
// so it can cross a worker, IPC or a sync bundle unchanged.

/** Hybrid logical clock revision, e.g. "000001700000000:0003:replica". Filled by the sync layer. */
export type Revision = string;

/** Fields every stored record carries (DESIGN.md "The data"). */
export interface RecordBase {
  id: string;
  createdAt: string; // ISO 8601
  updatedAt: string; // ISO 8601
  /** Revision of this version (HLC). */
  rev: Revision;
  /** Revision this version was edited from; null for a record's first version. */
  baseRev: Revision | null;
  /** Tombstone: the record was deleted (kept so deletions can travel). */
  deleted?: boolean;
  /** Which versions this one supersedes (shared/sync/lineage.ts); absent on records written before sync. */
  lineage?: Lineage;
}

/** A version's ancestry for sync: see shared/sync/README.md "Lineage". */
export interface Lineage {
  /** This version's number among the versions its replica wrote of this record, from 1. */
  seq: number;
  /** The versions this one supersedes: per replica, sorted inclusive ranges of seq. */
  seen: Record<string, [number, number][]>;
}

export type DatePrecision = 'year' | 'half' | 'quarter' | 'month' | 'day';

/** Dates are ranges, not points. `from`/`to` are YYYY-MM-DD, inclusive. */
export interface DateRange {
  from: string;
  to: string;
  precision: DatePrecision;
  /** The words the date came from, as written. */
  text: string;
}

/** A detected publication date and how sure the import is of it. */
export interface PublishedDate extends DateRange {
  /** 'detected': stated on the page; 'inferred': reasoned from the text; 'confirmed'/'edited': by the analyst. */
  status: 'detected' | 'inferred' | 'confirmed' | 'edited';
}

export type DocumentKind = 'text' | 'html' | 'markdown' | 'pdf';

export type BlockType = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'quote' | 'preformatted';

/** A structural block as an offset range into the canonical text. */
export interface Block {
  type: BlockType;
  start: number;
  end: number;
  /** Heading level 1–6 for headings. */
  level?: number;
  /** For table cells: row and column within their table; `table` numbers the document's tables. */
  table?: number;
  row?: number;
  col?: number;
  /** For list items: whether the list is ordered. */
  ordered?: boolean;
}

export interface DocumentSource {
  /** Publishing site or outlet, e.g. 北京青年报. */
  site: string | null;
  url: string | null;
  /** Writers and reporters as the page names them. */
  authors: string[];
  /** Where the page was hosted when that differs from who published it (e.g. a repost site). */
  host: string | null;
  /** Editor in charge ("责任编辑"), kept as metadata rather than body text. */
  editor: string | null;
  /** Where a repost says the article first appeared (e.g. 识政君 (ID:PoliticalInside)). */
  originalSource?: string | null;
}

export interface OriginalFile {
  name: string;
  /** Detected encoding of the original bytes. */
  encoding: string;
  size: number;
  /** The decoded original text, kept so the analyst can view it and re-run cleaning ('' for a PDF). */
  text: string;
  /** The file's bytes, kept for formats shown from them (PDF). */
  bytes?: Uint8Array;
}

/** What the library shows of a PDF without opening it. */
export interface PdfSummary {
  pages: number;
  /** Pages with a text layer; 0 for a scan, whose passages cannot be highlighted. */
  textPages: number;
}

export interface DocumentRecord extends RecordBase {
  title: string;
  kind: DocumentKind;
  source: DocumentSource;
  published: PublishedDate | null;
  importedAt: string;
  /** Canonical text: NFC, "\n" line ends; blocks are separated by a blank line. */
  text: string;
  blocks: Block[];
  /** SHA-256 of the canonical text, to recognise the same content imported twice. */
  contentHash: string;
  original: OriginalFile;
  pdf?: PdfSummary;
  /** For PDFs: where each text item sits on its page (stored with the text, not in lists). */
  pageMap?: PdfPageMap;
  /** Set on the parts of a page split into several articles. */
  splitFrom?: { id: string; title: string; part: number };
  /** Where the import thinks a page holding several articles could be split (block indexes). */
  proposedSplit?: { firstBlock: number; title: string }[];
  /** Metadata the analyst corrected by hand; a newer version of the document leaves these as they are. */
  edited?: EditableField[];
}

/** Document metadata the analyst can correct (the publication date carries its own status). */
export type EditableField = 'title' | 'site' | 'url' | 'authors';

/** What a library list needs of a document, without its text. Stored apart from the text so lists stay fast. */
export type DocumentMeta = Omit<DocumentRecord, 'text' | 'blocks' | 'original' | 'pageMap'> & {
  /** Length of the canonical text in characters. */
  length: number;
};

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** A box on a PDF page: page number from 1, PDF points at zoom 1, origin at the page's top left. */
export interface PdfRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where a PDF's text items sit, and which characters of the canonical text each one holds.
 * Items are listed per page in pdf.js's order of non-empty text items, which is also the
 * order of the spans of its text layer, so a selection maps back to text offsets.
 */
export interface PdfPageMap {
  pages: PdfPage[];
}

export interface PdfPage {
  /** Page size in PDF points (zoom 1, rotation applied). */
  width: number;
  height: number;
  /** The canonical text span of the page's kept text (start === end for a page without text). */
  start: number;
  end: number;
  items: PdfItem[];
}

export interface PdfItem {
  /** Offset of the item's first kept character in the canonical text; -1 when the item was dropped (a running header, a page number). */
  start: number;
  /** Characters of the item's string trimmed before `start`. */
  lead: number;
  /** Characters of the item in the canonical text. */
  length: number;
  /** Characters of the item's string as pdf.js gave it (its box spans all of them). */
  chars: number;
  /** Indexes into the item's string of characters left out of the text (spaces pdf.js put between spaced-out ideographs), ascending. */
  skipped?: number[];
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AnnotationTarget {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
  rects?: PdfRect[];
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

export interface AnnotationRecord extends RecordBase {
  documentId: string;
  target: AnnotationTarget;
  /** Set when re-anchoring could not place the passage; the annotation is kept. */
  orphaned?: boolean;
  color: HighlightColor;
  /** Lexical editor state as JSON, or null for no note. */
  note: string | null;
  /** Plain text of the note, for lists and search. */
  noteText: string;
  tags: string[];
  author: string;
}

export const ITEM_STATUSES = ['open', 'in-progress', 'done', 'missed', 'unknown'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A responsible unit or person as the text names it, and as the alias table knows it. */
export interface ItemOwner {
  /** As written: 市发改委. */
  asWritten: string;
  /** One name per owner (the alias table's canonical name): 北京市发展和改革委员会. */
  normalized: string;
  /** 'lead': 牵头 (leads the work); 'responsible': does it or answers for it. */
  role: 'lead' | 'responsible';
}

export interface QuantityTarget {
  /** The number in plain units (1.7万亿元 → 1.7e12). */
  value: number;
  /** Measure word or unit: 家, 个, 亩, 元. */
  unit: string;
  /** As written: 1.7万亿元, 不少于5人. */
  text: string;
}

/** Where an item's deadline came from: its own words, a dated heading above it, the text around it, or the analyst. */
export type DeadlineOrigin = 'explicit' | 'section' | 'context' | 'analyst';

/** A deadline: the date range of the words it came from; `to` is the day it falls due. */
export interface ItemDeadline extends DateRange {
  origin: DeadlineOrigin;
}

export interface StatusChange {
  status: ItemStatus;
  /** ISO 8601: when the status was set. */
  at: string;
}

export interface ItemRecord extends RecordBase {
  /** 'task' | 'commitment' | the id of an analyst-defined kind (settings 'itemKinds'). */
  kind: string;
  /** A short label: the passage, trimmed. */
  title: string;
  annotationIds: string[];
  documentId: string | null;
  owners: ItemOwner[];
  deadline: ItemDeadline | null;
  /** Earlier dated steps of the same passage (6月底竣工验收 before the 9月底前 deadline). */
  milestones: DateRange[];
  targets: QuantityTarget[];
  status: ItemStatus;
  /** Every status the item has had, oldest first; the last entry is `status`. */
  statusHistory: StatusChange[];
  category: string | null;
  tags: string[];
  /** Lexical editor state as JSON, or null for no note. */
  note: string | null;
  /** Plain text of the note, for lists and search. */
  noteText: string;
  /** 'suggested': accepted from the suggestions panel (with the rules' confidence); 'manual': tagged by hand. */
  origin: 'suggested' | 'manual';
}

/** An item kind the analyst can tag with: the built-in task and commitment, and kinds of their own. */
export interface ItemKindDefinition {
  id: string;
  /** Shown in menus and tables; built-in kinds are translated when `label` is empty. */
  label: string;
  color: HighlightColor;
  /** A single key: with Alt it tags the selection as this kind (t, c, …). */
  shortcut: string | null;
  /** Which fields the item editor shows for this kind. */
  fields: ItemField[];
}

export const ITEM_FIELDS = ['owners', 'deadline', 'targets', 'status', 'category', 'tags', 'note'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** A dated entry on the timeline that is not an item: a meeting, a milestone, a date pinned from the text. */
export interface EventRecord extends RecordBase {
  title: string;
  date: DateRange;
  documentId: string | null;
  /** The passage it was made from, if any. */
  annotationId: string | null;
  note: string | null;
}

export type LinkType = 'relates' | 'updates' | 'fulfils' | 'contradicts' | 'duplicates' | 'on-timeline';
export type LinkEndKind = 'annotation' | 'item' | 'event' | 'document';

export interface LinkRecord extends RecordBase {
  type: LinkType;
  from: { kind: LinkEndKind; id: string };
  to: { kind: LinkEndKind; id: string };
  note: string | null;
}

export interface BriefRecord extends RecordBase {
  title: string;
  /** Who wrote it, for the title page of its exports; absent in briefs from before it was asked. */
  author?: string;
  /** Lexical editor state as JSON; quote nodes cite annotations by id. */
  content: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}
