import type { PickedFile, PickedFileErrorCode } from '../../shared/ipc/contract';
import type { IngestedDocument, RefusalCode } from '../../shared/ingest/types';
import type { Repository } from '../db/repository';
import type { IngestClient } from './ingest-client';

export type FileState = 'waiting' | 'reading' | 'imported' | 'duplicate' | 'refused';

export interface FileProgress {
  name: string;
  size: number;
  state: FileState;
  /** Why a file was refused (a code the UI words) and the detail in English. */
  refusal?: { code: RefusalCode | PickedFileErrorCode | 'crashed'; message: string };
  /** The new document, or the one already holding this content. */
  documentId?: string;
  title?: string;
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
      const outcome = await client.ingest(file.name, file.bytes);
      if (outcome.ok) {
        drafts.push({ index, doc: outcome.doc });
        entry.title = outcome.doc.title;
      } else {
        entry.state = 'refused';
        entry.refusal = outcome.refusal;
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
        entry.state = 'duplicate';
        entry.documentId = result.existingId;
        entry.title = result.existingTitle;
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
