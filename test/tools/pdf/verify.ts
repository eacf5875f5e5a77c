// Check the PDF fixtures with pdfjs-dist in Node and print what it sees:
//
//   npx tsx test/tools/pdf/verify.ts            # all fixtures (in test/fixtures/pdf/)
//   npx tsx test/tools/pdf/verify.ts --json     # also dump a JSON summary
//
// Per fixture: pages, Info /Title, outline titles, first 80 extracted characters per
// page, whether the extracted text equals <name>.source.txt (whitespace removed), and
// the characters outside CJK Unified Ideographs that differ from the source.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The fixtures checked (this script sits in test/tools/pdf/, apart from them). */
const HERE = fileURLToPath(new URL('../../fixtures/pdf/', import.meta.url));
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
export const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
export const STANDARD_FONT_DATA_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

type Doc = Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;

export interface OpenOptions {
  /** Pass cMapUrl + cMapPacked (default true). */
  cmaps?: boolean;
  password?: string;
}

export async function openPdf(bytes: Uint8Array, { cmaps = true, password }: OpenOptions = {}): Promise<Doc> {
  return pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdfjs transfers (detaches) the buffer: always pass a copy
    ...(cmaps ? { cMapUrl: CMAP_URL, cMapPacked: true } : {}),
    standardFontDataUrl: STANDARD_FONT_DATA_URL,
    isEvalSupported: false,
    verbosity: 0,
    ...(password !== undefined ? { password } : {}),
  }).promise;
}

/** Text of each page: items joined, a newline where pdfjs marks an end of line. */
export async function pageTexts(doc: Doc): Promise<string[]> {
  const texts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    texts.push(text);
    page.cleanup();
  }
  return texts;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

export async function outlineTitles(doc: Doc): Promise<string[]> {
  const out: string[] = [];
  const walk = (nodes: OutlineNode[] | null, depth: number) => {
    for (const n of nodes ?? []) {
      out.push('  '.repeat(depth) + n.title);
      walk(n.items, depth + 1);
    }
  };
  walk((await doc.getOutline()) as OutlineNode[] | null, 0);
  return out;
}

export async function infoTitle(doc: Doc): Promise<string | undefined> {
  const { info } = await doc.getMetadata();
  const title = (info as Record<string, unknown>).Title;
  return typeof title === 'string' ? title : undefined;
}

const noSpace = (s: string) => s.replace(/\s+/g, '');
// Two CJK characters (ideographs or CJK punctuation) separated by spaces on one line.
const CJK_GAP =
  /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef])[ \t\u00a0]+(?=([\u3000-\u303f\u3400-\u9fff\uff00-\uffef]))/gu;
const isCjkIdeograph = (c: string) => /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u.test(c);
const hex = (c: string) => 'U+' + (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');

export interface Difference {
  /** Source character (or '' when the extracted text has an extra one). */
  expected: string;
  /** Extracted character (or '' when missing). */
  got: string;
  count: number;
}

/**
 * Align two strings (whitespace already removed) and count the character differences.
 * Equal lengths are compared one for one. Otherwise a mismatch followed by 4 equal
 * characters is a substitution; any other mismatch re-synchronises on the next 8 equal
 * characters within 40.
 */
export function diffChars(expected: string, got: string): Difference[] {
  const a = [...expected];
  const b = [...got];
  const counts = new Map<string, Difference>();
  const add = (e: string, g: string) => {
    const key = `${e}\u0000${g}`;
    const d = counts.get(key) ?? { expected: e, got: g, count: 0 };
    d.count++;
    counts.set(key, d);
  };
  const same = (i: number, j: number, n: number) => {
    for (let k = 0; k < n; k++) if (a[i + k] !== b[j + k]) return false;
    return true;
  };
  if (a.length === b.length) {
    // Same length: compare one for one (the radical substitutions of Type 3 fonts are 1:1).
    a.forEach((c, k) => {
      if (c !== b[k]) add(c, b[k]!);
    });
    return [...counts.values()].sort((x, y) => y.count - x.count);
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // A one-for-one substitution if the text lines up again right after it.
    if (same(i + 1, j + 1, Math.min(4, a.length - i - 1, b.length - j - 1))) {
      add(a[i]!, b[j]!);
      i++;
      j++;
      continue;
    }
    let synced = false;
    for (let skip = 1; skip <= 40 && !synced; skip++) {
      for (let x = 0; x <= skip; x++) {
        const di = x;
        const dj = skip - x;
        if (i + di < a.length && j + dj < b.length && same(i + di, j + dj, 8)) {
          for (let k = 0; k < Math.max(di, dj); k++) add(a[i + k] ?? '', k < dj ? (b[j + k] ?? '') : '');
          i += di;
          j += dj;
          synced = true;
          break;
        }
      }
    }
    if (!synced) {
      add(a[i]!, b[j]!);
      i++;
      j++;
    }
  }
  while (i < a.length) add(a[i++]!, '');
  while (j < b.length) add('', b[j++]!);
  return [...counts.values()].sort((x, y) => y.count - x.count);
}

export interface Report {
  file: string;
  bytes: number;
  pages?: number;
  title?: string;
  outline?: string[];
  firstChars?: string[];
  extractedChars?: number;
  sourceChars?: number;
  equalsSource?: boolean;
  /** Differences whose extracted character is not a CJK Unified Ideograph (radicals, punctuation…). */
  nonIdeographDiffs?: Difference[];
  diffCount?: number;
  /** Spaces (not line breaks) between two CJK characters: in the extracted text, in the source. */
  cjkGaps?: { extracted: number; source: number; samples: string[] };
  error?: string;
  notes: string[];
}

/** The source.txt a fixture's text should equal (several fixtures share seed-001's). */
export function sourceFor(name: string): string | undefined {
  const shared: Record<string, string> = {
    'seed-001-noto.pdf': 'seed-001.source.txt',
    'encrypted.pdf': 'seed-001.source.txt',
    'truncated.pdf': 'seed-001.source.txt',
  };
  const path = join(HERE, shared[name] ?? name.replace(/\.pdf$/, '.source.txt'));
  return existsSync(path) ? path : undefined;
}

export async function verifyFile(name: string, options: OpenOptions = {}): Promise<Report> {
  const path = join(HERE, name);
  const bytes = await readFile(path);
  const report: Report = { file: name, bytes: bytes.length, notes: [] };
  let doc: Doc;
  try {
    doc = await openPdf(bytes, options);
  } catch (error) {
    const e = error as { name?: string; message?: string; code?: number };
    report.error = `${e.name}: ${e.message}${e.code !== undefined ? ` (code ${e.code})` : ''}`;
    return report;
  }
  try {
    report.pages = doc.numPages;
    report.title = await infoTitle(doc);
    report.outline = await outlineTitles(doc);
    const texts = await pageTexts(doc);
    report.firstChars = texts.map((t) => t.replace(/\s+/g, ' ').trim().slice(0, 80));
    const extracted = noSpace(texts.join(''));
    report.extractedChars = [...extracted].length;
    const src = sourceFor(name);
    if (src && extracted.length > 0) {
      const source = noSpace(await readFile(src, 'utf8'));
      report.sourceChars = [...source].length;
      report.equalsSource = extracted === source;
      const gaps = (t: string) => [...t.matchAll(CJK_GAP)].map((m) => `${m[1]} ${m[2]}`);
      const sourceRaw = await readFile(src, 'utf8');
      const found = texts.flatMap(gaps);
      report.cjkGaps = { extracted: found.length, source: gaps(sourceRaw).length, samples: found.slice(0, 6) };
      const diffs = diffChars(source, extracted);
      report.diffCount = diffs.reduce((n, d) => n + d.count, 0);
      report.nonIdeographDiffs = diffs.filter((d) => d.got === '' || !isCjkIdeograph(d.got));
    }
  } finally {
    await doc.destroy();
  }
  return report;
}

/** Render page `n` at `scale`; returns the share of non-white pixels (0–1). */
export async function renderInk(bytes: Uint8Array, n: number, scale = 0.5): Promise<number> {
  const doc = await openPdf(bytes);
  try {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas, canvasContext: context, viewport } as unknown as Parameters<typeof page.render>[0])
      .promise;
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i]! + data[i + 1]! + data[i + 2]!) / 3 < 200) ink++;
    return ink / (data.length / 4);
  } finally {
    await doc.destroy();
  }
}

interface CanvasFactory {
  create(
    w: number,
    h: number,
  ): {
    canvas: { width: number; height: number };
    context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

const FIXTURES = [
  'seed-001.pdf',
  'seed-001-noto.pdf',
  'cmap-stsong.pdf',
  'scanned.pdf',
  'encrypted.pdf',
  'truncated.pdf',
  'not-a-pdf.pdf',
  'outline-en.pdf',
];

function print(r: Report) {
  console.log(`\n== ${r.file} (${r.bytes} bytes)`);
  if (r.error) console.log(`   error: ${r.error}`);
  if (r.pages !== undefined) console.log(`   pages: ${r.pages}`);
  if (r.pages !== undefined) console.log(`   title: ${JSON.stringify(r.title)}`);
  if (r.outline?.length) console.log(`   outline:\n${r.outline.map((t) => `     ${t}`).join('\n')}`);
  else if (r.pages !== undefined) console.log('   outline: (none)');
  r.firstChars?.forEach((t, i) => console.log(`   p${i + 1}: ${JSON.stringify(t)}`));
  if (r.extractedChars !== undefined) console.log(`   extracted chars (no whitespace): ${r.extractedChars}`);
  if (r.equalsSource !== undefined) {
    console.log(`   equals source.txt (whitespace removed): ${r.equalsSource} (source ${r.sourceChars} chars)`);
    console.log(`   differing characters: ${r.diffCount}`);
    if (r.nonIdeographDiffs?.length) {
      const list = r.nonIdeographDiffs
        .map((d) => `${d.got || '∅'}(${d.got ? hex(d.got) : '-'})←${d.expected || '∅'}×${d.count}`)
        .join(' ');
      console.log(`   non-ideograph differences (got←expected×n): ${list}`);
    }
  }
  if (r.cjkGaps) {
    const { extracted, source, samples } = r.cjkGaps;
    console.log(`   spaces between CJK characters on a line: ${extracted} (source ${source}) ${samples.join(' | ')}`);
  }
  for (const n of r.notes) console.log(`   ${n}`);
}

async function main() {
  const reports: Report[] = [];
  for (const name of FIXTURES) {
    if (!existsSync(join(HERE, name))) {
      console.log(`\n== ${name}: MISSING`);
      continue;
    }
    const r = await verifyFile(name);
    if (name === 'cmap-stsong.pdf') {
      const bare = await verifyFile(name, { cmaps: false });
      r.notes.push(
        bare.error
          ? `without cMapUrl: error ${bare.error}`
          : `without cMapUrl: ${bare.extractedChars} non-whitespace chars extracted, first: ${JSON.stringify(bare.firstChars)}`,
      );
    }
    if (name === 'scanned.pdf' && r.pages) {
      const bytes = await readFile(join(HERE, name));
      for (let p = 1; p <= r.pages; p++) {
        const ink = await renderInk(bytes, p);
        r.notes.push(`page ${p} render: ${(ink * 100).toFixed(1)}% dark pixels`);
      }
    }
    if (name === 'outline-en.pdf') {
      const doc = await openPdf(await readFile(join(HERE, name)));
      const texts = await pageTexts(doc);
      await doc.destroy();
      const collapse = (t: string) => t.replace(/\s+/g, ' ').trim();
      const source = collapse(await readFile(join(HERE, 'outline-en.source.txt'), 'utf8'));
      r.notes.push(`equals source with whitespace collapsed to single spaces: ${collapse(texts.join(' ')) === source}`);
    }
    if (name === 'encrypted.pdf') {
      const open = await verifyFile(name, { password: 'dossier-user' });
      r.notes.push(
        open.error
          ? `with password: error ${open.error}`
          : `with password 'dossier-user': ${open.pages} pages, title ${JSON.stringify(open.title)}, ` +
              `equals source: ${open.equalsSource}, outline entries: ${open.outline?.length}`,
      );
      const wrong = await verifyFile(name, { password: 'wrong' });
      r.notes.push(`with a wrong password: ${wrong.error ?? 'opened?!'}`);
    }
    reports.push(r);
    print(r);
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(reports, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
