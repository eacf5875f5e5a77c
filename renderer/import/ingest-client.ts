import type { IngestOutcome } from '../../shared/ingest/types';
import type { OriginalFile } from '../../shared/model/types';
import { extensionOf } from '../../shared/ingest/formats';
import { pdfAssetsBase } from '../pdf/assets';
import type { IngestWorkerRequest, IngestWorkerResponse } from './protocol';

type Pending = {
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: Error) => void;
  onProgress?: (done: number, total: number) => void;
};
type Request = IngestWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Talks to the ingest worker. `cancel()` terminates the worker mid-file (a 50 MB parse
 * stops at once) and rejects what was pending; the next request starts a fresh worker.
 */
export class IngestClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  /** Parses a file; `onProgress` hears how many pages of a PDF are read. */
  ingest(
    name: string,
    bytes: Uint8Array,
    options: { password?: string; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<IngestOutcome> {
    return this.send(
      { type: 'ingest', name, bytes, pdfAssets: pdfAssetsBase(), password: options.password },
      // A PDF's bytes are copied, not handed over: a password-protected one may be tried again.
      extensionOf(name) === 'pdf' ? [] : [bytes.buffer as ArrayBuffer],
      options.onProgress,
    );
  }

  reclean(original: OriginalFile): Promise<IngestOutcome> {
    return this.send({ type: 'reclean', original }, []);
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new DOMException('Import cancelled', 'AbortError'));
    this.pending.clear();
  }

  private send(
    request: Request,
    transfer: Transferable[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<IngestOutcome> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...request, id }, transfer);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<IngestWorkerResponse>) => {
      const response = event.data;
      const pending = this.pending.get(response.id);
      if (!pending) return;
      if ('progress' in response) {
        pending.onProgress?.(response.progress.done, response.progress.total);
        return;
      }
      this.pending.delete(response.id);
      if ('outcome' in response) pending.resolve(response.outcome);
      else pending.reject(new Error(response.error));
    };
    worker.onerror = (event) => {
      // A worker that dies (e.g. out of memory on a huge file) fails what it was doing, not the app.
      const error = new Error(event.message || 'The import worker stopped');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}
