// A zip reader for untrusted files, with every bound checked before memory is spent.
// fflate's unzipSync trusts the archive: it allocates each entry's declared size and inflates
// it whole, past the declared size without telling. So we read the central directory
// ourselves (count, names and declared sizes are all checked before anything is inflated),
// and inflate each entry with fflate's streaming Inflate in small steps into a buffer of
// exactly its declared size.
//
// Damage is told from attack. Each entry's sizes, CRC, method and name are in two places (its
// header and the directory), so one damaged byte there makes them disagree: that is `corrupt`,
// checked before any limit. Damaged deflate data can inflate a little past the declared size:
// that too is `corrupt`, as long as the output stays within what the limits would have let
// the entry declare for its compressed size (`inflateLimit`); beyond that it is a `zip-bomb`.
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
  /**
   * The most the entry may inflate to under the limits, given its compressed size (at least
   * `size`). Inflating past `size` but not past this is damage; past this, a zip bomb.
   */
  inflateLimit: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;
/** General purpose flags: encrypted (bit 0) or strongly encrypted (bit 6). */
const ENCRYPTED = 0x41;
/** General purpose flag bit 3: the CRC and sizes follow the data; the local header has zeros. */
const DEFERRED_SIZES = 0x08;
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
  if (disk !== 0 || directoryDisk !== 0) {
    fail('unsupported-zip', 'The bundle is a zip archive split over several files.');
  }
  // One file holds every entry, so the two counts of its end record must agree.
  if (onDisk !== count) fail('corrupt', 'The bundle is damaged: its zip directory cannot be read.');
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
    // The entry's header first: a damaged byte in either copy of a field is damage, whatever
    // the damaged value would otherwise look like (a huge size, another method, a bad name).
    const local = readLocalHeader(bytes, localStart, rawName, directoryStart);
    const name = decodeName(rawName);
    const disagree =
      local.method !== method
        ? 'compression method'
        : (local.flags ^ flags) & ENCRYPTED
          ? 'flags'
          : local.flags & DEFERRED_SIZES
            ? null
            : local.crc !== crc
              ? 'CRC'
              : local.compressedSize !== compressedSize || local.size !== size
                ? 'size'
                : null;
    if (disagree) {
      fail(
        'corrupt',
        `The bundle is damaged: entry "${name}" has a different ${disagree} in its header and in the zip directory.`,
        { entry: name },
      );
    }
    const unsafe = unsafeEntryName(name);
    if (unsafe) {
      fail('unsafe-entry-name', `The bundle has an entry named "${name}" with ${unsafe}; it is refused.`, {
        entry: name,
      });
    }
    if (names.has(name)) fail('duplicate-entry', `The bundle has two entries named "${name}".`, { entry: name });
    names.add(name);
    if (flags & ENCRYPTED) fail('unsupported-zip', `The bundle's entry "${name}" is encrypted.`, { entry: name });
    if (method !== 0 && method !== 8) {
      fail('unsupported-zip', `The bundle's entry "${name}" uses compression method ${method}.`, { entry: name });
    }
    // A stored entry cannot expand: sizes that differ are a damaged header, not a bomb.
    if (method === 0 && size !== compressedSize) {
      fail(
        'corrupt',
        `The bundle is damaged: entry "${name}" is stored uncompressed, yet its sizes differ (${compressedSize} and ${size} bytes).`,
        { entry: name },
      );
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
    if ((method === 8 && ratio > MAX_DEFLATE_RATIO) || (size >= limits.ratioFloorBytes && ratio > limits.maxRatio)) {
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
      dataStart: local.dataStart,
      // The largest output the checks above would have let the entry declare.
      inflateLimit: Math.min(
        limits.maxEntryBytes,
        Math.max(limits.ratioFloorBytes - 1, Math.floor(limits.maxRatio * Math.max(compressedSize, 1))),
      ),
    });
    at = next;
  }
  checkNoOverlap(entries, directoryStart);
  return entries;
}

interface LocalHeader {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's data in the archive. */
  dataStart: number;
}

/** An entry's local header, after checking it is there and names the entry as the directory does. */
function readLocalHeader(bytes: Uint8Array, at: number, rawName: Uint8Array, directoryStart: number): LocalHeader {
  if (at + 30 > directoryStart || u32(bytes, at) !== LOCAL) {
    fail('corrupt', "The bundle is damaged: an entry's header is missing.");
  }
  const nameLength = u16(bytes, at + 26);
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  // Two different names for one entry is how some archives show one thing and unpack another.
  if (nameLength !== rawName.length || localName.some((b, i) => b !== rawName[i])) {
    fail('corrupt', 'The bundle is damaged: an entry has two different names.');
  }
  return {
    flags: u16(bytes, at + 6),
    method: u16(bytes, at + 8),
    crc: u32(bytes, at + 14),
    compressedSize: u32(bytes, at + 18),
    size: u32(bytes, at + 22),
    dataStart: at + 30 + nameLength + u16(bytes, at + 28),
  };
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
 * An entry's content, inflated into a buffer of its declared size. Output past that size is
 * counted, not kept: it is damage if the data ends within the entry's `inflateLimit`, and a
 * zip bomb, refused the moment it passes it, before the rest is decompressed.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) return data;
  const out = new Uint8Array(entry.size);
  const limit = Math.max(entry.inflateLimit, entry.size);
  let produced = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (produced + chunk.length <= out.length) out.set(chunk, produced);
    produced += chunk.length;
    if (final) finished = true;
  });
  try {
    let at = 0;
    do {
      // One input byte inflates to under MAX_DEFLATE_RATIO bytes, so a step never yields much
      // more than the room left (or 1 MB): fflate's buffers stay within about twice the
      // declared size. Past the declared size, steps yield at most 16 MB each, all discarded.
      const over = produced > out.length;
      const room = (over ? limit : out.length) - produced;
      const step = Math.max(1024, Math.min(over ? 1 << 14 : 1 << 18, Math.floor(room / MAX_DEFLATE_RATIO)));
      inflate.push(data.subarray(at, at + step), at + step >= data.length);
      at += step;
    } while (at < data.length && produced <= limit);
  } catch {
    fail('corrupt', `The bundle is damaged: entry "${entry.name}" does not decompress.`, { entry: entry.name });
  }
  if (produced > limit) {
    fail(
      'zip-bomb',
      `The bundle's entry "${entry.name}" inflates to more than the ${entry.size} bytes it declares (over ${produced} bytes from ${entry.compressedSize}); it is refused as a zip bomb.`,
      { entry: entry.name },
    );
  }
  if (produced > entry.size) {
    fail(
      'corrupt',
      `The bundle is damaged: entry "${entry.name}" decompresses to more than the ${entry.size} bytes it declares (${produced}).`,
      { entry: entry.name },
    );
  }
  if (!finished || produced !== entry.size) {
    fail(
      'corrupt',
      `The bundle is damaged: entry "${entry.name}" decompresses to ${produced} bytes, not ${entry.size}.`,
      {
        entry: entry.name,
      },
    );
  }
  return out;
}
