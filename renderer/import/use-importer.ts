import { useCallback, useRef, useState } from 'react';
import type { PickedFile } from '../../shared/ipc/contract';
import { useRepository } from '../app/repository-context';
import { IngestClient } from './ingest-client';
import { runImport, type ImportProgress } from './run-import';

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

  const cancel = useCallback(() => abortRef.current?.abort(), []);
  const dismiss = useCallback(() => setProgress(null), []);
  /** The worker client, shared with the reader's "re-run cleaning". */
  const ingestClient = useCallback(() => (clientRef.current ??= new IngestClient()), []);

  return { progress, start, cancel, dismiss, ingestClient };
}
