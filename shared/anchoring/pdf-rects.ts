// Between offsets in a PDF's canonical text and places on its pages, through the page map
// the import built. Rects are in PDF points at zoom 1, so the reader draws them at any zoom
// by scaling (or as percentages of the page) and they stay aligned.
import type { PdfItem, PdfPageMap, PdfRect } from '../model/types';

/** The page (from 1) holding a text offset: the first page whose text ends after it. */
export function pageOfOffset(map: PdfPageMap, offset: number): number {
  const pages = map.pages;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pages[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/**
 * Boxes covering [start, end): one per item touched, cut at the characters the range covers,
 * then merged along each line. pdf.js gives only an item's total width, so each character
 * is given its typical share of it: a full em for ideographs and full-width punctuation, half
 * an em for everything else (Chinese fonts set Latin letters, digits and ASCII punctuation
 * half-width, and that is what Chinese PDFs are set in).
 */
export function rectsForRange(map: PdfPageMap, text: string, start: number, end: number): PdfRect[] {
  const rects: PdfRect[] = [];
  if (end <= start) return rects;
  const first = pageOfOffset(map, start);
  for (let n = first; n <= map.pages.length; n++) {
    const page = map.pages[n - 1]!;
    if (page.start >= end && page.end > page.start) break;
    for (const item of page.items) {
      const from = Math.max(start, item.start);
      const to = Math.min(end, item.start + item.length);
      if (item.start < 0 || to <= from) continue;
      const advances = itemAdvances(item, text);
      const total = advances.reduce((a, b) => a + b, 0) || 1;
      const before = (index: number) => advances.slice(0, index).reduce((a, b) => a + b, 0) / total;
      const left = item.x + item.width * before(charIndexOf(item, from - item.start));
      const right = item.x + item.width * before(charIndexOf(item, to - item.start - 1) + 1);
      addMerged(rects, { page: n, x: left, y: item.y, width: right - left, height: item.height });
    }
  }
  return rects.map(rounded);
}

const WIDE =
  /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2014\u2018-\u201d\u2026]/;

/** A character's typical advance in ems. */
const advance = (ch: string | undefined): number => (ch !== undefined && WIDE.test(ch) ? 1 : 0.5);

/** The advance of every character of the item's string: spaces where it was trimmed or closed up, its text elsewhere. */
function itemAdvances(item: PdfItem, text: string): number[] {
  const advances = new Array<number>(item.chars).fill(advance(' '));
  const skipped = new Set(item.skipped ?? []);
  let k = item.start;
  for (let i = item.lead; i < item.chars && k < item.start + item.length; i++) {
    if (skipped.has(i)) continue;
    advances[i] = advance(text[k++]);
  }
  return advances;
}

/** Index in the item's string of its `kept`-th character in the text (past the lead and any skipped spaces). */
function charIndexOf(item: PdfItem, kept: number): number {
  let index = item.lead + kept;
  for (const s of item.skipped ?? []) if (s <= index) index++;
  return index;
}

function addMerged(rects: PdfRect[], r: PdfRect): void {
  const last = rects[rects.length - 1];
  const sameLine =
    last &&
    last.page === r.page &&
    Math.abs(last.y - r.y) < r.height * 0.3 &&
    Math.abs(last.height - r.height) < r.height * 0.3 &&
    r.x >= last.x + last.width - r.height * 0.2 &&
    r.x - (last.x + last.width) < r.height * 1.5;
  if (!sameLine) {
    rects.push(r);
    return;
  }
  const right = r.x + r.width;
  const top = Math.min(last.y, r.y);
  last.height = Math.max(last.y + last.height, r.y + r.height) - top;
  last.y = top;
  last.width = right - last.x;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const rounded = (r: PdfRect): PdfRect => ({
  page: r.page,
  x: round2(r.x),
  y: round2(r.y),
  width: round2(r.width),
  height: round2(r.height),
});

/**
 * The text offset of a point in the text layer: character `charIndex` of the page's
 * `itemIndex`-th non-empty item (the span the selection starts or ends in). Characters the
 * canonical text left out (trimmed spaces, a dropped page number) snap to the nearest kept one.
 */
export function offsetInItem(map: PdfPageMap, page: number, itemIndex: number, charIndex: number): number | null {
  const items = map.pages[page - 1]?.items;
  const item: PdfItem | undefined = items?.[itemIndex];
  if (!item) return null;
  if (item.start < 0) {
    // A dropped item: the nearest kept item after it on the page, else the page's end.
    const next = items!.slice(itemIndex + 1).find((i) => i.start >= 0);
    return next ? next.start : (map.pages[page - 1]?.end ?? null);
  }
  let within = Math.max(charIndex - item.lead, 0);
  for (const s of item.skipped ?? []) if (s < charIndex) within--;
  return item.start + Math.min(Math.max(within, 0), item.length);
}
