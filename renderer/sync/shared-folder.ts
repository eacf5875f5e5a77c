// The shared folder, from the renderer's side: every installation keeps one bundle of its own in
// the folder (`<analyst>-<replicaId>.dossier`, the whole library, replaced atomically) and reads
// its colleagues' bundles as they change.
//
// - When the folder changes (the bridge's watch or poll), at start and on "Sync now", each
//   colleague's file whose name, size or time differs from what was last seen is read; a file
//   whose SHA-256 is the one last imported is only remembered with its new time. Any other is
//   previewed and applied at once (concurrent edits become conflicts, listed in the conflicts
//   view): each version of a colleague's file is imported once.
// - A refused file (damaged, foreign, a newer format) is recorded with its reason and shown once,
//   and never read again until it changes. A file that could not be read (a network hiccup) is
//   tried again on the next change; an import that failed, on "Sync now".
// - Our own file is written on "Sync now", on the analyst's schedule (off, every 15 minutes,
//   hourly), and after an import that changed the library, so colleagues get the merged state.
//
// What was seen lives in the settings (`sharedFolder`), so a restart imports nothing twice.
// Storage is only reached through the repository; the folder only through the bridge.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  isSyncBundleName,
  MAX_BRIDGE_FILE_BYTES,
  type SyncFolderAccess,
  type SyncFolderApi,
  type SyncFolderEntry,
  type SyncFolderErrorCode,
  type SyncFolderInfo,
} from '../../shared/ipc/contract';
import type { Repository } from '../db/repository';

export const SHARED_FOLDER_KEY = 'sharedFolder';

export type SharedFolderSchedule = 'off' | '15m' | '1h';
export const SHARED_FOLDER_SCHEDULES: readonly SharedFolderSchedule[] = ['off', '15m', '1h'];
const INTERVAL_MS: Record<SharedFolderSchedule, number> = { off: 0, '15m': 15 * 60_000, '1h': 60 * 60_000 };

/** What became of the last version of a colleague's file we looked at. */
export type FileResult = 'imported' | 'refused' | 'failed' | 'own';

export interface ColleagueFile {
  name: string;
  size: number;
  mtimeMs: number;
  /** Null when the file could not be read. */
  sha256: string | null;
  /** From the bundle's manifest, once read. */
  analyst: string | null;
  replicaId: string | null;
  result: FileResult;
  /** When this version was looked at. */
  checkedAt: string;
  /** When a version of this file was last imported. */
  importedAt: string | null;
  /** The last import: records written and conflicts kept. */
  written?: number;
  conflicts?: number;
  /** Why it was refused or failed: a bundle refusal's code, or a folder error's. */
  error?: { code: string; message: string };
}

export interface SharedFolderState {
  /** The folder the rest describes; a new folder starts afresh. */
  folderId: string | null;
  schedule: SharedFolderSchedule;
  includePdfs: boolean;
  /** When the folder was last read through. */
  lastCheck: string | null;
  /** Our own file, when last written. */
  lastWrite: { at: string; name: string; size: number } | null;
  writeError: { at: string; code: string; message: string } | null;
  /** Colleagues' files by name. */
  files: Record<string, ColleagueFile>;
}

export const initialSharedFolderState: SharedFolderState = {
  folderId: null,
  schedule: 'off',
  includePdfs: false,
  lastCheck: null,
  lastWrite: null,
  writeError: null,
  files: {},
};

export interface SharedFolderStatus {
  supported: boolean;
  /** False until the settings and the folder were read. */
  ready: boolean;
  folder: SyncFolderInfo | null;
  access: SyncFolderAccess | null;
  /** The folder could not be listed: why. */
  problem: { code: SyncFolderErrorCode; message: string } | null;
  busy: 'checking' | 'writing' | null;
  ownFileName: string | null;
  state: SharedFolderState;
}

/** Something to tell the analyst without stopping them (a toast). */
export type SharedFolderNotice =
  | { kind: 'imported'; file: string; analyst: string; written: number; conflicts: number }
  /** `code`: a bundle refusal's (shared/sync/bundle-errors.ts), a folder error's, or 'failed'. */
  | { kind: 'refused'; file: string; analyst: string; code: string; message: string }
  | { kind: 'write-failed'; code: string; message: string }
  | { kind: 'unavailable'; message: string };

export type SharedFolderRepository = Pick<Repository, 'settings'> & {
  sync: Pick<Repository['sync'], 'identity' | 'exportBundle' | 'preview' | 'apply'>;
};

export interface SharedFolderDeps {
  folder: SyncFolderApi;
  repository: SharedFolderRepository;
  now?: () => Date;
  /** SHA-256 as hex (default: Web Crypto where available, else @noble/hashes). */
  hash?: (bytes: Uint8Array) => Promise<string>;
}

async function defaultHash(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return bytesToHex(new Uint8Array(digest));
  }
  return bytesToHex(sha256(bytes));
}

/** Our file's name: `<analyst>-<replicaId>.dossier`, the analyst's name made safe (or "dossier"). */
export function ownBundleName(analyst: string, replicaId: string): string {
  const who = [
    ...analyst
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters have no place in a file name
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
      .replace(/[\\/:*?"<>|\s.~]+/g, '-')
      .replace(/^-+|-+$/g, ''),
  ]
    .slice(0, 40)
    .join('')
    .replace(/-+$/, '');
  const name = `${who || 'dossier'}-${replicaId}.dossier`;
  return isSyncBundleName(name) ? name : `dossier-${replicaId}.dossier`;
}

/** Whether a file of the folder is ours: our current name, or one we wrote under an earlier analyst name. */
export const isOwnFile = (name: string, replicaId: string): boolean => name.endsWith(`-${replicaId}.dossier`);

/** The colleague's name, before the bundle was read: the file name without the replica id. */
export function analystFromFileName(name: string): string {
  const stem = name.replace(/\.dossier$/, '');
  return stem.replace(/-[0-9A-HJKMNP-TV-Z]{26}$/, '') || stem;
}

const sameVersion = (known: ColleagueFile | undefined, entry: SyncFolderEntry) =>
  !!known && known.size === entry.size && known.mtimeMs === entry.mtimeMs;

export class SharedFolderSync {
  private readonly folderApi: SyncFolderApi;
  private readonly repository: SharedFolderRepository;
  private readonly now: () => Date;
  private readonly hash: (bytes: Uint8Array) => Promise<string>;
  private status: SharedFolderStatus;
  private readonly listeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(notice: SharedFolderNotice) => void>();
  /** One folder task at a time: checks and writes are queued. */
  private queue: Promise<unknown> = Promise.resolve();
  private checkQueued = false;
  private running = false;
  private generation = 0;
  private unsubscribe: (() => void) | null = null;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  /** Read errors already told, by file version: told once, tried again on the next change. */
  private readonly toldReadErrors = new Set<string>();

  constructor(deps: SharedFolderDeps) {
    this.folderApi = deps.folder;
    this.repository = deps.repository;
    this.now = deps.now ?? (() => new Date());
    this.hash = deps.hash ?? defaultHash;
    this.status = {
      supported: deps.folder.supported,
      ready: false,
      folder: null,
      access: null,
      problem: null,
      busy: null,
      ownFileName: null,
      state: initialSharedFolderState,
    };
  }

  // ---- subscribing (useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getStatus = (): SharedFolderStatus => this.status;
  onNotice(listener: (notice: SharedFolderNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private update(patch: Partial<SharedFolderStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
  private notify(notice: SharedFolderNotice): void {
    for (const listener of [...this.noticeListeners]) listener(notice);
  }
  private async saveState(patch: Partial<SharedFolderState>): Promise<void> {
    const state = { ...this.status.state, ...patch };
    this.update({ state });
    await this.repository.settings.set(SHARED_FOLDER_KEY, state);
  }

  // ---- life cycle ----

  /** Reads the settings and the folder, listens for changes and checks the folder once. Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const generation = ++this.generation;
    void this.enqueue(async () => {
      const stored = await this.repository.settings.get<Partial<SharedFolderState> | null>(SHARED_FOLDER_KEY, null);
      const state: SharedFolderState = { ...initialSharedFolderState, ...(stored ?? {}) };
      const folder = this.status.supported ? await this.folderApi.current().catch(() => null) : null;
      if (generation !== this.generation) return;
      this.update({ state, folder, ready: true });
      await this.adopt(folder);
    });
    this.unsubscribe = this.folderApi.onChange((folderId) => {
      if (folderId === this.status.folder?.id) this.requestCheck();
    });
  }

  /** Stops listening and the schedule (a task under way finishes). */
  stop(): void {
    this.running = false;
    this.generation++;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Makes `folder` the one the state describes, checks access, and checks the folder. */
  private async adopt(folder: SyncFolderInfo | null): Promise<void> {
    if (!folder) {
      this.update({ folder: null, access: null, problem: null, ownFileName: null });
      this.scheduleWrite();
      return;
    }
    if (this.status.state.folderId !== folder.id) {
      await this.saveState({ folderId: folder.id, files: {}, lastCheck: null, lastWrite: null, writeError: null });
    }
    const me = await this.repository.sync.identity();
    const access = await this.folderApi.access(folder.id).catch((): SyncFolderAccess => 'prompt');
    this.update({ folder, access, ownFileName: ownBundleName(me.analyst, me.replicaId) });
    if (access === 'granted') await this.check({ retryFailed: false });
    this.scheduleWrite();
  }

  // ---- what the panel does ----

  /** Lets the analyst pick the folder (call from a click), then checks it and writes our file. */
  async pick(title?: string): Promise<boolean> {
    const folder = await this.folderApi.pick(title ? { title } : {});
    if (!folder) return false;
    await this.enqueue(async () => {
      await this.adopt(folder);
      // Our file at once, so colleagues see us (unless an import during the first check wrote it).
      if (this.status.access === 'granted' && !this.status.state.lastWrite) await this.writeOwn();
    });
    return true;
  }

  async forget(): Promise<void> {
    await this.folderApi.forget();
    await this.enqueue(async () => {
      await this.saveState({ folderId: null, files: {}, lastCheck: null, lastWrite: null, writeError: null });
      await this.adopt(null);
    });
  }

  /** Web: asks the browser for access again (call from a click). */
  async requestAccess(): Promise<void> {
    const folder = this.status.folder;
    if (!folder) return;
    const access = await this.folderApi.requestAccess(folder.id);
    this.update({ access });
    if (access === 'granted') await this.enqueue(() => this.adopt(folder));
  }

  /** "Sync now": reads colleagues' changed files (and those whose import failed), then writes ours. */
  async syncNow(): Promise<void> {
    await this.enqueue(async () => {
      const folder = this.status.folder;
      if (!folder) return;
      if (this.status.access !== 'granted') {
        const access = await this.folderApi.access(folder.id);
        this.update({ access });
        if (access !== 'granted') return;
      }
      await this.check({ retryFailed: true });
      if (this.status.problem?.code !== 'unavailable') await this.writeOwn();
    });
  }

  async setSchedule(schedule: SharedFolderSchedule): Promise<void> {
    await this.saveState({ schedule });
    this.scheduleWrite();
  }

  async setIncludePdfs(includePdfs: boolean): Promise<void> {
    await this.saveState({ includePdfs });
  }

  /** A change was reported: check once the current task is done (changes meanwhile fold into one check). */
  requestCheck(): Promise<void> {
    if (this.checkQueued) return this.queue.then(() => undefined);
    this.checkQueued = true;
    return this.enqueue(async () => {
      this.checkQueued = false;
      if (this.running && this.status.folder && this.status.access === 'granted')
        await this.check({ retryFailed: false });
    });
  }

  // ---- the work (always inside the queue) ----

  private async check({ retryFailed }: { retryFailed: boolean }): Promise<void> {
    const folder = this.status.folder;
    if (!folder) return;
    const generation = this.generation;
    this.update({ busy: 'checking' });
    let importedAny = false;
    try {
      const listed = await this.folderApi.list(folder.id);
      if (!listed.ok) {
        const before = this.status.problem;
        this.update({
          problem: { code: listed.code, message: listed.message },
          ...(listed.code === 'permission' && { access: 'prompt' as const }),
        });
        if (listed.code === 'unavailable' && before?.code !== 'unavailable')
          this.notify({ kind: 'unavailable', message: listed.message });
        return;
      }
      this.update({ problem: null });
      const me = await this.repository.sync.identity();
      for (const entry of listed.entries) {
        if (generation !== this.generation || this.status.folder?.id !== folder.id) return;
        if (isOwnFile(entry.name, me.replicaId)) continue;
        const known = this.status.state.files[entry.name];
        if (sameVersion(known, entry) && !(retryFailed && known?.result === 'failed')) continue;
        importedAny = (await this.checkFile(folder, entry, known)) || importedAny;
      }
      await this.saveState({ lastCheck: this.now().toISOString() });
    } finally {
      this.update({ busy: null });
    }
    if (importedAny && generation === this.generation) await this.writeOwn();
  }

  /** Reads, and imports where new, one colleague's file. True when the import changed the library. */
  private async checkFile(
    folder: SyncFolderInfo,
    entry: SyncFolderEntry,
    known: ColleagueFile | undefined,
  ): Promise<boolean> {
    const at = this.now().toISOString();
    const base = {
      name: entry.name,
      analyst: known?.analyst ?? null,
      replicaId: known?.replicaId ?? null,
      importedAt: known?.importedAt ?? null,
      checkedAt: at,
    };
    const record = (file: ColleagueFile) =>
      this.saveState({ files: { ...this.status.state.files, [entry.name]: file } });

    const read = await this.folderApi.read(folder.id, entry.name);
    if (!read.ok) {
      if (read.code === 'not-found') return false; // gone since the listing
      if (read.code === 'too-large') {
        // As final as a refusal: the same file is not read again until it changes.
        await record({
          ...base,
          size: entry.size,
          mtimeMs: entry.mtimeMs,
          sha256: null,
          result: 'refused',
          error: { code: read.code, message: read.message },
        });
        this.notify({
          kind: 'refused',
          file: entry.name,
          analyst: analystFromFileName(entry.name),
          code: read.code,
          message: read.message,
        });
        return false;
      }
      // Perhaps passing (a network drive, a file being replaced): tried again on the next change, told once.
      const key = `${entry.name}\u0000${entry.size}\u0000${entry.mtimeMs}`;
      if (!this.toldReadErrors.has(key)) {
        this.toldReadErrors.add(key);
        this.notify({
          kind: 'refused',
          file: entry.name,
          analyst: analystFromFileName(entry.name),
          code: read.code,
          message: read.message,
        });
      }
      return false;
    }
    // What was read is what is remembered (the file may have changed since the listing).
    const version = { size: read.entry.size, mtimeMs: read.entry.mtimeMs };
    const digest = await this.hash(read.bytes);
    if (known?.sha256 === digest && known.result !== 'failed') {
      // Touched or copied again, same bytes: nothing to import.
      await record({ ...known, ...version, checkedAt: at });
      return false;
    }

    const previewed = await this.repository.sync.preview(read.bytes).catch((error: unknown) => ({
      ok: false as const,
      error: { code: 'failed', message: error instanceof Error ? error.message : String(error) },
    }));
    if (!previewed.ok) {
      const failed = previewed.error.code === 'failed';
      await record({
        ...base,
        ...version,
        sha256: digest,
        result: failed ? 'failed' : 'refused',
        error: { code: previewed.error.code, message: previewed.error.message },
      });
      this.notify({
        kind: 'refused',
        file: entry.name,
        analyst: analystFromFileName(entry.name),
        code: previewed.error.code,
        message: previewed.error.message,
      });
      return false;
    }
    const { preview } = previewed;
    const who = { analyst: preview.manifest.analyst || null, replicaId: preview.manifest.replicaId };
    if (preview.ownBundle) {
      // Our own bundle under another name (a copy): nothing to learn from it.
      await record({ ...base, ...who, ...version, sha256: digest, result: 'own' });
      return false;
    }
    try {
      const outcome = await this.repository.sync.apply(preview);
      await record({
        ...base,
        ...who,
        ...version,
        sha256: digest,
        result: 'imported',
        importedAt: at,
        written: outcome.written,
        conflicts: outcome.conflicts,
      });
      if (outcome.written > 0) {
        this.notify({
          kind: 'imported',
          file: entry.name,
          analyst: who.analyst ?? analystFromFileName(entry.name),
          written: outcome.written,
          conflicts: outcome.conflicts,
        });
      }
      return outcome.written > 0;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await record({
        ...base,
        ...who,
        ...version,
        sha256: digest,
        result: 'failed',
        error: { code: 'failed', message },
      });
      this.notify({
        kind: 'refused',
        file: entry.name,
        analyst: who.analyst ?? analystFromFileName(entry.name),
        code: 'failed',
        message,
      });
      return false;
    }
  }

  /** Writes our whole library as our file in the folder. */
  private async writeOwn(): Promise<void> {
    const folder = this.status.folder;
    if (!folder) return;
    this.update({ busy: 'writing' });
    const at = () => this.now().toISOString();
    const failed = async (code: string, message: string) => {
      const before = this.status.state.writeError;
      await this.saveState({ writeError: { at: at(), code, message } });
      if (before?.code !== code) this.notify({ kind: 'write-failed', code, message });
    };
    try {
      const me = await this.repository.sync.identity();
      const name = ownBundleName(me.analyst, me.replicaId);
      this.update({ ownFileName: name });
      const bundle = await this.repository.sync.exportBundle({ includePdfs: this.status.state.includePdfs });
      if (bundle.bytes.byteLength > MAX_BRIDGE_FILE_BYTES) {
        await failed('too-large', `the bundle is over the ${MAX_BRIDGE_FILE_BYTES / 1024 / 1024} MB limit`);
        return;
      }
      const written = await this.folderApi.write({ folderId: folder.id, name, bytes: bundle.bytes });
      if (!written.ok) {
        if (written.code === 'permission') this.update({ access: 'prompt' });
        await failed(written.code, written.message);
        return;
      }
      await this.saveState({
        lastWrite: { at: at(), name, size: written.entry.size },
        writeError: null,
      });
    } catch (error) {
      await failed('failed', error instanceof Error ? error.message : String(error));
    } finally {
      this.update({ busy: null });
      this.scheduleWrite();
    }
  }

  /** The next scheduled write of our file: its interval after the last write (soon, if that is past). */
  private scheduleWrite(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    const interval = INTERVAL_MS[this.status.state.schedule];
    if (!this.running || !interval || !this.status.folder) return;
    const last = this.status.state.lastWrite ? Date.parse(this.status.state.lastWrite.at) : 0;
    const delay = Math.min(Math.max(last + interval - this.now().getTime(), 5_000), 2 ** 31 - 1);
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null;
      void this.enqueue(async () => {
        if (this.status.folder && this.status.access === 'granted') await this.writeOwn();
        else this.scheduleWrite();
      });
    }, delay);
  }
}

const instances = new WeakMap<object, SharedFolderSync>();

/** The app's one shared-folder loop for this repository and bridge. */
export function sharedFolderSync(repository: SharedFolderRepository, folder: SyncFolderApi): SharedFolderSync {
  let instance = instances.get(repository);
  if (!instance) {
    instance = new SharedFolderSync({ repository, folder });
    instances.set(repository, instance);
  }
  return instance;
}
