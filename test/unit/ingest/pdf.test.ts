// PDF import end to end: the real pdf.js (the Node build the command line uses, with its CMaps)
// on the fixtures of test/fixtures/pdf/ (SOURCES.md there says what each one holds). Each
// fixture is imported once and shared by the tests that look at it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdfInNode } from '../../../electron/cli/open-pdf';
import { offsetInItem, pageOfOffset, rectsForRange } from '../../../shared/anchoring/pdf-rects';
import { passageTarget } from '../../../shared/anchoring/passage';
import { importFile } from '../../../shared/ingest/import-file';
import type { ExtractedPage } from '../../../shared/ingest/pdf/extract';
import { MAX_PDF_BYTES, type OpenPdf } from '../../../shared/ingest/pdf/import-pdf';
import { layoutPdf } from '../../../shared/ingest/pdf/layout';
import type { IngestedDocument, IngestOutcome } from '../../../shared/ingest/types';
import type { PdfPageMap } from '../../../shared/model/types';
import { blockTexts, expectRefused, fixture, fixtureBytes } from './helpers';

type PdfDocument = IngestedDocument & { pdf: NonNullable<IngestedDocument['pdf']> };

const outcomes = new Map<string, Promise<IngestOutcome>>();

/** Imports a fixture through importFile with pdf.js in Node, once per name and password. */
function imported(name: string, password?: string): Promise<IngestOutcome> {
  const key = `${name}\u0000${password ?? ''}`;
  let outcome = outcomes.get(key);
  if (!outcome) {
    outcome = importFile({ name, bytes: fixtureBytes('pdf', name) }, { openPdf: openPdfInNode, password });
    outcomes.set(key, outcome);
  }
  return outcome;
}

async function importedDoc(name: string, password?: string): Promise<PdfDocument> {
  const outcome = await imported(name, password);
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message}`);
  expect(outcome.doc.kind).toBe('pdf');
  expect(outcome.doc.pdf).toBeDefined();
  return outcome.doc as PdfDocument;
}

const source = (name: string) => readFileSync(fixture('pdf', name), 'utf8');
const noSpace = (text: string) => text.replace(/\s+/g, '');
/** For bytes refused before pdf.js is reached: counts the calls that should not happen. */
let opened = 0;
const neverOpen: OpenPdf = async () => {
  opened++;
  throw new Error('pdf.js was called');
};

/** What every PDF's page map must satisfy, whatever its layout. */
function expectPageMapInvariants(doc: PdfDocument): void {
  const map: PdfPageMap = doc.pdf.pageMap;
  const { text } = doc;
  expect(map.pages).toHaveLength(doc.pdf.summary.pages);
  const covered = new Uint8Array(text.length);
  let previousEnd = 0;
  let previousPageEnd = 0;
  map.pages.forEach((page, p) => {
    const n = p + 1;
    expect(page.start).toBeGreaterThanOrEqual(previousPageEnd);
    expect(page.end).toBeGreaterThanOrEqual(page.start);
    expect(page.end).toBeLessThanOrEqual(text.length);
    previousPageEnd = page.end;
    page.items.forEach((item, k) => {
      // Every item, kept or dropped, lies on its page.
      expect(item.x).toBeGreaterThanOrEqual(0);
      expect(item.y).toBeGreaterThanOrEqual(0);
      expect(item.x + item.width).toBeLessThanOrEqual(page.width + 0.5);
      expect(item.y + item.height).toBeLessThanOrEqual(page.height + 0.5);
      if (item.start < 0) return;
      const end = item.start + item.length;
      expect(item.length).toBeGreaterThan(0);
      // Increasing and non-overlapping, inside the text and inside the page's span.
      expect(item.start).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeLessThanOrEqual(text.length);
      expect(item.start).toBeGreaterThanOrEqual(page.start);
      expect(end).toBeLessThanOrEqual(page.end);
      expect(item.lead + item.length + (item.skipped?.length ?? 0)).toBeLessThanOrEqual(item.chars);
      previousEnd = end;
      covered.fill(1, item.start, end);
      // The text layer's span maps back onto the item's first kept character, and its page.
      expect(offsetInItem(map, n, k, item.lead)).toBe(item.start);
      expect(pageOfOffset(map, item.start)).toBe(n);
    });
  });
  // Every visible character of the text came from some item (only separators were added).
  const uncovered = [...text].filter((ch, i) => covered[i] === 0 && !/\s/.test(ch));
  expect(uncovered).toEqual([]);
}

/** How many distinct lines (item tops) the kept items overlapping [start, end) sit on, per page. */
function linesTouched(map: PdfPageMap, start: number, end: number): string[] {
  const lines = new Set<string>();
  map.pages.forEach((page, p) => {
    for (const item of page.items) {
      if (item.start >= 0 && item.start < end && item.start + item.length > start)
        lines.add(`${p + 1}:${item.y.toFixed(1)}`);
    }
  });
  return [...lines];
}

function expectOnPage(doc: PdfDocument, rects: ReturnType<typeof rectsForRange>, page: number): void {
  const { width, height } = doc.pdf.pageMap.pages[page - 1]!;
  for (const r of rects) {
    expect(r.page).toBe(page);
    expect(r.width).toBeGreaterThan(0);
    expect(r.height).toBeGreaterThan(0);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.y).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(width);
    expect(r.y + r.height).toBeLessThanOrEqual(height);
  }
}

describe('PDF import: seed-001.pdf (TrueType CJK font, printed by Chromium)', () => {
  let doc: PdfDocument;
  const lines = source('seed-001.source.txt').trim().split('\n');
  beforeAll(async () => {
    doc = await importedDoc('seed-001.pdf');
  });

  it('gives the printed text back', () => {
    expect(noSpace(doc.text)).toBe(noSpace(source('seed-001.source.txt')));
    expect(doc.text).toBe(doc.text.normalize('NFC'));
    expect(doc.text).toBe(blockTexts(doc).join('\n\n'));
  });

  it('takes the title from the info dictionary and the date from the 来源 byline', () => {
    expect(doc.title).toBe('本市发布《北京市推进京津冀协同发展2019年工作要点》');
    expect(doc.published).toMatchObject({ from: '2019-06-06', to: '2019-06-06', status: 'detected' });
    expect(doc.source.site).toBe('北京市发展和改革委员会');
  });

  it('counts 4 pages, all with text', () => {
    expect(doc.pdf.summary).toEqual({ pages: 4, textPages: 4 });
    expect(doc.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the section headings', () => {
    const headings = doc.blocks
      .filter((b) => b.type === 'heading')
      .map((b) => ({ text: doc.text.slice(b.start, b.end), level: b.level }));
    expect(headings).toEqual([
      { text: '本市发布《北京市推进京津冀协同发展2019年工作要点》', level: 1 },
      { text: '一、主要考虑', level: 2 },
      { text: '二、关于2019年工作要点的主要任务', level: 2 },
    ]);
  });

  it('breaks blocks where the source does, not at line or page ends', () => {
    // One block per line of the source: no paragraph was cut at a line end or a page end.
    expect(blockTexts(doc).map(noSpace)).toEqual(lines.map(noSpace));
    // Every page after the first starts inside a paragraph that began on the page before.
    const pages = doc.pdf.pageMap.pages;
    for (let n = 2; n <= pages.length; n++) {
      const block = doc.blocks.find((b) => b.start <= pages[n - 1]!.start && pages[n - 1]!.start < b.end)!;
      expect(block.type).toBe('paragraph');
      expect(block.start).toBeLessThan(pages[n - 2]!.end);
    }
    // E.g. 一是在思想认识上… runs from page 1 ("…对各项任务") to page 2 ("进行了部署和安排。…").
    const spanning = doc.blocks.find((b) => doc.text.startsWith('一是在思想认识上', b.start))!;
    const text = doc.text.slice(spanning.start, spanning.end);
    expect(text).toContain('对各项任务进行了部署和安排。');
    expect(pageOfOffset(doc.pdf.pageMap, spanning.start)).toBe(1);
    expect(pageOfOffset(doc.pdf.pageMap, spanning.end - 1)).toBe(2);
    expect(noSpace(text)).toBe(noSpace(lines[6]!));
  });

  it('has a consistent page map', () => {
    expectPageMapInvariants(doc);
  });

  it('draws a passage on page 2 with one rect per line, on page 2 only', () => {
    const phrase =
      '支持推动雄安新区及北京城市副中心规划建设19项,推动生态、交通、产业、公共服务等关键环节取得新突破36项';
    const start = doc.text.indexOf(phrase);
    expect(start).toBeGreaterThan(0);
    expect(doc.text.indexOf(phrase, start + 1)).toBe(-1);
    const end = start + phrase.length;
    expect(pageOfOffset(doc.pdf.pageMap, start)).toBe(2);
    expect(pageOfOffset(doc.pdf.pageMap, end - 1)).toBe(2);
    const rects = rectsForRange(doc.pdf.pageMap, doc.text, start, end);
    expectOnPage(doc, rects, 2);
    const lines = linesTouched(doc.pdf.pageMap, start, end);
    expect(lines).toHaveLength(3);
    expect(rects).toHaveLength(lines.length);
    // Top to bottom, one line under the other.
    for (let i = 1; i < rects.length; i++)
      expect(rects[i]!.y).toBeGreaterThan(rects[i - 1]!.y + rects[i - 1]!.height / 2);
    // The middle line is covered in full: from the left margin to the right one.
    const full = doc.pdf.pageMap.pages[1]!.items.find((i) => i.start >= start && i.start + i.length <= end)!;
    expect(rects[1]!.x).toBeCloseTo(full.x, 1);
    expect(rects[1]!.width).toBeCloseTo(full.width, 1);
  });

  it('draws a passage across a page break on both pages', () => {
    const { pages } = doc.pdf.pageMap;
    const start = pages[0]!.end - 12;
    const end = pages[1]!.start + 12;
    const target = passageTarget({ text: doc.text, pageMap: doc.pdf.pageMap }, start, end);
    expect(target.quote.exact).toBe(doc.text.slice(start, end));
    const rects = target.rects!;
    const onPage1 = rects.filter((r) => r.page === 1);
    const onPage2 = rects.filter((r) => r.page === 2);
    expect(onPage1.length).toBeGreaterThan(0);
    expect(onPage2.length).toBeGreaterThan(0);
    expect(onPage1.length + onPage2.length).toBe(rects.length);
    expectOnPage(doc, onPage1, 1);
    expectOnPage(doc, onPage2, 2);
    // Page 1's share is at the bottom of page 1, page 2's at the top of page 2.
    expect(Math.min(...onPage1.map((r) => r.y))).toBeGreaterThan(pages[0]!.height / 2);
    expect(Math.max(...onPage2.map((r) => r.y))).toBeLessThan(pages[1]!.height / 2);
  });

  it('gives the same document for the same bytes', async () => {
    const again = await importFile(
      { name: 'seed-001.pdf', bytes: fixtureBytes('pdf', 'seed-001.pdf') },
      { openPdf: openPdfInNode },
    );
    expect(again).toEqual({ ok: true, doc });
  });
});

describe('PDF import: seed-001-noto.pdf (Type 3 fonts with radicals)', () => {
  let doc: PdfDocument;
  beforeAll(async () => {
    doc = await importedDoc('seed-001-noto.pdf');
  });

  it('maps the 365 radicals back to ideographs', () => {
    expect(noSpace(doc.text)).toBe(noSpace(source('seed-001.source.txt')));
    expect(doc.text).not.toMatch(/[\u2e80-\u2fdf]/);
  });

  it('lays the text out as the TrueType print', async () => {
    const wqy = await importedDoc('seed-001.pdf');
    expect(doc.text).toBe(wqy.text);
    expect(doc.blocks).toEqual(wqy.blocks);
    expect(doc.title).toBe(wqy.title);
    expect(doc.pdf.summary).toEqual({ pages: 4, textPages: 4 });
  });
});

describe('PDF import: cmap-stsong.pdf (STSong-Light, not embedded: needs the CMaps)', () => {
  let doc: PdfDocument;
  beforeAll(async () => {
    doc = await importedDoc('cmap-stsong.pdf');
  });

  it('gives the text back', () => {
    expect(noSpace(doc.text)).toBe(noSpace(source('cmap-stsong.source.txt')));
    expect(blockTexts(doc)).toEqual(source('cmap-stsong.source.txt').trim().split('\n'));
    expect(doc.pdf.summary).toEqual({ pages: 2, textPages: 2 });
  });

  it('takes the title from the info dictionary (UTF-16BE)', () => {
    expect(doc.title).toBe('京津冀协同发展2019年工作要点');
  });
});

describe('PDF import: outline-en.pdf (English and Chinese, justified)', () => {
  let doc: PdfDocument;
  beforeAll(async () => {
    doc = await importedDoc('outline-en.pdf');
  });

  it('gives the text back', () => {
    expect(noSpace(doc.text)).toBe(noSpace(source('outline-en.source.txt')));
    expect(doc.pdf.summary).toEqual({ pages: 2, textPages: 2 });
  });

  it('takes the title from the info dictionary, not the first heading', () => {
    expect(doc.title).toBe('Beijing–Tianjin–Hebei Work Plan 2019 京津冀协同发展');
    expect(blockTexts(doc)[0]).toBe('Beijing–Tianjin–Hebei 协同发展 Work Plan 2019');
  });

  it('closes up the spaces justification put between Chinese characters, and keeps English spacing', () => {
    const cjk = '[\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
    expect(doc.text).not.toMatch(new RegExp(`${cjk}[ \\t\\u00a0]+${cjk}`));
    expect(doc.text).toContain('with 雄安新区 and the city sub-centre (城市副中心) as the two wings.');
    expect(doc.text).toContain('Hospitals in 廊坊, 张家口, 唐山, 承德 and 保定 will recognise');
    expect(doc.text).toContain('The 2019 work plan (2019年工作要点) lists 90 tasks.');
    expect(doc.text).not.toMatch(/ {2}/);
    // Words broken at a line end are joined with a single space, never run together.
    expect(doc.text).toContain('16 deepen reform.');
    expect(doc.text).toContain('Xiong’an and the sub-centre, 36 target ecology');
  });

  it('has a consistent page map, with the closed-up spaces skipped', () => {
    expectPageMapInvariants(doc);
    const map = doc.pdf.pageMap;
    const at = doc.text.indexOf('雄安新区');
    const p = pageOfOffset(map, at);
    const k = map.pages[p - 1]!.items.findIndex((i) => i.start === at);
    const item = map.pages[p - 1]!.items[k]!;
    // pdf.js gave "雄 安 新 区": 7 characters on the page, 4 in the text.
    expect(item).toMatchObject({ chars: 7, length: 4, skipped: [1, 3, 5] });
    expect([0, 2, 4, 6].map((c) => offsetInItem(map, p, k, c))).toEqual([at, at + 1, at + 2, at + 3]);
    const [rect, ...more] = rectsForRange(map, doc.text, at, at + 4);
    expect(more).toEqual([]);
    expect(rect!.x).toBeCloseTo(item.x, 1);
    expect(rect!.width).toBeCloseTo(item.width, 1);
  });

  it('draws a phrase on page 2 on page 2 only, and a passage across the page break on both', () => {
    const map = doc.pdf.pageMap;
    const phrase = 'Beijing Daxing International Airport (北京大兴国际机场)';
    const start = doc.text.indexOf(phrase);
    const rects = rectsForRange(map, doc.text, start, start + phrase.length);
    expectOnPage(doc, rects, 2);
    expect(rects).toHaveLength(linesTouched(map, start, start + phrase.length).length);
    const across = rectsForRange(map, doc.text, doc.text.indexOf('deepen reform.'), doc.text.indexOf('Transport') + 9);
    expect(new Set(across.map((r) => r.page))).toEqual(new Set([1, 2]));
  });

  it('gives the same document for the same bytes', async () => {
    const again = await importFile(
      { name: 'outline-en.pdf', bytes: fixtureBytes('pdf', 'outline-en.pdf') },
      { openPdf: openPdfInNode },
    );
    expect(again).toEqual({ ok: true, doc });
  });
});

describe('PDF import: scanned.pdf (images only)', () => {
  let doc: PdfDocument;
  beforeAll(async () => {
    doc = await importedDoc('scanned.pdf');
  });

  it('is imported as pages without text', () => {
    expect(doc.pdf.summary).toEqual({ pages: 2, textPages: 0 });
    expect(doc.text).toBe('');
    expect(doc.blocks).toEqual([]);
    expect(doc.pdf.pageMap.pages.map((p) => [p.start, p.end, p.items.length])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
    // No /Title and no text: the file name stands in.
    expect(doc.title).toBe('scanned');
  });

  it('is told apart from another scan by a hash of its bytes', async () => {
    const bytes = fixtureBytes('pdf', 'scanned.pdf');
    expect(doc.contentHash).toBe(`pdf:${createHash('sha256').update(bytes).digest('hex')}`);
    // Another scan: the same file with one letter of its /Producer changed (offsets unchanged).
    const other = bytes.slice();
    const at = Buffer.from(other).indexOf('/Producer (Dossier');
    expect(at).toBeGreaterThan(0);
    other[at + '/Producer (D'.length] = 'd'.charCodeAt(0);
    const outcome = await importFile({ name: 'scanned-2.pdf', bytes: other }, { openPdf: openPdfInNode });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.doc.pdf?.summary).toEqual({ pages: 2, textPages: 0 });
    expect(outcome.doc.contentHash).toMatch(/^pdf:[0-9a-f]{64}$/);
    expect(outcome.doc.contentHash).not.toBe(doc.contentHash);
  });
});

describe('PDF import: encrypted.pdf (AES-256, user password "dossier-user")', () => {
  it('asks for the password', async () => {
    const message = expectRefused(await imported('encrypted.pdf'), 'password-required');
    expect(message).toContain('encrypted.pdf');
  });

  it('says when the password is wrong', async () => {
    const message = expectRefused(await imported('encrypted.pdf', 'not-the-password'), 'wrong-password');
    expect(message).toContain('encrypted.pdf');
  });

  it('opens with the password and gives seed-001.pdf’s document', async () => {
    const doc = await importedDoc('encrypted.pdf', 'dossier-user');
    const plain = await importedDoc('seed-001.pdf');
    expect(doc.text).toBe(plain.text);
    expect(doc.blocks).toEqual(plain.blocks);
    expect(doc.title).toBe(plain.title);
    expect(doc.contentHash).toBe(plain.contentHash);
    expect(doc.pdf.summary).toEqual({ pages: 4, textPages: 4 });
  });
});

describe('PDF import: refusals', () => {
  it.each(['truncated.pdf', 'not-a-pdf.pdf'])('refuses %s as damaged, naming it', async (name) => {
    const message = expectRefused(await imported(name), 'corrupt-pdf');
    expect(message).toContain(name);
  });

  it('refuses a PDF over the size limit without opening it', async () => {
    const bytes = new Uint8Array(MAX_PDF_BYTES + 1);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    opened = 0;
    const outcome = await importFile({ name: 'huge.pdf', bytes }, { openPdf: neverOpen });
    expect(expectRefused(outcome, 'too-large')).toContain('huge.pdf');
    expect(opened).toBe(0);
  });

  it('refuses an empty file without opening it', async () => {
    opened = 0;
    const outcome = await importFile({ name: 'empty.pdf', bytes: new Uint8Array() }, { openPdf: neverOpen });
    expect(expectRefused(outcome, 'empty')).toContain('empty.pdf');
    expect(opened).toBe(0);
  });
});

describe('PDF layout: regressions on synthetic pages', () => {
  // Pages as pdf.js would give them: A4, 14 pt CJK text, lines from x = 72 to 520, first lines indented to 100.
  const H = 842;
  const S = 14;
  const item = (str: string, x: number, baseline: number, size = S, width = str.length * size) => ({
    str,
    transform: [size, 0, 0, size, x, H - baseline],
    width,
    height: size,
    hasEOL: true,
  });
  const page = (items: ReturnType<typeof item>[]): ExtractedPage => ({
    width: 595,
    height: H,
    viewportTransform: [1, 0, 0, -1, 0, H],
    items,
  });
  const FULL = '这是一行排满的正文内容用来测试分段是否正确这是一行排满的正文内';
  const line = (text: string, baseline: number, indent = false) =>
    item(text, indent ? 100 : 72, baseline, S, indent ? 420 : 448);

  it('starts a new paragraph on a page that begins with an indent after a full line ending a sentence', () => {
    const layout = layoutPdf([
      page([line(`第一段${FULL.slice(3, 30)}`, 100, true), line(FULL, 122), line(`${FULL.slice(0, 31)}。`, 144)]),
      page([line(`第二段${FULL.slice(3, 30)}`, 100, true), line(`${FULL.slice(0, 10)}。`, 122)]),
    ]);
    expect(layout.blocks.map((b) => layout.text.slice(b.start, b.start + 3))).toEqual(['第一段', '第二段']);
  });

  it('still runs a paragraph on across a page break when the next page starts at the margin', () => {
    const layout = layoutPdf([
      page([line(`第一段${FULL.slice(3, 30)}`, 100, true), line(FULL, 122), line(FULL, 144)]),
      page([line(`${FULL.slice(0, 10)}。`, 100)]),
    ]);
    expect(layout.blocks).toHaveLength(1);
  });

  it('keeps a title set large on page 1 that later pages repeat as a small running header', () => {
    const TITLE = '北京市推进京津冀协同发展2019年工作要点';
    const layout = layoutPdf(
      [1, 2, 3, 4].map((n) =>
        page([
          n === 1 ? item(TITLE, 100, 90, 22) : item(TITLE, 200, 40, 9),
          line(`第${n}页${FULL.slice(3, 30)}`, 150, true),
          line(`${FULL.slice(0, 20)}。`, 172),
          item(`- ${n} -`, 290, 800, 9),
        ]),
      ),
    );
    expect(layout.text.startsWith(`${TITLE}\n\n第1页`)).toBe(true);
    expect(layout.blocks[0]).toMatchObject({ type: 'heading', level: 1 });
    // The running header and the page numbers are still dropped.
    expect(layout.text.match(new RegExp(TITLE, 'g'))).toHaveLength(1);
    expect(layout.text).not.toMatch(/- \d -/);
    expect(layout.dropped).toContain(TITLE);
  });
});

describe('PDF import: size limit given by the caller', () => {
  it('applies maxBytes to PDFs too', async () => {
    opened = 0;
    const outcome = await importFile(
      { name: 'seed-001.pdf', bytes: fixtureBytes('pdf', 'seed-001.pdf') },
      { openPdf: neverOpen, maxBytes: 100_000 },
    );
    expect(expectRefused(outcome, 'too-large')).toMatch(/^seed-001\.pdf is 145\.\d KB, over the 97\.\d KB limit/);
    expect(opened).toBe(0);
  });
});
