// From positioned text items to the canonical text: items → lines (by baseline and the EOL
// marks pdf.js sets) → running headers, footers and page numbers dropped → paragraphs and
// headings (by font size, vertical gaps, first-line indents and short last lines). While the
// text is assembled every item records which characters it became: that page map is how a
// highlight finds its rects and how a selection in the text layer finds its offsets.
import type { Block, PdfItem, PdfPage, PdfPageMap } from '../../model/types';
import { endsSentence } from '../shape';
import type { ExtractedPage } from './extract';
import { mapRadicals } from './radicals';

export interface PdfLayout {
  text: string;
  blocks: Block[];
  pageMap: PdfPageMap;
  /** Pages holding some text (a scan has none). */
  textPages: number;
  /** Running headers, footers and page numbers left out, once each. */
  dropped: string[];
  /** For each block, the font size it was set in (titles are the largest). */
  blockSizes: number[];
  /** For each block, the page it starts on (from 1). */
  blockPages: number[];
}

/** A non-empty text item, placed on its page. */
interface Placed {
  page: number;
  item: PdfItem;
  str: string;
  size: number;
  baseline: number;
  /** pdf.js marked the end of a line after this item. */
  eol: boolean;
}

interface Line {
  page: number;
  items: Placed[];
  x0: number;
  x1: number;
  baseline: number;
  size: number;
  text: string;
}

// Glyph boxes: pdf.js places text at the baseline; CJK ideographs fill roughly this much of the em above and below it.
const ASCENT = 0.88;
const DESCENT = 0.2;

const PAGE_NUMBER =
  /^[-—–－\s]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－\s]*$|^(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const CJK_OR_FULLWIDTH = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const SPACE = /\s/;

export function layoutPdf(pages: readonly ExtractedPage[]): PdfLayout {
  const mapPages: PdfPage[] = [];
  const lines: Line[] = [];
  pages.forEach((page, index) => {
    const placed = placeItems(page, index + 1);
    mapPages.push({ width: page.width, height: page.height, start: 0, end: 0, items: placed.map((p) => p.item) });
    lines.push(...groupLines(placed));
  });
  const { kept, dropped } = dropRunningLines(lines, pages.length);
  const blocks = buildBlocks(kept);
  return { ...assemble(blocks, mapPages), dropped };
}

function multiply(m: readonly number[], n: readonly number[]): number[] {
  return [
    m[0]! * n[0]! + m[2]! * n[1]!,
    m[1]! * n[0]! + m[3]! * n[1]!,
    m[0]! * n[2]! + m[2]! * n[3]!,
    m[1]! * n[2]! + m[3]! * n[3]!,
    m[0]! * n[4]! + m[2]! * n[5]! + m[4]!,
    m[1]! * n[4]! + m[3]! * n[5]! + m[5]!,
  ];
}

function placeItems(page: ExtractedPage, pageNumber: number): Placed[] {
  const placed: Placed[] = [];
  for (const item of page.items) {
    if (item.str === '') {
      // An empty item carries only the end-of-line mark for the text before it.
      if (item.hasEOL && placed.length) placed[placed.length - 1]!.eol = true;
      continue;
    }
    const m = multiply(page.viewportTransform, item.transform);
    const size = Math.hypot(m[2]!, m[3]!) || item.height || 1;
    const baseline = m[5]!;
    placed.push({
      page: pageNumber,
      str: mapRadicals(item.str),
      size,
      baseline,
      eol: item.hasEOL,
      item: {
        start: -1,
        lead: 0,
        length: 0,
        chars: item.str.length,
        x: m[4]!,
        y: baseline - size * ASCENT,
        width: item.width,
        height: size * (ASCENT + DESCENT),
      },
    });
  }
  return placed;
}

function groupLines(placed: readonly Placed[]): Line[] {
  const lines: Line[] = [];
  let line: Line | null = null;
  let previous: Placed | null = null;
  for (const p of placed) {
    const sameLine =
      line !== null &&
      !previous!.eol &&
      Math.abs(p.baseline - line.baseline) <= 0.5 * Math.max(p.size, line.size) &&
      p.item.x >= line.x1 - line.size;
    if (!sameLine) {
      line = { page: p.page, items: [], x0: p.item.x, x1: p.item.x, baseline: p.baseline, size: 0, text: '' };
      lines.push(line);
    }
    line!.items.push(p);
    line!.x1 = Math.max(line!.x1, p.item.x + p.item.width);
    line!.size = Math.max(line!.size, p.size);
    line!.text += p.str;
    previous = p;
  }
  for (const l of lines) l.text = l.text.trim();
  return lines.filter((l) => l.text !== '');
}

/**
 * Digits and spaces folded away, so "第 3 页" and "第 4 页" are the same running line. The type
 * size is part of it: a title set large on page 1 is not the running header that repeats it in
 * small type on the pages after.
 */
const runningKey = (line: Line) => `${Math.round(line.size)}|${line.text.replace(/\d+/g, '#').replace(/\s+/g, '')}`;

/**
 * Running headers and footers (the same line at the top or bottom of many pages) and page
 * numbers are page furniture, not text: they would split sentences that run across pages.
 */
function dropRunningLines(lines: readonly Line[], pageCount: number): { kept: Line[]; dropped: string[] } {
  const firstAndLast = new Map<number, [Line, Line]>();
  for (const l of lines) {
    const onPage = firstAndLast.get(l.page);
    if (!onPage) firstAndLast.set(l.page, [l, l]);
    else onPage[1] = l;
  }
  const edgeCount = new Map<string, number>();
  for (const [first, last] of firstAndLast.values()) {
    for (const l of new Set([first, last])) edgeCount.set(runningKey(l), (edgeCount.get(runningKey(l)) ?? 0) + 1);
  }
  const minRepeats = Math.max(3, Math.ceil(pageCount * 0.4));
  const furniture = new Set<Line>();
  for (const [first, last] of firstAndLast.values()) {
    for (const l of new Set([first, last])) {
      if (PAGE_NUMBER.test(l.text) || (edgeCount.get(runningKey(l)) ?? 0) >= minRepeats) furniture.add(l);
    }
  }
  const dropped = [...new Set([...furniture].map((l) => l.text))];
  return { kept: lines.filter((l) => !furniture.has(l)), dropped };
}

interface DraftBlock {
  type: 'heading' | 'paragraph';
  lines: Line[];
  size: number;
}

function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The most common value, weighted, after rounding to half points. */
function mode(values: readonly { value: number; weight: number }[]): number {
  const counts = new Map<number, number>();
  for (const { value, weight } of values) {
    const key = Math.round(value * 2) / 2;
    counts.set(key, (counts.get(key) ?? 0) + weight);
  }
  let best = 0;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best;
}

function buildBlocks(lines: readonly Line[]): DraftBlock[] {
  const bodySize = mode(lines.map((l) => ({ value: l.size, weight: l.text.length }))) || 12;
  const isBody = (l: Line) => Math.abs(l.size - bodySize) <= bodySize * 0.1;
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    if (a.page === b.page && isBody(a) && isBody(b) && b.baseline > a.baseline) gaps.push(b.baseline - a.baseline);
  }
  const lineGap = median(gaps) || bodySize * 1.5;
  const body = lines.filter(isBody);
  const left = mode(body.map((l) => ({ value: l.x0, weight: 1 })));
  const rights = body.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;

  const blocks: DraftBlock[] = [];
  let current: DraftBlock | null = null;
  let previous: Line | null = null;
  for (const line of lines) {
    const heading = line.size >= bodySize * 1.15 && line.text.length <= 80;
    const type = heading ? 'heading' : 'paragraph';
    let breakBefore = current === null || current.type !== type || Math.abs(line.size - current.size) > bodySize * 0.1;
    if (!breakBefore && previous) {
      const indented = line.x0 > left + bodySize * 1.5;
      if (line.page !== previous.page) {
        // A paragraph runs on across a page break unless its last line plainly ended it: a
        // sentence ends there and the line is short or the next page starts with an indent.
        breakBefore = endsSentence(previous.text) && (previous.x1 < right - bodySize || indented);
      } else {
        const gap = line.baseline - previous.baseline;
        const shortPrevious = previous.x1 < right - bodySize * 2;
        breakBefore =
          gap > lineGap * 1.6 || gap < 0 || (type === 'paragraph' && (shortPrevious || (indented && !heading)));
      }
    }
    if (breakBefore) {
      current = { type, lines: [], size: line.size };
      blocks.push(current);
    }
    current!.lines.push(line);
    previous = line;
  }
  return blocks;
}

const isCjkLike = (ch: string) => CJK_OR_FULLWIDTH.test(ch);

/**
 * Whether a space goes between two runs of text: between Latin words at a line break or where
 * the PDF spaced them; between Latin and Chinese only where the PDF did; never between Chinese
 * characters or after a hyphen.
 */
function needsSpace(before: string, after: string, spaced: boolean, lineBreak: boolean): boolean {
  const a = before[before.length - 1];
  const b = after[0];
  if (a === undefined || b === undefined || a === '-' || /[([{‘“]/.test(a) || /[,.;:!?)\]}’”]/.test(b)) return false;
  const cjk = Number(isCjkLike(a)) + Number(isCjkLike(b));
  if (cjk === 2) return false;
  if (cjk === 1) return spaced;
  return spaced || lineBreak;
}

/** An item's text without the spaces pdf.js put between spaced-out (justified) ideographs, and where they were. */
function closeUp(body: string, lead: number): { text: string; skipped: number[] } {
  if (!/\s/.test(body)) return { text: body, skipped: [] };
  let text = '';
  const skipped: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (SPACE.test(ch)) {
      let j = i;
      while (j < body.length && SPACE.test(body[j]!)) j++;
      const before = body[i - 1];
      const after = body[j];
      if (before !== undefined && after !== undefined && isCjkLike(before) && isCjkLike(after)) {
        for (let k = i; k < j; k++) skipped.push(lead + k);
        i = j - 1;
        continue;
      }
    }
    text += ch;
  }
  return { text, skipped };
}

function assemble(drafts: readonly DraftBlock[], pages: PdfPage[]): Omit<PdfLayout, 'dropped'> {
  const headingSizes = [...new Set(drafts.filter((d) => d.type === 'heading').map((d) => Math.round(d.size)))].sort(
    (a, b) => b - a,
  );
  const parts: string[] = [];
  let offset = 0;
  const blocks: Block[] = [];
  const blockSizes: number[] = [];
  const blockPages: number[] = [];
  const append = (s: string) => {
    parts.push(s);
    offset += s.length;
  };
  for (const draft of drafts) {
    if (blocks.length) append('\n\n');
    const start = offset;
    let tail = '';
    for (const line of draft.lines) {
      // Words are spaced where pdf.js kept a space or across a gap of a third of an em.
      let spaced = false;
      let lineBreak = offset > start;
      let previousRight = -Infinity;
      for (const p of line.items) {
        const normalized = p.str.normalize('NFC');
        const raw = normalized.length === p.str.length ? normalized : p.str;
        const lead = raw.length - raw.trimStart().length;
        const body = raw.trim();
        spaced ||= lead > 0 || (previousRight > -Infinity && p.item.x - previousRight > p.size * 0.3);
        previousRight = p.item.x + p.item.width;
        if (!body) continue;
        const { text, skipped } = closeUp(body, lead);
        if (offset > start && needsSpace(tail, text, spaced, lineBreak)) append(' ');
        p.item.start = offset;
        p.item.lead = lead;
        p.item.length = text.length;
        if (skipped.length) p.item.skipped = skipped;
        append(text);
        tail = text;
        spaced = raw.length > lead + body.length;
        lineBreak = false;
      }
    }
    const block: Block = { type: draft.type, start, end: offset };
    if (draft.type === 'heading') block.level = Math.min(6, headingSizes.indexOf(Math.round(draft.size)) + 1);
    blocks.push(block);
    blockSizes.push(draft.size);
    blockPages.push(draft.lines[0]!.page);
  }
  const text = parts.join('');
  let textPages = 0;
  let cursor = 0;
  for (const page of pages) {
    const kept = page.items.filter((i) => i.start >= 0);
    page.start = kept.length ? kept[0]!.start : cursor;
    page.end = kept.length ? kept[kept.length - 1]!.start + kept[kept.length - 1]!.length : page.start;
    cursor = page.end;
    if (kept.length) textPages++;
  }
  return { text, blocks, pageMap: { pages }, textPages, blockSizes, blockPages };
}
