// Maps a DOM selection in the rendered text back to offsets in the canonical text.
// Every text run is a span carrying `data-offset`, its start in the canonical text,
// and holding exactly one text node — so a DOM point converts without measuring.

function runOf(node: Node): HTMLElement | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  return element?.closest<HTMLElement>('[data-offset]') ?? null;
}

function runStart(run: HTMLElement): number {
  return Number(run.dataset.offset);
}

/** The canonical offset of a DOM boundary point inside `root`, or null outside the text. */
export function offsetOfPoint(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const run = runOf(node);
    return run ? runStart(run) + offset : null;
  }
  // An element boundary (e.g. a selection ending at a block's edge): use the nearest run.
  const element = node as Element;
  const runs = [...root.querySelectorAll<HTMLElement>('[data-offset]')];
  const child = element.childNodes[offset];
  if (child) {
    const after = runs.find(
      (r) =>
        child === r || child.contains(r) || (child.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    if (after) return runStart(after);
  }
  const before = [...runs]
    .reverse()
    .find(
      (r) =>
        element === r ||
        element.contains(r) ||
        (element.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_PRECEDING) !== 0,
    );
  return before ? runStart(before) + (before.textContent?.length ?? 0) : null;
}

/** The selected passage as canonical offsets, trimmed of surrounding whitespace; null if none. */
export function selectedRange(root: HTMLElement, text: string): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  let start = offsetOfPoint(root, range.startContainer, range.startOffset);
  let end = offsetOfPoint(root, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  if (start > end) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** A DOM range over the canonical passage [start, end) of the rendered text (the inverse of selectedRange). */
export function rangeOfOffsets(root: HTMLElement, start: number, end: number): Range | null {
  let first: [Node, number] | null = null;
  let last: [Node, number] | null = null;
  for (const run of root.querySelectorAll<HTMLElement>('[data-offset]')) {
    const node = run.firstChild;
    if (!node) continue;
    const from = runStart(run);
    const to = from + (node.textContent?.length ?? 0);
    // Offsets between blocks (the blank line) are not rendered: snap to the nearest run inside the passage.
    if (!first && to > start) first = [node, Math.max(0, start - from)];
    if (from < end) last = [node, Math.min(end, to) - from];
  }
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(...first);
  range.setEnd(...last);
  return range.collapsed ? null : range;
}
