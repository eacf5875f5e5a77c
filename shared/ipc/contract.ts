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

export interface AppInfo {
  name: string;
  version: string;
  platform: 'desktop' | 'web';
  /** Electron, Chromium and Node versions on the desktop. */
  versions?: Record<string, string>;
}

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = ['import', 'export', 'library', 'find', 'toggle-sidebar', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const menuCommandSchema = z.enum(MENU_COMMANDS);

/** IPC channel names: one place, so main, preload and tests agree. */
export const CHANNELS = {
  openFiles: 'dossier:open-files',
  saveFile: 'dossier:save-file',
  appInfo: 'dossier:app-info',
  menuCommand: 'dossier:menu-command',
} as const;

/** What the renderer may ask of the platform. */
export interface DossierBridge {
  readonly platform: 'desktop' | 'web';
  /** Show an open-file dialog; resolves to the chosen files' bytes, or [] when cancelled. */
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  /** Save bytes to a file the analyst chooses (desktop) or download it (web). */
  saveFile(request: SaveFileRequest): Promise<SaveResult>;
  /** Read files dropped on the window. */
  readDroppedFiles(files: readonly File[]): Promise<PickedFile[]>;
  appInfo(): Promise<AppInfo>;
  /** Subscribe to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

/** Extensions Dossier imports (lower case, without the dot). */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'markdown', 'html', 'htm'] as const;
