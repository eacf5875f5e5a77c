// Why a bundle was refused: a code the app picks its (translated) text by, and an English
// message for logs and the command line that names the problem and, where there is one,
// the entry, table and record.
import type { SyncTable } from './tables';

export const BUNDLE_ERROR_CODES = [
  /** Not a zip archive at all. */
  'not-a-zip',
  /** A zip archive cut short (its directory or an entry's data is missing). */
  'truncated',
  /** A zip feature bundles never use: encryption, zip64, spanning, an unknown compression method. */
  'unsupported-zip',
  /**
   * Damage: an entry's data does not inflate, inflates to another size than it declares (within
   * the limits) or fails its CRC; an entry's header and the zip directory disagree; entries overlap.
   */
  'corrupt',
  /** The file, one of its entries or all of them once inflated, is over the size limit. */
  'too-large',
  'too-many-entries',
  /**
   * An entry claims a compression ratio no honest bundle has, or inflates past the size it
   * declared and past anything the limits would have let it declare.
   */
  'zip-bomb',
  /** An absolute path, a `..` segment, a backslash, a control character. */
  'unsafe-entry-name',
  'duplicate-entry',
  /** A zip without manifest.json: some other program's archive, or not a bundle. */
  'missing-manifest',
  /** A manifest.json that is not a Dossier bundle's. */
  'foreign',
  /** A format version this app does not read (newer, or unknown). */
  'unsupported-version',
  /** A manifest that does not match the format. */
  'bad-manifest',
  /** An entry whose SHA-256 or size differs from the manifest's. */
  'checksum-mismatch',
  /** An entry the manifest lists that the zip lacks. */
  'missing-entry',
  /** An entry the manifest does not list, or a name the format does not have. */
  'unexpected-entry',
  /** A record that fails its table's schema. */
  'invalid-record',
  /** A document text that fails its schema or does not hash to its name. */
  'invalid-text',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export interface BundleError {
  code: BundleErrorCode;
  message: string;
  entry?: string;
  table?: SyncTable;
  /** Index of the record in its table's list. */
  index?: number;
}

export type BundleResult<T> = { ok: true; value: T } | { ok: false; error: BundleError };

export const refuse = (code: BundleErrorCode, message: string, detail: Omit<BundleError, 'code' | 'message'> = {}) => ({
  ok: false as const,
  error: { code, message, ...detail },
});

/** Thrown inside the reader and caught at its edge, so deep helpers can refuse in one line. */
export class BundleRefusal extends Error {
  constructor(readonly error: BundleError) {
    super(error.message);
  }
}

export function fail(
  code: BundleErrorCode,
  message: string,
  detail: Omit<BundleError, 'code' | 'message'> = {},
): never {
  throw new BundleRefusal({ code, message, ...detail });
}
