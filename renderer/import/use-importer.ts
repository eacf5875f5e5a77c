import { useCallback, useRef, useState } from 'react';
import type { PickedFile } from '../../shared/ipc/contract';
import { useRepository } from '../app/repository-context';
import { extractInWorker } from '../extract/extract-client';
import { refreshExtractions } from '../extract/refresh';
import { IngestClient } from './ingest-client';
import { resolveVersion, runImport, type FileProgress, type ImportProgress } from './run-import';

/** Documents a batch stored or changed, whose suggestions are to be read. */
const storedIds = (files: readonly FileProgress[]): string[] =>
  files.flatMap((f) => ((f.state === 'imported' || f.state === 'updated') && f.documentId ? [f.documentId] : []));

/** Import state for the whole app: one batch at a time, with progress and cancel. */
export function useImporter() {
  const repository = useRepository();
  const clientRef = useRef<IngestClient | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  /** The worker client, shared with the reader's "re-run cleaning". */
  const ingestClient = useCallback(() => (clientRef.current ??= new IngestClient()), []);

  /** Runs one import at a time (a batch, or a locked PDF tried again); `cancel` stops it. */
  const run = useCallback(
    async (files: PickedFile[], onProgress: (progress: ImportProgress) => void, password?: string) => {
      if (abortRef.current) return;
      const abort = new AbortController();
      abortRef.current = abort;
      try {
        const result = await runImport(files, ingestClient(), repository, onProgress, abort.signal, password);
        // Suggestions are read in the background once the batch is stored; reading never waits.
        void refreshExtractions(repository, storedIds(result.files), extractInWorker);
      } finally {
        abortRef.current = null;
      }
    },
    [repository, ingestClient],
  );

  const start = useCallback(
    async (files: PickedFile[]) => {
      if (files.length > 0) await run(files, setProgress);
    },
    [run],
  );

  /** The analyst's choice for a new version of a stored document that the import held back. */
  const choose = useCallback(
    async (index: number, choice: 'update' | 'new') => {
      const file = progress?.files[index];
      if (!progress || !file || file.state !== 'new-version') return;
      const put = (next: typeof file) =>
        setProgress(
          (current) =>
            current && {
              ...current,
              files: current.files.map((f, i) => (i === index && f.draft === file.draft ? next : f)),
            },
        );
      put({ ...file, state: 'updating' });
      try {
        const next = await resolveVersion(file, choice, repository);
        put(next);
        void refreshExtractions(repository, storedIds([next]), extractInWorker);
      } catch (error) {
        // Nothing was written (one transaction); the choice stays open.
        put({ ...file, refusal: { code: 'crashed', message: error instanceof Error ? error.message : String(error) } });
      }
    },
    [progress, repository],
  );

  /** Tries a password-protected PDF of the batch again with the password the analyst typed. */
  const unlock = useCallback(
    async (index: number, password: string) => {
      const locked = progress?.files[index]?.locked;
      if (!locked) return;
      const put = (file: FileProgress) =>
        setProgress(
          (current) => current && { ...current, files: current.files.map((f, i) => (i === index ? file : f)) },
        );
      await run([locked], (p) => put(p.files[0]!), password);
    },
    [progress, run],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  const dismiss = useCallback(() => setProgress(null), []);
  return { progress, start, cancel, dismiss, choose, unlock, ingestClient };
}
