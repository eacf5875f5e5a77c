// Reads (checks every entry, hash and record) and writes bundles off the main thread.
import { readBundle, writeBundle } from '../../shared/sync/bundle';
import type { BundleWorkerRequest, BundleWorkerResponse } from './bundle-protocol';

const reply = (response: BundleWorkerResponse, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(response, transfer);

self.onmessage = (event: MessageEvent<BundleWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'read') {
      reply({ id: request.id, type: 'read', result: readBundle(request.bytes) });
    } else {
      const bytes = writeBundle(request.input);
      reply({ id: request.id, type: 'write', bytes }, [bytes.buffer]);
    }
  } catch (error) {
    reply({ id: request.id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
