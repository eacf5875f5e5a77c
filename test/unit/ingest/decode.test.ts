// Bytes → text: every encoding the analysts meet, decoded exactly; binary and undecodable
// files refused rather than shown as mojibake.
import { describe, expect, it } from 'vitest';
import { decodeBytes, isPlausibleText, normalizeText } from '../../../shared/ingest/decode';
import { fixtureBytes } from './helpers';

const TEXT =
  '关于推进京津冀协同发展的通知\n\n各区人民政府：\n\n为贯彻落实《京津冀协同发展规划纲要》，现将有关事项通知如下。2019年6月底前完成。\n';

const decoded = (bytes: Uint8Array) => {
  const r = decodeBytes(bytes, 'file.txt');
  if (!r.ok) throw new Error(r.refusal.message);
  return r;
};

describe('decodeBytes', () => {
  it.each([
    ['utf8.txt', 'utf-8'],
    ['utf8-bom.txt', 'utf-8'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['utf16le-nobom.txt', 'utf-16le'],
    ['gb18030.txt', 'gb18030'],
  ])('decodes %s as %s to the exact text', (file, encoding) => {
    const r = decoded(fixtureBytes('encodings', file));
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(TEXT);
  });

  it('strips the BOM and turns CRLF and CR into LF', () => {
    const r = decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('甲\r\n乙\r丙')]));
    expect(r.text).toBe('甲\n乙\n丙');
  });

  it('outputs NFC', () => {
    const r = decoded(new TextEncoder().encode('Cafe\u0301 政策'));
    expect(r.text).toBe('Café 政策');
    expect(normalizeText('e\u0301')).toBe('é');
  });

  it('reads UTF-16BE without a BOM', () => {
    const bytes = new Uint8Array(TEXT.length * 2);
    for (let i = 0; i < TEXT.length; i++) {
      bytes[2 * i] = TEXT.charCodeAt(i) >> 8;
      bytes[2 * i + 1] = TEXT.charCodeAt(i) & 0xff;
    }
    expect(decoded(bytes)).toMatchObject({ encoding: 'utf-16be', text: TEXT });
  });

  it('prefers the charset an HTML page declares when the bytes are not UTF-8', () => {
    const big5 = new Uint8Array([...new TextEncoder().encode('<meta charset="big5"><p>'), 0xa4, 0xa4, 0xa4, 0xe5]);
    expect(decoded(big5)).toMatchObject({ encoding: 'big5', text: '<meta charset="big5"><p>中文' });
  });

  it('reads Western text in Windows-1252 rather than refusing it', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('Caf'),
      0xe9,
      ...new TextEncoder().encode(' au lait, na'),
      0xef,
      0x76,
      0x65,
    ]);
    expect(decoded(bytes)).toMatchObject({ encoding: 'windows-1252', text: 'Café au lait, naïve' });
  });

  it('refuses a PNG renamed .txt, naming what it is', () => {
    const r = decodeBytes(fixtureBytes('encodings', 'image-png.txt'), 'chart.txt');
    expect(r).toMatchObject({ ok: false, refusal: { code: 'binary' } });
    if (!r.ok) expect(r.refusal.message).toBe('chart.txt is not a text file: it looks like a PNG image.');
  });

  it('refuses bytes with NULs or many control characters as binary', () => {
    const nul = new Uint8Array([...new TextEncoder().encode('正文正文正文'), 0, 1, 2, 3, 0, 0, 7, 0]);
    expect(decodeBytes(nul)).toMatchObject({ ok: false, refusal: { code: 'binary' } });
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeBytes(controls)).toMatchObject({ ok: false, refusal: { code: 'binary' } });
  });

  it('refuses text that is garbage in every encoding', () => {
    const r = decodeBytes(fixtureBytes('encodings', 'garbage.txt'), 'garbage.txt');
    expect(r).toMatchObject({ ok: false, refusal: { code: 'invalid-encoding' } });
  });

  it('refuses a damaged UTF-16 file instead of guessing', () => {
    // A BOM, then an unpaired high surrogate.
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00]))).toMatchObject({
      ok: false,
      refusal: { code: 'invalid-encoding' },
    });
  });

  it('judges decoded text by the characters real documents use', () => {
    expect(isPlausibleText(TEXT)).toBe(true);
    expect(isPlausibleText('\ue000\ue001\ue002\u4e00')).toBe(false);
  });
});
