import type { Facets, QuickOpenEntry, SearchRequest, SearchResponse, SearchStatus } from '../db/search-index';

/** What the page asks the search worker. */
export type SearchWorkerRequest =
  | { id: number; type: 'open' }
  | { id: number; type: 'sync' }
  | { id: number; type: 'rebuild' }
  | { id: number; type: 'search'; request: SearchRequest }
  | { id: number; type: 'quick-open'; q: string; limit?: number }
  | { id: number; type: 'facets' };

/** The answer to each request, by type. */
export interface SearchWorkerResults {
  open: SearchStatus;
  sync: SearchStatus;
  rebuild: SearchStatus;
  search: SearchResponse;
  'quick-open': QuickOpenEntry[];
  facets: Facets;
}

export type SearchWorkerResponse =
  | { id: number; result: SearchWorkerResults[keyof SearchWorkerResults] }
  | { id: number; error: string }
  /** Sent unasked whenever the index changed (indexing progress, a load, a merge). */
  | { id: 0; status: SearchStatus };
