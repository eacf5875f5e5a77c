// Parsing and cleaning run here, off the main thread, so the UI never freezes on a large file.
import { ingest, reclean } from '../../shared/ingest/ingest';
import type { IngestWorkerRequest, IngestWorkerResponse } from './protocol';

self.onmessage = (event: MessageEvent<IngestWorkerRequest>) => {
  const request = event.data;
  let response: IngestWorkerResponse;
  try {
    const outcome =
      request.type === 'ingest' ? ingest({ name: request.name, bytes: request.bytes }) : reclean(request.original);
    response = { id: request.id, outcome };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
