// The shared folder's IPC handlers: the folder comes only from main's own dialog; every other
// message names it by id and a file by a plain bundle name, checked before the disk is touched.
import * as nodeFs from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, IpcRequestError, type IpcDeps, type IpcSender } from '../../../electron/ipc';
import { createSyncFolderService, type SyncFolderFs, type SyncFolderService } from '../../../electron/sync-folder';
import { CHANNELS, MAX_BRIDGE_FILE_BYTES } from '../../../shared/ipc/contract';

const APP: IpcSender = { url: 'app://dossier/index.html' };
const fs: SyncFolderFs = {
  readdir: nodeFs.readdir,
  lstat: nodeFs.lstat,
  stat: nodeFs.stat,
  realpath: nodeFs.realpath,
  open: nodeFs.open,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
};

let root: string;
let shared: string;
let folders: SyncFolderService;
beforeEach(async () => {
  root = await nodeFs.realpath(await mkdtemp(path.join(tmpdir(), 'dossier-ipc-folder-')));
  shared = path.join(root, 'shared');
  await mkdir(shared);
  let stored: { id: string; path: string } | null = null;
  folders = createSyncFolderService({
    fs,
    store: { load: async () => stored, save: async (v) => void (stored = v) },
    onChange: () => {},
    rescanMs: 0,
  });
});
afterEach(async () => {
  folders.close();
  await rm(root, { recursive: true, force: true });
});

function setup(dialogResult: { canceled: boolean; filePaths: string[] }, withFolder = true) {
  const dialog = {
    showOpenDialog: vi.fn<IpcDeps<IpcSender>['dialog']['showOpenDialog']>(async () => dialogResult),
    showSaveDialog: vi.fn<IpcDeps<IpcSender>['dialog']['showSaveDialog']>(async () => ({ canceled: true })),
  };
  const handlers = createIpcHandlers({
    dialog,
    fs: { ...fs, readFile: nodeFs.readFile },
    appInfo: () => ({ name: 'Dossier', version: '0.1.0', platform: 'desktop' }),
    defaultSaveDirectory: () => root,
    originals: {
      tempDir: root,
      openPath: async () => '',
      fs: { ...fs, mkdir: nodeFs.mkdir, lstat: nodeFs.lstat, readdir, rm },
    },
    ...(withFolder && { syncFolder: folders }),
  });
  return { handlers, dialog };
}

describe('syncFolder IPC', () => {
  it('picks the folder in a folder dialog, then lists, reads and writes by id', async () => {
    const { handlers, dialog } = setup({ canceled: false, filePaths: [shared] });
    expect(await handlers.syncFolderCurrent(APP)).toBeNull();
    const info = await handlers.syncFolderPick(APP, { title: 'Shared folder' });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(APP, {
      title: 'Shared folder',
      properties: ['openDirectory', 'createDirectory'],
    });
    expect(info).toMatchObject({ name: 'shared', location: shared });
    expect(await handlers.syncFolderCurrent(APP)).toEqual(info);

    await writeFile(path.join(shared, 'li.dossier'), 'abc');
    const id = info!.id;
    expect(await handlers.syncFolderList(APP, { folderId: id })).toMatchObject({
      ok: true,
      entries: [{ name: 'li.dossier', size: 3 }],
    });
    const read = await handlers.syncFolderRead(APP, { folderId: id, name: 'li.dossier' });
    expect(read.ok && new TextDecoder().decode(read.bytes)).toBe('abc');
    // The bytes own their buffer: structured cloning sends nothing more.
    expect(read.ok && read.bytes.buffer.byteLength).toBe(3);
    expect(
      await handlers.syncFolderWrite(APP, { folderId: id, name: 'me.dossier', bytes: new Uint8Array([1]) }),
    ).toMatchObject({ ok: true, entry: { name: 'me.dossier', size: 1 } });
    expect((await readdir(shared)).sort()).toEqual(['li.dossier', 'me.dossier']);

    await handlers.syncFolderForget(APP);
    expect(await handlers.syncFolderCurrent(APP)).toBeNull();
  });

  it('answers null when the dialog is cancelled, and keeps the folder it had', async () => {
    const { handlers } = setup({ canceled: true, filePaths: [] });
    expect(await handlers.syncFolderPick(APP, {})).toBeNull();
    expect(await handlers.syncFolderCurrent(APP)).toBeNull();
  });

  const invalid: [string, unknown[], RegExp][] = [
    ['a path instead of an id', [{ folderId: '/home/a/shared' }], /folderId/],
    ['a path as the name', [{ folderId: 'abcdefgh12', name: '../../etc/passwd' }], /name/],
    ['a hidden temporary file', [{ folderId: 'abcdefgh12', name: '.a.dossier.x.dossier-tmp' }], /name/],
    ['another extension', [{ folderId: 'abcdefgh12', name: 'notes.txt' }], /name/],
    ['an extra field', [{ folderId: 'abcdefgh12', name: 'a.dossier', path: '/tmp' }], /path/],
    ['two arguments', [{ folderId: 'abcdefgh12', name: 'a.dossier' }, 'x'], /expected 1 argument/],
  ];
  it.each(invalid)('refuses a read with %s', async (_name, args, message) => {
    const { handlers } = setup({ canceled: true, filePaths: [] });
    const call = handlers.syncFolderRead(APP, ...args);
    await expect(call).rejects.toThrow(IpcRequestError);
    await expect(call).rejects.toThrow(message);
    await expect(call).rejects.toThrow(CHANNELS.syncFolderRead);
  });

  it('refuses a write with a path, an oversized body or from a foreign sender', async () => {
    const { handlers, dialog } = setup({ canceled: false, filePaths: [shared] });
    const info = await handlers.syncFolderPick(APP, {});
    dialog.showOpenDialog.mockClear();
    const id = info!.id;
    await expect(
      handlers.syncFolderWrite(APP, { folderId: id, name: '../me.dossier', bytes: new Uint8Array(1) }),
    ).rejects.toThrow(/name/);
    const big = new Uint8Array(1);
    Object.defineProperty(big, 'byteLength', { value: MAX_BRIDGE_FILE_BYTES + 1 });
    await expect(handlers.syncFolderWrite(APP, { folderId: id, name: 'me.dossier', bytes: big })).rejects.toThrow(
      /too large/,
    );
    await expect(handlers.syncFolderPick({ url: 'https://evil.example/' }, {})).rejects.toThrow(/foreign/);
    await expect(handlers.syncFolderList({ url: 'https://evil.example/' }, { folderId: id })).rejects.toThrow(
      /foreign/,
    );
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(await readdir(shared)).toEqual([]);
  });

  it('refuses an id of another folder, and the channels without a shared folder', async () => {
    const { handlers } = setup({ canceled: false, filePaths: [shared] });
    await handlers.syncFolderPick(APP, {});
    expect(await handlers.syncFolderList(APP, { folderId: 'abcdefgh12' })).toMatchObject({
      ok: false,
      code: 'no-folder',
    });
    const without = setup({ canceled: true, filePaths: [] }, false).handlers;
    await expect(without.syncFolderCurrent(APP)).rejects.toThrow(/not available/);
    await expect(without.syncFolderCurrent(APP, 'x')).rejects.toThrow(/no arguments/);
  });
});
