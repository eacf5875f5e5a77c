// Building bundles by hand, hostile ones included: entries of our choosing, a manifest that
// checksums them correctly unless told otherwise, and byte surgery on the zip.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Deflate, zipSync, type Zippable } from 'fflate';
import { writeBundle, type BundleInput } from '../../../shared/sync/bundle';
import { formatRevision } from '../../../shared/sync/hlc';
import { SYNC_TABLES } from '../../../shared/sync/tables';
import { createVersion } from '../../../shared/sync/write';
import type { SyncRecord } from '../../../shared/sync/tables';
import { documentMeta, documentText, item, REPLICA_A, REPLICA_B, T0, TestClock } from './records';

const utf8 = new TextEncoder();
export const json = (value: unknown): Uint8Array => utf8.encode(JSON.stringify(value));

export const TEXT = '加快建设新型电力系统。\n\n到2025年，全市新能源装机达到500万千瓦。';

/** A small valid bundle's input: one document with its text, one item. */
export function sampleInput(patch: Partial<BundleInput> = {}): BundleInput {
  return {
    replicaId: REPLICA_A,
    analyst: '张三',
    createdAt: new Date(T0).toISOString(),
    appVersion: '0.1.0',
    clock: formatRevision({ wall: T0, counter: 0, replica: REPLICA_A }),
    filter: { scope: 'all' },
    records: { documents: [documentMeta('D1', TEXT)], items: [item('I1', { documentId: 'D1' })] },
    texts: [documentText(TEXT)],
    ...patch,
  };
}

export const sampleBundle = (patch: Partial<BundleInput> = {}): Uint8Array => writeBundle(sampleInput(patch));

/** A manifest for `entries`, correct unless patched. */
export function manifestFor(entries: Record<string, Uint8Array>, patch: Record<string, unknown> = {}) {
  const counts = Object.fromEntries(SYNC_TABLES.map((t) => [t, 0]));
  for (const [name, bytes] of Object.entries(entries)) {
    const table = /^records\/(\w+)\.json$/.exec(name)?.[1];
    if (!table) continue;
    try {
      const list: unknown = JSON.parse(new TextDecoder().decode(bytes));
      counts[table] = Array.isArray(list) ? list.length : 0;
    } catch {
      counts[table] = 0; // a test's deliberately broken JSON
    }
  }
  return {
    format: 'dossier-bundle',
    formatVersion: 1,
    replicaId: REPLICA_A,
    analyst: 'A',
    createdAt: new Date(T0).toISOString(),
    appVersion: '0.1.0',
    clock: formatRevision({ wall: T0, counter: 0, replica: REPLICA_A }),
    counts: {
      records: counts,
      texts: Object.keys(entries).filter((n) => n.startsWith('texts/')).length,
      pdfs: Object.keys(entries).filter((n) => n.startsWith('pdfs/')).length,
    },
    entries: Object.fromEntries(
      Object.entries(entries).map(([name, bytes]) => [name, { size: bytes.length, sha256: bytesToHex(sha256(bytes)) }]),
    ),
    filter: { scope: 'all' },
    ...patch,
  };
}

/** A zip of `entries` plus a manifest (made by manifestFor unless given). */
export function forge(entries: Record<string, Uint8Array>, manifest: unknown = manifestFor(entries)): Uint8Array {
  const files: Zippable = { 'manifest.json': json(manifest) };
  for (const [name, bytes] of Object.entries(entries)) files[name] = bytes;
  return zipSync(files);
}

/** Offsets of every occurrence of `needle` in `bytes`. */
export function findAll(bytes: Uint8Array, needle: Uint8Array): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    out.push(i);
  }
  return out;
}

/** Replaces every occurrence of a name in a zip (local and central headers) with one of the same length. */
export function renameEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  const a = utf8.encode(from);
  const b = utf8.encode(to);
  if (a.length !== b.length) throw new Error('renameEntry: names must have the same length');
  const out = zip.slice();
  for (const at of findAll(out, a)) out.set(b, at);
  return out;
}

export interface RawEntry {
  name: string;
  /** The entry's data as stored (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The inflated size the headers declare. */
  size: number;
  crc?: number;
}

/** A zip written byte by byte, so headers can say whatever a test needs them to. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (size: number, fill: (v: DataView) => void) => {
    const b = new Uint8Array(size);
    fill(new DataView(b.buffer));
    return b;
  };
  for (const e of entries) {
    const name = utf8.encode(e.name);
    const local = header(30, (v) => {
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(8, e.method, true);
      v.setUint32(14, e.crc ?? 0, true);
      v.setUint32(18, e.data.length, true);
      v.setUint32(22, e.size, true);
      v.setUint16(26, name.length, true);
    });
    central.push(
      header(46, (v) => {
        v.setUint32(0, 0x02014b50, true);
        v.setUint16(4, 20, true);
        v.setUint16(6, 20, true);
        v.setUint16(10, e.method, true);
        v.setUint32(16, e.crc ?? 0, true);
        v.setUint32(20, e.data.length, true);
        v.setUint32(24, e.size, true);
        v.setUint16(28, name.length, true);
        v.setUint32(42, offset, true);
      }),
      name,
    );
    parts.push(local, name, e.data);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = central.reduce((n, p) => n + p.length, 0);
  const end = header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, entries.length, true);
    v.setUint16(10, entries.length, true);
    v.setUint32(12, centralSize, true);
    v.setUint32(16, offset, true);
  });
  return concat([...parts, ...central, end]);
}

/**
 * `megabytes` MB of zeros, deflated to about a thousandth of that without deflating it all:
 * one flushed megabyte, then the (identical) encoding of each further megabyte over a window
 * of zeros, repeated.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (data) => out.push(data));
  const take = () => {
    const bytes = concat(out);
    out.length = 0;
    return bytes;
  };
  const zeros = new Uint8Array(1 << 20);
  deflate.push(zeros);
  deflate.flush(true);
  const first = take();
  deflate.push(zeros);
  deflate.flush(true);
  const next = take();
  deflate.push(new Uint8Array(0), true);
  const end = take();
  return concat([first, ...Array.from({ length: megabytes - 1 }, () => next), end]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * 李四's library, written as 李四's replica would: the sample document and its item, and items
 * added one by one (each version made once, so a later bundle carries the same versions).
 */
export class Colleague {
  private readonly clock = new TestClock(REPLICA_B);
  private readonly items: SyncRecord<'items'>[] = [];
  add(title: string): this {
    this.items.push(createVersion(item(`LI-${this.items.length}`, { title }), ...this.clock.next()).version);
    return this;
  }
  bundle(): Uint8Array {
    const base = sampleInput();
    return writeBundle({
      ...base,
      replicaId: REPLICA_B,
      analyst: '李四',
      createdAt: new Date(this.clock.now).toISOString(),
      clock: formatRevision({ wall: this.clock.now, counter: 0, replica: REPLICA_B }),
      records: { ...base.records, items: [...(base.records.items ?? []), ...this.items] },
    });
  }
}
