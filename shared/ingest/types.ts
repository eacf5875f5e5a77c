import type {
  Block,
  BlockType,
  DocumentKind,
  DocumentSource,
  OriginalFile,
  PdfPageMap,
  PdfSummary,
  PublishedDate,
} from '../model/types';

export interface IngestInput {
  name: string;
  bytes: Uint8Array;
}

export interface IngestOptions {
  /** Largest file accepted, in bytes (default DEFAULT_MAX_BYTES, 20 MB). */
  maxBytes?: number;
}

/** Why a file was not imported. The renderer turns the code into words in the analyst's language. */
export type RefusalCode =
  | 'unsupported-extension'
  | 'empty'
  | 'binary'
  | 'invalid-encoding'
  | 'too-large'
  | 'no-text'
  | 'corrupt-pdf'
  | 'password-required'
  | 'wrong-password';

export interface Refusal {
  code: RefusalCode;
  /** An English sentence naming the problem, for the CLI and logs. */
  message: string;
}

/** A proposed split of a page holding several articles: each part starts at a block index. */
export interface ProposedArticle {
  /** Index into `blocks` of the part's first block. */
  firstBlock: number;
  title: string;
  authors: string[];
}

/** Everything the import detected about one file, before it is stored. */
export interface IngestedDocument {
  title: string;
  kind: DocumentKind;
  source: DocumentSource;
  published: PublishedDate | null;
  /** Canonical text: NFC, "\n" line ends, blocks separated by "\n\n". Offsets are UTF-16 code units. */
  text: string;
  blocks: Block[];
  contentHash: string;
  original: OriginalFile;
  /** When the page looks like several articles (a newspaper page), where they start. Empty otherwise. */
  articles: ProposedArticle[];
  /** Boilerplate lines that cleaning dropped, for the analyst to review. */
  dropped: string[];
  /** The dropped lines that are site furniture (navigation, related news, legal notices), not about the document. */
  furniture?: string[];
  /**
   * Who first published the piece when the page says it is a repost, e.g. "识政君 (ID:PoliticalInside)".
   * Not part of DocumentSource (the model); the import screen may show it. Always set by `ingest`.
   */
  originalSource?: string | null;
  /** PDFs only: page count and where each text item sits. */
  pdf?: { summary: PdfSummary; pageMap: PdfPageMap };
}

export type IngestOutcome = { ok: true; doc: IngestedDocument } | { ok: false; refusal: Refusal };

// ---- Internal shapes shared by the pipeline modules -------------------------------------------

/** A block before offsets exist: its text and structure, straight from a format parser. */
export interface RawBlock {
  type: BlockType;
  text: string;
  level?: number;
  table?: number;
  row?: number;
  col?: number;
  ordered?: boolean;
  /** Plain text only: blank lines before this line (a layout hint for cleaning, rejoining and splitting). */
  gap?: number;
  /** HTML only: share of the block's characters that sit inside links (navigation is mostly links). */
  linkRatio?: number;
  /** Set by cleaning: lines right before this block were removed (rejoining across them needs strong evidence). */
  afterCut?: boolean;
}

/** Metadata a format states outright (HTML head, JSON-LD, Markdown front matter). */
export interface MetaCandidates {
  /** Title candidates, best first (already entity-decoded, not yet cleaned of site suffixes). */
  titles: string[];
  /** Date strings as written, best first. */
  dates: string[];
  authors: string[];
  /** Who published the article as the page states it (gov.cn's ContentSource, front matter `source`). */
  sources: string[];
  /** The website's own name (og:site_name, SiteName, JSON-LD publisher). */
  sites: string[];
  url: string | null;
  description: string | null;
  /** When the CMS generated the page ("页面生成时间 …"): a PubDate equal to it is not the publication date. */
  generated?: string | null;
}

/** What a format parser hands to the cleaning and detection stages. */
export interface ParsedPage {
  kind: DocumentKind;
  blocks: RawBlock[];
  meta: MetaCandidates;
  /** HTML only: prose-like lines inside regions skipped as chrome (listed as dropped, never lost silently). */
  skipped?: string[];
}

/** One part of a split page: a self-contained document body with offsets re-based to its own text. */
export interface DocumentPart {
  title: string;
  text: string;
  blocks: Block[];
  contentHash: string;
  authors: string[];
  /** Offset of the part's text in the page's canonical text (to carry annotations across). */
  startOffset: number;
  /** Index of the part's first block in the page's blocks (its title block when it has one). */
  firstBlock: number;
  published: PublishedDate | null;
  source: DocumentSource;
}

export const emptyMeta = (): MetaCandidates => ({
  titles: [],
  dates: [],
  authors: [],
  sources: [],
  sites: [],
  url: null,
  description: null,
});
