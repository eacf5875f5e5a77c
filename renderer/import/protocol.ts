import type { IngestOutcome } from '../../shared/ingest/types';
import type { OriginalFile } from '../../shared/model/types';

export type IngestWorkerRequest =
  | { id: number; type: 'ingest'; name: string; bytes: Uint8Array }
  | { id: number; type: 'reclean'; original: OriginalFile };

export type IngestWorkerResponse = { id: number; outcome: IngestOutcome } | { id: number; error: string };
