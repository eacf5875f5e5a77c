import type { Block, DocumentKind, DocumentSource, OriginalFile, PublishedDate } from '../model/types';

export interface IngestInput {
  name: string;
  bytes: Uint8Array;
}

/** Why a file was not imported. The renderer turns the code into words in the analyst's language. */
export type RefusalCode =
  | 'unsupported-extension'
  | 'empty'
  | 'binary'
  | 'invalid-encoding'
  | 'too-large'
  | 'no-text';

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
  /** Canonical text: NFC, "\n" line ends, blocks separated by "\n\n". */
  text: string;
  blocks: Block[];
  contentHash: string;
  original: OriginalFile;
  /** When the page looks like several articles (a newspaper page), where they start. */
  articles: ProposedArticle[];
  /** Boilerplate lines that cleaning dropped, for the analyst to review. */
  dropped: string[];
}

export type IngestOutcome = { ok: true; doc: IngestedDocument } | { ok: false; refusal: Refusal };
