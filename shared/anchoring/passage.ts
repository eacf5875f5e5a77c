import type { AnnotationTarget, PdfPageMap } from '../model/types';
import { describeRange } from './describe';
import { rectsForRange } from './pdf-rects';

/** The text annotations anchor to, with a PDF's page map when it has one. */
export interface AnchorText {
  text: string;
  pageMap?: PdfPageMap;
}

/** Selectors for [start, end), plus the rects to draw it with on a PDF's pages. */
export function passageTarget(doc: AnchorText, start: number, end: number): AnnotationTarget {
  const target = describeRange(doc.text, start, end);
  return doc.pageMap ? { ...target, rects: rectsForRange(doc.pageMap, doc.text, start, end) } : target;
}

/** A target placed by re-anchoring, given rects for the text it now lies in. */
export function withRects(doc: AnchorText, target: AnnotationTarget): AnnotationTarget {
  if (!doc.pageMap) return target;
  return { ...target, rects: rectsForRange(doc.pageMap, doc.text, target.position.start, target.position.end) };
}
