// A selection in pdf.js's text layer, as offsets into the document's canonical text. Each
// text span of a page's layer is one non-empty text item, in the order the page map lists
// them, so (page, span index, character) finds the offset through the page map.
import { offsetInItem } from '../../../shared/anchoring/pdf-rects';
import type { PdfPageMap } from '../../../shared/model/types';

const TEXT_SPANS = '.textLayer span[role="presentation"]';

interface Point {
  page: number;
  item: number;
  char: number;
}

/** The text span and character a range boundary falls on; `side` says which way to look from between spans. */
function pointAt(node: Node, offset: number, side: 'start' | 'end'): Point | null {
  let span: Element | null = null;
  let char = offset;
  if (node.nodeType === Node.TEXT_NODE) {
    span = node.parentElement;
  } else if (node instanceof Element) {
    // Between children: the span after the boundary for a start, the one before it for an end.
    const child = node.childNodes[side === 'start' ? offset : offset - 1] ?? null;
    const candidate = child instanceof Element ? child : (child?.parentElement ?? null);
    span = candidate?.matches('span[role="presentation"]') ? candidate : null;
    if (!span && candidate) {
      const inside = candidate.querySelectorAll('span[role="presentation"]');
      span = (side === 'start' ? inside[0] : inside[inside.length - 1]) ?? null;
    }
    char = side === 'start' ? 0 : (span?.textContent?.length ?? 0);
  }
  const pageDiv = span?.closest<HTMLElement>('.page[data-page-number]');
  if (!span || !pageDiv) return null;
  const spans = [...pageDiv.querySelectorAll(TEXT_SPANS)];
  const item = spans.indexOf(span);
  if (item < 0) return null;
  return { page: Number(pageDiv.dataset.pageNumber), item, char };
}

/** The current selection inside `root` as a passage of the canonical text, or null. */
export function pdfSelectedRange(root: HTMLElement, map: PdfPageMap): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const from = pointAt(range.startContainer, range.startOffset, 'start');
  const to = pointAt(range.endContainer, range.endOffset, 'end');
  if (!from || !to) return null;
  const start = offsetInItem(map, from.page, from.item, from.char);
  const end = offsetInItem(map, to.page, to.item, to.char);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** The text offset under a point of the text layer (a click), to find the highlight clicked. */
export function offsetAtPoint(x: number, y: number, map: PdfPageMap): number | null {
  const caret = document.caretRangeFromPoint?.(x, y);
  if (!caret) return null;
  const point = pointAt(caret.startContainer, caret.startOffset, 'start');
  return point && offsetInItem(map, point.page, point.item, point.char);
}
