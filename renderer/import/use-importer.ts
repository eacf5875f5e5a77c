import { useCallback, useRef, useState } from 'react';
import type { PickedFile } from '../../shared/ipc/contract';
import { useRepository } from '../app/repository-context';
import { IngestClient } from './ingest-client';
import { resolveVersion, runImport, type FileProgress, type ImportProgress } from './run-import';

/** Import state for the whole app: one batch at a time, with progress and cancel. */
export function useImporter() {
  const repository = useRepository();
  const clientRef = useRef<IngestClient | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const start = useCallback(
    async (files: PickedFile[]) => {
      if (files.length === 0 || abortRef.current) return;
      clientRef.current ??= new IngestClient();
      const abort = new AbortController();
      abortRef.current = abort;
      try {
        await runImport(files, clientRef.current, repository, setProgress, abort.signal);
      } finally {
        abortRef.current = null;
      }
    },
    [repository],
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
        put(await resolveVersion(file, choice, repository));
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
      if (!locked || abortRef.current) return;
      clientRef.current ??= new IngestClient();
      const abort = new AbortController();
      abortRef.current = abort;
      const put = (file: FileProgress) =>
        setProgress(
          (current) => current && { ...current, files: current.files.map((f, i) => (i === index ? file : f)) },
        );
      try {
        await runImport([locked], clientRef.current, repository, (p) => put(p.files[0]!), abort.signal, password);
      } finally {
        abortRef.current = null;
      }
    },
    [progress, repository],
  );

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  const dismiss = useCallback(() => setProgress(null), []);
  /** The worker client, shared with the reader's "re-run cleaning". */
  const ingestClient = useCallback(() => (clientRef.current ??= new IngestClient()), []);

  return { progress, start, cancel, dismiss, choose, unlock, ingestClient };
}
