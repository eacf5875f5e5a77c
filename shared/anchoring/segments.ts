// Highlights are drawn by splitting a block's text at the range boundaries computed
// from data (DESIGN.md "Anchoring"), never by mutating the DOM after rendering.

export interface Span {
  start: number;
  end: number;
}

export interface MarkedRange extends Span {
  id: string;
}

/** A run of text covered by the same set of ranges. `ids` is empty for unmarked text. */
export interface Segment extends Span {
  ids: string[];
}

/**
 * Cuts [span.start, span.end) into segments at every boundary of the ranges that overlap it.
 * Overlapping ranges give segments carrying several ids, in the order the ranges were given.
 * Only the ranges overlapping the span are considered, so a long document costs per block
 * what that block's own highlights cost.
 */
export function segmentSpan(span: Span, ranges: readonly MarkedRange[]): Segment[] {
  const inside = ranges.filter((r) => r.end > span.start && r.start < span.end && r.end > r.start);
  if (inside.length === 0) return [{ start: span.start, end: span.end, ids: [] }];

  const cuts = new Set<number>([span.start, span.end]);
  for (const r of inside) {
    cuts.add(Math.max(r.start, span.start));
    cuts.add(Math.min(r.end, span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = inside.filter((r) => r.start <= start && r.end >= end).map((r) => r.id);
    segments.push({ start, end, ids });
  }
  return segments;
}
