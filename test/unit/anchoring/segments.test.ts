import { describe, expect, it } from 'vitest';
import { segmentSpan } from '../../../shared/anchoring/segments';

describe('segmentSpan', () => {
  it('returns the whole span unmarked when nothing overlaps it', () => {
    expect(segmentSpan({ start: 10, end: 20 }, [{ id: 'a', start: 0, end: 5 }])).toEqual([
      { start: 10, end: 20, ids: [] },
    ]);
  });

  it('cuts at highlight boundaries and clips highlights that cross the block edge', () => {
    expect(
      segmentSpan({ start: 10, end: 30 }, [
        { id: 'a', start: 5, end: 15 },
        { id: 'b', start: 20, end: 25 },
      ]),
    ).toEqual([
      { start: 10, end: 15, ids: ['a'] },
      { start: 15, end: 20, ids: [] },
      { start: 20, end: 25, ids: ['b'] },
      { start: 25, end: 30, ids: [] },
    ]);
  });

  it('gives overlapping highlights segments that carry both ids', () => {
    expect(
      segmentSpan({ start: 0, end: 10 }, [
        { id: 'a', start: 0, end: 6 },
        { id: 'b', start: 4, end: 10 },
      ]),
    ).toEqual([
      { start: 0, end: 4, ids: ['a'] },
      { start: 4, end: 6, ids: ['a', 'b'] },
      { start: 6, end: 10, ids: ['b'] },
    ]);
  });

  it('covers the span exactly, with no gaps, for many random highlights', () => {
    const ranges = Array.from({ length: 200 }, (_, i) => {
      const start = (i * 37) % 500;
      return { id: String(i), start, end: start + 1 + ((i * 13) % 40) };
    });
    const segments = segmentSpan({ start: 100, end: 400 }, ranges);
    expect(segments[0]!.start).toBe(100);
    expect(segments.at(-1)!.end).toBe(400);
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.start).toBe(segments[i - 1]!.end);
    for (const s of segments) {
      const expected = ranges.filter((r) => r.start <= s.start && r.end >= s.end).map((r) => r.id);
      expect(s.ids).toEqual(expected);
    }
  });
});
