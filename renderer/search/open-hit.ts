import { navigate } from '../app/route';
import type { QuickOpenEntry, SearchHit } from '../db/search-index';

/**
 * Opens a search hit where it is: a document at the matched passage, a note at its highlight,
 * an item at its passage (an item without a document: the items view, filtered to it).
 */
export function openHit(hit: SearchHit): void {
  if (hit.kind === 'document') {
    navigate({ screen: 'reader', documentId: hit.id, ...(hit.snippet.at && { at: hit.snippet.at }) });
  } else if (hit.documentId) {
    navigate({
      screen: 'reader',
      documentId: hit.documentId,
      ...(hit.annotationId && { annotationId: hit.annotationId }),
    });
  } else {
    navigate({ screen: 'items', query: new URLSearchParams({ q: hit.title }).toString() });
  }
}

/** Opens a quick-open entry: a document, an item at its passage, an owner in the owners view. */
export function openEntry(entry: QuickOpenEntry): void {
  if (entry.kind === 'owner') navigate({ screen: 'owners', owner: entry.id });
  else if (entry.documentId) {
    navigate({
      screen: 'reader',
      documentId: entry.documentId,
      ...(entry.kind === 'item' && entry.annotationId && { annotationId: entry.annotationId }),
    });
  } else navigate({ screen: 'items', query: new URLSearchParams({ q: entry.title }).toString() });
}
