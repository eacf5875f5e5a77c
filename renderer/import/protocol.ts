import type { IngestOutcome } from '../../shared/ingest/types';
import type { OriginalFile } from '../../shared/model/types';

export type IngestWorkerRequest =
  | {
      id: number;
      type: 'ingest';
      name: string;
      bytes: Uint8Array;
      /** Where pdf.js's CMaps and fonts are served (the worker cannot work it out). */
      pdfAssets: string;
      password?: string;
    }
  | { id: number; type: 'reclean'; original: OriginalFile };

export type IngestWorkerResponse =
  | { id: number; outcome: IngestOutcome }
  | { id: number; error: string }
  /** Pages read so far of a PDF. */
  | { id: number; progress: { done: number; total: number } };
