// "Open original" on the desktop: copy an imported document's original bytes into a private
// temporary folder and hand that copy to the system's default program (shell.openPath).
//
// Layout: <temp>/dossier-originals/<random>/<safe name>. The root folder is ours alone (0700,
// checked to be a real directory we own, since /tmp is shared on Linux); each call writes into a
// fresh random subfolder, so two documents with the same name never clash and nothing already
// there is overwritten; the name is reduced by safeFileName, so it cannot leave that subfolder.
// Subfolders older than a day are removed, best effort (a viewer may still hold one open).
//
// Only PDFs and plain text go to another program. HTML originals are refused: the system
// handler is a browser, which would run the page's scripts from a file:// URL. Because some
// openers (xdg-open via `file --mime-type`) pick the program by content, not by extension, a
// ".pdf" must start like a PDF and a text original must not look like markup.
//
// Everything the module touches is injected, so the unit tests run it on a real temp folder.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { OPEN_ORIGINAL_MESSAGES, originalKind, safeFileName, type OpenOriginalResult } from '../shared/ipc/contract';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';

/** The folder under the platform's temp directory that holds every copy. */
export const ORIGINALS_FOLDER = 'dossier-originals';
/** Copies older than this are removed when another original is opened. */
export const ORIGINAL_COPY_MAX_AGE_MS = 24 * 60 * 60 * 1000;
const SUBFOLDER_PATTERN = /^[0-9a-f]{16}$/;

/** The part of node:fs/promises this module uses. */
export interface OpenOriginalFs extends AtomicWriteFs {
  mkdir(dirPath: string, options: { mode: number }): Promise<unknown>;
  lstat(
    filePath: string,
  ): Promise<{ isDirectory(): boolean; isSymbolicLink(): boolean; uid: number; mode: number; mtimeMs: number }>;
  readdir(dirPath: string): Promise<string[]>;
  rm(filePath: string, options: { recursive: true; force: true }): Promise<void>;
}

export interface OpenOriginalDeps {
  /** The platform's temporary directory (app.getPath('temp')). */
  tempDir: string;
  /** shell.openPath: resolves to '' on success, else the error the system reported. */
  openPath(filePath: string): Promise<string>;
  fs: OpenOriginalFs;
  platform?: NodeJS.Platform;
  /** The user the root folder must belong to (POSIX); process.getuid() by default. */
  uid?: number;
  now?: () => number;
  /** The name of a new subfolder: 16 hex digits. */
  randomId?: () => string;
}

const failure = (
  code: Extract<OpenOriginalResult, { ok: false }>['code'],
  error: string,
): Extract<OpenOriginalResult, { ok: false }> => ({ ok: false, code, error });

/** PDF readers accept the header anywhere in the first 1024 bytes; so does `file`. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

const MARKUP_SNIFF_BYTES = 16 * 1024;
const MARKUP_TAG =
  /<(?:!doctype|!--|\?xml|html|head|body|title|script|style|iframe|frame|frameset|object|embed|svg|math|meta|link|base|img|video|audio|table|div|span|font|form|input|a|p|b|i|br|h[1-6])[\s/>]/i;

/** Whether a content sniffer might call this "text" a web page (HTML, XML, SVG), in UTF-8 or UTF-16. */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MARKUP_SNIFF_BYTES));
  // Latin-1 keeps every ASCII byte; dropping NULs turns UTF-16 markup into ASCII markup too.
  return MARKUP_TAG.test(head.toString('latin1').replace(/\0/g, ''));
}

/** Makes sure `root` is a directory of ours that nobody else can write to (POSIX). */
async function ensurePrivateRoot(deps: OpenOriginalDeps, root: string, platform: NodeJS.Platform): Promise<void> {
  try {
    await deps.fs.mkdir(root, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException | undefined)?.code !== 'EEXIST') throw error;
  }
  const stats = await deps.fs.lstat(root);
  if (!stats.isDirectory() || stats.isSymbolicLink()) throw new Error(`${root} is not a directory`);
  if (platform !== 'win32') {
    const uid = deps.uid ?? process.getuid?.();
    if (uid !== undefined && stats.uid !== uid) throw new Error(`${root} belongs to another user`);
    if ((stats.mode & 0o022) !== 0) throw new Error(`${root} can be written by other users`);
  }
}

/** Removes copies older than ORIGINAL_COPY_MAX_AGE_MS; never fails. */
async function pruneOldCopies(deps: OpenOriginalDeps, root: string): Promise<void> {
  const now = (deps.now ?? Date.now)();
  const entries = await deps.fs.readdir(root).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!SUBFOLDER_PATTERN.test(entry)) continue;
    const folder = path.join(root, entry);
    try {
      const stats = await deps.fs.lstat(folder);
      if (stats.isDirectory() && !stats.isSymbolicLink() && now - stats.mtimeMs > ORIGINAL_COPY_MAX_AGE_MS) {
        await deps.fs.rm(folder, { recursive: true, force: true });
      }
    } catch {
      // Still open in a viewer (Windows), or removed meanwhile: try again next time.
    }
  }
}

const describe = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
};

/**
 * Writes `bytes` to a private temporary copy named after `name` and opens it with the system's
 * default program. Never throws: every refusal or failure is an `{ ok: false }` result.
 */
export async function openOriginal(
  deps: OpenOriginalDeps,
  request: { name: string; bytes: Uint8Array },
): Promise<OpenOriginalResult> {
  // The IPC schema has reduced the name already; doing it again keeps this module safe on its own.
  const name = safeFileName(request.name);
  if (name === null) return failure('unsupported-type', 'not a usable file name');
  const kind = originalKind(name);
  if (kind === 'markup') return failure('shown-in-dossier', OPEN_ORIGINAL_MESSAGES['shown-in-dossier']);
  if (kind === 'unsupported') return failure('unsupported-type', OPEN_ORIGINAL_MESSAGES['unsupported-type']);
  if (kind === 'pdf' && !looksLikePdf(request.bytes)) return failure('not-a-pdf', OPEN_ORIGINAL_MESSAGES['not-a-pdf']);
  if (kind === 'text' && looksLikeMarkup(request.bytes)) {
    return failure('shown-in-dossier', OPEN_ORIGINAL_MESSAGES['shown-in-dossier']);
  }

  const platform = deps.platform ?? process.platform;
  const root = path.join(deps.tempDir, ORIGINALS_FOLDER);
  let target: string;
  try {
    await ensurePrivateRoot(deps, root, platform);
    await pruneOldCopies(deps, root);
    const id = (deps.randomId ?? (() => randomBytes(8).toString('hex')))();
    if (!SUBFOLDER_PATTERN.test(id)) throw new Error('bad subfolder name');
    const folder = path.join(root, id);
    target = path.join(folder, name);
    if (path.dirname(target) !== folder) throw new Error('the file name leaves its folder');
    await deps.fs.mkdir(folder, { mode: 0o700 }); // fails if it exists: nothing is reused
    await writeFileAtomic(deps.fs, target, request.bytes, { platform });
  } catch (error) {
    return failure('write-failed', `could not write a temporary copy (${describe(error)})`);
  }

  let opened: string;
  try {
    opened = await deps.openPath(target);
  } catch (error) {
    opened = describe(error) || 'unknown error';
  }
  return opened ? failure('open-failed', opened) : { ok: true };
}
