// The bundle file (.dossier): one zip holding manifest.json, one JSON list of versions per
// table (records/<table>.json), each document text once by content hash (texts/<hash>.json)
// and, optionally, PDFs (pdfs/<hash>.pdf). Reading refuses anything damaged, foreign,
// hostile or too large with a typed error, before any of it reaches the library.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { zipSync, type Zippable } from 'fflate';
import type { Revision } from '../model/types';
import { BundleRefusal, fail, type BundleError, type BundleResult } from './bundle-errors';
import { crc32 } from './crc32';
import type { ReplicaId } from './hlc';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  isFormatEntry,
  MANIFEST_ENTRY,
  manifestSchema,
  pdfEntry,
  recordsEntry,
  textEntry,
  type BundleFilter,
  type BundleManifest,
} from './manifest';
import { documentTextSchema, RECORD_SCHEMAS } from './schemas';
import { emptyVersions, SYNC_TABLES, type DocumentText, type SyncTable, type TableVersions } from './tables';
import { inflateEntry, readZipDirectory, type ZipEntry, type ZipLimits } from './zip-reader';

export interface BundleInput {
  replicaId: ReplicaId;
  analyst: string;
  /** ISO time. */
  createdAt: string;
  appVersion: string;
  /** The sender's clock now (a revision), merged into the receiver's clock on import. */
  clock: Revision;
  filter: BundleFilter;
  /** Every live version to send (current and conflicts), per table. */
  records: Partial<TableVersions>;
  /** The texts of the documents the records need, once per content hash. */
  texts?: readonly DocumentText[];
  pdfs?: readonly { contentHash: string; bytes: Uint8Array }[];
}

export interface BundleContents {
  manifest: BundleManifest;
  records: TableVersions;
  texts: Map<string, DocumentText>;
  pdfs: Map<string, Uint8Array>;
}

export interface BundleLimits extends ZipLimits {
  /** Largest bundle file, in bytes. */
  maxBundleBytes: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxBundleBytes: 256 * 1024 * 1024,
  maxEntries: 100_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  // Record JSON compresses about 10:1, texts about 3:1; a run of zeros 1000:1.
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const sha256Hex = (bytes: Uint8Array): string => bytesToHex(sha256(bytes));
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** A short, readable account of a schema failure: the path and what was wrong. */
function issueText(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Writes a bundle. Throws when a record or text would not pass readBundle: we never send what we would refuse. */
export function writeBundle(input: BundleInput): Uint8Array {
  const files: Zippable = {};
  const entries: BundleManifest['entries'] = {};
  const mtime = new Date(input.createdAt);
  const add = (name: string, bytes: Uint8Array, level: 0 | 6) => {
    entries[name] = { size: bytes.length, sha256: sha256Hex(bytes) };
    files[name] = [bytes, { level, mtime }];
  };
  const counts = Object.fromEntries(SYNC_TABLES.map((t) => [t, 0])) as Record<SyncTable, number>;
  for (const table of SYNC_TABLES) {
    const versions = input.records[table] ?? [];
    versions.forEach((record, index) => {
      const checked = RECORD_SCHEMAS[table].safeParse(record);
      if (!checked.success) {
        throw new Error(`writeBundle: ${table} record ${index} (${record.id}) is invalid: ${issueText(checked.error)}`);
      }
    });
    counts[table] = versions.length;
    add(recordsEntry(table), utf8.encode(JSON.stringify(versions)), 6);
  }
  const texts = new Set<string>();
  for (const text of input.texts ?? []) {
    if (texts.has(text.contentHash)) continue;
    const checked = documentTextSchema.safeParse(text);
    if (!checked.success)
      throw new Error(`writeBundle: text ${text.contentHash} is invalid: ${issueText(checked.error)}`);
    if (sha256Hex(utf8.encode(text.text)) !== text.contentHash) {
      throw new Error(`writeBundle: text ${text.contentHash} does not hash to its content hash`);
    }
    texts.add(text.contentHash);
    add(textEntry(text.contentHash), utf8.encode(JSON.stringify(text)), 6);
  }
  const pdfs = new Set<string>();
  for (const pdf of input.pdfs ?? []) {
    if (pdfs.has(pdf.contentHash)) continue;
    pdfs.add(pdf.contentHash);
    // Already compressed: storing is as small and much faster.
    add(pdfEntry(pdf.contentHash), pdf.bytes, 0);
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    replicaId: input.replicaId,
    analyst: input.analyst,
    createdAt: input.createdAt,
    appVersion: input.appVersion,
    clock: input.clock,
    counts: { records: counts, texts: texts.size, pdfs: pdfs.size },
    entries,
    filter: input.filter,
  };
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) throw new Error(`writeBundle: manifest is invalid: ${issueText(checked.error)}`);
  // The manifest goes first, as a reader streaming the file would want it.
  return zipSync({
    [MANIFEST_ENTRY]: [utf8.encode(JSON.stringify(manifest, null, 2)), { level: 6, mtime }],
    ...files,
  });
}

/** Reads and checks a bundle; the library is untouched whatever the outcome. */
export function readBundle(
  bytes: Uint8Array,
  limits: BundleLimits = DEFAULT_BUNDLE_LIMITS,
): BundleResult<BundleContents> {
  try {
    return { ok: true, value: read(bytes, limits) };
  } catch (error) {
    if (error instanceof BundleRefusal) return { ok: false, error: error.error };
    // Anything else is a bug of ours, but the file is still refused rather than half-read.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'corrupt', message: `The bundle could not be read: ${message}` } };
  }
}

function read(bytes: Uint8Array, limits: BundleLimits): BundleContents {
  if (bytes.length > limits.maxBundleBytes) {
    fail('too-large', `The bundle is ${bytes.length} bytes; at most ${limits.maxBundleBytes} are accepted.`);
  }
  const zip = readZipDirectory(bytes, limits);
  const manifest = readManifest(bytes, zip);
  const byName = new Map(zip.map((e) => [e.name, e]));
  for (const entry of zip) {
    if (entry.name === MANIFEST_ENTRY) continue;
    if (!isFormatEntry(entry.name)) {
      fail('unexpected-entry', `The bundle has an entry "${entry.name}" that Dossier bundles do not have.`, {
        entry: entry.name,
      });
    }
    if (!Object.hasOwn(manifest.entries, entry.name)) {
      fail('unexpected-entry', `The bundle's entry "${entry.name}" is not listed in its manifest.`, {
        entry: entry.name,
      });
    }
  }
  const content = (name: string): Uint8Array => {
    const entry = byName.get(name);
    if (!entry)
      fail('missing-entry', `The bundle's manifest lists "${name}", but the entry is missing.`, { entry: name });
    return checkedContent(bytes, entry, manifest.entries[name]!);
  };
  for (const name of Object.keys(manifest.entries)) {
    if (!byName.has(name))
      fail('missing-entry', `The bundle's manifest lists "${name}", but the entry is missing.`, { entry: name });
  }

  const records = emptyVersions();
  for (const table of SYNC_TABLES) {
    const name = recordsEntry(table);
    const list = Object.hasOwn(manifest.entries, name) ? parseJson(content(name), name, table) : [];
    if (!Array.isArray(list)) fail('invalid-record', `The bundle's ${table} are not a list.`, { entry: name, table });
    if (list.length !== manifest.counts.records[table]) {
      fail(
        'bad-manifest',
        `The bundle's manifest counts ${manifest.counts.records[table]} ${table}, but it holds ${list.length}.`,
        {
          table,
        },
      );
    }
    (records as Record<SyncTable, unknown[]>)[table] = list.map((record, index) => {
      const checked = RECORD_SCHEMAS[table].safeParse(record);
      if (!checked.success) {
        fail('invalid-record', `The bundle's ${table} record ${index} is invalid: ${issueText(checked.error)}.`, {
          entry: name,
          table,
          index,
        });
      }
      return checked.data;
    });
  }

  const texts = new Map<string, DocumentText>();
  const pdfs = new Map<string, Uint8Array>();
  for (const name of Object.keys(manifest.entries)) {
    const hash = /^(?:texts|pdfs)\/([0-9a-f]{64})\./.exec(name)?.[1];
    if (!hash) continue;
    if (name.startsWith('pdfs/')) {
      const pdf = content(name);
      if (!PDF_MAGIC.every((b, i) => pdf[i] === b)) {
        fail('unexpected-entry', `The bundle's entry "${name}" is not a PDF.`, { entry: name });
      }
      pdfs.set(hash, pdf);
      continue;
    }
    const text = documentTextSchema.safeParse(parseJson(content(name), name));
    if (!text.success)
      fail('invalid-text', `The bundle's text "${name}" is invalid: ${issueText(text.error)}.`, { entry: name });
    // Texts are stored by hash: one under a false hash would replace another document's text.
    if (text.data.contentHash !== hash || sha256Hex(utf8.encode(text.data.text)) !== hash) {
      fail('invalid-text', `The bundle's text "${name}" does not match its content hash.`, { entry: name });
    }
    texts.set(hash, text.data);
  }
  if (texts.size !== manifest.counts.texts || pdfs.size !== manifest.counts.pdfs) {
    fail('bad-manifest', "The bundle's manifest does not count the texts and PDFs it holds.");
  }
  return { manifest, records, texts, pdfs };
}

function readManifest(bytes: Uint8Array, zip: readonly ZipEntry[]): BundleManifest {
  const entry = zip.find((e) => e.name === MANIFEST_ENTRY);
  if (!entry) {
    fail('missing-manifest', 'The zip file has no manifest.json: it is not a Dossier bundle.', {
      entry: MANIFEST_ENTRY,
    });
  }
  const raw = inflateEntry(bytes, entry);
  if (crc32(raw) !== entry.crc) {
    fail('corrupt', 'The bundle is damaged: manifest.json fails its CRC check.', { entry: MANIFEST_ENTRY });
  }
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(utf8Decoder.decode(raw)) as Record<string, unknown> | null;
  } catch {
    // Intact (the CRC passed) yet not JSON: someone else's manifest.json.
  }
  if (!json || typeof json !== 'object' || json.format !== BUNDLE_FORMAT) {
    fail('foreign', "The zip file has a manifest.json, but not a Dossier bundle's: it comes from another program.", {
      entry: MANIFEST_ENTRY,
    });
  }
  const version = json.formatVersion;
  if (version !== BUNDLE_FORMAT_VERSION) {
    const newer = typeof version === 'number' && Number.isInteger(version) && version > BUNDLE_FORMAT_VERSION;
    fail(
      'unsupported-version',
      newer
        ? `The bundle was made by a newer Dossier (format version ${version}); this one reads version ${BUNDLE_FORMAT_VERSION}. Update Dossier to import it.`
        : `The bundle has an unknown format version (${JSON.stringify(version)?.slice(0, 40)}); this Dossier reads version ${BUNDLE_FORMAT_VERSION}.`,
      { entry: MANIFEST_ENTRY },
    );
  }
  const checked = manifestSchema.safeParse(json);
  if (!checked.success) {
    fail('bad-manifest', `The bundle's manifest is invalid: ${issueText(checked.error)}.`, { entry: MANIFEST_ENTRY });
  }
  return checked.data;
}

/** An entry's content, once its size and SHA-256 match the manifest's. */
function checkedContent(bytes: Uint8Array, entry: ZipEntry, expected: { size: number; sha256: string }): Uint8Array {
  if (entry.size !== expected.size) {
    fail(
      'checksum-mismatch',
      `The bundle's entry "${entry.name}" is ${entry.size} bytes; its manifest says ${expected.size}.`,
      {
        entry: entry.name,
      },
    );
  }
  const content = inflateEntry(bytes, entry);
  if (sha256Hex(content) !== expected.sha256) {
    fail(
      'checksum-mismatch',
      `The bundle's entry "${entry.name}" does not match its checksum: it was altered or damaged.`,
      {
        entry: entry.name,
      },
    );
  }
  return content;
}

function parseJson(bytes: Uint8Array, entry: string, table?: SyncTable): unknown {
  try {
    return JSON.parse(utf8Decoder.decode(bytes));
  } catch {
    const code: BundleError['code'] = table ? 'invalid-record' : 'invalid-text';
    fail(code, `The bundle's entry "${entry}" is not valid JSON.`, { entry, ...(table && { table }) });
  }
}
