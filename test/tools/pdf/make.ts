// Regenerate the PDF fixtures of test/fixtures/pdf/ (see SOURCES.md there):
//
//   npx tsx test/tools/pdf/make.ts              # into test/fixtures/pdf/
//   npx tsx test/tools/pdf/make.ts --out DIR    # elsewhere, e.g. to compare with the committed files
//
// Needs /usr/bin/chromium, fonts-wqy-zenhei, fonts-noto-cjk and qpdf (apt-get install -y
// chromium fonts-wqy-zenhei fonts-noto-cjk qpdf). Then check them with verify.ts.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FONT_NOTO_SANS,
  FONT_WQY,
  SEEDS_DIR,
  documentHtml,
  escapeHtml,
  withPrinter,
  type Block,
  type Printer,
} from './print.ts';

/** Fixed dates of the Chromium-printed fixtures, so that `make.ts` reproduces the same bytes. */
const PDF_DATE = "D:20190606093000+08'00'";
/** Where the fixtures live (this script sits in test/tools/pdf/, apart from them). */
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/pdf/', import.meta.url));
/**
 * /Producer of the hand-written fixtures: this script's path when they were first made. Kept
 * as it was after the move to test/tools/pdf/, so that make.ts still reproduces them byte for byte.
 */
const PRODUCER = 'Dossier test/fixtures/pdf/make.ts';
/** Where main() writes: FIXTURES_DIR unless `--out DIR` is given. */
let OUT = FIXTURES_DIR;
const out = (name: string) => join(OUT, name);

// ---------------------------------------------------------------------------
// Seed 001: article body without the site's navigation and footer.

const NAV = /^(注册|登录|当前位置[:：])/;
const FOOTER = /^(附件[:：]|扫描二维码)/;
const SECTION = /^[一二三四五六七八九十]+、/;

export async function seed001Blocks(): Promise<Block[]> {
  const name = (await readdir(SEEDS_DIR)).find((n) => n.startsWith('001_') && n.endsWith('.txt'));
  if (!name) throw new Error(`no seed 001_*.txt in ${SEEDS_DIR}`);
  const lines = (await readFile(join(SEEDS_DIR, name), 'utf8'))
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  let start = 0;
  while (start < lines.length && NAV.test(lines[start] ?? '')) start++;
  let end = lines.findIndex((l) => FOOTER.test(l));
  if (end < 0) end = lines.length;
  const body = lines.slice(start, end);
  return body.map((text, i): Block => {
    if (i === 0) return { kind: 'h1', text };
    if (SECTION.test(text) && text.length < 40) return { kind: 'h2', text };
    return { kind: 'p', text };
  });
}

const sourceText = (blocks: ReadonlyArray<Block>) => blocks.map((b) => b.text).join('\n') + '\n';

// ---------------------------------------------------------------------------
// cmap-stsong.pdf: hand-written PDF with the non-embedded Adobe font STSong-Light.

const CMAP_TITLE = '京津冀协同发展2019年工作要点';
const CMAP_PAGES: ReadonlyArray<ReadonlyArray<{ size: number; text: string }>> = [
  [
    { size: 20, text: CMAP_TITLE },
    { size: 14, text: '来源：北京市发展和改革委员会' },
    { size: 12, text: '调整退出一般制造业企业309家。' },
    { size: 12, text: '疏解提升市场50个、物流中心16个。' },
  ],
  [
    { size: 16, text: '二、主要任务' },
    { size: 12, text: '高质量推进北京城市副中心规划建设。' },
    { size: 12, text: '实现京张铁路年底建成通车，京礼高速延崇段工程完工。' },
  ],
];

/** UCS-2 big-endian hex of a BMP string (what UniGB-UCS2-H expects as codes). */
function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code > 0xffff) throw new Error(`not in the BMP: ${ch}`);
    hex += code.toString(16).toUpperCase().padStart(4, '0');
  }
  return hex;
}

/** Serialise numbered objects (1..n) into a PDF with a correct xref table. */
export function buildPdf(objects: ReadonlyArray<string | Uint8Array>, rootRef: string, infoRef: string): Uint8Array {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : Buffer.from(body),
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xrefOffset = length;
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root ${rootRef} /Info ${infoRef} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}

function stream(content: string): string {
  return `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
}

export function makeCmapPdf(): { bytes: Uint8Array; source: string } {
  // 1 Catalog, 2 Pages, 3 Info, 4 Type0 font, 5 CIDFont, 6 FontDescriptor, then page + content pairs.
  const objects: string[] = [];
  const pageRefs: string[] = [];
  const first = 7;
  CMAP_PAGES.forEach((lines, p) => {
    const pageNo = first + p * 2;
    pageRefs.push(`${pageNo} 0 R`);
    let y = 780;
    const ops = lines.map(({ size, text }) => {
      y -= size * 2;
      return `BT /F1 ${size} Tf 1 0 0 1 72 ${y} Tm <${ucs2Hex(text)}> Tj ET`;
    });
    objects[pageNo - 1] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents ${pageNo + 1} 0 R >>`;
    objects[pageNo] = stream(ops.join('\n'));
  });
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${pageRefs.join(' ')}] /Count ${pageRefs.length} >>`;
  objects[2] =
    `<< /Title <FEFF${ucs2Hex(CMAP_TITLE)}> /CreationDate (D:20190606093000+08'00') ` +
    `/ModDate (D:20190606093000+08'00') /Producer (${PRODUCER}) >>`;
  objects[3] =
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>';
  objects[4] =
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> ' +
    '/FontDescriptor 6 0 R /DW 1000 /W [1 95 500 814 939 500] >>';
  objects[5] =
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] ' +
    '/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  const bytes = buildPdf(objects, '1 0 R', '3 0 R');
  return {
    bytes,
    source:
      CMAP_PAGES.flat()
        .map((l) => l.text)
        .join('\n') + '\n',
  };
}

// ---------------------------------------------------------------------------
// scanned.pdf: two pages that are only a JPEG each (no text layer), like a scanner's output.

async function makeScanned(printer: Printer, blocks: Block[]): Promise<{ bytes: Uint8Array; source: string }> {
  // The article's first blocks over two "scanned" pages: whole blocks until a page holds
  // 600 characters; the last block of page 2 is cut after a sentence.
  const pages: Block[][] = [[], []];
  let next = 0;
  for (const page of pages) {
    let used = 0;
    while (used < 600 && next < blocks.length) {
      const b = blocks[next++]!;
      let text = b.text;
      if (page === pages[1] && used + text.length > 800) {
        const cut = text.lastIndexOf('。', 800 - used);
        text = cut > 0 ? text.slice(0, cut + 1) : text;
      }
      page.push({ kind: b.kind, text });
      used += text.length;
    }
  }
  const images: Uint8Array[] = [];
  for (const page of pages) {
    const html = documentHtml('scan', page, { fontSize: '15px', lineHeight: 1.9 }).replace(
      '<body>',
      '<body style="padding: 76px 72px; box-sizing: border-box; width: 794px; height: 1123px; background: #fff">',
    );
    images.push(await printer.screenshot(html, { width: 794, height: 1123, scale: 1.25, type: 'jpeg', quality: 55 }));
  }
  return { bytes: makeImagePdf(images), source: pages.map((p) => sourceText(p)).join('\f\n') };
}

/** Width and height from a JPEG's SOF marker. */
export function jpegSize(jpeg: Uint8Array): { width: number; height: number; components: number } {
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) throw new Error(`bad JPEG marker at ${i}`);
    const marker = jpeg[i + 1]!;
    const length = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!,
        width: (jpeg[i + 7]! << 8) | jpeg[i + 8]!,
        components: jpeg[i + 9]!,
      };
    }
    i += 2 + length;
  }
  throw new Error('no SOF marker in JPEG');
}

/** A scanner-style PDF: one A4 page per JPEG (DCTDecode), no text, no Title. */
export function makeImagePdf(jpegs: ReadonlyArray<Uint8Array>): Uint8Array {
  // 1 Catalog, 2 Pages, 3 Info, then per page: page, content, image.
  const objects: Array<string | Uint8Array> = [];
  const kids: string[] = [];
  jpegs.forEach((jpeg, p) => {
    const n = 4 + p * 3;
    const { width, height, components } = jpegSize(jpeg);
    const space = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    kids.push(`${n} 0 R`);
    objects[n - 1] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ` +
      `/Resources << /XObject << /Im1 ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`;
    objects[n] = stream('q 595 0 0 842 0 0 cm /Im1 Do Q');
    objects[n + 1] = Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${space} ` +
          `/BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`,
        'latin1',
      ),
      Buffer.from(jpeg),
      Buffer.from('\nendstream', 'latin1'),
    ]);
  });
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
  objects[2] = `<< /Producer (${PRODUCER}) /CreationDate (D:20190610101500+08'00') >>`;
  return buildPdf(objects, '1 0 R', '3 0 R');
}

// ---------------------------------------------------------------------------
// outline-en.pdf: English and Chinese mixed, two pages, outline.

const MIXED: Array<Block & { breakBefore?: boolean }> = [
  { kind: 'h1', text: 'Beijing–Tianjin–Hebei 协同发展 Work Plan 2019' },
  { kind: 'h2', text: '1. Overview 主要考虑' },
  {
    kind: 'p',
    text: 'The 2019 work plan (2019年工作要点) lists 90 tasks. It puts 疏解北京非首都功能 (relieving Beijing of non-capital functions) at the core, with 雄安新区 and the city sub-centre (城市副中心) as the two wings.',
  },
  {
    kind: 'p',
    text: 'Of the 90 tasks, 14 concern relocation, 19 support Xiong’an and the sub-centre, 36 target ecology, transport, industry and public services, and 16 deepen reform.',
  },
  { kind: 'h2', text: '2. Transport 交通方面', breakBefore: true },
  {
    kind: 'p',
    text: 'Beijing Daxing International Airport (北京大兴国际机场) is to pass acceptance by the end of June and open before the end of September; the Beijing–Zhangjiakou railway (京张铁路) opens by year end.',
  },
  { kind: 'h2', text: '3. Public services 公共服务' },
  {
    kind: 'p',
    text: 'Hospitals in 廊坊, 张家口, 唐山, 承德 and 保定 will recognise each other’s test results; “互联网+医疗” is to be promoted.',
  },
];

// ---------------------------------------------------------------------------

async function main() {
  const t0 = performance.now();
  const outArg = process.argv.indexOf('--out');
  if (outArg > 0) {
    const dir = process.argv[outArg + 1];
    if (!dir) throw new Error('--out needs a directory');
    OUT = resolve(dir);
    await mkdir(OUT, { recursive: true });
  }
  const blocks = await seed001Blocks();
  const title = blocks[0]!.text;
  const seedSource = sourceText(blocks);
  await writeFile(out('seed-001.source.txt'), seedSource);

  const made: string[] = [];
  await withPrinter(async (printer) => {
    // 1. seed-001.pdf: TrueType CJK font, exact text back from pdfjs.
    const wqy = documentHtml(title, blocks, { fontFamily: FONT_WQY, fontSize: '13pt' });
    await printer.print(wqy, { path: out('seed-001.pdf'), pdfDate: PDF_DATE });
    made.push('seed-001.pdf', 'seed-001.source.txt');

    // 2. seed-001-noto.pdf: same text with Noto Sans CJK SC. Chromium embeds it as Type 3
    // fonts whose ToUnicode maps some glyphs to Kangxi/CJK radicals (⼯ U+2F2F for 工).
    // Chromium writes ~600 KB; qpdf repacks it losslessly (object streams, flate level 9).
    const noto = documentHtml(title, blocks, { fontFamily: FONT_NOTO_SANS, fontSize: '13pt' });
    const raw = join(tmpdir(), `dossier-seed-001-noto-${process.pid}.pdf`);
    await printer.print(noto, { path: raw, pdfDate: PDF_DATE });
    execFileSync('qpdf', [
      '--deterministic-id',
      '--object-streams=generate',
      '--recompress-flate',
      '--compression-level=9',
      raw,
      out('seed-001-noto.pdf'),
    ]);
    await rm(raw);
    made.push('seed-001-noto.pdf');

    // 4. scanned.pdf
    const scanned = await makeScanned(printer, blocks);
    await writeFile(out('scanned.pdf'), scanned.bytes);
    await writeFile(out('scanned.source.txt'), scanned.source);
    made.push('scanned.pdf', 'scanned.source.txt');

    // 7. outline-en.pdf
    const mixed = documentHtml('Beijing–Tianjin–Hebei Work Plan 2019 京津冀协同发展', MIXED, {
      fontFamily: `'Liberation Serif', ${FONT_WQY}`,
      headingFontFamily: `'Liberation Sans', ${FONT_WQY}`,
      fontSize: '13pt',
      lang: 'en',
    });
    await printer.print(mixed, { path: out('outline-en.pdf'), pdfDate: PDF_DATE });
    await writeFile(out('outline-en.source.txt'), sourceText(MIXED));
    made.push('outline-en.pdf', 'outline-en.source.txt');
  });

  // 3. cmap-stsong.pdf
  const cmap = makeCmapPdf();
  await writeFile(out('cmap-stsong.pdf'), cmap.bytes);
  await writeFile(out('cmap-stsong.source.txt'), cmap.source);
  made.push('cmap-stsong.pdf', 'cmap-stsong.source.txt');

  // 5. encrypted.pdf: AES-256 (R6), user password "dossier-user", owner "dossier-owner".
  // qpdf draws the file key, salts and IVs at random (even with --static-id
  // --static-aes-iv), so its bytes differ on every run; the content does not.
  execFileSync('qpdf', [
    '--encrypt',
    'dossier-user',
    'dossier-owner',
    '256',
    '--',
    out('seed-001.pdf'),
    out('encrypted.pdf'),
  ]);
  made.push('encrypted.pdf');

  // 6. truncated.pdf and not-a-pdf.pdf
  const seedPdf = await readFile(out('seed-001.pdf'));
  await writeFile(out('truncated.pdf'), seedPdf.subarray(0, Math.floor(seedPdf.length * 0.4)));
  await writeFile(
    out('not-a-pdf.pdf'),
    `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n` +
      `<body><h1>${escapeHtml(title)}</h1><p>这是一个扩展名为 .pdf 的 HTML 文件。</p></body></html>\n`,
  );
  made.push('truncated.pdf', 'not-a-pdf.pdf');

  for (const name of made) {
    const size = (await readFile(out(name))).length;
    console.log(`${name.padEnd(24)} ${String(size).padStart(8)} bytes`);
  }
  console.log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

// Only when run as a script (make.ts can also be imported for its helpers).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
