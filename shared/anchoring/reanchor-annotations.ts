// A document's highlights after its text changed (an updated article re-imported, or a
// colleague's newer version arriving in a bundle): each is placed again, moved, or kept as
// an orphan — never dropped. Pure: the stored annotations in, their next versions out.
import type { AnnotationRecord } from '../model/types';
import { touched } from '../model/records';
import { withRects, type AnchorText } from './passage';
import { reanchorAll } from './reanchor';

export interface ReanchorReport {
  kept: number;
  moved: number;
  orphaned: number;
}

/** The annotations on `doc`'s new text, in the same order, unchanged ones as the same objects. */
export function reanchorAnnotations(
  annotations: readonly AnnotationRecord[],
  doc: AnchorText,
  now: Date = new Date(),
): { annotations: AnnotationRecord[]; report: ReanchorReport } {
  const report: ReanchorReport = { kept: 0, moved: 0, orphaned: 0 };
  // In one pass, so each annotation is looked for where the text before it moved to.
  const results = reanchorAll(
    doc.text,
    annotations.map((a) => a.target),
  );
  const next = annotations.map((a, i) => {
    const result = results[i]!;
    report[result.outcome]++;
    // A former orphan whose passage is back where it was is placed again.
    if (result.outcome === 'kept' && !doc.pageMap) {
      return a.orphaned ? { ...touched(a, now), orphaned: false } : a;
    }
    return result.target
      ? { ...touched(a, now), target: withRects(doc, result.target), orphaned: false }
      : { ...touched(a, now), orphaned: true };
  });
  return { annotations: next, report };
}
