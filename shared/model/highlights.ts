// A new highlight record: made the same way whether the analyst highlights a passage, tags it
// as an item, or pins it to the timeline.
import { passageTarget, type AnchorText } from '../anchoring/passage';
import { newRecordBase } from './records';
import type { AnnotationRecord, HighlightColor } from './types';

/** A passage of a document to highlight, by offsets into its canonical text. */
export interface NewHighlight {
  documentId: string;
  start: number;
  end: number;
  color: HighlightColor;
  author?: string;
}

export function newHighlight(input: NewHighlight, doc: AnchorText, now: Date = new Date()): AnnotationRecord {
  return {
    ...newRecordBase(now),
    documentId: input.documentId,
    target: passageTarget(doc, input.start, input.end),
    color: input.color,
    note: null,
    noteText: '',
    tags: [],
    author: input.author ?? '',
  };
}
