// An in-memory FileSystemDirectoryHandle (the part renderer/bridge/sync-folder-web.ts uses), for
// running the web build's shared folder — and the shared-folder loop over it — in Node tests.
import type { DirectoryHandleLike, FileHandleLike } from '../../../renderer/bridge/sync-folder-web';

interface StoredFile {
  bytes: Uint8Array;
  lastModified: number;
}

export interface MemoryDirectory extends DirectoryHandleLike {
  files: Map<string, StoredFile>;
  /** Puts a file as a colleague (or their sync client) would, at `lastModified`. */
  put(name: string, bytes: Uint8Array, lastModified?: number): void;
  /** What the permission prompt answers; 'granted' by default. */
  permission: PermissionState;
  /** Make the next calls fail like a folder that went away. */
  gone: boolean;
}

const notFound = () => new DOMException('not found', 'NotFoundError');

export function memoryDirectory(name = 'shared', now: () => number = Date.now): MemoryDirectory {
  const files = new Map<string, StoredFile>();
  const fileHandle = (fileName: string): FileHandleLike => ({
    kind: 'file',
    name: fileName,
    async getFile() {
      if (directory.gone) throw notFound();
      const file = files.get(fileName);
      if (!file) throw notFound();
      const bytes = file.bytes;
      return {
        size: bytes.byteLength,
        lastModified: file.lastModified,
        arrayBuffer: async () => bytes.slice().buffer,
      };
    },
    async createWritable() {
      if (directory.gone) throw notFound();
      const chunks: Uint8Array[] = [];
      // Like Chromium: written to a swap file, visible under its own name, and moved over on close.
      files.set(`${fileName}.crswap`, { bytes: new Uint8Array(0), lastModified: now() });
      return {
        async write(data: Uint8Array | Blob) {
          chunks.push(data instanceof Uint8Array ? data.slice() : new Uint8Array(await data.arrayBuffer()));
        },
        async close() {
          const size = chunks.reduce((n, c) => n + c.byteLength, 0);
          const bytes = new Uint8Array(size);
          let at = 0;
          for (const chunk of chunks) {
            bytes.set(chunk, at);
            at += chunk.byteLength;
          }
          files.delete(`${fileName}.crswap`);
          files.set(fileName, { bytes, lastModified: now() });
        },
        async abort() {
          files.delete(`${fileName}.crswap`);
        },
      };
    },
  });
  const directory: MemoryDirectory = {
    kind: 'directory',
    name,
    files,
    permission: 'granted',
    gone: false,
    put(fileName, bytes, lastModified = now()) {
      files.set(fileName, { bytes, lastModified });
    },
    async *values() {
      if (directory.gone) throw notFound();
      for (const fileName of [...files.keys()]) yield fileHandle(fileName);
      yield { kind: 'directory' as const, name: 'subfolder.dossier' };
    },
    async getFileHandle(fileName, options) {
      if (directory.gone) throw notFound();
      if (fileName.includes('/') || fileName === '..' || fileName === '.') throw new TypeError('invalid name');
      if (!files.has(fileName) && !options?.create) throw notFound();
      return fileHandle(fileName);
    },
    async queryPermission() {
      return directory.permission === 'granted' ? 'granted' : 'prompt';
    },
    async requestPermission() {
      return directory.permission;
    },
  };
  return directory;
}
