// How two passages compare: the rule the gold files use to match an item with a prediction,
// and the app uses to tell that a suggestion is already tagged.

export interface Range {
  start: number;
  end: number;
}

export const overlap = (a: Range, b: Range): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** The same words: the spans overlap by at least half of the shorter one, so a passage grazing the next clause is not it. */
export function sameWords(a: Range, b: Range): boolean {
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter > 0 && overlap(a, b) * 2 >= shorter;
}
