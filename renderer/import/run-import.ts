import type { PickedFile, PickedFileErrorCode } from '../../shared/ipc/contract';
import type { IngestedDocument, RefusalCode } from '../../shared/ingest/types';
import type { ReanchorReport, Repository } from '../db/repository';
import type { IngestClient } from './ingest-client';

/**
 * 'new-version': new text under a stored document's address or title, held (not stored) until the
 * analyst chooses; then 'updating', and 'updated' (that document now has this text) or 'imported'.
 */
export type FileState =
  'waiting' | 'reading' | 'imported' | 'duplicate' | 'refused' | 'new-version' | 'updating' | 'updated';

export interface FileProgress {
  name: string;
  size: number;
  state: FileState;
  /** A password-protected PDF, kept (in memory only) so the analyst can give its password and try again. */
  locked?: PickedFile;
  /** Pages read so far, for a PDF. */
  pages?: { done: number; total: number };
  /** Why a file was refused (a code the UI words) and the detail in English. */
  refusal?: { code: RefusalCode | PickedFileErrorCode | 'crashed'; message: string };
  /** The new document, or the one already holding this content, or the one this is a new version of. */
  documentId?: string;
  title?: string;
  /** A new version's parsed text, kept in memory only until the analyst chooses what to do with it. */
  draft?: IngestedDocument;
  /** How the highlights of the updated document fared. */
  report?: ReanchorReport;
}

export interface ImportProgress {
  files: FileProgress[];
  phase: 'running' | 'done' | 'cancelled' | 'failed';
  error?: string;
}

/**
 * Imports a batch: each file is parsed in the worker (progress per file), then every
 * parsed document is stored in one transaction. Cancelling before the end, or a failed
 * write, leaves the library exactly as it was. Refused files never stop the batch.
 */
export async function runImport(
  files: PickedFile[],
  client: IngestClient,
  repository: Repository,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
  /** The password of a protected PDF (a one-file retry). */
  password?: string,
): Promise<ImportProgress> {
  const progress: ImportProgress = {
    phase: 'running',
    files: files.map((f) => ({ name: f.name, size: f.bytes.byteLength, state: 'waiting' })),
  };
  const report = () => onProgress({ ...progress, files: progress.files.map((f) => ({ ...f })) });
  const cancelled = (): ImportProgress => {
    progress.phase = 'cancelled';
    report();
    return progress;
  };
  signal.addEventListener('abort', () => client.cancel(), { once: true });
  report();

  const drafts: { index: number; doc: IngestedDocument }[] = [];
  for (const [index, file] of files.entries()) {
    if (signal.aborted) return cancelled();
    const entry = progress.files[index]!;
    if (file.error) {
      // The platform could not read it (too large to load, a folder, unreadable).
      entry.state = 'refused';
      entry.refusal = file.error;
      report();
      continue;
    }
    entry.state = 'reading';
    report();
    try {
      const outcome = await client.ingest(file.name, file.bytes, {
        password,
        onProgress: (done, total) => {
          entry.pages = { done, total };
          report();
        },
      });
      if (outcome.ok) {
        drafts.push({ index, doc: outcome.doc });
        entry.title = outcome.doc.title;
      } else {
        entry.state = 'refused';
        entry.refusal = outcome.refusal;
        if (outcome.refusal.code === 'password-required' || outcome.refusal.code === 'wrong-password') {
          entry.locked = file;
        }
      }
    } catch (error) {
      if (signal.aborted) return cancelled();
      entry.state = 'refused';
      entry.refusal = { code: 'crashed', message: error instanceof Error ? error.message : String(error) };
    }
    report();
  }
  if (signal.aborted) return cancelled();

  try {
    const stored = await repository.documents.importBatch(drafts.map((d) => d.doc));
    stored.forEach((result, i) => {
      const entry = progress.files[drafts[i]!.index]!;
      if (result.status === 'added') {
        entry.state = 'imported';
        entry.documentId = result.meta.id;
      } else {
        entry.state = result.status;
        entry.documentId = result.existingId;
        entry.title = result.existingTitle;
        if (result.status === 'new-version') entry.draft = drafts[i]!.doc;
      }
    });
    progress.phase = 'done';
  } catch (error) {
    progress.phase = 'failed';
    progress.error = error instanceof Error ? error.message : String(error);
  }
  report();
  return progress;
}

/**
 * Settles a new version the import held back: 'update' replaces the stored document's text
 * (highlights re-anchored), 'new' adds it as a document of its own. Returns the file's new state.
 */
export async function resolveVersion(
  file: FileProgress,
  choice: 'update' | 'new',
  repository: Repository,
): Promise<FileProgress> {
  const { draft, documentId } = file;
  if (file.state !== 'new-version' || !draft || !documentId) return file;
  file = { ...file, refusal: undefined };
  if (choice === 'update') {
    const result = await repository.documents.updateFromDraft(documentId, draft);
    if (result.status === 'updated') {
      const meta = await repository.documents.get(documentId);
      return { ...file, state: 'updated', draft: undefined, report: result.report, title: meta?.title ?? file.title };
    }
    return {
      ...file,
      state: 'duplicate',
      draft: undefined,
      documentId: result.existingId,
      title: result.existingTitle,
    };
  }
  const result = await repository.documents.addAsNew(draft);
  if (result.status === 'added') {
    return { ...file, state: 'imported', draft: undefined, documentId: result.meta.id, title: result.meta.title };
  }
  return { ...file, state: 'duplicate', draft: undefined, documentId: result.existingId, title: result.existingTitle };
}
