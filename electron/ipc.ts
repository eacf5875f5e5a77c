// The main-process side of the bridge: one handler per CHANNELS entry. Every message is checked
// before anything happens — the sender must be our own page (app://dossier, top frame) and the
// arguments must match the zod schemas of shared/ipc/contract.ts exactly — otherwise the handler
// throws an IpcRequestError and neither shows a dialog nor touches the disk. Dialogs, the file
// system and app facts are injected, so tests run these without Electron.
import path from 'node:path';
import { z } from 'zod';
import {
  CHANNELS,
  MAX_BRIDGE_FILE_BYTES,
  MAX_BRIDGE_FILES,
  openFilesRequestSchema,
  openOriginalRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  syncFolderPickRequestSchema,
  syncFolderReadRequestSchema,
  syncFolderRefSchema,
  syncFolderWriteRequestSchema,
  type AppInfo,
  type FileFilter,
  type OpenOriginalResult,
  type PickedFile,
  type PrintToPdfResult,
  type SaveResult,
  type SyncFolderInfo,
  type SyncFolderListResult,
  type SyncFolderReadResult,
  type SyncFolderWriteResult,
} from '../shared/ipc/contract';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';
import { openOriginal, type OpenOriginalDeps } from './open-original';
import { printToPdf, type PdfRenderer } from './print-pdf';
import { isAppUrl } from './protocol';
import type { SyncFolderService } from './sync-folder';

/** Who sent a message: the URL of the sending frame, '' when it is not a top-level frame. */
export interface IpcSender {
  url: string;
}

/** The part of node:fs/promises the handlers use. */
export interface BridgeFs extends AtomicWriteFs {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
}

export interface OpenDialogRequest {
  title?: string;
  filters?: FileFilter[];
  properties: Array<'openFile' | 'multiSelections' | 'openDirectory' | 'createDirectory'>;
}
export interface SaveDialogRequest {
  defaultPath: string;
  filters?: FileFilter[];
}

export interface IpcDeps<S extends IpcSender> {
  dialog: {
    showOpenDialog(sender: S, options: OpenDialogRequest): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(sender: S, options: SaveDialogRequest): Promise<{ canceled: boolean; filePath?: string }>;
  };
  fs: BridgeFs;
  appInfo(): AppInfo;
  /** Where the save dialog starts (the Documents folder). */
  defaultSaveDirectory(): string;
  /** The temp folder, shell.openPath and file system that "open original" uses. */
  originals: OpenOriginalDeps;
  /** Renders HTML to PDF in a hidden window (print-pdf.ts); without it printToPdf is refused. */
  pdf?: PdfRenderer;
  /** The shared folder (sync-folder.ts); without it the syncFolder channels are refused. */
  syncFolder?: SyncFolderService;
  /** Paths the OS opened with Dossier (launch-files.ts OpenedBundles); each is taken once. */
  openedFiles?: { take(): string[] };
  platform?: NodeJS.Platform;
}

export interface IpcHandlers<S extends IpcSender> {
  openFiles(sender: S, ...args: unknown[]): Promise<PickedFile[]>;
  takeOpenedFiles(sender: S, ...args: unknown[]): Promise<PickedFile[]>;
  saveFile(sender: S, ...args: unknown[]): Promise<SaveResult>;
  appInfo(sender: S, ...args: unknown[]): Promise<AppInfo>;
  openOriginal(sender: S, ...args: unknown[]): Promise<OpenOriginalResult>;
  printToPdf(sender: S, ...args: unknown[]): Promise<PrintToPdfResult>;
  syncFolderCurrent(sender: S, ...args: unknown[]): Promise<SyncFolderInfo | null>;
  syncFolderPick(sender: S, ...args: unknown[]): Promise<SyncFolderInfo | null>;
  syncFolderForget(sender: S, ...args: unknown[]): Promise<void>;
  syncFolderList(sender: S, ...args: unknown[]): Promise<SyncFolderListResult>;
  syncFolderRead(sender: S, ...args: unknown[]): Promise<SyncFolderReadResult>;
  syncFolderWrite(sender: S, ...args: unknown[]): Promise<SyncFolderWriteResult>;
}

/** A refused IPC message; its message names the channel and the reason. */
export class IpcRequestError extends Error {
  constructor(
    readonly channel: string,
    reason: string,
  ) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRequestError';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : 'request';
      const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
      return `${where}: ${issue.message}${keys}`;
    })
    .join('; ');
}

export function assertAppSender(channel: string, sender: IpcSender | undefined): void {
  if (!sender || typeof sender.url !== 'string' || !isAppUrl(sender.url)) {
    throw new IpcRequestError(channel, `refused a message from a foreign sender (${String(sender?.url || 'unknown')})`);
  }
}

/** Checks the argument count and the one argument against `schema`. */
export function parseSingleArgument<T>(channel: string, schema: z.ZodType<T>, args: readonly unknown[]): T {
  if (args.length !== 1) throw new IpcRequestError(channel, `expected 1 argument, got ${args.length}`);
  const result = schema.safeParse(args[0]);
  if (!result.success) throw new IpcRequestError(channel, `invalid request: ${describeIssues(result.error)}`);
  return result.data;
}

/** A view that owns its whole buffer, so structured cloning sends these bytes and nothing more. */
function ownBytes(data: Uint8Array): Uint8Array {
  if (
    data.byteOffset === 0 &&
    data.byteLength === data.buffer.byteLength &&
    !(data.buffer instanceof SharedArrayBuffer)
  ) {
    return new Uint8Array(data.buffer, 0, data.byteLength);
  }
  return new Uint8Array(data);
}

function refusal(filePath: string, code: NonNullable<PickedFile['error']>['code'], message: string): PickedFile {
  return { name: path.basename(filePath), path: filePath, bytes: new Uint8Array(0), error: { code, message } };
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads one chosen file, or describes why not (never throws). */
export async function readPickedFile(fs: BridgeFs, filePath: string): Promise<PickedFile> {
  try {
    const stats = await fs.stat(filePath);
    if (!stats.isFile()) return refusal(filePath, 'not-a-file', 'not a regular file');
    if (stats.size > MAX_BRIDGE_FILE_BYTES) {
      return refusal(
        filePath,
        'too-large',
        `${megabytes(stats.size)} is over the ${megabytes(MAX_BRIDGE_FILE_BYTES)} limit`,
      );
    }
    const data = await fs.readFile(filePath);
    if (data.byteLength > MAX_BRIDGE_FILE_BYTES) {
      return refusal(
        filePath,
        'too-large',
        `${megabytes(data.byteLength)} is over the ${megabytes(MAX_BRIDGE_FILE_BYTES)} limit`,
      );
    }
    return { name: path.basename(filePath), path: filePath, bytes: ownBytes(data) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return refusal(filePath, 'unreadable', code ? `could not be read (${code})` : 'could not be read');
  }
}

/** Reads files one after another (bounded memory); those past MAX_BRIDGE_FILES are refused unread. */
export async function readPickedFiles(fs: BridgeFs, filePaths: readonly string[]): Promise<PickedFile[]> {
  const files: PickedFile[] = [];
  for (const [index, filePath] of filePaths.entries()) {
    files.push(
      index < MAX_BRIDGE_FILES
        ? await readPickedFile(fs, filePath)
        : refusal(filePath, 'too-many-files', `only ${MAX_BRIDGE_FILES} files can be imported at once`),
    );
  }
  return files;
}

export function createIpcHandlers<S extends IpcSender>(deps: IpcDeps<S>): IpcHandlers<S> {
  const noArguments = (channel: string, args: readonly unknown[]) => {
    if (args.length !== 0) throw new IpcRequestError(channel, `expected no arguments, got ${args.length}`);
  };
  const syncFolder = (channel: string): SyncFolderService => {
    if (!deps.syncFolder) throw new IpcRequestError(channel, 'the shared folder is not available');
    return deps.syncFolder;
  };
  return {
    async openFiles(sender, ...args) {
      const channel = CHANNELS.openFiles;
      assertAppSender(channel, sender);
      const request = parseSingleArgument(channel, openFilesRequestSchema, args);
      const result = await deps.dialog.showOpenDialog(sender, {
        ...(request.title !== undefined && { title: request.title }),
        ...(request.filters !== undefined && { filters: request.filters }),
        properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      if (result.canceled || result.filePaths.length === 0) return [];
      const chosen = request.multiple ? result.filePaths : result.filePaths.slice(0, 1);
      return readPickedFiles(deps.fs, chosen);
    },

    async takeOpenedFiles(sender, ...args) {
      const channel = CHANNELS.takeOpenedFiles;
      assertAppSender(channel, sender);
      noArguments(channel, args);
      // Read with the same limits as a file picked in the open dialog; refusals come back as entries.
      return readPickedFiles(deps.fs, deps.openedFiles?.take() ?? []);
    },

    async saveFile(sender, ...args) {
      const channel = CHANNELS.saveFile;
      assertAppSender(channel, sender);
      const request = parseSingleArgument(channel, saveFileRequestSchema, args);
      if (request.suggestedName === '.' || request.suggestedName === '..') {
        throw new IpcRequestError(channel, 'invalid request: suggestedName: a file name, not a path');
      }
      const result = await deps.dialog.showSaveDialog(sender, {
        defaultPath: path.join(deps.defaultSaveDirectory(), request.suggestedName),
        ...(request.filters !== undefined && { filters: request.filters }),
      });
      if (result.canceled || !result.filePath) return { saved: false };
      if (!path.isAbsolute(result.filePath))
        throw new IpcRequestError(channel, 'the save dialog returned a relative path');
      await writeFileAtomic(deps.fs, result.filePath, request.bytes, { platform: deps.platform ?? process.platform });
      return { saved: true, location: result.filePath };
    },

    async appInfo(sender, ...args) {
      const channel = CHANNELS.appInfo;
      assertAppSender(channel, sender);
      if (args.length !== 0) throw new IpcRequestError(channel, `expected no arguments, got ${args.length}`);
      return deps.appInfo();
    },

    async openOriginal(sender, ...args) {
      const channel = CHANNELS.openOriginal;
      assertAppSender(channel, sender);
      const request = parseSingleArgument(channel, openOriginalRequestSchema, args);
      return openOriginal(deps.originals, request);
    },

    async printToPdf(sender, ...args) {
      const channel = CHANNELS.printToPdf;
      assertAppSender(channel, sender);
      const request = parseSingleArgument(channel, printToPdfRequestSchema, args);
      if (!deps.pdf) throw new IpcRequestError(channel, 'printing to PDF is not available');
      return printToPdf(
        {
          render: deps.pdf,
          showSaveDialog: (to, options) => deps.dialog.showSaveDialog(to, options),
          fs: deps.fs,
          defaultSaveDirectory: deps.defaultSaveDirectory,
          platform: deps.platform,
        },
        sender,
        request,
      );
    },

    async syncFolderCurrent(sender, ...args) {
      const channel = CHANNELS.syncFolderCurrent;
      assertAppSender(channel, sender);
      noArguments(channel, args);
      return syncFolder(channel).current();
    },

    // The only way a folder reaches main: the analyst picks it in main's own dialog.
    async syncFolderPick(sender, ...args) {
      const channel = CHANNELS.syncFolderPick;
      assertAppSender(channel, sender);
      const request = parseSingleArgument(channel, syncFolderPickRequestSchema, args);
      const folders = syncFolder(channel);
      const result = await deps.dialog.showOpenDialog(sender, {
        ...(request.title !== undefined && { title: request.title }),
        properties: ['openDirectory', 'createDirectory'],
      });
      const chosen = result.filePaths[0];
      if (result.canceled || !chosen) return null;
      if (!path.isAbsolute(chosen)) throw new IpcRequestError(channel, 'the folder dialog returned a relative path');
      return folders.choose(chosen);
    },

    async syncFolderForget(sender, ...args) {
      const channel = CHANNELS.syncFolderForget;
      assertAppSender(channel, sender);
      noArguments(channel, args);
      await syncFolder(channel).forget();
    },

    async syncFolderList(sender, ...args) {
      const channel = CHANNELS.syncFolderList;
      assertAppSender(channel, sender);
      const { folderId } = parseSingleArgument(channel, syncFolderRefSchema, args);
      return syncFolder(channel).list(folderId);
    },

    async syncFolderRead(sender, ...args) {
      const channel = CHANNELS.syncFolderRead;
      assertAppSender(channel, sender);
      const { folderId, name } = parseSingleArgument(channel, syncFolderReadRequestSchema, args);
      const result = await syncFolder(channel).read(folderId, name);
      return result.ok ? { ...result, bytes: ownBytes(result.bytes) } : result;
    },

    async syncFolderWrite(sender, ...args) {
      const channel = CHANNELS.syncFolderWrite;
      assertAppSender(channel, sender);
      const { folderId, name, bytes } = parseSingleArgument(channel, syncFolderWriteRequestSchema, args);
      return syncFolder(channel).write(folderId, name, bytes);
    },
  };
}

/** The invoke channels main registers, each with its handler. */
export function registerIpcHandlers<E, S extends IpcSender>(
  ipcMain: { handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void },
  handlers: IpcHandlers<S>,
  senderOf: (event: E) => S,
): void {
  ipcMain.handle(CHANNELS.openFiles, (event, ...args) => handlers.openFiles(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.takeOpenedFiles, (event, ...args) => handlers.takeOpenedFiles(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.saveFile, (event, ...args) => handlers.saveFile(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.appInfo, (event, ...args) => handlers.appInfo(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.openOriginal, (event, ...args) => handlers.openOriginal(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.printToPdf, (event, ...args) => handlers.printToPdf(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.syncFolderCurrent, (event, ...args) => handlers.syncFolderCurrent(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.syncFolderPick, (event, ...args) => handlers.syncFolderPick(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.syncFolderForget, (event, ...args) => handlers.syncFolderForget(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.syncFolderList, (event, ...args) => handlers.syncFolderList(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.syncFolderRead, (event, ...args) => handlers.syncFolderRead(senderOf(event), ...args));
  ipcMain.handle(CHANNELS.syncFolderWrite, (event, ...args) => handlers.syncFolderWrite(senderOf(event), ...args));
}
