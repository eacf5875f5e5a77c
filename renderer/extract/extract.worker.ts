// The extraction rules run here, off the main thread, so reading never waits for them.
import { describePassage, extractDocument, EXTRACTOR_VERSION } from '../../shared/extract/extract';
import type { ExtractWorkerRequest, ExtractWorkerResponse } from './protocol';

const post = (response: ExtractWorkerResponse) => self.postMessage(response);

self.onmessage = (event: MessageEvent<ExtractWorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'describe') {
      post({ id: request.id, passage: describePassage(request.text, request.start, request.end, request.context) });
    } else {
      post({ id: request.id, extraction: extractDocument(request.text, request.context), version: EXTRACTOR_VERSION });
    }
  } catch (error) {
    post({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
