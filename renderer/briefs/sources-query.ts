// Finding highlights to quote, by words and by document, without ever loading every highlight
// of the library (it may hold a hundred thousand): with no words, the highlights edited last
// (or those of one document), by index; with words, the search index names the documents that
// hold them and the notes that mention them, and only their highlights are read and checked.
import { useEffect, useState } from 'react';
import type { QuoteSource } from '../db/briefs';
import type { Repository } from '../db/repository';
import { useLive } from '../db/live';
import { searchClient } from '../search/search-client';

export interface SourceQuery {
  q: string;
  /** Only this document's highlights; null for the whole library. */
  documentId: string | null;
}

/** Highlights listed with no words: the latest edited. */
const RECENT = 60;
/** Documents and notes asked of the search index for some words. */
const SEARCH_HITS = 40;
/** Highlights read from the documents the index found (a cap, not a page). */
const READ_LIMIT = 3000;
/** Highlights listed at most. */
export const SHOWN = 100;

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** The words of a query: runs between spaces, each of which a highlight must hold. */
export const queryTerms = (q: string): string[] => fold(q).split(/\s+/).filter(Boolean);

/** Whether a highlight holds every word: in its passage, note, tags or its document's title. */
export function sourceMatches(source: QuoteSource, terms: readonly string[]): boolean {
  const { annotation, document } = source;
  const haystack = fold(
    [annotation.target.quote.exact, annotation.noteText, annotation.tags.join(' '), document?.title ?? ''].join('\n'),
  );
  return terms.every((term) => haystack.includes(term));
}

const byPosition = (a: QuoteSource, b: QuoteSource) =>
  a.annotation.target.position.start - b.annotation.target.position.start;

/** What the search index answered for some words: documents (best first) and notes holding them. */
interface Found {
  q: string;
  documentIds: string[];
  noteIds: string[];
}

/**
 * The highlights to offer for a query, live (a highlight made or edited elsewhere shows at
 * once). undefined while the first answer is on its way.
 */
export function useQuoteSources(repository: Repository, query: SourceQuery): QuoteSource[] | undefined {
  const q = query.q.trim();
  const [found, setFound] = useState<Found | null>(null);
  const needsIndex = q !== '' && query.documentId === null;

  // Words over the whole library: ask the index (in its worker), a moment after typing stops.
  useEffect(() => {
    if (!needsIndex) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      searchClient()
        .search({ q, filters: { kinds: ['document', 'note'] }, limit: SEARCH_HITS })
        .then(
          (response) => {
            if (cancelled) return;
            const documentIds: string[] = [];
            const noteIds: string[] = [];
            for (const hit of response.hits) {
              if (hit.kind === 'document') documentIds.push(hit.id);
              else if (hit.kind === 'note' && hit.annotationId) noteIds.push(hit.annotationId);
            }
            setFound({ q, documentIds, noteIds });
          },
          () => !cancelled && setFound({ q, documentIds: [], noteIds: [] }),
        );
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q, needsIndex]);

  const answer = found && found.q === q ? found : null;
  return useLive(async (): Promise<QuoteSource[] | undefined> => {
    const terms = queryTerms(q);
    if (query.documentId !== null) {
      const all = await repository.quoteSources.inDocuments([query.documentId], READ_LIMIT);
      return all
        .filter((s) => terms.length === 0 || sourceMatches(s, terms))
        .sort(byPosition)
        .slice(0, SHOWN);
    }
    if (terms.length === 0) return repository.quoteSources.recent(RECENT);
    if (!answer) return undefined;
    const [inDocuments, notes] = await Promise.all([
      repository.quoteSources.inDocuments(answer.documentIds, READ_LIMIT),
      repository.quoteSources.many(answer.noteIds),
    ]);
    // Documents in the index's order, each one's highlights in reading order; notes found only by their note after them.
    const rank = new Map(answer.documentIds.map((id, i) => [id, i]));
    const listed = inDocuments
      .filter((s) => sourceMatches(s, terms))
      .sort((a, b) => rank.get(a.annotation.documentId)! - rank.get(b.annotation.documentId)! || byPosition(a, b));
    const seen = new Set(listed.map((s) => s.annotation.id));
    for (const id of answer.noteIds) {
      const source = notes.get(id);
      if (source && !seen.has(id)) listed.push(source);
    }
    return listed.slice(0, SHOWN);
  }, [repository, q, query.documentId, answer]);
}
