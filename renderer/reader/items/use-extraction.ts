// The open document's suggestions: the stored extraction when it is current, else read
// again in the worker (the reader never waits for it; the panel says it is reading).
import { useEffect, useState } from 'react';
import { aliasesKey } from '../../../shared/model/owners';
import type { DocumentMeta } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import type { DocumentExtraction } from '../../db/database';
import { useLive } from '../../db/live';
import { extractInWorker } from '../../extract/extract-client';
import { isCurrent, publishedDay, refreshExtraction } from '../../extract/refresh';

export interface ExtractionState {
  /** The current extraction, or null while it is (re)read or when reading failed. */
  stored: DocumentExtraction | null;
  pending: boolean;
  error: string | null;
  retry: () => void;
}

export function useExtraction(documentId: string, meta: DocumentMeta | null | undefined): ExtractionState {
  const repository = useRepository();
  // null: nothing stored; undefined: not loaded yet.
  const stored = useLive(() => repository.extractions.get(documentId).then((e) => e ?? null), [repository, documentId]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  // The analyst's owner aliases: suggestions read with others are read again.
  const aliases = useLive(() => repository.ownerAliases.get(), [repository]);
  const aliasKey = aliases === undefined ? undefined : aliasesKey(aliases);
  const current = meta && aliasKey !== undefined && isCurrent(stored, meta, aliasKey) ? stored : null;
  const needed = stored !== undefined && aliasKey !== undefined && !!meta && !current;
  const contentHash = meta?.contentHash;
  const published = meta ? publishedDay(meta) : null;
  // What this run is for: a failure is shown only until the text, the date, the aliases or the analyst's retry changes.
  const key = `${contentHash}|${published}|${aliasKey}|${attempt}`;

  useEffect(() => {
    if (!needed) return;
    let live = true;
    refreshExtraction(repository, documentId, extractInWorker).catch((error: unknown) => {
      if (live) setFailure({ key, message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
    };
  }, [needed, repository, documentId, key]);

  const error = needed && failure?.key === key ? failure.message : null;
  return { stored: current, pending: needed && !error, error, retry: () => setAttempt((n) => n + 1) };
}
