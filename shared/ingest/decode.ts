// Bytes → text without ever guessing wrong silently: each encoding is tried strictly
// (fatal decoders), and a result that looks like garbage is refused rather than shown
// as mojibake. Binary files renamed .txt are recognised and refused.
import type { Refusal } from './types';

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; refusal: Refusal };

/** How much of the file the binary and UTF-16 sniffers look at. */
const SAMPLE = 64 * 1024;

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or a Word/Excel/EPUB file)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Word or Excel file'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program (ELF)'],
  [[0x4d, 0x5a], 'a Windows program'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
  [[0x49, 0x44, 0x33], 'an MP3 audio file'],
];

const startsWith = (bytes: Uint8Array, sig: number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/** Names a well-known binary format from its first bytes, or null. */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) if (startsWith(bytes, sig)) return what;
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && bytes.length >= 12)
    return 'a RIFF media file (image, audio or video)';
  if (bytes.length >= 8 && bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70) {
    return 'an MP4/MOV video file';
  }
  return null;
}

/** Which byte parity carries the zero bytes of ASCII characters in BOM-less UTF-16, if any. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let zEven = 0;
  let zOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zEven++;
    if (bytes[i + 1] === 0) zOdd++;
  }
  const pairs = n / 2;
  const min = Math.max(2, pairs * 0.02);
  if (zOdd >= min && zEven <= zOdd * 0.05) return 'utf-16le';
  if (zEven >= min && zOdd <= zEven * 0.05) return 'utf-16be';
  return null;
}

/** NUL bytes or many control characters: not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) controls++;
    else if (b === 0x7f) controls++;
  }
  return controls > Math.max(2, n * 0.005);
}

/** Control characters (other than tab, line and page breaks, escape) in more than 0.5% of the text. */
function manyControls(text: string): boolean {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const n = sample.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
  return n > Math.max(2, sample.length * 0.005);
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Whether decoded text reads like text: nearly all non-ASCII characters fall in the ranges
 * real documents use (CJK, punctuation, Latin-1, kana, Hangul). Strict decoders accept much
 * garbage when the guess is wrong (GB18030 maps almost any byte pair); this catches it.
 */
export function isPlausibleText(text: string): boolean {
  let nonAscii = 0;
  let odd = 0;
  const n = Math.min(text.length, SAMPLE);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) odd++;
      continue;
    }
    nonAscii++;
    const common =
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x30ff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      (c >= 0x00a0 && c <= 0x024f) ||
      (c >= 0xac00 && c <= 0xd7af) ||
      (c >= 0x2460 && c <= 0x24ff) ||
      (c >= 0x0370 && c <= 0x04ff) ||
      c === 0xfeff;
    if (!common) odd++;
  }
  return odd <= Math.max(1, nonAscii * 0.1);
}

/** The charset an HTML file declares in its first bytes (<meta charset=…>), if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** Isolated high bytes in mostly-ASCII text: Western European text in Windows-1252. */
function looksLikeLatin1(bytes: Uint8Array): boolean {
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      high++;
      if (i + 1 < bytes.length && bytes[i + 1]! >= 0x80) return false;
    }
  }
  return high > 0 && high < bytes.length * 0.3;
}

const refuse = (code: Refusal['code'], message: string): DecodeResult => ({ ok: false, refusal: { code, message } });

/** NUL, control characters and line ends other than "\n": most files have none of them. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const IRREGULAR = /[\u0000-\u0008\u000b-\u001f\u007f\u0085\u2028\u2029]/;

/** Line ends to "\n", stray control characters out, NFC. */
export function normalizeText(text: string): string {
  let t = text.replace(/^\ufeff/, '');
  // One scan instead of two whole-text replacements that would find nothing.
  if (IRREGULAR.test(t)) {
    t = t
      .replace(/\r\n?|[\u2028\u2029\f\v\u0085]/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '');
  }
  return t.normalize('NFC');
}

/** Detects the encoding of `bytes` and decodes them, or says why the bytes are not text. */
export function decodeBytes(bytes: Uint8Array, name = 'The file'): DecodeResult {
  const ok = (text: string, encoding: string): DecodeResult => ({ ok: true, text: normalizeText(text), encoding });

  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return refuse('invalid-encoding', `${name} is encoded in UTF-32, which Dossier cannot read; save it as UTF-8.`);
  }
  const boms: [number[], string][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [bom, label] of boms) {
    if (!startsWith(bytes, bom)) continue;
    const text = tryDecode(label, bytes);
    if (text === null) {
      return refuse(
        'invalid-encoding',
        `${name} starts with a ${label.toUpperCase()} marker but is not valid ${label.toUpperCase()} text.`,
      );
    }
    return ok(text, label);
  }

  const format = sniffBinaryFormat(bytes);
  if (format) return refuse('binary', `${name} is not a text file: it looks like ${format}.`);
  const binary = () => refuse('binary', `${name} is not a text file: it contains binary data.`);

  // The common case first, at native speed: strict UTF-8 without NUL bytes.
  const utf8 = tryDecode('utf-8', bytes);
  // Without NUL or control characters (most files) there is nothing to count or replace: one scan.
  if (utf8 !== null && !IRREGULAR.test(utf8)) {
    return { ok: true, text: utf8.replace(/^\ufeff/, '').normalize('NFC'), encoding: 'utf-8' };
  }
  if (utf8 !== null && !utf8.includes('\0')) return manyControls(utf8) ? binary() : ok(utf8, 'utf-8');

  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const text = tryDecode(utf16, bytes);
    if (text !== null && isPlausibleText(text)) return ok(text, utf16);
  }
  if (looksBinary(bytes)) return binary();

  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const text = tryDecode(declared, bytes);
    if (text !== null && isPlausibleText(text)) return ok(text, declared);
  }
  const gb = tryDecode('gb18030', bytes);
  if (gb !== null && isPlausibleText(gb)) return ok(gb, 'gb18030');
  if (looksLikeLatin1(bytes)) {
    const text = tryDecode('windows-1252', bytes);
    if (text !== null) return ok(text, 'windows-1252');
  }
  return refuse(
    'invalid-encoding',
    `${name} is not readable text: it is neither UTF-8, UTF-16 nor GB18030/GBK, so it may be damaged or in an unsupported encoding.`,
  );
}
