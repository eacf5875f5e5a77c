// A zip reader for untrusted files, with every bound checked before memory is spent.
// fflate's unzipSync trusts the archive: it allocates each entry's declared size and inflates
// it whole, past the declared size without telling. So we read the central directory
// ourselves (count, names and declared sizes are all checked before anything is inflated),
// and inflate each entry with fflate's streaming Inflate in small steps into a buffer of
// exactly its declared size, stopping the moment it would overflow.
import { Inflate } from 'fflate';
import { fail } from './bundle-errors';

export interface ZipLimits {
  maxEntries: number;
  /** Largest inflated size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest inflated size of all entries together. */
  maxTotalBytes: number;
  /** Largest inflated/compressed ratio of an entry of at least `ratioFloorBytes` (deflate reaches 1032:1 on zeros). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  /** Declared inflated size. */
  size: number;
  /** Offset of the entry's data in the archive. */
  dataStart: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** Deflate turns one input byte into at most 258 bytes per 2 bits, so under 1032 output bytes. */
const MAX_DEFLATE_RATIO = 1032;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Why an entry name is unsafe to take as a path anywhere (null: it is safe). */
export function unsafeEntryName(name: string): string | null {
  if (name.length === 0) return 'an empty name';
  if (name.length > 255) return 'a name over 255 characters';
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a control character';
  if (name.includes('\\')) return 'a backslash';
  if (name.startsWith('/') || /^[a-z]:/i.test(name)) return 'an absolute path';
  const segments = name.split('/');
  if (segments.includes('..')) return 'a ".." segment';
  if (segments.slice(0, -1).some((s) => s === '' || s === '.')) return 'an empty or "." segment';
  return null;
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (u32(bytes, at) === EOCD) return at;
  }
  // A zip cut short loses its end first; say so when it at least starts like one.
  if (bytes.length >= 4 && u32(bytes, 0) === LOCAL) {
    fail('truncated', 'The bundle is incomplete: the zip file was cut short (its directory is missing).');
  }
  fail('not-a-zip', 'The file is not a zip archive, so it cannot be a Dossier bundle.');
}

function decodeName(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    fail('unsafe-entry-name', 'The bundle has an entry whose name is not valid UTF-8.');
  }
}

/** The entries of a zip archive, checked against the limits; throws BundleRefusal. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  const disk = u16(bytes, end + 4);
  const directoryDisk = u16(bytes, end + 6);
  const onDisk = u16(bytes, end + 8);
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryStart = u32(bytes, end + 16);
  if (
    count === 0xffff ||
    directorySize === 0xffffffff ||
    directoryStart === 0xffffffff ||
    (end >= 20 && u32(bytes, end - 20) === ZIP64_LOCATOR)
  ) {
    fail('unsupported-zip', 'The bundle uses zip64, which Dossier bundles never need.');
  }
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count) {
    fail('unsupported-zip', 'The bundle is a zip archive split over several files.');
  }
  if (count > limits.maxEntries) {
    fail('too-many-entries', `The bundle has ${count} entries; at most ${limits.maxEntries} are accepted.`);
  }
  if (directoryStart + directorySize > end) {
    fail('truncated', 'The bundle is incomplete: its zip directory points past the end of the data.');
  }

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryStart + directorySize || u32(bytes, at) !== CENTRAL) {
      fail('corrupt', 'The bundle is damaged: its zip directory cannot be read.');
    }
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    const localStart = u32(bytes, at + 42);
    if (next > directoryStart + directorySize) {
      fail('corrupt', 'The bundle is damaged: its zip directory cannot be read.');
    }
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = decodeName(rawName);
    const unsafe = unsafeEntryName(name);
    if (unsafe) {
      fail('unsafe-entry-name', `The bundle has an entry named "${name}" with ${unsafe}; it is refused.`, {
        entry: name,
      });
    }
    if (names.has(name)) fail('duplicate-entry', `The bundle has two entries named "${name}".`, { entry: name });
    names.add(name);
    if (flags & 0x41) fail('unsupported-zip', `The bundle's entry "${name}" is encrypted.`, { entry: name });
    if (method !== 0 && method !== 8) {
      fail('unsupported-zip', `The bundle's entry "${name}" uses compression method ${method}.`, { entry: name });
    }
    if (size > limits.maxEntryBytes) {
      fail(
        'too-large',
        `The bundle's entry "${name}" would inflate to ${size} bytes; the limit is ${limits.maxEntryBytes}.`,
        {
          entry: name,
        },
      );
    }
    const ratio = size / Math.max(compressedSize, 1);
    if (
      (method === 0 && size !== compressedSize) ||
      (method === 8 && ratio > MAX_DEFLATE_RATIO) ||
      (size >= limits.ratioFloorBytes && ratio > limits.maxRatio)
    ) {
      fail(
        'zip-bomb',
        `The bundle's entry "${name}" claims a compression ratio of ${Math.round(ratio)}:1; it is refused as a zip bomb.`,
        {
          entry: name,
        },
      );
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      fail('too-large', `The bundle's content would inflate to more than ${limits.maxTotalBytes} bytes.`);
    }
    entries.push({
      name,
      method,
      crc,
      compressedSize,
      size,
      dataStart: localDataStart(bytes, localStart, rawName, directoryStart),
    });
    at = next;
  }
  checkNoOverlap(entries, directoryStart);
  return entries;
}

/** Where an entry's data begins, after checking its local header agrees with the directory. */
function localDataStart(bytes: Uint8Array, at: number, rawName: Uint8Array, directoryStart: number): number {
  if (at + 30 > directoryStart || u32(bytes, at) !== LOCAL) {
    fail('corrupt', "The bundle is damaged: an entry's header is missing.");
  }
  const nameLength = u16(bytes, at + 26);
  const start = at + 30 + nameLength + u16(bytes, at + 28);
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  // Two different names for one entry is how some archives show one thing and unpack another.
  if (nameLength !== rawName.length || localName.some((b, i) => b !== rawName[i])) {
    fail('corrupt', 'The bundle is damaged: an entry has two different names.');
  }
  return start;
}

/** Overlapping entries let a small archive inflate the same data many times over. */
function checkNoOverlap(entries: readonly ZipEntry[], directoryStart: number): void {
  const byStart = [...entries].sort((a, b) => a.dataStart - b.dataStart);
  for (let i = 0; i < byStart.length; i++) {
    const entry = byStart[i]!;
    const end = entry.dataStart + entry.compressedSize;
    const limit = i + 1 < byStart.length ? byStart[i + 1]!.dataStart : directoryStart;
    if (end > directoryStart) {
      fail('truncated', `The bundle is incomplete: entry "${entry.name}" runs past the end of the data.`, {
        entry: entry.name,
      });
    }
    if (end > limit) fail('corrupt', 'The bundle is damaged: two entries overlap.', { entry: entry.name });
  }
}

/**
 * An entry's content, inflated into a buffer of its declared size: an entry that would
 * inflate past it is refused the moment it does, before the rest is decompressed.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data;
  const out = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (written + chunk.length > out.length) overflow = true;
    else {
      out.set(chunk, written);
      written += chunk.length;
    }
    if (final) finished = true;
  });
  try {
    let at = 0;
    do {
      // One input byte inflates to under MAX_DEFLATE_RATIO bytes, so a step never yields much
      // more than the room left (or 1 MB): fflate's buffers stay within about twice the declared size.
      const step = Math.max(1024, Math.min(1 << 18, Math.floor((out.length - written) / MAX_DEFLATE_RATIO)));
      inflate.push(data.subarray(at, at + step), at + step >= data.length);
      at += step;
    } while (at < data.length && !overflow);
  } catch {
    fail('corrupt', `The bundle is damaged: entry "${entry.name}" does not decompress.`, { entry: entry.name });
  }
  if (overflow) {
    fail(
      'zip-bomb',
      `The bundle's entry "${entry.name}" inflates to more than the ${entry.size} bytes it declares; it is refused as a zip bomb.`,
      {
        entry: entry.name,
      },
    );
  }
  if (!finished || written !== entry.size) {
    fail(
      'corrupt',
      `The bundle is damaged: entry "${entry.name}" decompresses to ${written} bytes, not ${entry.size}.`,
      {
        entry: entry.name,
      },
    );
  }
  return out;
}
