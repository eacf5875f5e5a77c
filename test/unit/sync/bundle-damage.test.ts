// Damage is not an attack: a bundle with one byte flipped (a bad disk, a truncated copy
// patched by a sync client) is refused as damaged, never as a zip bomb, while real bombs —
// honest about their size or lying about it — still are.
import fc from 'fast-check';
import { Deflate, deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUNDLE_LIMITS, readBundle, writeBundle, type BundleLimits } from '../../../shared/sync/bundle';
import type { BundleErrorCode } from '../../../shared/sync/bundle-errors';
import { crc32 } from '../../../shared/sync/crc32';
import { concat, findAll, json, manifestFor, rawZip, sampleBundle, sampleInput, TEXT } from './forge';
import { annotation, documentText, item } from './records';

const MB = 1024 * 1024;

/**
 * What a bundle with one damaged byte may be refused as: damaged, cut short (a damaged offset
 * points past the end), or, for a flip in the end record's disk numbers, split over several
 * files. Never a zip bomb, never too large, never someone else's file.
 */
const DAMAGE: readonly BundleErrorCode[] = ['corrupt', 'checksum-mismatch', 'truncated', 'unsupported-zip'];

/** Offset of the zip's end record. */
const endRecord = (bytes: Uint8Array) => findAll(bytes, new Uint8Array([0x50, 0x4b, 0x05, 0x06])).at(-1)!;

/** A bundle with a little of everything: deflated records and text, a stored PDF. */
function richBundle(): Uint8Array {
  const pdf = new TextEncoder().encode('%PDF-1.7\n' + 'stream '.repeat(40));
  return writeBundle(
    sampleInput({
      records: {
        ...sampleInput().records,
        items: [item('I1', { documentId: 'D1' }), item('I2', { tags: ['能源', 'energy'] })],
        annotations: [annotation('A1', 'D1')],
      },
      pdfs: [{ contentHash: documentText(TEXT).contentHash, bytes: pdf }],
    }),
  );
}

/** Flips one byte of `bytes` at a time; the refusal code, or 'same' when it reads back unchanged. */
function flipper(bytes: Uint8Array) {
  const original = readBundle(bytes);
  if (!original.ok) throw new Error(original.error.message);
  const end = endRecord(bytes);
  return (at: number, mask: number): BundleErrorCode | 'same' => {
    const flipped = bytes.slice();
    flipped[at]! ^= mask;
    const result = readBundle(flipped);
    if (result.ok) {
      // A flip in a byte nobody reads (a timestamp, "version made by", deflate padding) changes nothing.
      expect(result.value, `flip ${mask} at ${at}`).toEqual(original.value);
      return 'same';
    }
    const { code } = result.error;
    if (!DAMAGE.includes(code)) expect.fail(`flip ${mask} at ${at} refused as ${code}: ${result.error.message}`);
    if (code === 'unsupported-zip') expect(at - end, `flip ${mask} at ${at}`).toBeOneOf([4, 5, 6, 7]);
    return code;
  };
}

describe('one flipped byte is damage, not a zip bomb', () => {
  it('every byte of a small bundle, each with a different bit and with all bits', () => {
    const bytes = sampleBundle();
    const flip = flipper(bytes);
    const seen = new Map<string, number>();
    for (let at = 0; at < bytes.length; at++) {
      for (const mask of [1 << (at % 8), 0xff]) {
        const code = flip(at, mask);
        seen.set(code, (seen.get(code) ?? 0) + 1);
      }
    }
    expect(seen.get('corrupt')).toBeGreaterThan(bytes.length);
    expect(seen.get('checksum-mismatch')).toBeGreaterThan(100);
  }, 60_000);

  it('any single byte of a bundle with texts and a stored PDF (fast-check)', () => {
    const bytes = richBundle();
    const flip = flipper(bytes);
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        flip(at, mask);
      }),
      { numRuns: Number(process.env.SYNC_PROPERTY_RUNS ?? 400) },
    );
  }, 60_000);

  it('damaged deflate data that inflates a little past the declared size', () => {
    const content = json(manifestFor({}));
    const data = deflateSync(content);
    // The directory promises fewer bytes than the data gives: the data or the header is damaged.
    const zip = rawZip([{ name: 'manifest.json', data, method: 8, size: content.length - 10, crc: crc32(content) }]);
    const result = readBundle(zip);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('corrupt');
      expect(result.error.message).toMatch(/"manifest\.json" decompresses to more than the \d+ bytes it declares/);
    }
  });

  it('a directory whose sizes disagree with the entry header', () => {
    const bytes = sampleBundle();
    const central = findAll(bytes, new Uint8Array([0x50, 0x4b, 0x01, 0x02]))[0]!;
    // The declared size's third byte: the entry now claims a ratio over a thousand to one.
    const flipped = bytes.slice();
    flipped[central + 26]! ^= 0x20;
    const result = readBundle(flipped);
    expect(result.ok ? 'ok' : result.error.code).toBe('corrupt');
    if (!result.ok) expect(result.error.message).toMatch(/"manifest\.json" .*header/);
    // Deflated turned to stored in the directory only.
    const method = bytes.slice();
    method[central + 10]! ^= 0x08;
    expect(codeOf(method)).toBe('corrupt');
  });

  it('a stored entry whose sizes differ', () => {
    const zip = rawZip([{ name: 'manifest.json', data: json({}), method: 0, size: 3 }]);
    expect(codeOf(zip)).toBe('corrupt');
  });
});

const codeOf = (bytes: Uint8Array, limits?: BundleLimits) => {
  const result = readBundle(bytes, limits);
  return result.ok ? 'ok' : result.error.code;
};

describe('real zip bombs are still zip bombs', () => {
  /** `megabytes` MB of zeros deflated, declared as `size` in both headers, after a valid manifest. */
  function bomb(data: Uint8Array, size: number): Uint8Array {
    const manifest = json(manifestFor({ 'records/items.json': new Uint8Array(size) }));
    return rawZip([
      { name: 'manifest.json', data: manifest, method: 0, size: manifest.length, crc: crc32(manifest) },
      { name: 'records/items.json', data, method: 8, size },
    ]);
  }

  function zeros(megabytes: number): Uint8Array {
    const out: Uint8Array[] = [];
    const deflate = new Deflate({ level: 9 }, (d) => out.push(d));
    deflate.push(new Uint8Array(megabytes * MB), true);
    return concat(out);
  }

  it('honest about its size: refused from the directory', () => {
    const data = zeros(4);
    expect(codeOf(bomb(data, 4 * MB))).toBe('zip-bomb');
  });

  it('lying about its size, a little: past what the limits allow for its compressed size', () => {
    const data = zeros(4);
    const started = performance.now();
    const result = readBundle(bomb(data, 1000));
    expect(result.ok ? 'ok' : result.error.code).toBe('zip-bomb');
    if (!result.ok) expect(result.error.message).toMatch(/inflates to more than the 1000 bytes it declares/);
    // Stopped once past what it could have declared (a ratio of 200:1 or, as here, below
    // the 1 MB ratio floor), long before the 4 MB it holds.
    const produced = Number(/over (\d+) bytes/.exec(result.ok ? '' : result.error.message)?.[1]);
    expect(produced).toBeGreaterThanOrEqual(MB);
    expect(produced).toBeLessThan(2 * MB);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('lying about its size, under the ratio floor but over the entry limit', () => {
    const data = zeros(1);
    const limits: BundleLimits = { ...DEFAULT_BUNDLE_LIMITS, maxEntryBytes: 100_000 };
    expect(codeOf(bomb(data, 1000), limits)).toBe('zip-bomb');
    // The same data honest about its size is only too large.
    expect(codeOf(bomb(data, MB), limits)).toBe('too-large');
  });
});
