// The shared-folder loop (renderer/sync/shared-folder.ts) over the web build's folder
// (renderer/bridge/sync-folder-web.ts) on an in-memory directory, with a real repository in fake
// IndexedDB: a colleague's bundle is imported once per change, a refused one is told once and not
// read again until it changes, a half-copied one is read again once complete, a failed import is
// tried again by itself, our own file is written — on schedule only when the library changed —
// and never imported, two windows import a bundle once, and a restart remembers what was seen.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSyncFolder, type HandleStore } from '../../../renderer/bridge/sync-folder-web';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import {
  analystFromFileName,
  bundleFingerprint,
  ownBundleName,
  SharedFolderSync,
  type FolderLock,
  type SharedFolderNotice,
  type SharedFolderTiming,
} from '../../../renderer/sync/shared-folder';
import { readBundle } from '../../../shared/sync/bundle';
import { memoryDirectory, type MemoryDirectory } from '../bridge/memory-directory';
import { formatRevision } from '../../../shared/sync/hlc';
import { Colleague, sampleBundle } from './forge';
import { item, REPLICA_A, REPLICA_B, T0 } from './records';

const COLLEAGUE = `李四-${REPLICA_B}.dossier`;
const SETTLE = 1000;
const RETRY = 10_000;

let n = 0;
let db: DossierDatabase;
let repository: Repository;
let directory: MemoryDirectory;
let handles: HandleStore;
let clock: number;
const loops: SharedFolderSync[] = [];
const extraDbs: DossierDatabase[] = [];

beforeEach(async () => {
  db = openDatabase(`shared-folder-test-${n++}`);
  repository = createRepository(db);
  await repository.sync.setAnalyst('张三');
  clock = T0 + 86_400_000;
  directory = memoryDirectory('团队共享', () => clock);
  let stored: Awaited<ReturnType<HandleStore['load']>> = null;
  handles = { load: async () => stored, save: async (folder) => void (stored = folder) };
});
afterEach(async () => {
  for (const loop of loops.splice(0)) loop.stop();
  for (const other of extraDbs.splice(0)) other.close();
  db.close();
  await db.delete();
});

interface LoopOptions {
  /** Another window: its own connection and repository on the same library. */
  window?: { db: DossierDatabase; repository: Repository };
  timing?: Partial<SharedFolderTiming>;
  lock?: FolderLock;
  appVersion?: string;
}

function startLoop(options: LoopOptions = {}) {
  const windowRepository = options.window?.repository ?? repository;
  const folder = createWebSyncFolder({ pickDirectory: async () => directory, store: handles, pollMs: 0 });
  const preview = vi.spyOn(windowRepository.sync, 'preview');
  const exportBundle = vi.spyOn(windowRepository.sync, 'exportBundle');
  const write = vi.spyOn(folder, 'write');
  // A spy on a method already spied on is that spy: count this loop's calls only.
  preview.mockClear();
  exportBundle.mockClear();
  const loop = new SharedFolderSync({
    folder,
    repository: windowRepository,
    now: () => new Date(clock),
    timing: { settleMs: SETTLE, retryMs: RETRY, minDelayMs: 0, ...options.timing },
    ...(options.lock && { lock: options.lock }),
    ...(options.appVersion && { appVersion: options.appVersion }),
  });
  loops.push(loop);
  const notices: SharedFolderNotice[] = [];
  loop.onNotice((notice) => notices.push(notice));
  loop.start();
  return { loop, folder, preview, exportBundle, write, notices };
}

/** Another window of the same library. */
function otherWindow() {
  const other = openDatabase(db.name);
  extraDbs.push(other);
  return { db: other, repository: createRepository(other) };
}

const idle = async (loop: SharedFolderSync) => {
  // The queue is private: wait until a queued check has run.
  await loop.requestCheck();
};
/** Lets a refused file stand still long enough for its refusal to count, and looks again. */
const settle = async (loop: SharedFolderSync) => {
  clock += SETTLE;
  await idle(loop);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const waitFor = async (check: () => boolean, timeoutMs = 3000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await sleep(10);
  }
};
/** A lock shared by the loops of one test, as a Web Lock is by the windows of one library. */
function sharedLock(): FolderLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
const refusals = (notices: SharedFolderNotice[]) => notices.filter((x) => x.kind === 'refused');
const ownName = async () => ownBundleName('张三', (await repository.sync.identity()).replicaId);
const ownTitles = async (name: string) => {
  const read = readBundle(directory.files.get(name)!.bytes);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.records.items
    .filter((i) => !i.deleted)
    .map((i) => i.title)
    .sort();
};

describe('the shared folder loop', () => {
  it('imports a colleague’s bundle once, writes our own file, and never imports ours', async () => {
    const { loop, preview, notices } = startLoop();
    expect(await loop.pick()).toBe(true);
    const { replicaId } = await repository.sync.identity();
    const own = ownBundleName('张三', replicaId);
    expect(own).toBe(`张三-${replicaId}.dossier`);
    // Picking writes our file at once, so colleagues see us.
    expect(directory.files.has(own)).toBe(true);
    expect(loop.getStatus().state.lastWrite).toMatchObject({ name: own });

    clock += 1000;
    const lisi = new Colleague().add('任务甲');
    directory.put(COLLEAGUE, lisi.bundle());
    await idle(loop);
    expect(preview).toHaveBeenCalledTimes(1);
    expect((await db.items.toArray()).map((i) => i.title).sort()).toEqual(['Item I1', '任务甲']);
    const file = loop.getStatus().state.files[COLLEAGUE]!;
    expect(file).toMatchObject({ result: 'imported', analyst: '李四', replicaId: REPLICA_B, written: 3 });
    expect(notices).toEqual([{ kind: 'imported', file: COLLEAGUE, analyst: '李四', written: 3, conflicts: 0 }]);
    // After an import that changed the library, our file is written again (with what we imported).
    expect(loop.getStatus().state.lastWrite!.at).toBe(new Date(clock).toISOString());
    expect(await ownTitles(own)).toEqual(['Item I1', '任务甲']);

    // Nothing changed: nothing is read or imported, however often the folder is checked.
    await idle(loop);
    await idle(loop);
    expect(preview).toHaveBeenCalledTimes(1);
    // Touched (a sync client copying it again), same bytes: remembered, not imported.
    clock += 1000;
    directory.put(COLLEAGUE, directory.files.get(COLLEAGUE)!.bytes);
    await idle(loop);
    expect(preview).toHaveBeenCalledTimes(1);
    expect(loop.getStatus().state.files[COLLEAGUE]!.mtimeMs).toBe(clock);

    // Changed: imported again, once.
    clock += 1000;
    directory.put(COLLEAGUE, lisi.add('任务乙').bundle());
    await idle(loop);
    await idle(loop);
    expect(preview).toHaveBeenCalledTimes(2);
    expect(await db.items.count()).toBe(3);
    expect(loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'imported', written: 1, conflicts: 0 });
    expect(await db.conflicts.count()).toBe(0);
    // Our own file was never previewed.
    expect(preview.mock.calls.every(([bytes]) => bytes !== directory.files.get(own)?.bytes)).toBe(true);
  });

  it('tells a refused file once, once it stood still, and does not read it again until it changes', async () => {
    const { loop, preview, notices } = startLoop();
    await loop.pick();
    directory.put('王五.dossier', new TextEncoder().encode('not a bundle'));
    await idle(loop);
    // Perhaps still being copied: nothing recorded or told yet.
    expect(loop.getStatus().state.files['王五.dossier']).toBeUndefined();
    expect(refusals(notices)).toHaveLength(0);
    await settle(loop);
    expect(loop.getStatus().state.files['王五.dossier']).toMatchObject({
      result: 'refused',
      error: { code: 'not-a-zip' },
    });
    expect(refusals(notices)).toHaveLength(1);
    expect(preview).toHaveBeenCalledTimes(2);
    await idle(loop);
    await loop.syncNow();
    await settle(loop);
    expect(preview).toHaveBeenCalledTimes(2);
    expect(refusals(notices)).toHaveLength(1);

    clock += 1000;
    directory.put('王五.dossier', new Colleague().add('任务丙').bundle());
    await idle(loop);
    expect(preview).toHaveBeenCalledTimes(3);
    expect(loop.getStatus().state.files['王五.dossier']).toMatchObject({ result: 'imported', analyst: '李四' });
  });

  it('reads a half-copied bundle again once it is complete, even when its size and time did not change', async () => {
    const { loop, notices } = startLoop();
    await loop.pick();
    const whole = new Colleague().add('任务甲').bundle();
    const at = clock;
    // A copy onto a network drive that set the file's size first: zeros where the rest will come.
    const half = new Uint8Array(whole.length);
    half.set(whole.subarray(0, whole.length >> 1));
    directory.put(COLLEAGUE, half, at);
    await idle(loop);
    expect(loop.getStatus().state.files[COLLEAGUE]).toBeUndefined();
    directory.put(COLLEAGUE, whole, at);
    await settle(loop);
    expect(loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'imported', written: 3 });
    expect(refusals(notices)).toHaveLength(0);
    expect((await db.items.toArray()).map((i) => i.title)).toContain('任务甲');
  });

  it('never marks a failed import as imported, and tries it again by itself and at the next start', async () => {
    const first = startLoop();
    await first.loop.pick();
    const apply = vi.spyOn(repository.sync, 'apply').mockRejectedValueOnce(new Error('The transaction was aborted'));
    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    await idle(first.loop);
    expect(first.loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'failed', importedAt: null });
    expect(refusals(first.notices)).toMatchObject([{ code: 'failed' }]);
    await idle(first.loop);
    expect(apply).toHaveBeenCalledTimes(1); // not yet due
    clock += RETRY;
    await idle(first.loop);
    expect(first.loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'imported', written: 3 });
    expect(refusals(first.notices)).toHaveLength(1);

    // Failed again with the next version, then the app closed: the next start tries it again.
    apply.mockRejectedValueOnce(new Error('QuotaExceededError'));
    clock += 1000;
    directory.put(COLLEAGUE, new Colleague().add('任务甲').add('任务乙').bundle());
    await idle(first.loop);
    expect(first.loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'failed' });
    first.loop.stop();
    const second = startLoop();
    await idle(second.loop);
    expect(second.loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'imported', written: 1 });
  });

  it('tries a file it could not read again by itself, and tells only when that happens again', async () => {
    const { loop, folder, notices } = startLoop({ timing: { settleMs: 40 } });
    await loop.pick();
    const unreadable = { ok: false as const, code: 'unreadable' as const, message: 'EIO' };
    const read = vi.spyOn(folder, 'read').mockResolvedValueOnce(unreadable);
    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    await idle(loop);
    expect(refusals(notices)).toHaveLength(0);
    // No change is reported: the loop looks again by itself.
    clock += 40;
    await waitFor(() => loop.getStatus().state.files[COLLEAGUE]?.result === 'imported');
    expect(read).toHaveBeenCalledTimes(2);
    expect(refusals(notices)).toHaveLength(0);

    read.mockResolvedValueOnce(unreadable).mockResolvedValueOnce(unreadable);
    clock += 1000;
    directory.put('王五.dossier', new Colleague().add('任务丙').bundle());
    await idle(loop);
    clock += 40;
    await idle(loop);
    expect(refusals(notices)).toMatchObject([{ file: '王五.dossier', code: 'unreadable' }]);
  });

  it('does not report a folder replaced meanwhile as a refusal, and follows it', async () => {
    const { loop, folder, notices } = startLoop();
    await loop.pick();
    vi.spyOn(folder, 'read').mockResolvedValueOnce({
      ok: false,
      code: 'no-folder',
      message: 'another shared folder was chosen since',
    });
    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    await idle(loop);
    expect(notices).toEqual([]);
    await idle(loop);
    expect(loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'imported' });
  });

  it('abandons a preview under way when stopped, recording nothing', async () => {
    const realPreview = repository.sync.preview;
    const { loop, preview, notices } = startLoop();
    await loop.pick();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    preview.mockImplementationOnce(async (bytes, options) => {
      await gate;
      if (options?.signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
      return realPreview(bytes, options);
    });
    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    const checking = loop.requestCheck();
    await waitFor(() => preview.mock.calls.length === 1);
    loop.stop();
    release();
    await checking;
    expect(loop.getStatus().state.files[COLLEAGUE]).toBeUndefined();
    expect(notices).toEqual([]);
    expect(await db.items.count()).toBe(0);
  });

  it('reads a refused bundle again after Dossier was updated', async () => {
    const first = startLoop({ appVersion: '1.0.0' });
    await first.loop.pick();
    directory.put('王五.dossier', new TextEncoder().encode('from a newer Dossier, say'));
    await idle(first.loop);
    await settle(first.loop);
    expect(first.loop.getStatus().state.files['王五.dossier']).toMatchObject({
      result: 'refused',
      appVersion: '1.0.0',
    });
    first.loop.stop();

    const same = startLoop({ appVersion: '1.0.0' });
    await idle(same.loop);
    expect(same.preview).not.toHaveBeenCalled();
    same.loop.stop();
    const updated = startLoop({ appVersion: '1.1.0' });
    await idle(updated.loop);
    expect(updated.preview).toHaveBeenCalledTimes(1);
    await settle(updated.loop);
    expect(updated.loop.getStatus().state.files['王五.dossier']).toMatchObject({ appVersion: '1.1.0' });
    // Refused again for the same reason: not told again.
    expect(refusals(updated.notices)).toHaveLength(0);
  });

  it('ignores partial and temporary files, and folders', async () => {
    const { loop, preview } = startLoop();
    await loop.pick();
    directory.put(`${COLLEAGUE}.crswap`, new Colleague().add('半').bundle());
    directory.put(`.${COLLEAGUE}.a1b2.dossier-tmp`, new Colleague().add('半').bundle());
    directory.put(`${COLLEAGUE}.partial`, new Colleague().add('半').bundle());
    await idle(loop);
    expect(preview).not.toHaveBeenCalled();
    expect(loop.getStatus().state.files).toEqual({});
  });

  it('remembers what it imported across a restart', async () => {
    const first = startLoop();
    await first.loop.pick();
    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    await idle(first.loop);
    expect(first.preview).toHaveBeenCalledTimes(1);
    first.loop.stop();
    first.preview.mockRestore();

    const second = startLoop();
    await idle(second.loop);
    expect(second.loop.getStatus().folder?.name).toBe('团队共享');
    expect(second.loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'imported' });
    expect(second.preview).not.toHaveBeenCalled();
  });

  it('waits for the browser’s permission after a reload, then catches up', async () => {
    const first = startLoop();
    await first.loop.pick();
    first.loop.stop();
    first.preview.mockRestore();

    directory.permission = 'prompt';
    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    const second = startLoop();
    await idle(second.loop);
    expect(second.loop.getStatus().access).toBe('prompt');
    expect(second.preview).not.toHaveBeenCalled();

    directory.permission = 'granted';
    await second.loop.requestAccess();
    expect(second.loop.getStatus().access).toBe('granted');
    expect(second.preview).toHaveBeenCalledTimes(1);
  });

  it('says when the folder cannot be reached, once', async () => {
    const { loop, notices } = startLoop();
    await loop.pick();
    directory.gone = true;
    await idle(loop);
    await idle(loop);
    expect(loop.getStatus().problem).toMatchObject({ code: 'unavailable' });
    expect(notices.filter((x) => x.kind === 'unavailable')).toHaveLength(1);
    directory.gone = false;
    await idle(loop);
    expect(loop.getStatus().problem).toBeNull();
  });

  it('forgets the folder and what it saw there', async () => {
    const { loop } = startLoop();
    await loop.pick();
    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    await idle(loop);
    await loop.forget();
    expect(loop.getStatus()).toMatchObject({ folder: null, state: { folderId: null, files: {} } });
  });
});

describe('two windows of one library', () => {
  it('import a colleague’s bundle once, and follow a folder the other one picked', async () => {
    const lock = sharedLock();
    const a = startLoop({ lock });
    await a.loop.pick();
    const b = startLoop({ lock, window: otherWindow() });
    await idle(b.loop);
    expect(b.loop.getStatus().folder?.id).toBe(a.loop.getStatus().folder?.id);

    directory.put(COLLEAGUE, new Colleague().add('任务甲').bundle());
    await Promise.all([a.loop.requestCheck(), b.loop.requestCheck()]);
    await Promise.all([idle(a.loop), idle(b.loop)]);
    expect(a.preview.mock.calls.length + b.preview.mock.calls.length).toBe(1);
    expect([...a.notices, ...b.notices].filter((x) => x.kind === 'imported')).toHaveLength(1);
    const stored = (await repository.settings.get<{ files: Record<string, { result: string }> } | null>(
      'sharedFolder',
      null,
    ))!;
    expect(stored.files[COLLEAGUE]).toMatchObject({ result: 'imported' });
    expect(b.loop.getStatus().state.files[COLLEAGUE]).toMatchObject({ result: 'imported' });
    // One of them wrote our file after the import; the other found nothing left to write.
    expect(a.write.mock.calls.length + b.write.mock.calls.length).toBe(2);

    // A picks another folder: B takes it up at its next look.
    directory = memoryDirectory('另一个文件夹', () => clock);
    await a.loop.pick();
    await idle(b.loop);
    expect(b.loop.getStatus().folder).toMatchObject({ id: a.loop.getStatus().folder!.id, name: '另一个文件夹' });
  });
});

describe('writing our own file', () => {
  const schedule = { intervals: { off: 0, '15m': 30, '1h': 30 } };

  it('skips a scheduled write while the library is unchanged, and writes once it changes', async () => {
    const { loop, write, exportBundle } = startLoop({ timing: schedule });
    await loop.pick();
    const own = await ownName();
    const bytes = directory.files.get(own)!.bytes;
    expect(write).toHaveBeenCalledTimes(1);
    await loop.setSchedule('15m');
    await sleep(250); // several scheduled looks
    await idle(loop);
    expect(write).toHaveBeenCalledTimes(1);
    expect(exportBundle).toHaveBeenCalledTimes(1); // the change mark alone said "unchanged"
    expect(directory.files.get(own)!.bytes).toBe(bytes);

    // A local edit: the next scheduled look writes it, once.
    await db.items.put(item('L1', { title: '本地任务' }));
    await waitFor(() => write.mock.calls.length === 2);
    await sleep(150);
    expect(write).toHaveBeenCalledTimes(2);
    expect(await ownTitles(own)).toEqual(['本地任务']);

    // So does a deletion.
    await db.items.delete('L1');
    await waitFor(() => write.mock.calls.length === 3);
    expect(await ownTitles(own)).toEqual([]);
  });

  it('does not rewrite its file for an import that brought nothing (no endless rewriting between colleagues)', async () => {
    const { loop, write, exportBundle } = startLoop({ timing: schedule });
    await loop.pick();
    const bundle = new Colleague().add('任务甲').bundle();
    directory.put(COLLEAGUE, bundle);
    await idle(loop);
    expect(write).toHaveBeenCalledTimes(2); // at the pick, and after the import
    await loop.setSchedule('15m');
    await sleep(100);
    expect(write).toHaveBeenCalledTimes(2);

    // The same records again under another name: imported, nothing written — but our clock moved past the sender's.
    directory.put('李四 (conflicted copy).dossier', bundle);
    await idle(loop);
    expect(loop.getStatus().state.files['李四 (conflicted copy).dossier']).toMatchObject({ written: 0 });
    const exports = exportBundle.mock.calls.length;
    await sleep(250);
    await idle(loop);
    expect(write).toHaveBeenCalledTimes(2);
    // One look made the bundle and found it held what the folder's does; the later ones did not even make it.
    expect(exportBundle.mock.calls.length).toBe(exports + 1);
  });

  it('writes on schedule when its file went missing or the analyst’s name changed', async () => {
    const { loop, write } = startLoop({ timing: schedule });
    await loop.pick();
    await loop.setSchedule('15m');
    const own = await ownName();
    directory.files.delete(own);
    await idle(loop);
    await waitFor(() => directory.files.has(own));
    expect(write).toHaveBeenCalledTimes(2);

    await repository.sync.setAnalyst('张三丰');
    const renamed = ownBundleName('张三丰', (await repository.sync.identity()).replicaId);
    await waitFor(() => directory.files.has(renamed));
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('does not make a bundle too large to write again until the library changes', async () => {
    const { loop, write, exportBundle, notices } = startLoop({ timing: schedule });
    await loop.pick();
    const real = await repository.sync.exportBundle({});
    const huge = Object.defineProperty(new Uint8Array(1), 'byteLength', { value: 300 * 1024 * 1024 });
    exportBundle.mockResolvedValue({ ...real, bytes: huge as Uint8Array<ArrayBuffer> });
    exportBundle.mockClear();
    await db.items.put(item('L1', { title: '本地任务' }));
    await loop.setSchedule('15m');
    await waitFor(() => loop.getStatus().state.writeError !== null);
    await sleep(200);
    expect(exportBundle).toHaveBeenCalledTimes(1);
    expect(loop.getStatus().state.writeError).toMatchObject({ code: 'too-large' });
    expect(notices.filter((x) => x.kind === 'write-failed')).toHaveLength(1);
    expect(write).toHaveBeenCalledTimes(1); // the pick's

    exportBundle.mockRestore();
    await db.items.put(item('L2', { title: '又一个' }));
    await waitFor(() => loop.getStatus().state.writeError === null);
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('writes on “Sync now” even when nothing changed', async () => {
    const { loop, write } = startLoop();
    await loop.pick();
    await loop.syncNow();
    await loop.syncNow();
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('fingerprints what a bundle holds, not when it was made', async () => {
    const earlier = sampleBundle();
    const later = sampleBundle({
      createdAt: new Date(T0 + 3_600_000).toISOString(),
      clock: formatRevision({ wall: T0 + 3_600_000, counter: 3, replica: REPLICA_A }),
    });
    expect(later).not.toEqual(earlier);
    expect(await bundleFingerprint(earlier)).toMatch(/^[0-9a-f]{64}$/);
    expect(await bundleFingerprint(later)).toBe(await bundleFingerprint(earlier));
    expect(await bundleFingerprint(sampleBundle({ analyst: '张三丰' }))).not.toBe(await bundleFingerprint(earlier));
    expect(await bundleFingerprint(sampleBundle({ records: {} }))).not.toBe(await bundleFingerprint(earlier));
    expect(await bundleFingerprint(new TextEncoder().encode('not a zip'))).toBeNull();
  });
});

describe('file names', () => {
  it('names our file after the analyst and the replica, safely', () => {
    const id = '01HV0000000000000000000AAA';
    expect(ownBundleName('张三', id)).toBe(`张三-${id}.dossier`);
    expect(ownBundleName('', id)).toBe(`dossier-${id}.dossier`);
    expect(ownBundleName('../../etc/passwd', id)).toBe(`etc-passwd-${id}.dossier`);
    expect(ownBundleName('a\u202egnp.exe', id)).toBe(`agnp-exe-${id}.dossier`);
    expect(ownBundleName('x'.repeat(300), id)).toBe(`${'x'.repeat(40)}-${id}.dossier`);
    expect(analystFromFileName(`李四-${id}.dossier`)).toBe('李四');
    expect(analystFromFileName('王五.dossier')).toBe('王五');
  });
});
