// What the sync screens ask of storage (renderer/db/sync.ts implements it). Types only, so
// the screens, the shared-folder loop and the tests agree on one shape.
import type { BundleContents } from '../../shared/sync/bundle';
import type { BundleError } from '../../shared/sync/bundle-errors';
import type { BundleManifest } from '../../shared/sync/manifest';
import type { MergePlan } from '../../shared/sync/library-merge';
import type { ItemKindDefinition, Revision } from '../../shared/model/types';
import type { DocumentMatch } from '../../shared/sync/document-match';
import type { SyncRecord, SyncTable } from '../../shared/sync/tables';

/** Who this installation is, as colleagues see it. */
export interface ReplicaIdentity {
  replicaId: string;
  /** The analyst's name (the briefs' author setting), '' when not set yet. */
  analyst: string;
}

/** What to put in a bundle. Absent fields do not filter; fields given must all match (AND), values within one field any (OR). */
export interface BundleSelection {
  tags?: string[];
  /** Item kind ids. */
  itemKinds?: string[];
  documentIds?: string[];
  /** Owner names (normalised, as the owners view shows them). */
  owners?: string[];
  /** Only what changed here since the last bundle exchanged with this colleague (their replica id). */
  changedSinceExchangeWith?: string;
  /** Put the PDF files of the documents in too (bigger bundle). */
  includePdfs?: boolean;
  /** Recorded as the recipient of the bundle ("changed since" is then measured from now). */
  recipient?: string;
}

/** A colleague known from bundles exchanged with them. */
export interface Colleague {
  replicaId: string;
  analyst: string;
  /** ISO time of the last bundle we imported from them, or exported for them. */
  lastReceived: string | null;
  lastSent: string | null;
}

/** The values the export dialog offers for each filter. */
export interface ExportChoices {
  tags: string[];
  itemKinds: { id: string; label: string }[];
  documents: { id: string; title: string }[];
  owners: string[];
  colleagues: Colleague[];
}

export interface ExportedBundle {
  bytes: Uint8Array<ArrayBuffer>;
  /** A file name such as `dossier-张三-2026-11-23.dossier`. */
  fileName: string;
  counts: BundleManifest['counts'];
  /**
   * For a bundle of what changed since the last exchange with a colleague: what to record as
   * sent (`sync.noteSent`) once the file is saved. A bundle the analyst never saved was not sent.
   */
  sent?: SentMark;
}

/** What was sent to a colleague, and when: the next "changed since" bundle starts after it. */
export interface SentMark {
  colleagueId: string;
  at: string;
  clock: Revision;
  importSeq: number;
}

/** Progress of a long sync step, for a progress bar. */
export interface SyncProgress {
  phase: 'reading' | 'checking' | 'planning' | 'writing' | 'reanchoring';
  done: number;
  total: number;
}

/** A bundle read and planned against the library, waiting for the analyst's go-ahead. Nothing is written yet. */
export interface ImportPreview {
  manifest: BundleManifest;
  plan: MergePlan;
  /** The bundle's documents that are ours under another id (shared/sync/document-match.ts). */
  matched: DocumentMatch[];
  /** The sender's own item kinds this library lacks, as they will be added. */
  kinds: ItemKindDefinition[];
  /** Counts for the preview screen. */
  summary: {
    add: number;
    update: number;
    conflicts: number;
    deletions: number;
    unchanged: number;
    documentsToAdd: number;
    /** The bundle's documents this library holds under another id (both analysts imported them): the records go onto ours. */
    documentsMatched: number;
    kindsToAdd: number;
    /** Documents whose text changes: their highlights are re-anchored. */
    documentsToReanchor: number;
    /** Referenced texts neither side has (their records are kept; the reader shows the document as missing). */
    textsMissing: number;
    dangling: number;
  };
  /** The sender's clock was implausibly far ahead and was not merged into ours. */
  clockAhead: boolean;
  /** Whether the bundle was written by this installation. */
  ownBundle: boolean;
  /** What the bundle holds (texts and PDFs are stored on apply). */
  contents: BundleContents;
  /** The library's last change when the plan was made: apply plans again if the library moved on. */
  basedOn: string;
}

export type PreviewResult = { ok: true; preview: ImportPreview } | { ok: false; error: BundleError };

export interface ImportOutcome {
  /** Records written (0 for a bundle already imported). */
  written: number;
  documentsAdded: number;
  conflicts: number;
  /** Highlights re-anchored on changed documents, and those that could not be placed (orphans). */
  reanchored: number;
  orphaned: number;
}

/** One record with conflicts: its current version and the concurrent versions that lost. */
export interface ConflictEntry {
  table: SyncTable;
  id: string;
  /** What the analyst sees: the item's title, the highlight's quote, the document's title… */
  label: string;
  current: SyncRecord;
  /** Newest first. */
  conflicts: SyncRecord[];
  /** The analyst who wrote each version, where known from bundles (rev → name). */
  authors: Record<Revision, string>;
}
