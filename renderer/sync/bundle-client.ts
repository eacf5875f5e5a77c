// The app's one bundle worker, started on first use. A worker that dies fails what it was
// doing, and the next request starts another.
import type { BundleContents, BundleInput } from '../../shared/sync/bundle';
import type { BundleResult } from '../../shared/sync/bundle-errors';
import type { BundleWorkerRequest, BundleWorkerResponse } from './bundle-protocol';

type Pending = { resolve: (response: BundleWorkerResponse) => void; reject: (error: Error) => void };
type Request = BundleWorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

class BundleWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  async read(bytes: Uint8Array): Promise<BundleResult<BundleContents>> {
    const response = await this.request({ type: 'read', bytes });
    if (response.type !== 'read') throw new Error('The bundle worker answered another question');
    return response.result;
  }

  async write(input: BundleInput): Promise<Uint8Array> {
    const response = await this.request({ type: 'write', input });
    if (response.type !== 'write') throw new Error('The bundle worker answered another question');
    return response.bytes;
  }

  private async request(request: Request): Promise<BundleWorkerResponse> {
    const id = this.nextId++;
    const worker = this.ensureWorker();
    const response = await new Promise<BundleWorkerResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as BundleWorkerRequest);
    });
    if (response.type === 'error') throw new Error(response.message);
    return response;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<BundleWorkerResponse>) => {
      const pending = this.pending.get(event.data.id);
      if (!pending) return;
      this.pending.delete(event.data.id);
      pending.resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(`The bundle worker stopped: ${event.message}`);
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
      worker.terminate();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }
}

let client: BundleWorkerClient | null = null;
export const bundleWorker = (): BundleWorkerClient => (client ??= new BundleWorkerClient());
