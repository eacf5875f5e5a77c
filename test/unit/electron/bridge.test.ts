import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, createDesktopBridge, readDroppedFiles, type BridgeIpc } from '../../../electron/bridge';
import { CHANNELS, MAX_BRIDGE_FILE_BYTES, MAX_BRIDGE_FILES, type DossierBridge } from '../../../shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: vi.fn<BridgeIpc['invoke']>(async (channel) => ({ channel })),
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
    emit: (channel: string, ...args: unknown[]) => {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, ...args);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
  return ipc;
}

describe('desktop bridge (the preload object, window.dossier)', () => {
  it('is exposed as window.dossier and implements DossierBridge', () => {
    const bridge: DossierBridge = createDesktopBridge(fakeIpc(), () => '');
    expect(BRIDGE_GLOBAL).toBe('dossier');
    expect(bridge.platform).toBe('desktop');
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'appInfo',
        'onFilesOpened',
        'onMenuCommand',
        'openFiles',
        'openOriginal',
        'platform',
        'printToPdf',
        'readDroppedFiles',
        'saveFile',
        'syncFolder',
      ].sort(),
    );
    // contextBridge copies own properties only: every method must be one.
    for (const key of [
      'appInfo',
      'onMenuCommand',
      'openFiles',
      'openOriginal',
      'printToPdf',
      'readDroppedFiles',
      'saveFile',
    ] as const) {
      expect(Object.hasOwn(bridge, key) && typeof bridge[key]).toBe('function');
    }
    for (const key of [
      'current',
      'pick',
      'forget',
      'access',
      'requestAccess',
      'list',
      'read',
      'write',
      'onChange',
    ] as const) {
      expect(Object.hasOwn(bridge.syncFolder, key) && typeof bridge.syncFolder[key]).toBe('function');
    }
    expect(bridge.syncFolder.supported).toBe(true);
  });

  it('forwards requests to their channels', async () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc, () => '');
    const bytes = new Uint8Array([1]);
    await bridge.openFiles({ multiple: true });
    await bridge.saveFile({ suggestedName: 'a.md', bytes });
    await bridge.appInfo();
    await bridge.openOriginal({ name: 'plan.pdf', bytes });
    expect(ipc.invoke.mock.calls).toEqual([
      [CHANNELS.openFiles, { multiple: true }],
      [CHANNELS.saveFile, { suggestedName: 'a.md', bytes }],
      [CHANNELS.appInfo],
      [CHANNELS.openOriginal, { name: 'plan.pdf', bytes }],
    ]);
  });

  it('delivers valid menu commands only, without the IPC event, until unsubscribed', () => {
    const ipc = fakeIpc();
    const bridge = createDesktopBridge(ipc, () => '');
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args) => received.push(args));
    ipc.emit(CHANNELS.menuCommand, 'import');
    ipc.emit(CHANNELS.menuCommand, 'rm -rf');
    ipc.emit(CHANNELS.menuCommand, { command: 'find' });
    ipc.emit(CHANNELS.menuCommand, 'toggle-sidebar');
    expect(received).toEqual([['import'], ['toggle-sidebar']]);
    expect(ipc.count(CHANNELS.menuCommand)).toBe(1);
    unsubscribe();
    ipc.emit(CHANNELS.menuCommand, 'find');
    expect(received).toHaveLength(2);
    expect(ipc.count(CHANNELS.menuCommand)).toBe(0);
  });
});

describe('desktop bridge: files the OS opened', () => {
  it('takes the waiting files on subscribing and again when main says more were opened', async () => {
    const ipc = fakeIpc();
    const batches = [[], [{ name: 'a.dossier', bytes: new Uint8Array([1]) }]];
    ipc.invoke.mockImplementation(async () => batches.shift() ?? []);
    const heard: unknown[] = [];
    const stop = createDesktopBridge(ipc, () => '').onFilesOpened((files) => heard.push(files.map((f) => f.name)));
    await vi.waitFor(() => expect(ipc.invoke).toHaveBeenCalledTimes(1));
    ipc.emit(CHANNELS.filesOpened, 'ignored payload');
    await vi.waitFor(() => expect(heard).toEqual([['a.dossier']]));
    expect(ipc.invoke.mock.calls).toEqual([[CHANNELS.takeOpenedFiles], [CHANNELS.takeOpenedFiles]]);
    stop();
    expect(ipc.count(CHANNELS.filesOpened)).toBe(0);
  });
});

describe('desktop bridge: the shared folder', () => {
  it('forwards to the syncFolder channels, naming the folder by its id only', async () => {
    const ipc = fakeIpc();
    const { syncFolder } = createDesktopBridge(ipc, () => '');
    const bytes = new Uint8Array([1]);
    await syncFolder.current();
    await syncFolder.pick();
    await syncFolder.list('folder-id-1');
    await syncFolder.read('folder-id-1', 'li.dossier');
    await syncFolder.write({ folderId: 'folder-id-1', name: 'me.dossier', bytes });
    await syncFolder.forget();
    expect(ipc.invoke.mock.calls).toEqual([
      [CHANNELS.syncFolderCurrent],
      [CHANNELS.syncFolderPick, {}],
      [CHANNELS.syncFolderList, { folderId: 'folder-id-1' }],
      [CHANNELS.syncFolderRead, { folderId: 'folder-id-1', name: 'li.dossier' }],
      [CHANNELS.syncFolderWrite, { folderId: 'folder-id-1', name: 'me.dossier', bytes }],
      [CHANNELS.syncFolderForget],
    ]);
    expect(await syncFolder.access('folder-id-1')).toBe('granted');
  });

  it('delivers valid change notices only, without the IPC event, until unsubscribed', () => {
    const ipc = fakeIpc();
    const { syncFolder } = createDesktopBridge(ipc, () => '');
    const received: unknown[][] = [];
    const unsubscribe = syncFolder.onChange((...args) => received.push(args));
    ipc.emit(CHANNELS.syncFolderChanged, { folderId: 'folder-id-1' });
    ipc.emit(CHANNELS.syncFolderChanged, { folderId: '../x' });
    ipc.emit(CHANNELS.syncFolderChanged, { folderId: 'folder-id-1', path: '/etc' });
    ipc.emit(CHANNELS.syncFolderChanged, 'folder-id-1');
    expect(received).toEqual([['folder-id-1']]);
    unsubscribe();
    ipc.emit(CHANNELS.syncFolderChanged, { folderId: 'folder-id-1' });
    expect(received).toHaveLength(1);
    expect(ipc.count(CHANNELS.syncFolderChanged)).toBe(0);
  });
});

describe('readDroppedFiles', () => {
  it('reads bytes and adds the path on disk when there is one', async () => {
    const onDisk = new File(['十四五'], 'plan.txt');
    const inMemory = new File(['x'], 'pasted.txt');
    const files = await readDroppedFiles([onDisk, inMemory], (file) => (file === onDisk ? '/home/a/plan.txt' : ''));
    expect(files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes)])).toEqual([
      ['plan.txt', '/home/a/plan.txt', '十四五'],
      ['pasted.txt', undefined, 'x'],
    ]);
    expect('path' in files[1]!).toBe(false);
  });

  it('refuses an oversized file without reading it', async () => {
    const big = new File(['x'], 'big.pdf');
    Object.defineProperty(big, 'size', { value: MAX_BRIDGE_FILE_BYTES + 1 });
    const read = vi.spyOn(big, 'arrayBuffer');
    const [file] = await readDroppedFiles([big], () => '/x/big.pdf');
    expect(file).toMatchObject({ name: 'big.pdf', path: '/x/big.pdf', error: { code: 'too-large' } });
    expect(file!.bytes.byteLength).toBe(0);
    expect(read).not.toHaveBeenCalled();
  });

  it('reports a file it cannot read (a dropped folder) and keeps going', async () => {
    const folder = new File([], 'folder');
    folder.arrayBuffer = () => Promise.reject(new DOMException('not readable', 'NotReadableError'));
    const files = await readDroppedFiles([folder, new File(['ok'], 'ok.md')], () => '');
    expect(files.map((f) => f.error?.code ?? 'ok')).toEqual(['unreadable', 'ok']);
  });

  it('refuses files beyond MAX_BRIDGE_FILES', async () => {
    const many = Array.from({ length: MAX_BRIDGE_FILES + 1 }, (_, i) => new File(['x'], `${i}.txt`));
    const files = await readDroppedFiles(many, () => '');
    expect(files.at(-1)!.error?.code).toBe('too-many-files');
    expect(files.filter((f) => f.error)).toHaveLength(1);
  });

  it('survives getPathForFile throwing', async () => {
    const files = await readDroppedFiles([new File(['x'], 'a.txt')], () => {
      throw new Error('not a File');
    });
    expect(files[0]).toMatchObject({ name: 'a.txt' });
    expect(files[0]!.path).toBeUndefined();
  });
});
