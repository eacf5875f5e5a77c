// The one contract for everything that crosses the desktop boundary: channel names,
// their request and response shapes (zod schemas, so main validates every message),
// and the bridge interface the renderer programs against. The preload forwards;
// the web build implements the same interface with browser APIs.
import { z } from 'zod';

/** Largest single file the desktop bridge reads or writes (bytes); larger imports are refused in ingest. */
export const MAX_BRIDGE_FILE_BYTES = 200 * 1024 * 1024;
export const MAX_BRIDGE_FILES = 500;

export const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9*]{1,12}$/i))
    .min(1)
    .max(20),
});
export type FileFilter = z.infer<typeof fileFilterSchema>;

export const openFilesRequestSchema = z
  .object({
    title: z.string().max(200).optional(),
    filters: z.array(fileFilterSchema).max(10).optional(),
    multiple: z.boolean().optional(),
  })
  .strict();
export type OpenFilesRequest = z.infer<typeof openFilesRequestSchema>;

export const saveFileRequestSchema = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\0]/.test(n), 'a file name, not a path'),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BRIDGE_FILE_BYTES, 'file too large'),
    filters: z.array(fileFilterSchema).max(10).optional(),
  })
  .strict();
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

/** Extensions whose originals can be shown in the platform's own viewer, with the MIME type the web build gives them. */
export const ORIGINAL_VIEWER_TYPES = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/plain',
  markdown: 'text/plain',
} as const;
/** Imported formats that are never handed to another program: a web page would run its scripts there. */
export const ORIGINAL_MARKUP_EXTENSIONS = ['html', 'htm'] as const;

/** Longest file name `safeFileName` returns, in UTF-8 bytes: file systems allow 255, atomic writes add a suffix. */
export const MAX_SAFE_FILE_NAME_BYTES = 200;

const utf8Length = (text: string): number => {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
};

/**
 * Reduces a name from the page to a plain file name that is safe on every platform, or null
 * when nothing usable is left: the last path segment only; no control, bidi or zero-width
 * characters; no characters Windows forbids; no `..`, no leading dot (hidden files), no
 * trailing dots or spaces (Windows drops them, which would change the extension); no device
 * names (CON, NUL…); at most MAX_SAFE_FILE_NAME_BYTES. The extension is kept, in lower case;
 * a name that was only an extension becomes `original.<ext>`.
 */
export function safeFileName(name: string): string | null {
  let base = name.normalize('NFC');
  base = base.slice(Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\')) + 1);
  base = base
    // C0 and C1 controls, zero-width and bidi formatting characters (they can disguise an extension).
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/[\s.]+$/, '');
  const dot = base.lastIndexOf('.');
  const hasExtension = dot >= 0 && /^[a-z0-9]{1,16}$/i.test(base.slice(dot + 1));
  const extension = hasExtension ? base.slice(dot).toLowerCase() : '';
  let stem = (hasExtension ? base.slice(0, dot) : base).replace(/^[\s.]+|[\s.]+$/g, '');
  if (stem === '') {
    if (!hasExtension) return null;
    stem = 'original'; // only an extension was left: ".pdf", "../.pdf"
  }
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  const budget = MAX_SAFE_FILE_NAME_BYTES - utf8Length(extension);
  if (utf8Length(stem) > budget) {
    let kept = '';
    for (const char of stem) {
      if (utf8Length(kept + char) > budget) break;
      kept += char;
    }
    stem = kept.replace(/[\s.]+$/, '') || 'original';
  }
  return stem + extension;
}

/** What an original is, by the extension of its (safe) name: decides whether and how it may be opened. */
export function originalKind(name: string): 'pdf' | 'text' | 'markup' | 'unsupported' {
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (extension === 'pdf') return 'pdf';
  if (Object.hasOwn(ORIGINAL_VIEWER_TYPES, extension)) return 'text';
  if ((ORIGINAL_MARKUP_EXTENSIONS as readonly string[]).includes(extension)) return 'markup';
  return 'unsupported';
}

export const openOriginalRequestSchema = z
  .object({
    /** The file name to show in the viewer, with the extension of the original (reduced by `safeFileName`). */
    name: z
      .string()
      .min(1)
      .max(255)
      .transform((name, ctx) => {
        const safe = safeFileName(name);
        if (safe === null) {
          ctx.addIssue({ code: 'custom', message: 'not a usable file name' });
          return z.NEVER;
        }
        return safe;
      }),
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BRIDGE_FILE_BYTES, 'file too large'),
  })
  .strict();
/** What the renderer sends; main and the web bridge parse it with openOriginalRequestSchema, which makes the name safe. */
export interface OpenOriginalRequest {
  /** The original's file name, with its extension (pdf, txt, md, markdown). */
  name: string;
  bytes: Uint8Array;
}

/** Why an original was not opened. `error` is English, for logs; show the analyst a text chosen by `code`. */
export const OPEN_ORIGINAL_ERROR_CODES = [
  'shown-in-dossier',
  'unsupported-type',
  'not-a-pdf',
  'write-failed',
  'open-failed',
] as const;
export type OpenOriginalErrorCode = (typeof OPEN_ORIGINAL_ERROR_CODES)[number];

export type OpenOriginalResult =
  | {
      ok: true;
      /** Web build only: the browser blocked the viewer tab, so the file was downloaded instead. */
      downloaded?: boolean;
    }
  | { ok: false; code: OpenOriginalErrorCode; error: string };

/** The English `error` of each refusal that does not depend on the platform. */
export const OPEN_ORIGINAL_MESSAGES = {
  'shown-in-dossier':
    'web pages are not opened in another program (their scripts would run there); the document is shown inside Dossier',
  'unsupported-type': 'only PDF and plain-text originals (pdf, txt, md, markdown) can be opened in another program',
  'not-a-pdf': 'the original is not a PDF file',
} as const satisfies Partial<Record<OpenOriginalErrorCode, string>>;

/** Why a picked or dropped file was not read. */
export const PICKED_FILE_ERROR_CODES = ['too-large', 'too-many-files', 'not-a-file', 'unreadable'] as const;
export type PickedFileErrorCode = (typeof PICKED_FILE_ERROR_CODES)[number];

export interface PickedFile {
  name: string;
  /** The file's contents; empty when `error` is set. */
  bytes: Uint8Array;
  /** Full path where the platform knows it (desktop), for re-importing a changed file later. */
  path?: string;
  /**
   * Set when the file was refused or could not be read (larger than MAX_BRIDGE_FILE_BYTES, beyond
   * MAX_BRIDGE_FILES, a folder, a read error). The other files of the same pick are still returned,
   * so the renderer can import those and list the refusals. `message` is English, for logs; show
   * the analyst a text chosen by `code`.
   */
  error?: { code: PickedFileErrorCode; message: string };
}

export interface SaveResult {
  saved: boolean;
  /** Where the file went, in words the analyst recognises (a path, or "Downloads"). */
  location?: string;
}

/** Longest HTML `printToPdf` takes (characters): a long brief with its images inlined stays far below it. */
export const MAX_PRINT_HTML_CHARS = 32 * 1024 * 1024;

export const printToPdfRequestSchema = z
  .object({
    /** A whole HTML document with its print stylesheet; it is shown with JavaScript off and nothing loaded from outside. */
    html: z.string().min(1).max(MAX_PRINT_HTML_CHARS, 'document too large to print'),
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((n) => !/[\\/\0]/.test(n), 'a file name, not a path'),
  })
  .strict();
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

export interface PrintToPdfResult extends SaveResult {
  /**
   * Web build: the document went to the browser's print dialog, where the analyst picks "Save as
   * PDF" (or a printer, or cancels). The page cannot tell which, so `saved` stays false and the
   * UI says where to look rather than claiming a file.
   */
  printDialog?: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: 'desktop' | 'web';
  /** Electron, Chromium and Node versions on the desktop. */
  versions?: Record<string, string>;
}

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'import',
  'export',
  'library',
  'items',
  'item-kinds',
  'find',
  'toggle-sidebar',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** IPC channel names: one place, so main, preload and tests agree. */
export const CHANNELS = {
  openFiles: 'dossier:open-files',
  saveFile: 'dossier:save-file',
  appInfo: 'dossier:app-info',
  openOriginal: 'dossier:open-original',
  menuCommand: 'dossier:menu-command',
  printToPdf: 'dossier:print-to-pdf',
  syncFolderCurrent: 'dossier:sync-folder-current',
  syncFolderPick: 'dossier:sync-folder-pick',
  syncFolderForget: 'dossier:sync-folder-forget',
  syncFolderList: 'dossier:sync-folder-list',
  syncFolderRead: 'dossier:sync-folder-read',
  syncFolderWrite: 'dossier:sync-folder-write',
  /** Main → renderer: the shared folder may have changed (`SyncFolderChanged`). */
  syncFolderChanged: 'dossier:sync-folder-changed',
  /** Files the OS opened with Dossier (a `.dossier` double-clicked), read and handed over once. */
  takeOpenedFiles: 'dossier:take-opened-files',
  /** Main → renderer, no payload: files were opened; take them. */
  filesOpened: 'dossier:files-opened',
} as const;

/** What the renderer may ask of the platform. */
export interface DossierBridge {
  readonly platform: 'desktop' | 'web';
  /** Show an open-file dialog; resolves to the chosen files' bytes, or [] when cancelled. */
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  /** Save bytes to a file the analyst chooses (desktop) or download it (web). */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /**
   * Show an imported document's original file (PDF or plain text) in the platform's viewer: the
   * system's default program on the desktop (from a private temporary copy), a new browser tab on
   * the web (a download when the tab is blocked). HTML originals are refused (`shown-in-dossier`).
   */
  openOriginal(request: OpenOriginalRequest): Promise<OpenOriginalResult>;
  /** Read files dropped on the window. */
  readDroppedFiles(files: readonly File[]): Promise<PickedFile[]>;
  appInfo(): Promise<AppInfo>;
  /**
   * Print an HTML document to PDF: on the desktop Chromium's printToPDF (A4, page numbers in the
   * footer), then a save dialog and an atomic write; on the web the browser's print dialog.
   */
  printToPdf(request: PrintToPdfRequest): Promise<PrintToPdfResult>;
  /** Subscribe to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Subscribe to files the OS opened with Dossier (a `.dossier` bundle double-clicked, at launch
   * or while running): those waiting are delivered at once, later ones as they come. The web
   * build has no file association and never calls `listener`.
   */
  onFilesOpened(listener: (files: PickedFile[]) => void): () => void;
  /** The shared folder where colleagues exchange `.dossier` bundles (SyncFolderApi). */
  readonly syncFolder: SyncFolderApi;
}

/** Extensions Dossier imports (lower case, without the dot). */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm', 'pdf'] as const;

// ---------------------------------------------------------------------------------------------
// The shared folder (sync by file exchange): a folder the analyst picks — a network drive, a
// synced folder — where every installation keeps one bundle of its own, replaced atomically, and
// reads its colleagues'. The renderer never names a path: main remembers the folder picked in its
// own dialog (the web build keeps the directory handle) and the renderer refers to it by an
// opaque id, so a request meant for a folder the analyst has since replaced is refused.

/** The extension of sync bundles. */
export const SYNC_BUNDLE_EXTENSION = '.dossier';
/** Most bundle files a listing returns (a shared folder holds one per colleague). */
export const MAX_SYNC_FOLDER_ENTRIES = 1000;

/**
 * Whether `name`, read from the shared folder or asked for by the renderer, is a bundle file
 * Dossier may touch there: a plain file name that `safeFileName` leaves as it is (no path, no
 * `..`, no control characters, no hidden file), ending in `.dossier`. Temporary and partial
 * files — atomic writes' `.name.random.dossier-tmp`, Chromium's `name.crswap`, a sync client's
 * `name.dossier.partial` — do not match, so they are never read half-written.
 */
export function isSyncBundleName(name: string): boolean {
  return (
    typeof name === 'string' &&
    name.length > SYNC_BUNDLE_EXTENSION.length &&
    name.endsWith(SYNC_BUNDLE_EXTENSION) &&
    !name.startsWith('.') &&
    !name.startsWith('~') &&
    safeFileName(name) === name
  );
}

export const syncFolderIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a folder id');
export const syncBundleNameSchema = z
  .string()
  .min(1)
  .max(255)
  .refine(isSyncBundleName, 'not a bundle file name in the shared folder');

export const syncFolderPickRequestSchema = z.object({ title: z.string().max(200).optional() }).strict();
export type SyncFolderPickRequest = z.infer<typeof syncFolderPickRequestSchema>;
export const syncFolderRefSchema = z.object({ folderId: syncFolderIdSchema }).strict();
export const syncFolderReadRequestSchema = z
  .object({ folderId: syncFolderIdSchema, name: syncBundleNameSchema })
  .strict();
export const syncFolderWriteRequestSchema = z
  .object({
    folderId: syncFolderIdSchema,
    name: syncBundleNameSchema,
    bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_BRIDGE_FILE_BYTES, 'file too large'),
  })
  .strict();
export type SyncFolderWriteRequest = z.infer<typeof syncFolderWriteRequestSchema>;
export const syncFolderChangedSchema = z.object({ folderId: syncFolderIdSchema }).strict();
export type SyncFolderChanged = z.infer<typeof syncFolderChangedSchema>;

/** The folder the analyst picked. */
export interface SyncFolderInfo {
  /** Opaque; changes whenever another folder is picked. */
  id: string;
  /** The folder's own name, for the status line. */
  name: string;
  /** Where it is, in words the analyst recognises (the full path on the desktop; the name on the web). */
  location: string;
}

/** One bundle file in the folder. */
export interface SyncFolderEntry {
  name: string;
  size: number;
  /** Last modification, in ms since the epoch. */
  mtimeMs: number;
}

/** Why a shared-folder request failed. `message` is English, for logs; show the analyst a text chosen by `code`. */
export const SYNC_FOLDER_ERROR_CODES = [
  /** No folder is chosen, or another one was chosen since (the id is stale). */
  'no-folder',
  /** The folder cannot be reached (a network drive offline, the folder removed or renamed). */
  'unavailable',
  /** The browser holds the folder but needs the analyst's permission again (a click). */
  'permission',
  'not-found',
  'not-a-file',
  'too-large',
  'unreadable',
  'write-failed',
] as const;
export type SyncFolderErrorCode = (typeof SYNC_FOLDER_ERROR_CODES)[number];
export interface SyncFolderError {
  ok: false;
  code: SyncFolderErrorCode;
  message: string;
}

export type SyncFolderListResult = { ok: true; entries: SyncFolderEntry[] } | SyncFolderError;
export type SyncFolderReadResult = { ok: true; entry: SyncFolderEntry; bytes: Uint8Array } | SyncFolderError;
export type SyncFolderWriteResult = { ok: true; entry: SyncFolderEntry } | SyncFolderError;
/** Whether the folder may be used now; the web build asks again after a reload ('prompt': a click must call `requestAccess`). */
export type SyncFolderAccess = 'granted' | 'prompt' | 'denied';

export interface SyncFolderApi {
  /** Whether this platform has a shared folder (the web build needs the File System Access API). */
  readonly supported: boolean;
  /** The folder chosen before (it survives restarts), or null. It may be unreachable now. */
  current(): Promise<SyncFolderInfo | null>;
  /** Lets the analyst pick the folder; it replaces the previous one. Null when cancelled. Call from a click. */
  pick(request?: SyncFolderPickRequest): Promise<SyncFolderInfo | null>;
  /** Forgets the folder and stops watching it (the files stay). */
  forget(): Promise<void>;
  access(folderId: string): Promise<SyncFolderAccess>;
  /** Asks for access again (web: the browser's prompt; call from a click). */
  requestAccess(folderId: string): Promise<SyncFolderAccess>;
  /** The bundle files in the folder (see isSyncBundleName), by name. */
  list(folderId: string): Promise<SyncFolderListResult>;
  /** Reads one bundle (at most MAX_BRIDGE_FILE_BYTES; never a link or anything outside the folder). */
  read(folderId: string, name: string): Promise<SyncFolderReadResult>;
  /** Writes (replaces atomically) one bundle file of the folder. */
  write(request: SyncFolderWriteRequest): Promise<SyncFolderWriteResult>;
  /**
   * Calls `listener` when the folder's bundles may have changed: watched by the desktop's main
   * process (debounced, with a periodic rescan, since network drives send no watch events), polled
   * on the web. Returns the unsubscribe function.
   */
  onChange(listener: (folderId: string) => void): () => void;
}
