// The shared-folder loop (renderer/sync/shared-folder.ts) over the web build's folder
// (renderer/bridge/sync-folder-web.ts) on an in-memory directory, with a real repository in fake
// IndexedDB: a colleague's bundle is imported once per change, a refused one is told once and not
// read again until it changes, our own file is written and never imported, and a restart
// remembers what was seen.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSyncFolder, type HandleStore } from '../../../renderer/bridge/sync-folder-web';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import {
  analystFromFileName,
  ownBundleName,
  SharedFolderSync,
  type SharedFolderNotice,
} from '../../../renderer/sync/shared-folder';
import { memoryDirectory, type MemoryDirectory } from '../bridge/memory-directory';
import { Colleague } from './forge';
import { REPLICA_B, T0 } from './records';

const COLLEAGUE = `李四-${REPLICA_B}.dossier`;

let n = 0;
let db: DossierDatabase;
let repository: Repository;
let directory: MemoryDirectory;
let handles: HandleStore;
let clock: number;
const loops: SharedFolderSync[] = [];

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
  db.close();
  await db.delete();
});

function startLoop() {
  const folder = createWebSyncFolder({ pickDirectory: async () => directory, store: handles, pollMs: 0 });
  const preview = vi.spyOn(repository.sync, 'preview');
  const loop = new SharedFolderSync({ folder, repository, now: () => new Date(clock) });
  loops.push(loop);
  const notices: SharedFolderNotice[] = [];
  loop.onNotice((notice) => notices.push(notice));
  loop.start();
  return { loop, folder, preview, notices };
}

const idle = async (loop: SharedFolderSync) => {
  // The queue is private: wait until a queued check has run.
  await loop.requestCheck();
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

  it('tells a refused file once and does not read it again until it changes', async () => {
    const { loop, preview, notices } = startLoop();
    await loop.pick();
    directory.put('王五.dossier', new TextEncoder().encode('not a bundle'));
    await idle(loop);
    expect(loop.getStatus().state.files['王五.dossier']).toMatchObject({
      result: 'refused',
      error: { code: 'not-a-zip' },
    });
    expect(notices.filter((x) => x.kind === 'refused')).toHaveLength(1);
    await idle(loop);
    await loop.syncNow();
    expect(preview).toHaveBeenCalledTimes(1);
    expect(notices.filter((x) => x.kind === 'refused')).toHaveLength(1);

    clock += 1000;
    directory.put('王五.dossier', new Colleague().add('任务丙').bundle());
    await idle(loop);
    expect(preview).toHaveBeenCalledTimes(2);
    expect(loop.getStatus().state.files['王五.dossier']).toMatchObject({ result: 'imported', analyst: '李四' });
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
