// Damaged, foreign and hostile bundles: each refused with its own code and a message that
// names the problem, and the library exactly as it was.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUNDLE_LIMITS, type BundleLimits } from '../../../shared/sync/bundle';
import type { BundleErrorCode } from '../../../shared/sync/bundle-errors';
import { crc32 } from '../../../shared/sync/crc32';
import { applyPlan, emptySnapshot } from '../../../shared/sync/library-merge';
import { previewImport } from '../../../shared/sync/preview';
import { unsafeEntryName } from '../../../shared/sync/zip-reader';
import { deflatedZeros, findAll, forge, json, manifestFor, rawZip, renameEntry, sampleBundle } from './forge';
import { item } from './records';

/** Imports `bytes` into a library holding one item; expects a refusal and an untouched library. */
function refusal(bytes: Uint8Array, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS) {
  const first = previewImport(emptySnapshot(), sampleBundle());
  if (!first.ok) throw new Error(first.error.message);
  const library = applyPlan(emptySnapshot(), first.value.plan);
  const before = JSON.stringify([...library.records.items], null, 0);
  const result = previewImport(library, bytes, limits);
  expect(JSON.stringify([...library.records.items], null, 0)).toBe(before);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const expectRefusal = (bytes: Uint8Array, code: BundleErrorCode, message: RegExp, limits?: BundleLimits) => {
  const error = refusal(bytes, limits);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
};

const records = (list: unknown[]) => ({ 'records/items.json': json(list) });
const MB = 1024 * 1024;

describe('refusing damaged files', () => {
  it('a file that is not a zip', () => {
    expectRefusal(new TextEncoder().encode('%PDF-1.7 not a bundle'), 'not-a-zip', /not a zip archive/);
    expectRefusal(new Uint8Array(0), 'not-a-zip', /not a zip archive/);
  });

  it('a truncated bundle, wherever it was cut', () => {
    const bytes = sampleBundle();
    for (const keep of [10, Math.floor(bytes.length / 2), bytes.length - 30, bytes.length - 1]) {
      const error = refusal(bytes.subarray(0, keep));
      expect(['truncated', 'corrupt', 'not-a-zip'], `cut at ${keep}`).toContain(error.code);
    }
    expectRefusal(bytes.subarray(0, bytes.length - 40), 'truncated', /cut short|incomplete/);
  });

  it('a bundle with flipped bits, wherever they are', () => {
    const bytes = sampleBundle();
    const original = previewImport(emptySnapshot(), bytes);
    if (!original.ok) throw new Error(original.error.message);
    for (let at = 0; at < bytes.length; at += 7) {
      const flipped = bytes.slice();
      flipped[at]! ^= 0x10;
      const result = previewImport(emptySnapshot(), flipped);
      // A flip in a header field nobody reads (a timestamp, "version made by") changes nothing.
      if (result.ok) expect(result.value.contents.records, `flip at ${at}`).toEqual(original.value.contents.records);
      else expect(result.error.message.length, `flip at ${at}`).toBeGreaterThan(10);
    }
    // A flip in the records' compressed data is caught by inflation or by the checksum.
    const at = findAll(bytes, new TextEncoder().encode('records/items.json'))[0]! + 40;
    const flipped = bytes.slice();
    flipped[at]! ^= 0x01;
    expect(['corrupt', 'checksum-mismatch']).toContain(refusal(flipped).code);
  });

  it('an entry that does not match its checksum, named', () => {
    const entries = records([item('I1')]);
    const manifest = manifestFor(entries);
    manifest.entries['records/items.json']!.sha256 = '0'.repeat(64);
    const error = expectRefusal(forge(entries, manifest), 'checksum-mismatch', /"records\/items\.json" does not match/);
    expect(error.entry).toBe('records/items.json');
  });

  it('a manifest that fails its CRC', () => {
    const bytes = zipSync({ 'manifest.json': [json(manifestFor({})), { level: 0 }] });
    const at = findAll(bytes, new TextEncoder().encode('"analyst":"A"'))[0]!;
    const altered = bytes.slice();
    altered[at + 12] = 'B'.charCodeAt(0);
    expectRefusal(altered, 'corrupt', /manifest\.json fails its CRC/);
  });
});

describe('refusing foreign and future bundles', () => {
  it('a zip from another program', () => {
    expectRefusal(zipSync({ 'word/document.xml': json('<w/>') }), 'missing-manifest', /no manifest\.json/);
    expectRefusal(
      zipSync({ 'manifest.json': json({ name: 'my-extension', version: '1.0' }) }),
      'foreign',
      /another program/,
    );
    expectRefusal(zipSync({ 'manifest.json': new TextEncoder().encode('<manifest/>') }), 'foreign', /another program/);
  });

  it('a future or unknown format version', () => {
    const entries = records([item('I1')]);
    expectRefusal(
      forge(entries, manifestFor(entries, { formatVersion: 2 })),
      'unsupported-version',
      /newer Dossier \(format version 2\)/,
    );
    expectRefusal(
      forge(entries, manifestFor(entries, { formatVersion: '1' })),
      'unsupported-version',
      /unknown format version/,
    );
    expectRefusal(
      forge(entries, manifestFor(entries, { formatVersion: 0 })),
      'unsupported-version',
      /unknown format version/,
    );
  });

  it('a manifest that does not match the format', () => {
    const entries = records([item('I1')]);
    expectRefusal(forge(entries, manifestFor(entries, { replicaId: 'me' })), 'bad-manifest', /replicaId/);
    const counts = manifestFor(entries);
    counts.counts.records.items = 5;
    expectRefusal(forge(entries, counts), 'bad-manifest', /counts 5 items, but it holds 1/);
  });

  it('entries the manifest does not list, or lists but the zip lacks', () => {
    const entries = records([item('I1')]);
    const listed = manifestFor(entries);
    expectRefusal(forge({ ...entries, 'records/links.json': json([]) }, listed), 'unexpected-entry', /not listed/);
    expectRefusal(
      forge({ ...entries, 'notes.txt': json('') }, listed),
      'unexpected-entry',
      /"notes\.txt" that Dossier bundles do not have/,
    );
    expectRefusal(forge({}, listed), 'missing-entry', /lists "records\/items\.json", but the entry is missing/);
  });
});

describe('refusing invalid content', () => {
  it('a record that fails its schema, naming the table and index', () => {
    const bad = { ...item('I2'), status: 'finished' };
    const error = expectRefusal(
      forge(records([item('I1'), bad])),
      'invalid-record',
      /items record 1 is invalid: status/,
    );
    expect(error).toMatchObject({ table: 'items', index: 1, entry: 'records/items.json' });
    expectRefusal(forge({ 'records/items.json': new TextEncoder().encode('[{') }), 'invalid-record', /not valid JSON/);
    expectRefusal(forge({ 'records/items.json': json({ id: 'I1' }) }), 'invalid-record', /items are not a list/);
  });

  it('a text that does not hash to its name', () => {
    const hash = 'a'.repeat(64);
    const text = { contentHash: hash, text: 'forged', blocks: [] };
    expectRefusal(forge({ [`texts/${hash}.json`]: json(text) }), 'invalid-text', /does not match its content hash/);
  });

  it('a PDF entry that is not a PDF', () => {
    const name = `pdfs/${'b'.repeat(64)}.pdf`;
    expectRefusal(forge({ [name]: json('MZ') }), 'unexpected-entry', /is not a PDF/);
  });
});

describe('refusing hostile archives', () => {
  it('entry names that escape the folder', () => {
    for (const name of [
      '../evil.json',
      'records/../../evil',
      '/etc/passwd',
      'C:/evil',
      'records\\items.json',
      'a//b',
    ]) {
      const zip = rawZip([{ name, data: json([]), method: 0, size: 2 }]);
      const error = expectRefusal(zip, 'unsafe-entry-name', /is refused/);
      expect(error.entry).toBe(name);
    }
    expect(unsafeEntryName('records/items.json')).toBeNull();
  });

  it('two entries with one name', () => {
    const bytes = renameEntry(
      forge({ 'records/itemX.json': json([]), 'records/itemY.json': json([]) }),
      'records/itemY.json',
      'records/itemX.json',
    );
    expectRefusal(bytes, 'duplicate-entry', /two entries named "records\/itemX\.json"/);
  });

  it('a zip bomb: 200 MB of zeros in a few hundred KB, refused before inflating', () => {
    const zeros = deflatedZeros(200);
    expect(zeros.length).toBeLessThan(300 * 1024);
    const bomb = rawZip([{ name: 'records/items.json', data: zeros, method: 8, size: 200 * MB }]);
    const started = performance.now();
    expectRefusal(bomb, 'zip-bomb', /compression ratio of \d+:1/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a zip bomb that lies about its size: stopped as soon as it inflates past what it could declare', () => {
    const zeros = deflatedZeros(200);
    const entries = { 'records/items.json': new Uint8Array(1000) };
    const manifest = json(manifestFor(entries));
    const bomb = rawZip([
      { name: 'manifest.json', data: manifest, method: 0, size: manifest.length, crc: crc32(manifest) },
      { name: 'records/items.json', data: zeros, method: 8, size: 1000 },
    ]);
    const started = performance.now();
    const error = expectRefusal(bomb, 'zip-bomb', /inflates to more than the 1000 bytes it declares/);
    expect(performance.now() - started).toBeLessThan(1000);
    // Past 200 times its compressed size (about 40 MB of the 200), not a byte of it kept.
    const produced = Number(/over (\d+) bytes/.exec(error.message)?.[1]);
    expect(produced).toBeGreaterThan(200 * zeros.length);
    expect(produced).toBeLessThan(201 * zeros.length + MB);
  });

  it('over the limits: file size, entry count, entry size, total size', () => {
    const small: BundleLimits = { ...DEFAULT_BUNDLE_LIMITS, maxBundleBytes: 1000 };
    expectRefusal(sampleBundle(), 'too-large', /at most 1000 are accepted/, small);
    const many = rawZip(
      Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: new Uint8Array(0), method: 0 as const, size: 0 })),
    );
    expectRefusal(many, 'too-many-entries', /20 entries; at most 10/, { ...DEFAULT_BUNDLE_LIMITS, maxEntries: 10 });
    const big = rawZip([{ name: 'records/items.json', data: new Uint8Array(5000), method: 0, size: 5000 }]);
    expectRefusal(big, 'too-large', /would inflate to 5000 bytes; the limit is 4000/, {
      ...DEFAULT_BUNDLE_LIMITS,
      maxEntryBytes: 4000,
    });
    const two = rawZip([
      { name: 'a', data: new Uint8Array(3000), method: 0, size: 3000 },
      { name: 'b', data: new Uint8Array(3000), method: 0, size: 3000 },
    ]);
    expectRefusal(two, 'too-large', /more than 5000 bytes/, { ...DEFAULT_BUNDLE_LIMITS, maxTotalBytes: 5000 });
  });

  it('zip features bundles never use', () => {
    // Set in the entry's header and in the directory, as zip tools write them (only one of the
    // two is damage: see bundle-damage.test.ts).
    const encrypted = rawZip([{ name: 'manifest.json', data: json({}), method: 0, size: 2 }]);
    const directory = findAll(encrypted, new Uint8Array([0x50, 0x4b, 0x01, 0x02]))[0]!;
    encrypted[6] = 1; // "encrypted" flag in the local header
    encrypted[directory + 8] = 1; // and in the central directory
    expectRefusal(encrypted, 'unsupported-zip', /encrypted/);
    encrypted[6] = 0;
    expectRefusal(encrypted, 'corrupt', /different flags in its header and in the zip directory/);
    const bzip2 = rawZip([{ name: 'manifest.json', data: json({}), method: 0, size: 2 }]);
    bzip2[8] = 12;
    bzip2[findAll(bzip2, new Uint8Array([0x50, 0x4b, 0x01, 0x02]))[0]! + 10] = 12;
    expectRefusal(bzip2, 'unsupported-zip', /compression method 12/);
  });
});
