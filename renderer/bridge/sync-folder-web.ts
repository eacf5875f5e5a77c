// The shared folder in the web build: a directory handle from the File System Access API
// (window.showDirectoryPicker, Chromium browsers), kept in IndexedDB so it survives reloads. The
// browser asks the analyst again for access after a reload; `requestAccess` must then run from a
// click. There is no watching in the browser, so the folder is listed every `pollMs` and
// listeners hear of it when its bundles' names, sizes or times differ.
//
// Everything goes through DirectoryHandleLike, the part of FileSystemDirectoryHandle used here,
// so the same code runs on a picked folder, on an origin-private (OPFS) directory — what the
// end-to-end suite uses as "the shared folder", since a picker cannot be driven headless — and on
// the in-memory directory of the unit tests.
import {
  isSyncBundleName,
  MAX_BRIDGE_FILE_BYTES,
  MAX_SYNC_FOLDER_ENTRIES,
  type SyncFolderAccess,
  type SyncFolderApi,
  type SyncFolderEntry,
  type SyncFolderError,
  type SyncFolderErrorCode,
  type SyncFolderInfo,
  type SyncFolderListResult,
} from '../../shared/ipc/contract';

/** A file of the folder, as FileSystemFileHandle gives it. */
export interface FileHandleLike {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<{ size: number; lastModified: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  createWritable(): Promise<{
    write(data: Uint8Array | Blob): Promise<void>;
    close(): Promise<void>;
    abort(): Promise<void>;
  }>;
}

/** The part of FileSystemDirectoryHandle used here. */
export interface DirectoryHandleLike {
  readonly kind: 'directory';
  readonly name: string;
  values(): AsyncIterable<FileHandleLike | { readonly kind: 'directory'; readonly name: string }>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  /** Absent on some OPFS implementations, where access is always granted. */
  queryPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
  requestPermission?(descriptor: { mode: 'readwrite' }): Promise<PermissionState>;
}

/** Where the handle is kept between reloads. */
export interface HandleStore {
  load(): Promise<{ id: string; handle: DirectoryHandleLike } | null>;
  save(folder: { id: string; handle: DirectoryHandleLike } | null): Promise<void>;
}

export interface WebSyncFolderDeps {
  /** Shows the folder picker; null when cancelled. Absent where the browser has no File System Access API. */
  pickDirectory?: () => Promise<DirectoryHandleLike | null>;
  store: HandleStore;
  /** How often the folder is listed for changes (default 30 s). */
  pollMs?: number;
  maxBytes?: number;
  newId?: () => string;
}

const fail = (code: SyncFolderErrorCode, message: string): SyncFolderError => ({ ok: false, code, message });
const errorName = (error: unknown): string =>
  error instanceof Error || error instanceof DOMException ? error.name : '';
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const signatureOf = (result: SyncFolderListResult): string =>
  result.ok ? result.entries.map((e) => `${e.name}\u0000${e.size}\u0000${e.mtimeMs}`).join('\n') : `!${result.code}`;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a failed file-system call means for the analyst. */
function failure(error: unknown, what: 'folder' | 'file'): SyncFolderError {
  const name = errorName(error);
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return fail('permission', 'the browser needs permission to use the shared folder again');
  if (name === 'NotFoundError')
    return what === 'folder'
      ? fail('unavailable', 'the shared folder is not there any more')
      : fail('not-found', 'the file is not in the shared folder any more');
  if (name === 'TypeMismatchError') return fail('not-a-file', 'not a regular file');
  return fail(what === 'folder' ? 'unavailable' : 'unreadable', `${name || 'error'}: ${String(error)}`);
}

export function createWebSyncFolder(deps: WebSyncFolderDeps): SyncFolderApi {
  const pollMs = deps.pollMs ?? 30_000;
  const maxBytes = deps.maxBytes ?? MAX_BRIDGE_FILE_BYTES;
  const newId = deps.newId ?? randomId;
  let loaded: Promise<{ id: string; handle: DirectoryHandleLike } | null> | null = null;
  const listeners = new Set<(folderId: string) => void>();
  let poll: ReturnType<typeof setInterval> | null = null;
  let lastSignature: string | null = null;

  const load = () => {
    loaded ??= deps.store.load().catch(() => null);
    return loaded;
  };
  /** Reads the store again: another tab of this library may have picked or forgotten a folder. */
  const reload = () => {
    loaded = deps.store.load().catch(() => null);
    return loaded;
  };
  const infoOf = (folder: { id: string; handle: DirectoryHandleLike }): SyncFolderInfo => ({
    id: folder.id,
    name: folder.handle.name,
    location: folder.handle.name,
  });

  async function folderFor(folderId: string): Promise<DirectoryHandleLike | SyncFolderError> {
    let folder = await load();
    if (folder?.id !== folderId) folder = await reload();
    if (!folder) return fail('no-folder', 'no shared folder is chosen');
    if (folder.id !== folderId) return fail('no-folder', 'another shared folder was chosen since');
    return folder.handle;
  }

  async function access(handle: DirectoryHandleLike): Promise<SyncFolderAccess> {
    if (!handle.queryPermission) return 'granted';
    try {
      const state = await handle.queryPermission({ mode: 'readwrite' });
      return state === 'granted' ? 'granted' : state === 'denied' ? 'denied' : 'prompt';
    } catch {
      return 'prompt';
    }
  }

  async function listFolder(handle: DirectoryHandleLike): Promise<SyncFolderListResult> {
    if ((await access(handle)) !== 'granted')
      return fail('permission', 'the browser needs permission to use the shared folder again');
    const entries: SyncFolderEntry[] = [];
    try {
      for await (const entry of handle.values()) {
        if (entry.kind !== 'file' || !isSyncBundleName(entry.name)) continue;
        try {
          const file = await entry.getFile();
          entries.push({ name: entry.name, size: file.size, mtimeMs: Math.floor(file.lastModified) });
        } catch {
          // Removed while listing: the next listing sees it.
        }
        if (entries.length >= MAX_SYNC_FOLDER_ENTRIES) break;
      }
    } catch (error) {
      return failure(error, 'folder');
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return { ok: true, entries };
  }

  /** Lists the folder and tells listeners when its bundles differ from the last listing. One at a time. */
  let checking: Promise<void> | null = null;
  function check(): Promise<void> {
    checking ??= (async () => {
      try {
        const folder = await load();
        if (!folder || listeners.size === 0) return;
        const signature = signatureOf(await listFolder(folder.handle));
        // Picked or forgotten meanwhile: the new folder's listing is the baseline.
        if ((await load())?.id !== folder.id || signature === lastSignature) return;
        const first = lastSignature === null;
        lastSignature = signature;
        if (!first) for (const listener of [...listeners]) listener(folder.id);
      } finally {
        checking = null;
      }
    })();
    return checking;
  }

  const resetPolling = () => {
    lastSignature = null;
    void check();
  };

  return {
    supported: !!deps.pickDirectory,

    async current() {
      const folder = await reload();
      return folder ? infoOf(folder) : null;
    },

    async pick() {
      if (!deps.pickDirectory) return null;
      let handle: DirectoryHandleLike | null;
      try {
        handle = await deps.pickDirectory();
      } catch (error) {
        if (errorName(error) === 'AbortError') return null; // the analyst closed the picker
        throw error;
      }
      if (!handle) return null;
      const folder = { id: newId(), handle };
      await deps.store.save(folder);
      loaded = Promise.resolve(folder);
      resetPolling();
      return infoOf(folder);
    },

    async forget() {
      await deps.store.save(null);
      loaded = Promise.resolve(null);
      lastSignature = null;
    },

    async access(folderId) {
      const handle = await folderFor(folderId);
      return 'ok' in handle ? 'denied' : access(handle);
    },

    async requestAccess(folderId) {
      const handle = await folderFor(folderId);
      if ('ok' in handle) return 'denied';
      if (!handle.requestPermission) return access(handle);
      try {
        const state = await handle.requestPermission({ mode: 'readwrite' });
        if (state === 'granted') resetPolling();
        return state === 'granted' ? 'granted' : state === 'denied' ? 'denied' : 'prompt';
      } catch {
        return 'prompt';
      }
    },

    async list(folderId) {
      const handle = await folderFor(folderId);
      return 'ok' in handle ? handle : listFolder(handle);
    },

    async read(folderId, name) {
      const handle = await folderFor(folderId);
      if ('ok' in handle) return handle;
      // The API itself refuses "..", separators and the like; the name must also be one of ours.
      if (!isSyncBundleName(name)) return fail('not-found', 'not a bundle file of the shared folder');
      try {
        const file = await (await handle.getFileHandle(name)).getFile();
        if (file.size > maxBytes)
          return fail('too-large', `${megabytes(file.size)} is over the ${megabytes(maxBytes)} limit`);
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (bytes.byteLength > maxBytes)
          return fail('too-large', `${megabytes(bytes.byteLength)} is over the ${megabytes(maxBytes)} limit`);
        return {
          ok: true,
          entry: { name, size: bytes.byteLength, mtimeMs: Math.floor(file.lastModified) },
          bytes,
        };
      } catch (error) {
        return failure(error, 'file');
      }
    },

    async write({ folderId, name, bytes }) {
      const handle = await folderFor(folderId);
      if ('ok' in handle) return handle;
      if (!isSyncBundleName(name)) return fail('write-failed', 'not a bundle file name');
      if (bytes.byteLength > maxBytes)
        return fail('too-large', `${megabytes(bytes.byteLength)} is over the ${megabytes(maxBytes)} limit`);
      try {
        const file = await handle.getFileHandle(name, { create: true });
        // A writable writes a swap file ("name.crswap") and replaces the file when closed: atomic.
        const writable = await file.createWritable();
        try {
          await writable.write(bytes);
          await writable.close();
        } catch (error) {
          await writable.abort().catch(() => undefined);
          throw error;
        }
        const written = await file.getFile();
        return { ok: true, entry: { name, size: written.size, mtimeMs: Math.floor(written.lastModified) } };
      } catch (error) {
        const refused = failure(error, 'folder');
        return refused.code === 'unavailable' && errorName(error) !== 'NotFoundError'
          ? fail('write-failed', refused.message) // the folder is there, the file could not be written
          : refused;
      }
    },

    onChange(listener) {
      listeners.add(listener);
      if (!poll && pollMs > 0) {
        lastSignature = null;
        void check();
        poll = setInterval(() => void check(), pollMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && poll) {
          clearInterval(poll);
          poll = null;
        }
      };
    },
  };
}

/** The handle, kept in a small IndexedDB database of its own (the bridge sits below the library's storage). */
export function indexedDbHandleStore(databaseName = 'dossier-shared-folder'): HandleStore {
  const STORE = 'settings';
  const KEY = 'folder';
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const run = async <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest): Promise<T> => {
    const db = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE, mode);
        const request = action(transaction.objectStore(STORE));
        transaction.oncomplete = () => resolve(request.result as T);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  };
  return {
    async load() {
      const value = (await run('readonly', (store) => store.get(KEY))) as
        { id?: unknown; handle?: { kind?: unknown } } | undefined;
      if (!value || typeof value.id !== 'string' || value.handle?.kind !== 'directory') return null;
      return value as { id: string; handle: DirectoryHandleLike };
    },
    async save(folder) {
      await run<unknown>('readwrite', (store) => (folder ? store.put(folder, KEY) : store.delete(KEY)));
    },
  };
}

type DirectoryPicker = (options?: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<DirectoryHandleLike>;

/** The browser's own: showDirectoryPicker where the browser has it, and IndexedDB for the handle. */
export function browserSyncFolderDeps(): WebSyncFolderDeps {
  const picker = (window as unknown as { showDirectoryPicker?: DirectoryPicker }).showDirectoryPicker;
  return {
    ...(typeof picker === 'function' && {
      pickDirectory: () => picker.call(window, { id: 'dossier-shared-folder', mode: 'readwrite' }),
    }),
    store: indexedDbHandleStore(),
  };
}
