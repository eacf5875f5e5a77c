// The desktop implementation of DossierBridge, built from an ipcRenderer and webUtils that the
// preload passes in (tests pass fakes). It forwards to the main process and reads dropped files
// itself; main validates every message again. Exposed to the page as `window.dossier`.
import {
  CHANNELS,
  MAX_BRIDGE_FILE_BYTES,
  MAX_BRIDGE_FILES,
  menuCommandSchema,
  syncFolderChangedSchema,
  type AppInfo,
  type DossierBridge,
  type MenuCommand,
  type OpenFilesRequest,
  type OpenOriginalRequest,
  type OpenOriginalResult,
  type PickedFile,
  type PrintToPdfRequest,
  type PrintToPdfResult,
  type SaveFileRequest,
  type SaveResult,
  type SyncFolderApi,
  type SyncFolderInfo,
  type SyncFolderListResult,
  type SyncFolderPickRequest,
  type SyncFolderReadResult,
  type SyncFolderWriteRequest,
  type SyncFolderWriteResult,
} from '../shared/ipc/contract';

/** The global name the preload exposes the bridge under: `window.dossier`. */
export const BRIDGE_GLOBAL = 'dossier';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** webUtils.getPathForFile: the file's path on disk, '' for files not backed by one. */
export type PathForFile = (file: File) => string;

function refused(
  file: { name: string },
  path: string | undefined,
  code: NonNullable<PickedFile['error']>['code'],
  message: string,
): PickedFile {
  return { name: file.name, bytes: new Uint8Array(0), ...(path ? { path } : {}), error: { code, message } };
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads dropped files one after another, with the same limits as the open dialog. */
export async function readDroppedFiles(files: readonly File[], pathForFile: PathForFile): Promise<PickedFile[]> {
  const picked: PickedFile[] = [];
  for (const [index, file] of Array.from(files).entries()) {
    let path: string | undefined;
    try {
      path = pathForFile(file) || undefined;
    } catch {
      path = undefined;
    }
    if (index >= MAX_BRIDGE_FILES) {
      picked.push(refused(file, path, 'too-many-files', `only ${MAX_BRIDGE_FILES} files can be imported at once`));
    } else if (file.size > MAX_BRIDGE_FILE_BYTES) {
      picked.push(
        refused(
          file,
          path,
          'too-large',
          `${megabytes(file.size)} is over the ${megabytes(MAX_BRIDGE_FILE_BYTES)} limit`,
        ),
      );
    } else {
      try {
        // A dropped folder is a File whose read fails.
        const bytes = new Uint8Array(await file.arrayBuffer());
        picked.push({ name: file.name, bytes, ...(path ? { path } : {}) });
      } catch {
        picked.push(refused(file, path, 'unreadable', 'could not be read (a folder, or removed since the drop)'));
      }
    }
  }
  return picked;
}

/** The shared folder: main holds the folder and watches it; the page names it by its id. */
export function createDesktopSyncFolder(ipc: BridgeIpc) {
  return {
    supported: true,
    current: () => ipc.invoke(CHANNELS.syncFolderCurrent) as Promise<SyncFolderInfo | null>,
    pick: (request: SyncFolderPickRequest = {}) =>
      ipc.invoke(CHANNELS.syncFolderPick, request) as Promise<SyncFolderInfo | null>,
    forget: async () => {
      await ipc.invoke(CHANNELS.syncFolderForget);
    },
    // Main may always use the folder it picked; whether it is reachable is for list to say.
    access: async (_folderId: string) => 'granted' as const,
    requestAccess: async (_folderId: string) => 'granted' as const,
    list: (folderId: string) => ipc.invoke(CHANNELS.syncFolderList, { folderId }) as Promise<SyncFolderListResult>,
    read: (folderId: string, name: string) =>
      ipc.invoke(CHANNELS.syncFolderRead, { folderId, name }) as Promise<SyncFolderReadResult>,
    write: (request: SyncFolderWriteRequest) =>
      ipc.invoke(CHANNELS.syncFolderWrite, request) as Promise<SyncFolderWriteResult>,
    onChange(listener: (folderId: string) => void): () => void {
      const forward = (_event: unknown, message: unknown): void => {
        const parsed = syncFolderChangedSchema.safeParse(message);
        if (parsed.success) listener(parsed.data.folderId);
      };
      ipc.on(CHANNELS.syncFolderChanged, forward);
      return () => {
        ipc.removeListener(CHANNELS.syncFolderChanged, forward);
      };
    },
  } as const satisfies SyncFolderApi;
}

export function createDesktopBridge(ipc: BridgeIpc, pathForFile: PathForFile) {
  return {
    platform: 'desktop',
    openFiles: (request: OpenFilesRequest) => ipc.invoke(CHANNELS.openFiles, request) as Promise<PickedFile[]>,
    saveFile: (request: SaveFileRequest) => ipc.invoke(CHANNELS.saveFile, request) as Promise<SaveResult>,
    openOriginal: (request: OpenOriginalRequest) =>
      ipc.invoke(CHANNELS.openOriginal, request) as Promise<OpenOriginalResult>,
    readDroppedFiles: (files: readonly File[]) => readDroppedFiles(files, pathForFile),
    appInfo: () => ipc.invoke(CHANNELS.appInfo) as Promise<AppInfo>,
    printToPdf: (request: PrintToPdfRequest) => ipc.invoke(CHANNELS.printToPdf, request) as Promise<PrintToPdfResult>,
    onFilesOpened(listener: (files: PickedFile[]) => void): () => void {
      // Main only says "files were opened"; the files are taken (once) with their bytes.
      const take = (): void => {
        void (ipc.invoke(CHANNELS.takeOpenedFiles) as Promise<PickedFile[]>)
          .then((files) => {
            if (files.length > 0) listener(files);
          })
          .catch(() => {});
      };
      ipc.on(CHANNELS.filesOpened, take);
      take();
      return () => {
        ipc.removeListener(CHANNELS.filesOpened, take);
      };
    },
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      // Only the command crosses into the page, never the IPC event (it carries the sender).
      const forward = (_event: unknown, command: unknown): void => {
        const parsed = menuCommandSchema.safeParse(command);
        if (parsed.success) listener(parsed.data);
      };
      ipc.on(CHANNELS.menuCommand, forward);
      return () => {
        ipc.removeListener(CHANNELS.menuCommand, forward);
      };
    },
    syncFolder: createDesktopSyncFolder(ipc),
  } as const satisfies DossierBridge;
}
