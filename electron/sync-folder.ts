// The shared folder on the desktop: the folder the analyst picked in main's own dialog, where
// every installation keeps one bundle of its own and reads its colleagues'. Plain Node (the file
// system, fs.watch and the store are injected), so test/unit/electron/sync-folder.test.ts runs it
// on a real temporary directory without Electron; main.ts only wires it to IPC and windows.
//
// Safety: the renderer never gives a path. It names the folder by the opaque id handed out when
// the folder was picked (a stale id is refused) and a file by a plain name that must pass
// isSyncBundleName; the path is built here and checked to sit directly in the folder. Links are
// neither listed nor followed (lstat, O_NOFOLLOW), so nothing outside the folder is ever read.
//
// Changes: fs.watch on the folder, debounced, and a periodic rescan, because network drives and
// some synced folders deliver no watch events. Either one lists the folder (one listing at a time,
// so a slow listing never overtakes a newer one) and notifies only when the bundles' names, sizes
// or times differ from the last listing. Whether a file is complete, new or already imported is
// the renderer's to judge (renderer/sync/shared-folder.ts): main stays a thin, checked file system.
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  isSyncBundleName,
  MAX_BRIDGE_FILE_BYTES,
  MAX_SYNC_FOLDER_ENTRIES,
  type SyncFolderEntry,
  type SyncFolderError,
  type SyncFolderErrorCode,
  type SyncFolderInfo,
  type SyncFolderListResult,
  type SyncFolderReadResult,
  type SyncFolderWriteResult,
} from '../shared/ipc/contract';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';

interface StatLike {
  size: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

interface DirentLike {
  name: string;
  isFile(): boolean;
}

/** The part of node:fs/promises the shared folder uses. */
export interface SyncFolderFs extends AtomicWriteFs {
  readdir(dir: string, options: { withFileTypes: true }): Promise<DirentLike[]>;
  lstat(filePath: string): Promise<StatLike>;
  stat(filePath: string): Promise<StatLike>;
  realpath(filePath: string): Promise<string>;
  open(
    filePath: string,
    flags: string | number,
    mode?: number,
  ): Promise<{
    writeFile(data: Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
    stat(): Promise<StatLike>;
    read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  }>;
}

/** fs.watch, reduced to what we use: a listener for any event, and close. */
export type WatchFolder = (folder: string, onEvent: () => void, onError: (error: unknown) => void) => { close(): void };

/** Where main remembers the folder between runs (a small JSON file in the app's data folder). */
export interface SyncFolderStore {
  load(): Promise<StoredSyncFolder | null>;
  save(folder: StoredSyncFolder | null): Promise<void>;
}

export interface StoredSyncFolder {
  id: string;
  path: string;
}

export interface SyncFolderOptions {
  fs: SyncFolderFs;
  store: SyncFolderStore;
  /** fs.watch; without it only the rescan notices changes. */
  watch?: WatchFolder;
  /** Called (debounced) when the folder's bundles changed. */
  onChange(folderId: string): void;
  /** Quiet time after the last watch event before the folder is listed again (default 1 s). */
  debounceMs?: number;
  /** How often the folder is listed regardless of watch events (default 60 s; 0 turns it off). */
  rescanMs?: number;
  /** Largest bundle read (default MAX_BRIDGE_FILE_BYTES). */
  maxBytes?: number;
  platform?: NodeJS.Platform;
  newId?: () => string;
}

const fail = (code: SyncFolderErrorCode, message: string): SyncFolderError => ({ ok: false, code, message });
const errnoCode = (error: unknown): string => (error as NodeJS.ErrnoException | undefined)?.code ?? '';
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A listing reduced to what decides whether anything changed. */
const signatureOf = (result: SyncFolderListResult): string =>
  result.ok ? result.entries.map((e) => `${e.name}\u0000${e.size}\u0000${e.mtimeMs}`).join('\n') : `!${result.code}`;

export interface SyncFolderService {
  current(): Promise<SyncFolderInfo | null>;
  /** Remembers `folderPath` (from main's own dialog) as the shared folder, under a new id, and watches it. */
  choose(folderPath: string): Promise<SyncFolderInfo>;
  forget(): Promise<void>;
  list(folderId: string): Promise<SyncFolderListResult>;
  read(folderId: string, name: string): Promise<SyncFolderReadResult>;
  write(folderId: string, name: string, bytes: Uint8Array): Promise<SyncFolderWriteResult>;
  /** Stops watching and rescanning (the folder stays remembered). */
  close(): void;
}

export function infoOf(folder: StoredSyncFolder): SyncFolderInfo {
  return { id: folder.id, name: path.basename(folder.path) || folder.path, location: folder.path };
}

export function createSyncFolderService(options: SyncFolderOptions): SyncFolderService {
  const { fs, store } = options;
  const debounceMs = options.debounceMs ?? 1000;
  const rescanMs = options.rescanMs ?? 60_000;
  const maxBytes = options.maxBytes ?? MAX_BRIDGE_FILE_BYTES;
  const newId = options.newId ?? (() => randomBytes(12).toString('base64url'));

  let loaded: Promise<void> | null = null;
  let folder: StoredSyncFolder | null = null;
  let watcher: { close(): void } | null = null;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let rescan: ReturnType<typeof setInterval> | null = null;
  let lastSignature: string | null = null;
  let closed = false;

  /** Reads the remembered folder once, and starts watching it. */
  const load = (): Promise<void> => {
    loaded ??= store
      .load()
      .catch(() => null)
      .then((stored) => {
        if (stored && !folder && !closed) {
          folder = stored;
          startWatching();
        }
      });
    return loaded;
  };

  /** The folder the id names, or a refusal. */
  async function folderFor(folderId: string): Promise<StoredSyncFolder | SyncFolderError> {
    await load();
    const current = folder;
    if (!current) return fail('no-folder', 'no shared folder is chosen');
    if (current.id !== folderId) return fail('no-folder', 'another shared folder was chosen since');
    return current;
  }

  /** The path of `name` directly inside the folder, or null when it would be anything else. */
  function pathIn(dir: string, name: string): string | null {
    if (!isSyncBundleName(name)) return null;
    const target = path.join(dir, name);
    if (path.dirname(target) !== path.resolve(dir) || path.basename(target) !== name) return null;
    return target;
  }

  /** Whether the folder is still a folder (not a file, nor a link put in its place since it was chosen). */
  async function stillAFolder(dir: string): Promise<boolean> {
    const stats = await fs.lstat(dir);
    return stats.isDirectory() && !stats.isSymbolicLink();
  }

  async function listFolder(dir: string): Promise<SyncFolderListResult> {
    let dirents: DirentLike[];
    try {
      if (!(await stillAFolder(dir))) return fail('unavailable', 'the shared folder is not a folder any more');
      dirents = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      return fail('unavailable', `the shared folder cannot be read (${errnoCode(error) || 'error'})`);
    }
    const entries: SyncFolderEntry[] = [];
    for (const dirent of dirents) {
      // Dirents describe the entry itself: a link is not a file here, so it is never followed.
      if (!dirent.isFile() || !isSyncBundleName(dirent.name)) continue;
      const target = pathIn(dir, dirent.name);
      if (!target) continue;
      try {
        const stats = await fs.lstat(target);
        if (!stats.isFile()) continue;
        entries.push({ name: dirent.name, size: stats.size, mtimeMs: Math.floor(stats.mtimeMs) });
      } catch {
        // Removed or replaced while listing: the next listing sees it.
      }
      if (entries.length >= MAX_SYNC_FOLDER_ENTRIES) break;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { ok: true, entries };
  }

  let checking: Promise<void> | null = null;
  let checkAgain = false;

  /**
   * Lists the folder and notifies when its bundles differ from the last listing. One listing at a
   * time: a check asked for meanwhile runs once the current one is done, so an older listing that
   * finishes late never replaces a newer one (which would report a change that did not happen).
   */
  function check(): Promise<void> {
    if (checking) {
      checkAgain = true;
      return checking;
    }
    checking = (async () => {
      try {
        do {
          checkAgain = false;
          await checkOnce();
        } while (checkAgain && !closed);
      } finally {
        checking = null;
      }
    })();
    return checking;
  }

  async function checkOnce(): Promise<void> {
    const current = folder;
    if (!current || closed) return;
    const result = await listFolder(current.path);
    if (folder !== current || closed) return;
    // A watcher that failed (folder gone, a network drive's hiccup) is tried again on rescans.
    if (!watcher && result.ok) startWatcher(current);
    const signature = signatureOf(result);
    if (signature === lastSignature) return;
    const first = lastSignature === null;
    lastSignature = signature;
    if (!first) options.onChange(current.id);
  }

  function scheduleCheck(): void {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void check();
    }, debounceMs);
    debounce.unref?.();
  }

  function startWatcher(current: StoredSyncFolder): void {
    if (!options.watch || watcher) return;
    try {
      watcher = options.watch(current.path, scheduleCheck, () => {
        watcher?.close();
        watcher = null;
      });
    } catch {
      watcher = null; // the rescan still notices changes
    }
  }

  function startWatching(): void {
    stopWatching();
    const current = folder;
    if (!current || closed) return;
    lastSignature = null;
    void check(); // the first listing is the baseline, not a change
    startWatcher(current);
    if (rescanMs > 0) {
      rescan = setInterval(() => void check(), rescanMs);
      rescan.unref?.();
    }
  }

  function stopWatching(): void {
    watcher?.close();
    watcher = null;
    if (debounce) clearTimeout(debounce);
    debounce = null;
    if (rescan) clearInterval(rescan);
    rescan = null;
    lastSignature = null;
  }

  return {
    async current() {
      await load();
      return folder ? infoOf(folder) : null;
    },

    async choose(folderPath) {
      await load();
      if (!path.isAbsolute(folderPath)) throw new Error('The shared folder must be an absolute path');
      const resolved = await fs.realpath(folderPath);
      const stats = await fs.stat(resolved);
      if (!stats.isDirectory()) throw new Error('The shared folder must be a folder');
      const chosen: StoredSyncFolder = { id: newId(), path: resolved };
      await store.save(chosen);
      folder = chosen;
      startWatching();
      return infoOf(chosen);
    },

    async forget() {
      await load();
      folder = null;
      stopWatching();
      await store.save(null);
    },

    async list(folderId) {
      const current = await folderFor(folderId);
      if ('ok' in current) return current;
      return listFolder(current.path);
    },

    async read(folderId, name) {
      const current = await folderFor(folderId);
      if ('ok' in current) return current;
      const target = pathIn(current.path, name);
      if (!target) return fail('not-found', 'not a bundle file of the shared folder');
      let handle: Awaited<ReturnType<SyncFolderFs['open']>> | null = null;
      try {
        if (!(await stillAFolder(current.path).catch(() => false)))
          return fail('unavailable', 'the shared folder is not a folder any more');
        // A link is refused, not followed: lstat first (Windows has no O_NOFOLLOW), then O_NOFOLLOW
        // where there is one, for a link put there between the two.
        if (!(await fs.lstat(target)).isFile()) return fail('not-a-file', 'not a regular file');
        handle = await fs.open(target, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
        const stats = await handle.stat();
        if (!stats.isFile()) return fail('not-a-file', 'not a regular file');
        if (stats.size > maxBytes) {
          return fail('too-large', `${megabytes(stats.size)} is over the ${megabytes(maxBytes)} limit`);
        }
        const bytes = new Uint8Array(stats.size);
        let done = 0;
        while (done < bytes.byteLength) {
          const { bytesRead } = await handle.read(bytes, done, bytes.byteLength - done, done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        // Cut short or written to while we read (a colleague's machine still copying it): not these
        // bytes, which may be half old and half new. The renderer reads it again.
        const after = await handle.stat();
        if (done !== stats.size || after.size !== stats.size || after.mtimeMs !== stats.mtimeMs)
          return fail('unreadable', 'the file changed while it was read');
        return { ok: true, entry: { name, size: stats.size, mtimeMs: Math.floor(stats.mtimeMs) }, bytes };
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'ENOENT') return fail('not-found', 'the file is not in the shared folder any more');
        if (code === 'ELOOP' || code === 'EISDIR') return fail('not-a-file', 'not a regular file');
        return fail('unreadable', `could not be read (${code || 'error'})`);
      } finally {
        await handle?.close().catch(() => undefined);
      }
    },

    async write(folderId, name, bytes) {
      const current = await folderFor(folderId);
      if ('ok' in current) return current;
      const target = pathIn(current.path, name);
      if (!target) return fail('write-failed', 'not a bundle file name');
      if (bytes.byteLength > maxBytes) {
        return fail('too-large', `${megabytes(bytes.byteLength)} is over the ${megabytes(maxBytes)} limit`);
      }
      try {
        if (!(await stillAFolder(current.path)))
          return fail('unavailable', 'the shared folder is not a folder any more');
        await writeFileAtomic(fs, target, bytes, { platform: options.platform ?? process.platform });
        const stats = await fs.lstat(target);
        return { ok: true, entry: { name, size: stats.size, mtimeMs: Math.floor(stats.mtimeMs) } };
      } catch (error) {
        const code = errnoCode(error);
        if (code === 'ENOENT') return fail('unavailable', 'the shared folder is not there any more');
        return fail('write-failed', `could not be written (${code || 'error'})`);
      }
    },

    close() {
      closed = true;
      stopWatching();
    },
  };
}

/** Remembers the folder in a JSON file (main passes one in the app's data folder), written atomically. */
export function jsonFileStore(
  fs: AtomicWriteFs & { readFile(filePath: string, encoding: 'utf8'): Promise<string> },
  filePath: string,
): SyncFolderStore {
  return {
    async load() {
      try {
        const parsed = JSON.parse(await fs.readFile(filePath, 'utf8')) as Partial<StoredSyncFolder> | null;
        if (
          parsed &&
          typeof parsed.id === 'string' &&
          /^[A-Za-z0-9_-]{8,64}$/.test(parsed.id) &&
          typeof parsed.path === 'string' &&
          path.isAbsolute(parsed.path)
        ) {
          return { id: parsed.id, path: parsed.path };
        }
      } catch {
        // none yet, or unreadable: no folder
      }
      return null;
    },
    async save(folder) {
      await writeFileAtomic(fs, filePath, new TextEncoder().encode(JSON.stringify(folder)));
    },
  };
}
