import type { Candidate, ExtractContext, Extraction } from '../../shared/extract/types';
import type { ExtractWorkerRequest, ExtractWorkerResponse } from './protocol';

export interface ExtractResult {
  extraction: Extraction;
  version: number;
}

type Pending = { resolve: (response: ExtractWorkerResponse) => void; reject: (error: Error) => void };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Talks to the extraction worker: one worker for the app, started on first use, requests
 * answered in order. A worker that dies fails what it was doing and the next request starts another.
 */
export class ExtractClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  async extract(text: string, context: ExtractContext): Promise<ExtractResult> {
    const response = await this.request({ type: 'extract', text, context });
    if (!('extraction' in response)) throw new Error('The extraction worker answered another question');
    return { extraction: response.extraction, version: response.version };
  }

  /** The fields of [start, end) read in the context of the whole text (describePassage). */
  async describe(text: string, start: number, end: number, context: ExtractContext): Promise<Candidate> {
    const response = await this.request({ type: 'describe', text, start, end, context });
    if (!('passage' in response)) throw new Error('The extraction worker answered another question');
    return response.passage;
  }

  private request(request: DistributiveOmit<ExtractWorkerRequest, 'id'>): Promise<ExtractWorkerResponse> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as ExtractWorkerRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ExtractWorkerResponse>) => {
      const response = event.data;
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if ('error' in response) pending.reject(new Error(response.error));
      else pending.resolve(response);
    };
    worker.onerror = (event) => {
      const error = new Error(event.message || 'The extraction worker stopped');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}

let shared: ExtractClient | null = null;

/** The app's one extraction client (import and reader share its worker and its queue). */
export function extractClient(): ExtractClient {
  return (shared ??= new ExtractClient());
}

/** Extraction through the shared worker, in the shape refreshExtraction takes. */
export const extractInWorker = (text: string, context: ExtractContext): Promise<ExtractResult> =>
  extractClient().extract(text, context);
