// The desktop's shared folder (electron/sync-folder.ts) on a real temporary directory: listing
// only bundles (never partial or temporary files, folders or links), atomic writes, refusing
// names that would leave the folder, stale folder ids, the folder remembered between runs, and
// change notification from fs.watch and from the rescan alone (network drives send no events).
import { watch } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSyncFolderService,
  jsonFileStore,
  type StoredSyncFolder,
  type SyncFolderFs,
  type SyncFolderOptions,
  type SyncFolderService,
  type SyncFolderStore,
  type WatchFolder,
} from '../../../electron/sync-folder';
import { isSyncBundleName } from '../../../shared/ipc/contract';

const fs: SyncFolderFs = {
  readdir: nodeFs.readdir,
  lstat: nodeFs.lstat,
  stat: nodeFs.stat,
  realpath: nodeFs.realpath,
  open: nodeFs.open,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
};

const realWatch: WatchFolder = (folder, onEvent, onError) => {
  const watcher = watch(folder, { persistent: false }, onEvent);
  watcher.on('error', onError);
  return watcher;
};

function memoryStore(
  initial: StoredSyncFolder | null = null,
): SyncFolderStore & { saved: (StoredSyncFolder | null)[] } {
  let value = initial;
  const saved: (StoredSyncFolder | null)[] = [];
  return {
    saved,
    load: async () => value,
    save: async (folder) => {
      value = folder;
      saved.push(folder);
    },
  };
}

let root: string;
let shared: string;
const services: SyncFolderService[] = [];

beforeEach(async () => {
  root = await nodeFs.realpath(await mkdtemp(path.join(tmpdir(), 'dossier-sync-folder-')));
  shared = path.join(root, 'shared');
  await mkdir(shared);
});
afterEach(async () => {
  for (const service of services.splice(0)) service.close();
  await rm(root, { recursive: true, force: true });
});

function service(options: Partial<SyncFolderOptions> = {}) {
  const onChange = vi.fn<(folderId: string) => void>();
  const created = createSyncFolderService({
    fs,
    store: memoryStore(),
    onChange,
    debounceMs: 50,
    rescanMs: 0,
    ...options,
  });
  services.push(created);
  return { service: created, onChange };
}

const waitFor = async (check: () => boolean, timeoutMs = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('isSyncBundleName', () => {
  it.each([
    ['张三-01HV0000000000000000000AAA.dossier', true],
    ['colleague.dossier', true],
    ['li si (conflicted copy).dossier', true],
    ['.hidden.dossier', false],
    ['.colleague.dossier.a1b2c3.dossier-tmp', false],
    ['colleague.dossier.crswap', false],
    ['colleague.dossier.partial', false],
    ['~$colleague.dossier', false],
    ['.dossier', false],
    ['colleague.DOSSIER', false],
    ['../colleague.dossier', false],
    ['sub/colleague.dossier', false],
    ['sub\\colleague.dossier', false],
    ['..', false],
    ['colleague\u202egod.dossier', false],
    ['con.dossier', false],
    ['a:b.dossier', false],
  ])('%s → %s', (name, expected) => {
    expect(isSyncBundleName(name)).toBe(expected);
  });
});

describe('choosing the folder', () => {
  it('remembers the folder under an opaque id, across runs', async () => {
    const store = memoryStore();
    const first = service({ store }).service;
    expect(await first.current()).toBeNull();
    const info = await first.choose(shared);
    expect(info).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), name: 'shared', location: shared });
    first.close();
    const again = service({ store }).service;
    expect(await again.current()).toEqual(info);
    // Another folder: a new id; requests for the old one are refused.
    const other = path.join(root, 'other');
    await mkdir(other);
    const next = await again.choose(other);
    expect(next.id).not.toBe(info.id);
    expect(await again.list(info.id)).toMatchObject({ ok: false, code: 'no-folder' });
    await again.forget();
    expect(await again.current()).toBeNull();
    expect(await again.list(next.id)).toMatchObject({ ok: false, code: 'no-folder' });
  });

  it('refuses a relative path or a file', async () => {
    const { service: folders } = service();
    await expect(folders.choose('shared')).rejects.toThrow(/absolute/);
    await writeFile(path.join(root, 'file.txt'), 'x');
    await expect(folders.choose(path.join(root, 'file.txt'))).rejects.toThrow(/folder/);
  });

  it('keeps the folder in a JSON file, written atomically, and ignores a damaged one', async () => {
    const file = path.join(root, 'sync-folder.json');
    const store = jsonFileStore({ ...fs, readFile: (p, encoding) => readFile(p, encoding) }, file);
    expect(await store.load()).toBeNull();
    await store.save({ id: 'abcdefgh12', path: shared });
    expect(await store.load()).toEqual({ id: 'abcdefgh12', path: shared });
    expect(await readdir(root)).toEqual(['shared', 'sync-folder.json']);
    await writeFile(file, '{"id":"../x","path":"relative"}');
    expect(await store.load()).toBeNull();
    await writeFile(file, 'not json');
    expect(await store.load()).toBeNull();
  });
});

describe('listing', () => {
  it('lists bundle files with size and time, and nothing else', async () => {
    const { service: folders } = service();
    const { id } = await folders.choose(shared);
    await writeFile(path.join(shared, '李四-01HV0000000000000000000BBB.dossier'), 'bbbb');
    await writeFile(path.join(shared, 'wang.dossier'), 'cc');
    await utimes(path.join(shared, 'wang.dossier'), new Date(2024, 0, 1), new Date(2024, 0, 1));
    // Partial and temporary files of every kind, other files, a folder and links are not bundles.
    await writeFile(path.join(shared, '.wang.dossier.0a1b2c.dossier-tmp'), 'half');
    await writeFile(path.join(shared, 'wang.dossier.crswap'), 'half');
    await writeFile(path.join(shared, 'wang.dossier.partial'), 'half');
    await writeFile(path.join(shared, '.hidden.dossier'), 'x');
    await writeFile(path.join(shared, 'notes.txt'), 'x');
    await mkdir(path.join(shared, 'folder.dossier'));
    await writeFile(path.join(root, 'outside.dossier'), 'secret');
    await symlink(path.join(root, 'outside.dossier'), path.join(shared, 'link.dossier'));

    const listed = await folders.list(id);
    expect(listed).toEqual({
      ok: true,
      entries: [
        { name: 'wang.dossier', size: 2, mtimeMs: new Date(2024, 0, 1).getTime() },
        { name: '李四-01HV0000000000000000000BBB.dossier', size: 4, mtimeMs: expect.any(Number) },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    });
  });

  it('says when the folder cannot be reached', async () => {
    const { service: folders } = service();
    const { id } = await folders.choose(shared);
    await rm(shared, { recursive: true });
    expect(await folders.list(id)).toMatchObject({ ok: false, code: 'unavailable' });
  });
});

describe('reading', () => {
  it('reads a bundle by name', async () => {
    const { service: folders } = service();
    const { id } = await folders.choose(shared);
    await writeFile(path.join(shared, 'li.dossier'), new Uint8Array([1, 2, 3]));
    const read = await folders.read(id, 'li.dossier');
    expect(read).toMatchObject({ ok: true, entry: { name: 'li.dossier', size: 3 } });
    expect(read.ok && [...read.bytes]).toEqual([1, 2, 3]);
  });

  it.each(['../outside.dossier', 'sub/../../outside.dossier', '/etc/passwd', '..', '.hidden.dossier', 'a\\b.dossier'])(
    'refuses a name that is not a plain bundle name of the folder: %s',
    async (name) => {
      const { service: folders } = service();
      const { id } = await folders.choose(shared);
      await writeFile(path.join(root, 'outside.dossier'), 'secret');
      expect(await folders.read(id, name)).toMatchObject({ ok: false, code: 'not-found' });
      expect(await folders.write(id, name, new Uint8Array([1]))).toMatchObject({ ok: false, code: 'write-failed' });
      expect(await readFile(path.join(root, 'outside.dossier'), 'utf8')).toBe('secret');
    },
  );

  it('never follows a link out of the folder', async () => {
    const { service: folders } = service();
    const { id } = await folders.choose(shared);
    await writeFile(path.join(root, 'outside.dossier'), 'secret');
    await symlink(path.join(root, 'outside.dossier'), path.join(shared, 'link.dossier'));
    const read = await folders.read(id, 'link.dossier');
    expect(read).toMatchObject({ ok: false, code: 'not-a-file' });
  });

  it('refuses a file over the limit without reading it, and a stale folder id', async () => {
    const { service: folders } = service({ maxBytes: 10 });
    const { id } = await folders.choose(shared);
    await writeFile(path.join(shared, 'big.dossier'), new Uint8Array(11));
    expect(await folders.read(id, 'big.dossier')).toMatchObject({ ok: false, code: 'too-large' });
    expect(await folders.read(id, 'missing.dossier')).toMatchObject({ ok: false, code: 'not-found' });
    expect(await folders.read('AAAAAAAAAAAA', 'big.dossier')).toMatchObject({ ok: false, code: 'no-folder' });
  });
});

describe('writing', () => {
  it('replaces the file atomically, leaving no temporary file', async () => {
    const { service: folders } = service();
    const { id } = await folders.choose(shared);
    const name = '张三-01HV0000000000000000000AAA.dossier';
    const first = await folders.write(id, name, new Uint8Array([1, 2]));
    expect(first).toMatchObject({ ok: true, entry: { name, size: 2 } });
    const second = await folders.write(id, name, new Uint8Array([3, 4, 5]));
    expect(second).toMatchObject({ ok: true, entry: { name, size: 3 } });
    expect([...(await readFile(path.join(shared, name)))]).toEqual([3, 4, 5]);
    expect(await readdir(shared)).toEqual([name]);
  });

  it('leaves the old file whole when the write fails', async () => {
    const failing: SyncFolderFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    };
    const { service: folders } = service({ fs: failing });
    const { id } = await folders.choose(shared);
    await writeFile(path.join(shared, 'me.dossier'), 'old');
    expect(await folders.write(id, 'me.dossier', new Uint8Array([9]))).toMatchObject({
      ok: false,
      code: 'write-failed',
    });
    expect(await readFile(path.join(shared, 'me.dossier'), 'utf8')).toBe('old');
    expect(await readdir(shared)).toEqual(['me.dossier']);
  });
});

describe('change notification', () => {
  it('notices a new bundle through fs.watch, debounced into one notification', async () => {
    const { service: folders, onChange } = service({ watch: realWatch, debounceMs: 100 });
    const { id } = await folders.choose(shared);
    await new Promise((resolve) => setTimeout(resolve, 150)); // the baseline listing
    await writeFile(path.join(shared, 'li.dossier'), 'a');
    await writeFile(path.join(shared, 'wang.dossier'), 'b');
    await waitFor(() => onChange.mock.calls.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(id);
  });

  it('stays quiet for temporary files and for files that are not bundles', async () => {
    const { service: folders, onChange } = service({ watch: realWatch, debounceMs: 50 });
    await folders.choose(shared);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(path.join(shared, '.li.dossier.abc.dossier-tmp'), 'half');
    await writeFile(path.join(shared, 'notes.txt'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('notices a changed bundle through the rescan alone (no watch events, as on a network drive)', async () => {
    const silentWatch: WatchFolder = () => ({ close: () => {} });
    const { service: folders, onChange } = service({ watch: silentWatch, rescanMs: 100 });
    const { id } = await folders.choose(shared);
    await writeFile(path.join(shared, 'li.dossier'), 'a');
    await new Promise((resolve) => setTimeout(resolve, 150));
    // A first listing may already have seen it; what matters is that a change is noticed.
    onChange.mockClear();
    await writeFile(path.join(shared, 'li.dossier'), 'ab');
    await waitFor(() => onChange.mock.calls.length > 0);
    expect(onChange).toHaveBeenCalledWith(id);
  });

  it('stops watching when the folder is forgotten or the service closed', async () => {
    const close = vi.fn();
    const watchSpy = vi.fn<WatchFolder>(() => ({ close }));
    const { service: folders } = service({ watch: watchSpy });
    await folders.choose(shared);
    expect(watchSpy).toHaveBeenCalledWith(shared, expect.any(Function), expect.any(Function));
    await folders.forget();
    expect(close).toHaveBeenCalled();
  });

  it('watches the remembered folder from the start', async () => {
    const watchSpy = vi.fn<WatchFolder>(() => ({ close: () => {} }));
    const { service: folders } = service({ watch: watchSpy, store: memoryStore({ id: 'abcdefgh12', path: shared }) });
    await folders.current();
    expect(watchSpy).toHaveBeenCalledWith(shared, expect.any(Function), expect.any(Function));
  });
});

describe('a folder changing under us', () => {
  it('lists one listing at a time, so a slow listing never reports a change that did not happen', async () => {
    let onEvent: () => void = () => {};
    const fakeWatch: WatchFolder = (_folder, event) => {
      onEvent = event;
      return { close: () => {} };
    };
    // Each listing reads the folder, then waits to be let go: a slow network drive.
    const waiting: (() => void)[] = [];
    let letGo = false;
    let inFlight = 0;
    let mostInFlight = 0;
    const slowFs: SyncFolderFs = {
      ...fs,
      readdir: async (dir, options) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        const dirents = await fs.readdir(dir, options);
        if (!letGo) await new Promise<void>((resolve) => waiting.push(resolve));
        inFlight--;
        return dirents;
      },
    };
    const { service: folders, onChange } = service({ fs: slowFs, watch: fakeWatch, debounceMs: 10 });
    await folders.choose(shared);
    await waitFor(() => waiting.length === 1);
    waiting.shift()!(); // the baseline: an empty folder
    await new Promise((resolve) => setTimeout(resolve, 20));

    onEvent(); // a first listing starts, and sees the folder still empty
    await waitFor(() => waiting.length === 1);
    await writeFile(path.join(shared, 'li.dossier'), 'a');
    onEvent(); // a second one is asked for while the first is still under way
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Let the newest listing finish first, then the older one.
    letGo = true;
    for (const release of waiting.splice(0).reverse()) release();
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(mostInFlight).toBe(1);
    expect(onChange).toHaveBeenCalledTimes(1);
    onEvent(); // and the last listing is the one remembered: nothing new to report
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('does not return a file written to while it was read', async () => {
    // The file's time moves between the stat before the read and the one after: a colleague's machine still copying it.
    const touchy: SyncFolderFs = {
      ...fs,
      open: async (filePath, flags, mode) => {
        const handle = await fs.open(filePath, flags, mode);
        let stats = 0;
        return {
          writeFile: (data) => handle.writeFile(data),
          sync: () => handle.sync(),
          close: () => handle.close(),
          read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
          stat: async () => {
            const stat = await handle.stat();
            return stats++ === 0
              ? stat
              : Object.assign(Object.create(Object.getPrototypeOf(stat) as object), stat, {
                  mtimeMs: stat.mtimeMs + 1000,
                });
          },
        };
      },
    };
    const { service: folders } = service({ fs: touchy });
    const { id } = await folders.choose(shared);
    await writeFile(path.join(shared, 'li.dossier'), new Uint8Array([1, 2, 3]));
    expect(await folders.read(id, 'li.dossier')).toMatchObject({ ok: false, code: 'unreadable' });
  });

  it('neither lists, reads nor writes through a link put in the folder’s place', async () => {
    const { service: folders } = service();
    const { id } = await folders.choose(shared);
    const elsewhere = path.join(root, 'elsewhere');
    await mkdir(elsewhere);
    await writeFile(path.join(elsewhere, 'li.dossier'), 'secret');
    await rm(shared, { recursive: true });
    await symlink(elsewhere, shared);
    expect(await folders.list(id)).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await folders.read(id, 'li.dossier')).toMatchObject({ ok: false, code: 'unavailable' });
    expect(await folders.write(id, 'me.dossier', new Uint8Array([1]))).toMatchObject({
      ok: false,
      code: 'unavailable',
    });
    expect(await readdir(elsewhere)).toEqual(['li.dossier']);
  });
});
