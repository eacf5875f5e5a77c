// The search index lives here, off the main thread: tokenizing and indexing what an import or
// an edit changed, loading the stored index, answering queries. It opens the library's
// database itself (renderer/db/search-index.ts reads and writes it).
import { openDatabase } from '../db/database';
import { SearchIndex } from '../db/search-index';
import type { SearchWorkerRequest, SearchWorkerResponse, SearchWorkerResults } from './protocol';

const index = new SearchIndex(openDatabase());
const post = (response: SearchWorkerResponse) => self.postMessage(response);
index.onChange = (status) => post({ id: 0, status });

async function answer(request: SearchWorkerRequest): Promise<SearchWorkerResults[keyof SearchWorkerResults]> {
  switch (request.type) {
    case 'open':
      return index.open();
    case 'sync':
      await index.sync();
      return index.status();
    case 'rebuild':
      return index.rebuild();
    case 'search':
      return index.search(request.request);
    case 'quick-open':
      return index.quickOpen(request.q, request.limit);
    case 'facets':
      return index.facets();
  }
}

self.onmessage = (event: MessageEvent<SearchWorkerRequest>) => {
  const request = event.data;
  answer(request).then(
    (result) => post({ id: request.id, result }),
    (error: unknown) => post({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
};
