// An item's history across documents (a 2019 commitment, a 2021 progress report, a 2022
// completion report: its updates / fulfils / contradicts links, shared/model/links.ts) as
// entries of the timeline, so it can be drawn as a small connected chain. Pure.
import type { LinkEndKind } from '../model/types';
import { entryKey, type TimelineEntry } from './entries';

export interface ChainEnd {
  kind: LinkEndKind;
  id: string;
  /** For a highlight: the document it is in. */
  documentId?: string | null;
}

export interface ChainLookup {
  /** The timeline entries by key (what is drawn). */
  entries: ReadonlyMap<string, TimelineEntry>;
  /** Highlights to the entries made from them (an item's, an event's), by annotation id. */
  byAnnotation: ReadonlyMap<string, readonly string[]>;
}

/**
 * The timeline entries standing for the records of a chain, in time order, each once: an item,
 * an event or a document is its own entry; a highlight is the entry made from it (its item or
 * pinned event), else its document's publication. Records without an entry (undated, filtered
 * out) are left out.
 */
export function chainEntries(ends: readonly ChainEnd[], lookup: ChainLookup): TimelineEntry[] {
  const keys = new Set<string>();
  for (const end of ends) {
    if (end.kind === 'annotation') {
      const made = lookup.byAnnotation.get(end.id)?.find((key) => lookup.entries.has(key));
      if (made) keys.add(made);
      else if (end.documentId) keys.add(entryKey('document', end.documentId));
    } else keys.add(entryKey(end.kind, end.id));
  }
  const found: TimelineEntry[] = [];
  for (const key of keys) {
    const entry = lookup.entries.get(key);
    if (entry) found.push(entry);
  }
  return found.sort((a, b) => a.end - b.end || a.start - b.start);
}

/** Highlights to the entries made from them, for chainEntries. */
export function entriesByAnnotation(
  entries: readonly TimelineEntry[],
  annotationIds: (entry: TimelineEntry) => readonly string[] = (e) => (e.annotationId ? [e.annotationId] : []),
): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of entries) {
    for (const id of annotationIds(entry)) {
      const list = map.get(id);
      if (list) list.push(entry.key);
      else map.set(id, [entry.key]);
    }
  }
  return map;
}
