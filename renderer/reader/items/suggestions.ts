// Which of a document's suggestions to offer: those not yet accepted (an item's highlight
// covers the same words) and not dismissed (by quote, so they stay dismissed when the text moves).
import type { Candidate } from '../../../shared/extract/types';
import type { AnnotationRecord, ItemRecord } from '../../../shared/model/types';
import { sameWords } from '../../../shared/extract/spans';

export type SuggestionState = 'open' | 'accepted' | 'dismissed';

export interface Suggestion {
  key: string;
  candidate: Candidate;
  state: SuggestionState;
  /** The highlight of the item that accepted it. */
  annotationId?: string;
}

export function suggestionStates(
  candidates: readonly Candidate[],
  dismissed: readonly string[],
  annotations: readonly AnnotationRecord[],
  items: readonly ItemRecord[],
): Suggestion[] {
  const tagged = new Set(items.flatMap((i) => i.annotationIds));
  const itemPassages = annotations.filter((a) => tagged.has(a.id) && !a.orphaned);
  const gone = new Set(dismissed);
  return [...candidates]
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((candidate) => {
      const key = `${candidate.start}:${candidate.end}`;
      const accepted = itemPassages.find((a) => sameWords(a.target.position, candidate));
      if (accepted) return { key, candidate, state: 'accepted', annotationId: accepted.id };
      return { key, candidate, state: gone.has(candidate.quote) ? 'dismissed' : 'open' };
    });
}
