import { onSearchChanges } from '../db/search-changes';
import type { Facets, QuickOpenEntry, SearchRequest, SearchResponse, SearchStatus } from '../db/search-index';
import type { SearchWorkerRequest, SearchWorkerResponse, SearchWorkerResults } from './protocol';

type Pending = { resolve: (result: unknown) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** After a write, the index is told to catch up once the writes pause this long. */
const SYNC_DELAY_MS = 150;

/**
 * Talks to the search worker: one for the app, started by `open` (at start-up) or the first
 * question. Every committed write to the library wakes it up to index what changed; a worker
 * that dies fails what it was doing and the next question starts another (which loads the
 * stored index and reads the queue: nothing is lost).
 */
export class SearchClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(status: SearchStatus) => void>();
  private latest: SearchStatus | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    onSearchChanges(() => {
      if (!this.worker) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.request<'sync'>({ type: 'sync' }).catch(() => {});
      }, SYNC_DELAY_MS);
    });
  }

  /** Starts the worker: it loads the stored index (or builds it) and indexes what is queued. */
  async open(): Promise<SearchStatus> {
    const status = await this.request<'open'>({ type: 'open' });
    void this.request<'sync'>({ type: 'sync' }).catch(() => {});
    return status;
  }

  search(request: SearchRequest): Promise<SearchResponse> {
    return this.request<'search'>({ type: 'search', request });
  }

  quickOpen(q: string, limit?: number): Promise<QuickOpenEntry[]> {
    return this.request<'quick-open'>({ type: 'quick-open', q, ...(limit !== undefined && { limit }) });
  }

  facets(): Promise<Facets> {
    return this.request<'facets'>({ type: 'facets' });
  }

  rebuild(): Promise<SearchStatus> {
    return this.request<'rebuild'>({ type: 'rebuild' });
  }

  /** The index's state as last reported. */
  status(): SearchStatus | null {
    return this.latest;
  }

  /** Hears every change of the index's state (indexing progress, a new segment); returns the unsubscribe. */
  subscribe(listener: (status: SearchStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private request<T extends SearchWorkerRequest['type']>(
    request: DistributiveOmit<Extract<SearchWorkerRequest, { type: T }>, 'id'>,
  ): Promise<SearchWorkerResults[T]> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      worker.postMessage({ ...request, id } as SearchWorkerRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SearchWorkerResponse>) => {
      const response = event.data;
      if ('status' in response) {
        this.latest = response.status;
        for (const listener of this.listeners) listener(response.status);
        return;
      }
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if ('error' in response) pending.reject(new Error(response.error));
      else pending.resolve(response.result);
    };
    worker.onerror = (event) => {
      const error = new Error(event.message || 'The search worker stopped');
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}

let shared: SearchClient | null = null;

/** The app's one search client. */
export function searchClient(): SearchClient {
  return (shared ??= new SearchClient());
}
