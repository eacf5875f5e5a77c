// Print HTML to PDF with Debian's Chromium through playwright-core, and build long
// Chinese PDFs from the seed corpus for benchmarks.
//
//   const bytes = await printHtmlToPdf(html, { path: 'out.pdf' });          // one-shot
//   await withPrinter(async (printer) => { await printer.print(a); await printer.print(b); });
//   await makeLongChinesePdf(300, '/tmp/long.pdf');                           // ~300 A4 pages
//
// Headings (h1–h6) become the PDF outline (page.pdf({ outline: true, tagged: true }), both
// in playwright-core 1.65's types; Chromium writes no outline unless tagged); <title> becomes
// the PDF's Info /Title.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../../chromium';
import { prng } from '../random';

/** TrueType CJK font (fonts-wqy-zenhei): pdfjs reads its text back exactly. */
export const FONT_WQY = "'WenQuanYi Zen Hei'";
/**
 * OpenType/CFF CJK fonts (fonts-noto-cjk): Chromium embeds them as Type 3 fonts whose
 * ToUnicode maps ~9 % of the characters to Kangxi/CJK radicals (⼯ U+2F2F for 工).
 */
export const FONT_NOTO_SERIF = "'Noto Serif CJK SC'";
export const FONT_NOTO_SANS = "'Noto Sans CJK SC'";

export const SEEDS_DIR = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

export interface PrintOptions {
  /** Also write the PDF here. */
  path?: string;
  /** Paper format; default 'A4'. */
  format?: string;
  /** CSS margins; default 20mm all round. */
  margin?: { top?: string; right?: string; bottom?: string; left?: string };
  /** Build the PDF outline from h1–h6; default true. */
  outline?: boolean;
  /** Tagged (accessible) PDF; default true (Chromium needs it for the outline). */
  tagged?: boolean;
  /** Print CSS backgrounds; default true. */
  printBackground?: boolean;
  /**
   * Overwrite Chromium's /CreationDate and /ModDate (the time of printing) with this PDF
   * date, e.g. "D:20190606093000+08'00'", so that reprinting gives the same bytes.
   */
  pdfDate?: string;
}

/**
 * Replace the /CreationDate and /ModDate strings of a Chromium PDF in place. The new date
 * must have the same length as Chromium's ("D:YYYYMMDDHHmmSS+00'00'", 23 characters) so
 * that the xref offsets stay valid.
 */
export function setPdfDates(bytes: Uint8Array, pdfDate: string): Uint8Array {
  if (!/^D:\d{14}[+-]\d\d'\d\d'$/.test(pdfDate)) throw new Error(`not a PDF date: ${pdfDate}`);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const fixed = text.replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (whole, key: string, date: string) =>
    date.length === pdfDate.length ? `/${key} (${pdfDate})` : whole,
  );
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

export interface Printer {
  /** Print one HTML document to PDF bytes. */
  print(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /** Screenshot HTML (e.g. to make an image-only "scanned" page). */
  screenshot(
    html: string,
    options: { width: number; height: number; scale?: number; type?: 'png' | 'jpeg'; quality?: number },
  ): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Launch Chromium once (fresh temp profile); call close() when done. */
export async function openPrinter(): Promise<Printer> {
  const profile = await mkdtemp(join(tmpdir(), 'dossier-print-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      args: CHROMIUM_FLAGS,
      headless: true,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    async print(html, options = {}) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const pdf = await page.pdf({
          format: options.format ?? 'A4',
          margin: { top: '20mm', right: '20mm', bottom: '20mm', left: '20mm', ...options.margin },
          printBackground: options.printBackground ?? true,
          outline: options.outline ?? true,
          tagged: options.tagged ?? true,
          preferCSSPageSize: false,
        });
        const bytes = options.pdfDate ? setPdfDates(new Uint8Array(pdf), options.pdfDate) : new Uint8Array(pdf);
        if (options.path) await writeFile(options.path, bytes);
        return bytes;
      } finally {
        await page.close();
      }
    },
    async screenshot(html, { width, height, scale = 1, type = 'png', quality }) {
      // A persistent context has one device scale factor for all its pages, so scale with
      // CSS zoom in a viewport of the scaled size instead.
      const w = Math.round(width * scale);
      const h = Math.round(height * scale);
      const page = await context.newPage();
      try {
        await page.setViewportSize({ width: w, height: h });
        await page.setContent(html, { waitUntil: 'load' });
        if (scale !== 1) await page.addStyleTag({ content: `html { zoom: ${scale}; }` });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const overflow = await page.evaluate(() => document.documentElement.scrollHeight);
        if (overflow > h) throw new Error(`screenshot: content is ${overflow}px high, viewport ${h}px`);
        const shot = await page.screenshot({ type, fullPage: false, ...(type === 'jpeg' ? { quality } : {}) });
        return new Uint8Array(shot);
      } finally {
        await page.close();
      }
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Run fn with a printer and always close it. */
export async function withPrinter<T>(fn: (printer: Printer) => Promise<T>): Promise<T> {
  const printer = await openPrinter();
  try {
    return await fn(printer);
  } finally {
    await printer.close();
  }
}

/** One-shot: launch Chromium, print, close. */
export async function printHtmlToPdf(html: string, options: PrintOptions = {}): Promise<Uint8Array> {
  return withPrinter((printer) => printer.print(html, options));
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A block of a printed document: heading levels 1–2 or a paragraph. */
export interface Block {
  kind: 'h1' | 'h2' | 'p';
  text: string;
}

/** Simple printable HTML document: blocks in order, optional page break before a block (breakBefore). */
export function documentHtml(
  title: string,
  blocks: ReadonlyArray<Block & { breakBefore?: boolean }>,
  {
    fontFamily = FONT_WQY,
    headingFontFamily = fontFamily,
    fontSize = '12pt',
    lineHeight = 1.8,
    lang = 'zh-CN',
  }: { fontFamily?: string; headingFontFamily?: string; fontSize?: string; lineHeight?: number; lang?: string } = {},
): string {
  const body = blocks
    .map((b) => {
      const style = b.breakBefore ? ' style="break-before: page"' : '';
      return `<${b.kind}${style}>${escapeHtml(b.text)}</${b.kind}>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
  @page { size: A4; }
  html, body { margin: 0; padding: 0; }
  body { font-family: ${fontFamily}; font-size: ${fontSize}; line-height: ${lineHeight}; color: #000; }
  h1, h2 { font-family: ${headingFontFamily}; }
  h1 { font-size: 1.6em; line-height: 1.4; margin: 0 0 0.6em; text-align: center; }
  h2 { font-size: 1.25em; line-height: 1.4; margin: 0.8em 0 0.4em; }
  p { margin: 0 0 0.5em; text-indent: 2em; text-align: justify; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

// ---------------------------------------------------------------------------
// Corpus sentences

/** Lines of every seed (test/fixtures/seeds/*.txt), trimmed, non-empty. */
export async function readSeedLines(dir = SEEDS_DIR): Promise<string[][]> {
  const names = (await readdir(dir)).filter((n) => /^\d+_.*\.txt$/.test(n)).sort();
  const out: string[][] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8');
    out.push(
      text
        .split(/\r?\n/)
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean),
    );
  }
  return out;
}

const CJK = /[\u3400-\u9fff]/g;

/** Article sentences of the seeds (ending in 。！？；, mostly Chinese, no markup), deduplicated. */
export async function corpusSentences(dir = SEEDS_DIR): Promise<string[]> {
  const seen = new Set<string>();
  for (const lines of await readSeedLines(dir)) {
    for (const line of lines) {
      if (/[<>{}]|https?:|^\w+:/.test(line)) continue;
      for (const s of line.match(/[^。！？；!?;]+[。！？；!?;]?/g) ?? []) {
        const sentence = s.trim();
        const cjk = sentence.match(CJK)?.length ?? 0;
        if (sentence.length >= 12 && sentence.length <= 160 && cjk / sentence.length > 0.6) seen.add(sentence);
      }
    }
  }
  return [...seen];
}

const CHAPTER_NUMERALS = '一二三四五六七八九十';
function chineseNumber(n: number): string {
  if (n <= 10) return CHAPTER_NUMERALS[n - 1] ?? String(n);
  if (n < 20) return `十${CHAPTER_NUMERALS[n - 11] ?? ''}`;
  if (n < 100) return `${CHAPTER_NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? CHAPTER_NUMERALS[(n % 10) - 1] : ''}`;
  return String(n);
}

/**
 * Chromium (Skia) subsets an embedded TrueType font only up to roughly 850–900 glyphs;
 * above that it embeds the whole font (WenQuanYi Zen Hei: the 16.8 MB .ttc, so a
 * 300-page PDF becomes ~10 MB). Measured on this machine with Chromium 156.
 */
export const CHROMIUM_SUBSET_GLYPH_LIMIT = 850;

/**
 * Greedily keep the sentences that add the fewest new characters, until the text would
 * use more than `maxDistinct` distinct characters (counting `reserved` as already used).
 */
export function limitDistinctChars(sentences: ReadonlyArray<string>, maxDistinct: number, reserved = ''): string[] {
  if (!Number.isFinite(maxDistinct)) return [...sentences];
  const used = new Set([...reserved]);
  const rest = [...sentences];
  const kept: string[] = [];
  for (;;) {
    let best = -1;
    let bestNew = Infinity;
    rest.forEach((sentence, i) => {
      const fresh = new Set([...sentence].filter((c) => !used.has(c))).size;
      if (fresh < bestNew) [best, bestNew] = [i, fresh];
    });
    if (best < 0 || used.size + bestNew > maxDistinct) break;
    const [sentence] = rest.splice(best, 1);
    for (const c of sentence!) used.add(c);
    kept.push(sentence!);
  }
  // Keep the corpus order rather than the greedy order.
  const keep = new Set(kept);
  return sentences.filter((s) => keep.has(s));
}

export interface LongPdfOptions {
  /** CSS font-family; default WenQuanYi Zen Hei (TrueType, extracts cleanly). */
  fontFamily?: string;
  /** Approximate characters of body text per page; default 900 (fits one A4 page at 12pt). */
  charsPerPage?: number;
  /** A new h1 chapter every this many pages; default 10. */
  chapterEvery?: number;
  /** A new h2 section every this many pages; default 3. */
  sectionEvery?: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /**
   * At most this many distinct characters in the document (default 800), so that Chromium
   * subsets the font (see CHROMIUM_SUBSET_GLYPH_LIMIT). Infinity uses every corpus sentence.
   */
  maxDistinctChars?: number;
  /** Reuse an open printer (else one is launched and closed). */
  printer?: Printer;
  /** Document title (<title>, first h1); default "京津冀协同发展政策汇编（N页）". */
  title?: string;
}

export interface LongPdfResult {
  path: string;
  /** Pages in the written PDF (counted in its page tree); equals the pages asked for. */
  pages: number;
  bytes: number;
  /** Milliseconds spent in Chromium (print only). */
  printMs: number;
  title: string;
  /** Printed blocks in order (breakBefore: starts a new page): the expected extracted text. */
  blocks: Array<Block & { breakBefore?: boolean }>;
  /** Headings as they appear in the outline: h1, with the following h2 nested under it. */
  headings: Block[];
  /** Corpus sentences the text was drawn from. */
  sentences: number;
  /** Distinct characters in the document. */
  distinctChars: number;
  /** The printed HTML (to re-print it, e.g. with other options). */
  html: string;
}

/** Page count of a PDF written by Chromium (no object streams): its /Type /Page objects. */
export function countPdfPages(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  return pages;
}

/** First clause of a sentence without list numbering, for a heading. */
function headingFrom(sentence: string, max: number): string {
  const clause = sentence
    .replace(/^[（(]?[一二三四五六七八九十\d]+[)）]?[、.．是]?/, '')
    .split(/[，,。；;：:！？、]/)
    .find((c) => c.length >= 4);
  return (clause ?? sentence).slice(0, max);
}

/**
 * Build a long Chinese PDF from the corpus's sentences: `pages` A4 pages, each starting
 * on a forced page break, with an h1 every `chapterEvery` pages and an h2 every
 * `sectionEvery` pages (so the PDF has an outline). Sentences are shuffled per page
 * with a seeded PRNG and the numbers in them vary by page, so no two pages are identical.
 * Throws if the PDF does not have exactly `pages` pages.
 */
export async function makeLongChinesePdf(
  pages: number,
  outPath: string,
  options: LongPdfOptions = {},
): Promise<LongPdfResult> {
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`pages must be a positive integer, got ${pages}`);
  const {
    fontFamily = FONT_WQY,
    charsPerPage = 900,
    chapterEvery = 10,
    sectionEvery = 3,
    seed = 1,
    maxDistinctChars = 800,
    title = `京津冀协同发展政策汇编（${pages}页）`,
  } = options;
  const reserved = `${title}第章一二三四五六七八九十、0123456789。`;
  const sentences = limitDistinctChars(await corpusSentences(), maxDistinctChars, reserved);
  if (sentences.length === 0) throw new Error(`no sentences found in ${SEEDS_DIR}`);
  const random = prng(seed);
  const pick = () => sentences[Math.floor(random() * sentences.length)] ?? '';
  const vary = (s: string, page: number) =>
    s.replace(/\d+/g, (d) => {
      // Keep years plausible; shift other numbers by the page number.
      const n = Number(d);
      return n >= 1949 && n <= 2035 ? String(1990 + ((n + page) % 40)) : String(n + page);
    });

  const blocks: Array<Block & { breakBefore?: boolean }> = [];
  const headings: Block[] = [];
  let chapter = 0;
  let section = 0;
  for (let page = 1; page <= pages; page++) {
    let first = true;
    const push = (block: Block) => {
      blocks.push(first && page > 1 ? { ...block, breakBefore: true } : block);
      first = false;
    };
    let budget = charsPerPage;
    if ((page - 1) % chapterEvery === 0) {
      chapter++;
      section = 0;
      const h1 = page === 1 ? title : `第${chineseNumber(chapter)}章 ${headingFrom(pick(), 16)}`;
      push({ kind: 'h1', text: h1 });
      headings.push({ kind: 'h1', text: h1 });
      budget -= 120;
    }
    if ((page - 1) % sectionEvery === 0) {
      section++;
      const h2 = `${chineseNumber(section)}、${headingFrom(pick(), 14)}`;
      push({ kind: 'h2', text: h2 });
      headings.push({ kind: 'h2', text: h2 });
      budget -= 80;
    }
    // Paragraphs of 2–5 sentences until the page budget is used up (counting a line's tail as lost).
    while (budget > 120) {
      const count = 2 + Math.floor(random() * 4);
      let text = '';
      for (let i = 0; i < count; i++) text += vary(pick(), page);
      if (text.length + 40 > budget) text = text.slice(0, Math.max(40, budget - 40)).replace(/[，,、；]$/, '') + '。';
      push({ kind: 'p', text });
      budget -= Math.ceil(text.length / 38) * 38 + 38;
    }
  }

  const html = documentHtml(title, blocks, { fontFamily });
  const run = async (printer: Printer) => {
    const t0 = performance.now();
    const bytes = await printer.print(html, { path: outPath });
    return { bytes, printMs: performance.now() - t0 };
  };
  const { bytes, printMs } = options.printer ? await run(options.printer) : await withPrinter(run);
  const printed = countPdfPages(bytes);
  if (printed !== pages) throw new Error(`${outPath}: asked for ${pages} pages, Chromium printed ${printed}`);
  return {
    path: outPath,
    pages: printed,
    bytes: bytes.byteLength,
    printMs,
    title,
    blocks,
    headings,
    sentences: sentences.length,
    distinctChars: new Set([...blocks.map((b) => b.text).join('')]).size,
    html,
  };
}
