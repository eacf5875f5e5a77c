// Our offsets are JavaScript string indexes (UTF-16 code units). The W3C TextPositionSelector
// and REFI-QDA's PlainTextSelection count Unicode code points instead, which differ after every
// character outside the Basic Multilingual Plane (rare CJK Extension B names, emoji). Exports
// convert at the edge; a text without such characters maps to itself.

/** UTF-16 offset → code point offset, for one text. */
export type CodePointOffset = (utf16Offset: number) => number;

/** Where the second halves of the text's surrogate pairs sit (ascending); empty for a BMP-only text. */
export function surrogatePairEnds(text: string): number[] {
  const ends: number[] = [];
  // A quick test first: most Chinese policy texts have no pair at all.
  if (!/[\uD800-\uDBFF]/.test(text)) return ends;
  for (let i = 0; i + 1 < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) ends.push(++i);
    }
  }
  return ends;
}

/** The converter for a text whose pair ends are `ends` (see surrogatePairEnds). */
export function codePointOffsets(ends: readonly number[]): CodePointOffset {
  if (ends.length === 0) return (offset) => offset;
  return (offset) => {
    // Pairs wholly before `offset` each count as one code point, not two units: binary search.
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (ends[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset - low;
  };
}

/** The number of code points in a string. */
export function codePointLength(text: string): number {
  return text.length - surrogatePairEnds(text).length;
}
