// Builds dist/electron's two bundles with the real build script (into a temp dir) and runs them
// against a fake 'electron' module: main.ts's wiring and the sandboxed preload are exercised
// without an Electron binary.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../../build/scripts/build-electron.mjs';
import { CHANNELS, type DossierBridge } from '../../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const nodeRequire = createRequire(import.meta.url);
let outDir: string;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'dossier-bundles-'));
  outDir = path.join(root, 'electron');
  await buildElectron({ outDir });
  await mkdir(path.join(root, 'renderer'));
  await writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><title>Dossier</title>');
  await mkdir(path.join(root, 'tmp'));
}, 60_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs a CJS bundle with `require` limited to `modules` (plus Node built-ins when allowed). */
async function runBundle(file: string, modules: Record<string, unknown>, allowNode: boolean): Promise<void> {
  const code = await readFile(file, 'utf8');
  const module = { exports: {} };
  const limitedRequire = (id: string): unknown => {
    if (id in modules) return modules[id];
    if (allowNode && id.startsWith('node:')) return nodeRequire(id);
    throw new Error(`require('${id}') is not available here`);
  };
  new Function('require', 'module', 'exports', '__dirname', '__filename', code)(
    limitedRequire,
    module,
    module.exports,
    path.dirname(file),
    file,
  );
}

type Handler = (...args: never[]) => unknown;

function fakeMainElectron() {
  const appEvents = new Map<string, Handler>();
  const order: string[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const windows: FakeWindow[] = [];
  class FakeWindow {
    url = '';
    webContents = { send: vi.fn(), printToPDF: vi.fn(async () => new TextEncoder().encode('%PDF-1.7\n%%EOF')) };
    destroyed = false;
    destroy() {
      this.destroyed = true;
    }
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    on() {}
    isDestroyed() {
      return this.destroyed;
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    setBackgroundColor() {}
    static getAllWindows = () => windows;
    static getFocusedWindow = () => windows[0] ?? null;
    static fromWebContents = () => null;
  }
  const ipcHandlers = new Map<string, Handler>();
  const printSession = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  const electron = {
    app: {
      on: (event: string, handler: Handler) => appEvents.set(event, handler),
      enableSandbox: vi.fn(() => order.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: () => ready,
      isReady: () => true,
      quit: vi.fn(),
      isPackaged: false,
      getLocale: () => 'zh-CN',
      getName: () => 'Dossier',
      getVersion: () => '0.1.0',
      getPath: (name: string) => (name === 'temp' ? path.join(root, 'tmp') : '/home/a/Documents'),
      setAppUserModelId: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
      handle: vi.fn(),
    },
    ipcMain: { handle: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler) },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    nativeTheme: { shouldUseDarkColors: true, on: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      },
      // The print windows' own session (electron/print-pdf.ts).
      fromPartition: vi.fn((_partition: string) => printSession),
    },
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(async (_filePath: string) => '') },
    BrowserWindow: FakeWindow,
  };
  return { electron, appEvents, order, markReady, windows, ipcHandlers };
}

describe('dist/electron/main.cjs', () => {
  it('wires protocol, window, IPC, menu, session and web-contents hardening', async () => {
    const fake = fakeMainElectron();
    await runBundle(path.join(outDir, 'main.cjs'), { electron: fake.electron }, true);

    // Before ready: the privileged scheme, the sandbox, the single-instance lock, open-file.
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(fake.order).toEqual(['registerSchemesAsPrivileged', 'enableSandbox']);
    expect(fake.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect([...fake.appEvents.keys()]).toEqual(
      expect.arrayContaining(['open-file', 'second-instance', 'web-contents-created', 'window-all-closed', 'activate']),
    );
    expect(fake.electron.protocol.handle).not.toHaveBeenCalled();

    fake.markReady();
    await new Promise((resolve) => setTimeout(resolve, 0));

    // The protocol serves ../renderer relative to the bundle, with the CSP.
    const [scheme, serve] = fake.electron.protocol.handle.mock.calls[0] as unknown as [
      string,
      (request: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const page = await serve(new Request('app://dossier/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    // One window, secure, loading our origin, with the preload beside main.cjs.
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.url).toBe('app://dossier/index.html');
    expect(window.options).toMatchObject({
      title: 'Dossier',
      backgroundColor: '#16181c',
      webPreferences: {
        preload: path.join(outDir, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      },
    });

    // IPC: the invoke channels, sender-checked.
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(
      [
        CHANNELS.appInfo,
        CHANNELS.openFiles,
        CHANNELS.takeOpenedFiles,
        CHANNELS.saveFile,
        CHANNELS.openOriginal,
        CHANNELS.printToPdf,
        CHANNELS.syncFolderCurrent,
        CHANNELS.syncFolderPick,
        CHANNELS.syncFolderForget,
        CHANNELS.syncFolderList,
        CHANNELS.syncFolderRead,
        CHANNELS.syncFolderWrite,
      ].sort(),
    );
    const appInfo = fake.ipcHandlers.get(CHANNELS.appInfo) as (event: unknown) => Promise<unknown>;
    const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent }, sender: {} });
    await expect(appInfo(event('app://dossier/index.html'))).resolves.toMatchObject({
      name: 'Dossier',
      version: '0.1.0',
      platform: 'desktop',
    });
    await expect(appInfo(event('https://evil.example/'))).rejects.toThrow(/foreign sender/);
    await expect(appInfo(event('app://dossier/index.html', { url: 'x' }))).rejects.toThrow(/foreign sender/);

    // Open original: a copy under <temp>/dossier-originals, handed to shell.openPath.
    const openOriginal = fake.ipcHandlers.get(CHANNELS.openOriginal) as (event: unknown, ...args: unknown[]) => unknown;
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    await expect(openOriginal(event('app://dossier/index.html'), { name: 'a/plan.pdf', bytes: pdf })).resolves.toEqual({
      ok: true,
    });
    const opened = fake.electron.shell.openPath.mock.calls[0]![0];
    expect(path.dirname(path.dirname(opened))).toBe(path.join(root, 'tmp', 'dossier-originals'));
    expect(path.basename(opened)).toBe('plan.pdf');
    expect(new Uint8Array(await readFile(opened))).toEqual(pdf);
    await expect(openOriginal(event('https://evil.example/'), { name: 'a.pdf', bytes: pdf })).rejects.toThrow(
      /foreign sender/,
    );
    await expect(openOriginal(event('app://dossier/index.html'), { name: 'a.pdf', bytes: [1] })).rejects.toThrow(
      /invalid request/,
    );
    expect(fake.electron.shell.openPath).toHaveBeenCalledTimes(1);

    // Print to PDF: a hidden window without JavaScript in the print session; a cancelled dialog saves nothing.
    expect(fake.electron.session.fromPartition).toHaveBeenCalledWith('dossier-print');
    fake.electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true });
    const print = fake.ipcHandlers.get(CHANNELS.printToPdf) as (event: unknown, ...args: unknown[]) => unknown;
    await expect(
      print(event('app://dossier/index.html'), { html: '<p>简报</p>', suggestedName: 'b.pdf' }),
    ).resolves.toEqual({
      saved: false,
    });
    const printWindow = fake.windows.at(-1)!;
    expect(printWindow.options).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, partition: 'dossier-print' },
    });
    expect(printWindow.url).toMatch(/^file:\/\/.*dossier-print-[^/]+\/document\.html$/);
    expect(printWindow.destroyed).toBe(true);
    fake.windows.pop();

    // The menu, in Chinese for zh-CN; a click sends the command to the focused window.
    const menu = fake.electron.Menu.setApplicationMenu.mock.calls[0]![0] as {
      template: Array<{ label: string; submenu: Array<{ id?: string; click?: Handler }> }>;
    };
    expect(menu.template[0]!.label).toBe('文件');
    (menu.template[0]!.submenu[0]!.click as (...args: unknown[]) => void)({}, window, {});
    expect(window.webContents.send).toHaveBeenCalledWith(CHANNELS.menuCommand, 'import');

    // A bundle double-clicked while the app runs (macOS 'open-file'): the window is told, and the page takes it once.
    const bundle = path.join(root, 'tmp', '李四.dossier');
    await writeFile(bundle, 'PK…');
    const openFile = fake.appEvents.get('open-file') as unknown as (event: unknown, filePath: string) => void;
    openFile({ preventDefault: vi.fn() }, bundle);
    expect(window.webContents.send).toHaveBeenCalledWith(CHANNELS.filesOpened);
    const take = fake.ipcHandlers.get(CHANNELS.takeOpenedFiles) as (event: unknown) => Promise<{ name: string }[]>;
    expect((await take(event('app://dossier/index.html'))).map((f) => f.name)).toEqual(['李四.dossier']);
    expect(await take(event('app://dossier/index.html'))).toEqual([]);

    // Session: permissions denied, remote requests cancelled.
    const ses = fake.electron.session.defaultSession;
    const requestHandler = ses.setPermissionRequestHandler.mock.calls[0]![0] as unknown as (...args: unknown[]) => void;
    const answer = vi.fn();
    requestHandler({}, 'media', answer, { requestingUrl: 'app://dossier/index.html' });
    expect(answer).toHaveBeenCalledWith(false);
    const [filter, onBefore] = ses.webRequest.onBeforeRequest.mock.calls[0]! as unknown as [
      { urls: string[] },
      (details: unknown, callback: (response: unknown) => void) => void,
    ];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    const cancel = vi.fn();
    onBefore({ url: 'https://tracker.example/' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });

    // Every web contents: no webviews, no navigation away, no new windows.
    const contentsEvents = new Map<string, Handler>();
    let openHandler: ((details: { url: string }) => unknown) | undefined;
    const contents = {
      on: (name: string, handler: Handler) => contentsEvents.set(name, handler),
      setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => (openHandler = handler),
    };
    (fake.appEvents.get('web-contents-created') as (...args: unknown[]) => void)({}, contents);
    const navigate = (name: string, url: string) => {
      const e = { url, preventDefault: vi.fn() };
      (contentsEvents.get(name) as (...args: unknown[]) => void)(e);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://example.org/')).toBe(true);
    expect(navigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://dossier/index.html#/x')).toBe(false);
    expect(navigate('will-attach-webview', 'app://dossier/')).toBe(true);
    expect(openHandler!({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledWith('https://www.gov.cn/');
    expect(openHandler!({ url: 'file:///C:/Windows/System32/calc.exe' })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('quits at once when another instance holds the lock', async () => {
    const fake = fakeMainElectron();
    fake.electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await runBundle(path.join(outDir, 'main.cjs'), { electron: fake.electron }, true);
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.appEvents.has('web-contents-created')).toBe(false);
  });
});

describe('dist/electron/preload.cjs', () => {
  it('runs with only `electron` to require and exposes exactly window.dossier', async () => {
    const exposed = new Map<string, unknown>();
    const ipcRenderer = { invoke: vi.fn(async () => ({ name: 'Dossier' })), on: vi.fn(), removeListener: vi.fn() };
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
      ipcRenderer,
      webUtils: { getPathForFile: () => '/home/a/plan.txt' },
    };
    await runBundle(path.join(outDir, 'preload.cjs'), { electron }, false);

    expect([...exposed.keys()]).toEqual(['dossier']);
    const bridge = exposed.get('dossier') as DossierBridge;
    expect(bridge.platform).toBe('desktop');
    await bridge.appInfo();
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.appInfo);
    const original = { name: 'plan.pdf', bytes: new Uint8Array([37]) };
    await bridge.openOriginal(original);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.openOriginal, original);
    const [dropped] = await bridge.readDroppedFiles([new File(['x'], 'plan.txt')]);
    expect(dropped).toMatchObject({ name: 'plan.txt', path: '/home/a/plan.txt' });
    const unsubscribe = bridge.onMenuCommand(() => {});
    expect(ipcRenderer.on).toHaveBeenCalledWith(CHANNELS.menuCommand, expect.any(Function));
    unsubscribe();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(CHANNELS.menuCommand, ipcRenderer.on.mock.calls[0]![1]);
  });
});
