// The bridge of the web build: the same interface as the desktop preload, made of
// browser APIs (a file input for the open dialog, a download for saving).
import type {
  DossierBridge,
  MenuCommand,
  OpenFilesRequest,
  PickedFile,
  SaveFileRequest,
} from '../../shared/ipc/contract';
import { browserOpenOriginalDeps, openOriginalInBrowser } from './open-original-web';
import { browserPrintDeps, printInBrowser } from './print-pdf-web';
import { browserSyncFolderDeps, createWebSyncFolder } from './sync-folder-web';

async function readFiles(files: readonly File[]): Promise<PickedFile[]> {
  return Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

function pickFiles(request: OpenFilesRequest): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = request.multiple ?? true;
    const extensions = request.filters?.flatMap((f) => f.extensions).filter((e) => e !== '*') ?? [];
    if (extensions.length) input.accept = extensions.map((e) => `.${e}`).join(',');
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

export function createWebBridge(): DossierBridge {
  const menuListeners = new Set<(command: MenuCommand) => void>();
  return {
    platform: 'web',
    openFiles: async (request) => readFiles(await pickFiles(request)),
    async saveFile(request: SaveFileRequest) {
      const url = URL.createObjectURL(new Blob([request.bytes as BlobPart]));
      const a = document.createElement('a');
      a.href = url;
      a.download = request.suggestedName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return { saved: true, location: `Downloads/${request.suggestedName}` };
    },
    // Synchronous up to window.open, so the click's user activation still allows the tab.
    openOriginal: async (request) => openOriginalInBrowser(request, browserOpenOriginalDeps()),
    readDroppedFiles: readFiles,
    printToPdf: (request) => printInBrowser(request, browserPrintDeps()),
    appInfo: async () => ({ name: 'Dossier', version: __APP_VERSION__, platform: 'web' }),
    // No file association on the web.
    onFilesOpened: () => () => {},
    onMenuCommand(listener) {
      menuListeners.add(listener);
      return () => menuListeners.delete(listener);
    },
    syncFolder: createWebSyncFolder(browserSyncFolderDeps()),
  };
}
