// The shared folder, from the renderer's side: every installation keeps one bundle of its own in
// the folder (`<analyst>-<replicaId>.dossier`, the whole library, replaced atomically) and reads
// its colleagues' bundles as they change.
//
// - When the folder changes (the bridge's watch or poll), at start, on coming back to the window
//   and on "Sync now", each colleague's file whose size or time differs from what was last seen
//   is read; a file whose SHA-256 is the one last imported is only remembered with its new time.
//   Any other is previewed and applied at once (concurrent edits become conflicts, listed in the
//   conflicts view): each version of a colleague's file is imported once.
// - A file may be read while a colleague's machine is still copying it (a network drive, a sync
//   client writing in place). So a refusal counts only once the same bytes were refused twice,
//   `settleMs` apart: until then nothing is recorded or told, and the file is read again. A
//   refused file is then told once and left alone until it changes (or Dossier is updated).
// - A file that could not be read, or whose import failed (not refused: the library is as it
//   was), is never recorded as imported: it is tried again by itself (after `settleMs`, then
//   `retryMs`, doubling), at the next start and on "Sync now"; told once.
// - Our own file is written on "Sync now" (always), after an import that changed the library, and
//   on the analyst's schedule (off, every 15 minutes, hourly) — but a scheduled write is skipped
//   while the library has not changed since the last one: its change mark
//   (`repository.sync.libraryMark`) is the same, or the bundle it would write holds the same entries (an import
//   that brought nothing still moves the clock, and two installations must not keep rewriting
//   their files for each other). Never imported by ourselves: our names end in our replica id,
//   and a copy under another name is recognised by its manifest.
// - Windows of one library (two windows, two tabs) share the work: each folder task runs holding
//   a Web Lock and starts from the state as stored, so a bundle is imported by one of them, once.
//
// What was seen lives in the settings (`sharedFolder`), so a restart imports nothing twice.
// Storage is only reached through the repository (and the library's change mark); the folder
// only through the bridge.
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
/** The Web Lock every window of this library takes for a folder task. */
export const SHARED_FOLDER_LOCK = 'dossier-shared-folder';

export type SharedFolderSchedule = 'off' | '15m' | '1h';
export const SHARED_FOLDER_SCHEDULES: readonly SharedFolderSchedule[] = ['off', '15m', '1h'];

export interface SharedFolderTiming {
  /** How long after the last write (or skipped write) the schedule looks again, by schedule; 0: never. */
  intervals: Record<SharedFolderSchedule, number>;
  /** The soonest a scheduled write runs (after a start, the last one long past). */
  minDelayMs: number;
  /** How long a refused file must stay the same before its refusal counts; the first retry of a read error. */
  settleMs: number;
  /** The first retry of a failed import or a read error that failed twice; doubled each time, up to an hour. */
  retryMs: number;
}

export const DEFAULT_TIMING: SharedFolderTiming = {
  intervals: { off: 0, '15m': 15 * 60_000, '1h': 60 * 60_000 },
  minDelayMs: 5_000,
  settleMs: 5_000,
  retryMs: 60_000,
};
const MAX_RETRY_MS = 60 * 60_000;

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
  /** Why it was refused or failed: a bundle refusal's code, a folder error's, or 'failed'. */
  error?: { code: string; message: string };
  /** 'failed': how many times in a row (the next try waits longer each time). */
  failures?: number;
  /** 'refused': the app version that refused it (a newer one reads it again). */
  appVersion?: string;
}

/** Our own file, as last written. */
export interface OwnWrite {
  at: string;
  name: string;
  size: number;
  /** The library's change mark read before the bundle was made (null: unknown). */
  mark?: string | null;
  /** What the bundle held (its manifest's entries, analyst and filter), hashed; null: unknown. */
  fingerprint?: string | null;
  includePdfs?: boolean;
}

export interface SharedFolderState {
  /** The folder the rest describes; a new folder starts afresh. */
  folderId: string | null;
  schedule: SharedFolderSchedule;
  includePdfs: boolean;
  /** When the folder was last read through. */
  lastCheck: string | null;
  /** Our own file, when last written. */
  lastWrite: OwnWrite | null;
  /** The last write failed: why (and, for a bundle too large, the library's mark then: not tried again until it changes). */
  writeError: { at: string; code: string; message: string; mark?: string | null } | null;
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
  /** `code`: a bundle refusal's (shared/sync/bundle-errors.ts), a folder error's, or 'failed' (the import failed). */
  | { kind: 'refused'; file: string; analyst: string; code: string; message: string }
  /** `code`: a folder error's, 'too-large', or 'export-failed' (the bundle could not be made). */
  | { kind: 'write-failed'; code: string; message: string }
  | { kind: 'unavailable'; code: string; message: string };

export type SharedFolderRepository = Pick<Repository, 'settings'> & {
  sync: Pick<Repository['sync'], 'identity' | 'exportBundle' | 'preview' | 'apply' | 'libraryMark'>;
};

/** Runs `task` holding the lock all windows of this library share. */
export type FolderLock = <T>(task: () => Promise<T>) => Promise<T>;

export interface SharedFolderDeps {
  folder: SyncFolderApi;
  repository: SharedFolderRepository;
  now?: () => Date;
  /** SHA-256 as hex (default: Web Crypto where available, else @noble/hashes). */
  hash?: (bytes: Uint8Array) => Promise<string>;
  /** Default: the Web Lock SHARED_FOLDER_LOCK where the platform has Web Locks. */
  lock?: FolderLock;
  timing?: Partial<SharedFolderTiming>;
  /** Default: the app's version. */
  appVersion?: string;
}

async function defaultHash(bytes: Uint8Array): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
    return bytesToHex(new Uint8Array(digest));
  }
  return bytesToHex(sha256(bytes));
}

function defaultLock(): FolderLock {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (!locks) return (task) => task();
  return <T>(task: () => Promise<T>) => locks.request(SHARED_FOLDER_LOCK, () => task()) as Promise<T>;
}

const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0';

const isAbort = (error: unknown): boolean => (error as { name?: unknown } | null)?.name === 'AbortError';
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * What a bundle holds, apart from when it was made: a hash of its manifest's entries (each with
 * its SHA-256), analyst and filter. Two bundles of an unchanged library have the same; null when
 * the manifest cannot be read.
 */
export async function bundleFingerprint(bytes: Uint8Array): Promise<string | null> {
  try {
    const [{ readZipDirectory, inflateEntry }, { DEFAULT_BUNDLE_LIMITS }, { MANIFEST_ENTRY }] = await Promise.all([
      import('../../shared/sync/zip-reader'),
      import('../../shared/sync/bundle'),
      import('../../shared/sync/manifest'),
    ]);
    const entry = readZipDirectory(bytes, DEFAULT_BUNDLE_LIMITS).find((e) => e.name === MANIFEST_ENTRY);
    if (!entry) return null;
    const manifest = JSON.parse(new TextDecoder().decode(inflateEntry(bytes, entry))) as {
      formatVersion?: unknown;
      analyst?: unknown;
      filter?: unknown;
      entries?: Record<string, unknown>;
    };
    const entries = Object.entries(manifest.entries ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const held = JSON.stringify([manifest.formatVersion, manifest.analyst, manifest.filter, entries]);
    return bytesToHex(sha256(new TextEncoder().encode(held)));
  } catch {
    return null;
  }
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

const versionKey = (entry: { size: number; mtimeMs: number }) => `${entry.size}\u0000${entry.mtimeMs}`;
const sameVersion = (known: ColleagueFile | undefined, entry: SyncFolderEntry) =>
  !!known && known.size === entry.size && known.mtimeMs === entry.mtimeMs;

/** A colleague's file seen but not settled: refused once (perhaps still being copied) or not readable. Kept in memory. */
interface Pending {
  /** The version (size, time) it was last looked at. */
  version: string;
  /** The bytes refused, or null for a read error. */
  digest: string | null;
  /** When these bytes (or this read error) were first met. */
  since: number;
  /** When to look again. */
  dueAt: number;
  attempts: number;
  told: boolean;
}

/** What checking one file came to. */
type FileOutcome = 'imported' | 'done' | 'stop';

const normalizeState = (stored: Partial<SharedFolderState> | null): SharedFolderState => ({
  ...initialSharedFolderState,
  ...(stored ?? {}),
});

export class SharedFolderSync {
  private readonly folderApi: SyncFolderApi;
  private readonly repository: SharedFolderRepository;
  private readonly now: () => Date;
  private readonly hash: (bytes: Uint8Array) => Promise<string>;
  private readonly lock: FolderLock;
  private readonly timing: SharedFolderTiming;
  private readonly appVersion: string;
  private status: SharedFolderStatus;
  private readonly listeners = new Set<() => void>();
  private readonly noticeListeners = new Set<(notice: SharedFolderNotice) => void>();
  /** One folder task at a time: checks and writes are queued (and, across windows, locked). */
  private queue: Promise<unknown> = Promise.resolve();
  private checkQueued = false;
  private running = false;
  private generation = 0;
  /** Aborted by stop(): a preview or export under way ends there. */
  private abort = new AbortController();
  private unsubscribe: (() => void) | null = null;
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: { at: number; timer: ReturnType<typeof setTimeout> } | null = null;
  /** When the schedule last looked (and wrote, or found nothing to write). */
  private lastScheduled = 0;
  /** Our file is not in the folder as we wrote it (removed, replaced): the next write may not be skipped. */
  private ownFileChanged = false;
  private readonly pending = new Map<string, Pending>();
  /** The colleagues' files of the last listing, by name and version: only those are tried again. */
  private listed = new Map<string, string>();

  constructor(deps: SharedFolderDeps) {
    this.folderApi = deps.folder;
    this.repository = deps.repository;
    this.now = deps.now ?? (() => new Date());
    this.hash = deps.hash ?? defaultHash;
    this.lock = deps.lock ?? defaultLock();
    this.timing = {
      ...DEFAULT_TIMING,
      ...deps.timing,
      intervals: { ...DEFAULT_TIMING.intervals, ...deps.timing?.intervals },
    };
    this.appVersion = deps.appVersion ?? APP_VERSION;
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
  private nowMs(): number {
    return this.now().getTime();
  }

  // ---- life cycle ----

  /** Reads the settings and the folder, listens for changes and checks the folder once. Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    const generation = ++this.generation;
    void this.enqueue(async () => {
      const stored = await this.repository.settings.get<Partial<SharedFolderState> | null>(SHARED_FOLDER_KEY, null);
      const folder = this.status.supported ? await this.folderApi.current().catch(() => null) : null;
      if (generation !== this.generation) return;
      this.update({ state: normalizeState(stored), folder, ready: true });
      // Failed imports are tried again at every start.
      await this.adopt(folder, { retryAll: true });
    }, false);
    // Any change report: a window whose folder another window replaced catches up in the task.
    this.unsubscribe = this.folderApi.onChange(() => void this.requestCheck());
  }

  /** Stops listening, the schedule and the retries; a preview or export under way is abandoned. */
  stop(): void {
    this.running = false;
    this.generation++;
    this.abort.abort();
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    this.retryTimer = null;
  }

  /**
   * Queues a folder task. It runs holding the lock every window of this library shares, and (unless
   * `refresh` is false) starts from the state as stored: another window may have imported, written
   * or changed the folder meanwhile.
   */
  private enqueue<T>(task: () => Promise<T>, refresh = true): Promise<T> {
    const locked = () =>
      this.lock(async () => {
        if (refresh) await this.refresh();
        return task();
      });
    const run = this.queue.then(locked, locked);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Takes up what other windows stored: the state, and the folder when they chose another. */
  private async refresh(): Promise<void> {
    if (!this.status.ready) return;
    const stored = await this.repository.settings.get<Partial<SharedFolderState> | null>(SHARED_FOLDER_KEY, null);
    if (!stored) return;
    const state = normalizeState(stored);
    this.update({ state });
    if (state.folderId !== (this.status.folder?.id ?? null)) {
      const folder = this.status.supported ? await this.folderApi.current().catch(() => null) : null;
      await this.adopt(folder, { check: false });
    }
  }

  /** Makes `folder` the one the state describes, checks access, and (unless told not to) checks the folder. */
  private async adopt(
    folder: SyncFolderInfo | null,
    { check = true, retryAll = false }: { check?: boolean; retryAll?: boolean } = {},
  ): Promise<void> {
    if (!folder) {
      this.pending.clear();
      this.update({ folder: null, access: null, problem: null, ownFileName: null });
      this.scheduleWrite();
      return;
    }
    if (this.status.state.folderId !== folder.id) {
      this.pending.clear();
      this.ownFileChanged = false;
      await this.saveState({ folderId: folder.id, files: {}, lastCheck: null, lastWrite: null, writeError: null });
    }
    const me = await this.repository.sync.identity();
    const access = await this.folderApi.access(folder.id).catch((): SyncFolderAccess => 'prompt');
    this.update({ folder, access, ownFileName: ownBundleName(me.analyst, me.replicaId) });
    if (check && access === 'granted') await this.check({ retryAll });
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
      if (this.status.access === 'granted' && !this.status.state.lastWrite) await this.writeOwn({ force: true });
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
    if (access === 'granted') await this.enqueue(() => this.adopt(this.status.folder));
  }

  /** "Sync now": reads colleagues' changed files (and those waiting for another try), then writes ours, changed or not. */
  async syncNow(): Promise<void> {
    await this.enqueue(async () => {
      const folder = this.status.folder;
      if (!folder) return;
      if (this.status.access !== 'granted') {
        const access = await this.folderApi.access(folder.id);
        this.update({ access });
        if (access !== 'granted') return;
      }
      await this.check({ retryAll: true, writeAfterImport: false });
      if (this.status.folder?.id === folder.id && this.status.problem?.code !== 'unavailable')
        await this.writeOwn({ force: true });
    });
  }

  async setSchedule(schedule: SharedFolderSchedule): Promise<void> {
    await this.enqueue(async () => {
      await this.saveState({ schedule });
      this.scheduleWrite();
    });
  }

  async setIncludePdfs(includePdfs: boolean): Promise<void> {
    await this.enqueue(() => this.saveState({ includePdfs }));
  }

  /** A change was reported: check once the current task is done (changes meanwhile fold into one check). */
  requestCheck(): Promise<void> {
    if (this.checkQueued) return this.queue.then(() => undefined);
    this.checkQueued = true;
    return this.enqueue(async () => {
      this.checkQueued = false;
      if (this.running && this.status.folder && this.status.access === 'granted') await this.check({ retryAll: false });
    });
  }

  // ---- the work (always inside the queue) ----

  /** Whether the task for `folder` should stop: stopped, or another folder was chosen. */
  private abandoned(folder: SyncFolderInfo, generation: number): boolean {
    return generation !== this.generation || this.status.folder?.id !== folder.id;
  }

  /** The folder id we hold is stale (another window, or main, has another folder): take up the current one. */
  private async followFolder(): Promise<void> {
    const folder = await this.folderApi.current().catch(() => null);
    if (folder?.id !== this.status.folder?.id) {
      await this.adopt(folder, { check: false });
      if (folder) void this.requestCheck();
    }
  }

  private async check({
    retryAll,
    writeAfterImport = true,
  }: {
    retryAll: boolean;
    writeAfterImport?: boolean;
  }): Promise<void> {
    const folder = this.status.folder;
    if (!folder) return;
    const generation = this.generation;
    this.update({ busy: 'checking' });
    let importedAny = false;
    try {
      const listed = await this.folderApi.list(folder.id);
      if (this.abandoned(folder, generation)) return;
      if (!listed.ok) {
        if (listed.code === 'no-folder') return await this.followFolder();
        const before = this.status.problem;
        this.update({
          problem: { code: listed.code, message: listed.message },
          ...(listed.code === 'permission' && { access: 'prompt' as const }),
        });
        if (listed.code === 'unavailable' && before?.code !== 'unavailable')
          this.notify({ kind: 'unavailable', code: listed.code, message: listed.message });
        return;
      }
      this.update({ problem: null });
      const me = await this.repository.sync.identity();
      this.noteOwnFile(listed.entries, ownBundleName(me.analyst, me.replicaId));
      this.listed = new Map(listed.entries.map((e) => [e.name, versionKey(e)]));
      for (const name of this.pending.keys()) if (!this.listed.has(name)) this.pending.delete(name);
      for (const entry of listed.entries) {
        if (this.abandoned(folder, generation)) return;
        if (isOwnFile(entry.name, me.replicaId)) continue;
        if (!this.due(entry, retryAll)) continue;
        const outcome = await this.checkFile(folder, entry);
        if (outcome === 'stop') return;
        importedAny ||= outcome === 'imported';
      }
      await this.saveState({ lastCheck: this.now().toISOString() });
    } finally {
      this.update({ busy: null });
    }
    // Only after a listing: a folder out of reach is looked at again when the bridge reports it back.
    this.scheduleRetry();
    if (importedAny && writeAfterImport && !this.abandoned(folder, generation)) await this.writeOwn({ force: false });
  }

  /** Whether our file is in the folder as we last wrote it; if not, the next write is not skipped. */
  private noteOwnFile(entries: readonly SyncFolderEntry[], name: string): void {
    const last = this.status.state.lastWrite;
    if (!last || last.name !== name) return;
    const entry = entries.find((e) => e.name === name);
    // Size only: some sync clients touch the time of files they copy.
    if (!entry || entry.size !== last.size) this.ownFileChanged = true;
  }

  /** Whether a colleague's file is to be read now. */
  private due(entry: SyncFolderEntry, retryAll: boolean): boolean {
    const now = this.nowMs();
    const pending = this.pending.get(entry.name);
    if (pending) return retryAll || pending.version !== versionKey(entry) || pending.dueAt <= now;
    const known = this.status.state.files[entry.name];
    if (!known || !sameVersion(known, entry)) return true;
    if (known.result === 'failed') return retryAll || this.failedDueAt(known) <= now;
    // A newer Dossier may read what an older one refused (once: it records its own version).
    if (known.result === 'refused') return known.appVersion !== this.appVersion;
    return false;
  }

  private failedDueAt(file: ColleagueFile): number {
    const wait = Math.min(this.timing.retryMs * 2 ** Math.max(0, (file.failures ?? 1) - 1), MAX_RETRY_MS);
    return Date.parse(file.checkedAt) + wait;
  }

  /** Looks again when the first pending file or failed import of the last listing is due. */
  private scheduleRetry(): void {
    if (!this.running || !this.status.folder) return;
    let at = Infinity;
    for (const pending of this.pending.values()) at = Math.min(at, pending.dueAt);
    for (const file of Object.values(this.status.state.files)) {
      if (file.result === 'failed' && this.listed.get(file.name) === versionKey(file))
        at = Math.min(at, this.failedDueAt(file));
    }
    if (at === Infinity) return;
    if (this.retryTimer && this.retryTimer.at <= at) return;
    if (this.retryTimer) clearTimeout(this.retryTimer.timer);
    // Never sooner than a moment from now, whatever went wrong in between.
    const delay = Math.min(Math.max(at - this.nowMs(), Math.min(this.timing.settleMs, 1000)), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.retryTimer = null;
      void this.requestCheck();
    }, delay);
    this.retryTimer = { at, timer };
  }

  /** Reads, and imports where new, one colleague's file. */
  private async checkFile(folder: SyncFolderInfo, entry: SyncFolderEntry): Promise<FileOutcome> {
    const now = this.nowMs();
    const at = new Date(now).toISOString();
    const known = this.status.state.files[entry.name];
    const base = {
      name: entry.name,
      analyst: known?.analyst ?? null,
      replicaId: known?.replicaId ?? null,
      importedAt: known?.importedAt ?? null,
      checkedAt: at,
    };
    const record = (file: ColleagueFile) => {
      this.pending.delete(entry.name);
      return this.saveState({ files: { ...this.status.state.files, [entry.name]: file } });
    };
    const tell = (code: string, message: string, analyst = analystFromFileName(entry.name)) =>
      this.notify({ kind: 'refused', file: entry.name, analyst, code, message });

    const read = await this.folderApi.read(folder.id, entry.name);
    if (!read.ok) {
      switch (read.code) {
        case 'no-folder':
          await this.followFolder();
          return 'stop';
        case 'permission':
          this.update({ access: 'prompt', problem: { code: read.code, message: read.message } });
          return 'stop';
        case 'not-found':
          this.pending.delete(entry.name);
          return 'done'; // gone since the listing
        case 'too-large':
          // As final as a refusal: the same file is not read again until it changes.
          await record({
            ...base,
            size: entry.size,
            mtimeMs: entry.mtimeMs,
            sha256: null,
            result: 'refused',
            error: { code: read.code, message: read.message },
            appVersion: this.appVersion,
          });
          tell(read.code, read.message);
          return 'done';
        default: {
          // Perhaps passing (a network drive, a file being replaced): tried again by itself, told if it fails again.
          const version = versionKey(entry);
          const before = this.pending.get(entry.name);
          const same = before?.version === version && before.digest === null;
          const attempts = same ? before.attempts + 1 : 1;
          const told = same && before.told;
          const wait = attempts === 1 ? this.timing.settleMs : this.timing.retryMs * 2 ** Math.min(attempts - 2, 6);
          this.pending.set(entry.name, {
            version,
            digest: null,
            since: same ? before.since : now,
            dueAt: now + Math.min(wait, MAX_RETRY_MS),
            attempts,
            told: told || attempts >= 2,
          });
          if (attempts >= 2 && !told) tell(read.code, read.message);
          return 'done';
        }
      }
    }
    // What was read is what is remembered (the file may have changed since the listing).
    const version = { size: read.entry.size, mtimeMs: read.entry.mtimeMs };
    const digest = await this.hash(read.bytes);
    const settled = known?.sha256 === digest;
    if (settled && known.result !== 'failed' && !(known.result === 'refused' && known.appVersion !== this.appVersion)) {
      // Touched or copied again, same bytes: nothing to import.
      await record({ ...known, ...version, checkedAt: at });
      return 'done';
    }

    const previewed = await this.repository.sync
      .preview(read.bytes, { signal: this.abort.signal })
      .catch((error: unknown) => {
        if (isAbort(error)) return null;
        return { ok: false as const, error: { code: 'failed', message: messageOf(error) } };
      });
    if (!previewed) return 'stop'; // stopped
    if (!previewed.ok) {
      const { code, message } = previewed.error;
      const toldBefore = known?.sha256 === digest && known.error?.code === code;
      if (code === 'failed') {
        const failures = known?.result === 'failed' && known.sha256 === digest ? (known.failures ?? 1) + 1 : 1;
        await record({ ...base, ...version, sha256: digest, result: 'failed', error: { code, message }, failures });
        if (!toldBefore) tell(code, message);
        return 'done';
      }
      // A refusal counts once the same bytes were refused again, settleMs later: a file still being
      // copied changes between the two reads.
      const before = this.pending.get(entry.name);
      const firstMet = before?.digest === digest ? before.since : now;
      if (now - firstMet < this.timing.settleMs) {
        this.pending.set(entry.name, {
          version: versionKey(version),
          digest,
          since: firstMet,
          dueAt: firstMet + this.timing.settleMs,
          attempts: (before?.digest === digest ? before.attempts : 0) + 1,
          told: false,
        });
        return 'done';
      }
      await record({
        ...base,
        ...version,
        sha256: digest,
        result: 'refused',
        error: { code, message },
        appVersion: this.appVersion,
      });
      if (!toldBefore) tell(code, message);
      return 'done';
    }
    const { preview } = previewed;
    const who = { analyst: preview.manifest.analyst || null, replicaId: preview.manifest.replicaId };
    if (preview.ownBundle) {
      // Our own bundle under another name (a copy): nothing to learn from it.
      await record({ ...base, ...who, ...version, sha256: digest, result: 'own' });
      return 'done';
    }
    let outcome: Awaited<ReturnType<SharedFolderRepository['sync']['apply']>>;
    try {
      outcome = await this.repository.sync.apply(preview);
    } catch (error) {
      // Not imported (the import is one transaction): tried again later, never marked imported.
      const message = messageOf(error);
      const failures = known?.result === 'failed' && known.sha256 === digest ? (known.failures ?? 1) + 1 : 1;
      await record({
        ...base,
        ...who,
        ...version,
        sha256: digest,
        result: 'failed',
        error: { code: 'failed', message },
        failures,
      });
      if (!(known?.result === 'failed' && known.sha256 === digest)) tell('failed', message, who.analyst ?? undefined);
      return 'done';
    }
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
    return outcome.written > 0 ? 'imported' : 'done';
  }

  /** The library's change mark, or null when it cannot be read (then nothing is skipped). */
  private async readMark(): Promise<string | null> {
    try {
      return await this.repository.sync.libraryMark();
    } catch {
      return null;
    }
  }

  /**
   * Writes our whole library as our file in the folder. Unless `force`d, skipped while the library
   * has not changed since the last write (same mark), or the bundle would hold what the last one did.
   */
  private async writeOwn({ force }: { force: boolean }): Promise<void> {
    const folder = this.status.folder;
    if (!folder) return;
    const generation = this.generation;
    const at = () => this.now().toISOString();
    let mark: string | null = null;
    const failed = async (code: string, message: string) => {
      const before = this.status.state.writeError;
      await this.saveState({ writeError: { at: at(), code, message, mark } });
      if (before?.code !== code) this.notify({ kind: 'write-failed', code, message });
    };
    try {
      const me = await this.repository.sync.identity();
      const name = ownBundleName(me.analyst, me.replicaId);
      this.update({ ownFileName: name });
      const { includePdfs, writeError } = this.status.state;
      const last = this.status.state.lastWrite;
      mark = await this.readMark();
      const mayReuse =
        !force &&
        !!last &&
        !writeError &&
        !this.ownFileChanged &&
        last.name === name &&
        (last.includePdfs ?? false) === includePdfs;
      if (mayReuse && mark !== null && last.mark === mark) return;
      // Too large to write, and nothing changed since: making it again would only fail again.
      if (!force && mark !== null && writeError?.code === 'too-large' && writeError.mark === mark) return;

      this.update({ busy: 'writing' });
      const bundle = await this.repository.sync.exportBundle({ includePdfs }, { signal: this.abort.signal });
      if (generation !== this.generation || this.status.folder?.id !== folder.id) return;
      if (bundle.bytes.byteLength > MAX_BRIDGE_FILE_BYTES) {
        await failed('too-large', `the bundle is over the ${MAX_BRIDGE_FILE_BYTES / 1024 / 1024} MB limit`);
        return;
      }
      const fingerprint = await bundleFingerprint(bundle.bytes);
      if (mayReuse && fingerprint !== null && last.fingerprint === fingerprint) {
        // Only the clock moved (an import that brought nothing): what the folder holds is current.
        await this.saveState({ lastWrite: { ...last, mark } });
        return;
      }
      const written = await this.folderApi.write({ folderId: folder.id, name, bytes: bundle.bytes });
      if (!written.ok) {
        if (written.code === 'no-folder') return await this.followFolder();
        if (written.code === 'permission') this.update({ access: 'prompt' });
        await failed(written.code, written.message);
        return;
      }
      this.ownFileChanged = false;
      await this.saveState({
        lastWrite: { at: at(), name, size: written.entry.size, mark, fingerprint, includePdfs },
        writeError: null,
      });
    } catch (error) {
      if (isAbort(error)) return;
      await failed('export-failed', messageOf(error));
    } finally {
      this.update({ busy: null });
      this.scheduleWrite();
    }
  }

  /** The next scheduled write of our file: its interval after the last write, or the last look (soon, if that is past). */
  private scheduleWrite(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    const interval = this.timing.intervals[this.status.state.schedule];
    if (!this.running || !interval || !this.status.folder) return;
    const lastWrite = this.status.state.lastWrite ? Date.parse(this.status.state.lastWrite.at) : 0;
    const base = Math.max(Number.isNaN(lastWrite) ? 0 : lastWrite, this.lastScheduled);
    const delay = Math.min(Math.max(base + interval - this.nowMs(), this.timing.minDelayMs), 2 ** 31 - 1);
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null;
      void this.enqueue(async () => {
        if (!this.running) return;
        this.lastScheduled = this.nowMs();
        if (this.status.folder && this.status.access === 'granted') await this.writeOwn({ force: false });
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
