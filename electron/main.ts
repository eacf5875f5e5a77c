// Dossier's main process: wiring only. The logic it wires — the app:// protocol, the window's
// security policy, the IPC handlers, the menu, launch arguments — lives in plain modules next to
// this one, which the unit tests under test/unit/electron exercise without Electron.
import { watch } from 'node:fs';
import {
  lstat,
  mkdir,
  mkdtemp,
  open,
  readFile,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { CHANNELS, type MenuCommand } from '../shared/ipc/contract';
import { createIpcHandlers, registerIpcHandlers, type BridgeFs } from './ipc';
import { bundlePathsFromArgv, OpenedBundles } from './launch-files';
import { buildMenuTemplate } from './menu';
import { createPdfRenderer, PRINT_PARTITION } from './print-pdf';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import {
  BLOCKED_REQUEST_URLS,
  externalLinkTarget,
  isNavigationAllowed,
  isPermissionAllowed,
  mainWindowOptions,
  windowBackground,
} from './security';
import { createSyncFolderService, jsonFileStore, type SyncFolderFs, type SyncFolderService } from './sync-folder';

// Bundled to dist/electron/main.cjs: the preload sits beside it, the renderer in dist/renderer.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');

// Bundles opened through the file association, until the page takes them.
const openedBundles = new OpenedBundles();
openedBundles.add(bundlePathsFromArgv(process.argv, process.cwd()));
let mainWindow: BrowserWindow | null = null;
let syncFolder: SyncFolderService | null = null;

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
app.enableSandbox();

app.on('open-file', (event, filePath) => {
  event.preventDefault();
  if (openedBundles.add([filePath])) tellFilesOpened();
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (openedBundles.add(bundlePathsFromArgv(argv, workingDirectory))) tellFilesOpened();
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    } else if (app.isReady()) {
      createMainWindow();
    }
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('will-quit', () => syncFolder?.close());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  void app.whenReady().then(() => {
    if (process.platform === 'win32') app.setAppUserModelId('app.dossier.reader');
    configureSession();
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: RENDERER_DIR, readFile }));
    registerIpc();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          isPackaged: app.isPackaged,
          locale: app.getLocale(),
          send: sendMenuCommand,
        }),
      ),
    );
    nativeTheme.on('updated', () => {
      for (const window of BrowserWindow.getAllWindows()) {
        window.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors));
      }
    });
    createMainWindow();
  });
}

function configureSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  // No remote content: the CSP already says so; the session enforces it for every request.
  ses.webRequest.onBeforeRequest({ urls: BLOCKED_REQUEST_URLS }, (_details, callback) => callback({ cancel: true }));
}

function hardenWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}

function createMainWindow(): void {
  const window = new BrowserWindow(
    mainWindowOptions({
      preloadPath: PRELOAD_PATH,
      dark: nativeTheme.shouldUseDarkColors,
      isPackaged: app.isPackaged,
    }),
  );
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
}

/** The main window takes the opened files (a window still loading takes them when its page subscribes). */
function tellFilesOpened(): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(CHANNELS.filesOpened);
}

function sendMenuCommand(command: MenuCommand, focused: unknown): void {
  const target = focused instanceof BrowserWindow ? focused : (BrowserWindow.getFocusedWindow() ?? mainWindow);
  if (target && !target.isDestroyed()) target.webContents.send(CHANNELS.menuCommand, command);
  else createMainWindow();
}

interface MainSender {
  url: string;
  window: BrowserWindow | null;
}

/** The shared folder: remembered in the app's data folder, watched while the app runs; windows hear of changes. */
function createSyncFolder(): SyncFolderService {
  const fs: SyncFolderFs = { readdir, lstat, stat, realpath, open, rename, unlink };
  return createSyncFolderService({
    fs,
    store: jsonFileStore({ open, rename, unlink, readFile }, path.join(app.getPath('userData'), 'sync-folder.json')),
    watch: (folder, onEvent, onError) => {
      const watcher = watch(folder, { persistent: false }, onEvent);
      watcher.on('error', onError);
      return watcher;
    },
    onChange: (folderId) => {
      for (const window of BrowserWindow.getAllWindows()) {
        if (!window.isDestroyed()) window.webContents.send(CHANNELS.syncFolderChanged, { folderId });
      }
    },
  });
}

function registerIpc(): void {
  const fs: BridgeFs = { stat, readFile, open, rename, unlink };
  syncFolder = createSyncFolder();
  const handlers = createIpcHandlers<MainSender>({
    dialog: {
      showOpenDialog: (sender, options) =>
        sender.window ? dialog.showOpenDialog(sender.window, options) : dialog.showOpenDialog(options),
      showSaveDialog: (sender, options) =>
        sender.window ? dialog.showSaveDialog(sender.window, options) : dialog.showSaveDialog(options),
    },
    fs,
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: 'desktop',
      versions: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
    }),
    defaultSaveDirectory: () => app.getPath('documents'),
    originals: {
      tempDir: app.getPath('temp'),
      openPath: (filePath) => shell.openPath(filePath),
      fs: { open, rename, unlink, mkdir, lstat, readdir: (dir) => readdir(dir), rm },
    },
    pdf: createPdfRenderer({
      session: session.fromPartition(PRINT_PARTITION),
      createWindow: (options) => new BrowserWindow(options),
      tempDir: app.getPath('temp'),
      fs: { mkdtemp, writeFile, rm },
    }),
    syncFolder,
    openedFiles: openedBundles,
  });
  registerIpcHandlers(ipcMain, handlers, (event: IpcMainInvokeEvent): MainSender => {
    // Only a top-level frame speaks for the page; an (impossible, frame-src 'none') subframe does not.
    const frame = event.senderFrame;
    return {
      url: frame && frame.parent === null ? frame.url : '',
      window: BrowserWindow.fromWebContents(event.sender),
    };
  });
}
