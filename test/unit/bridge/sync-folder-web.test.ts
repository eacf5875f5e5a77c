// The web build's shared folder (renderer/bridge/sync-folder-web.ts) on in-memory directories:
// two tabs of one library share the folder a tab picked (the handle is kept in one store), and
// the poll lists the folder one listing at a time however slow the folder is.
import { afterEach, describe, expect, it } from 'vitest';
import { createWebSyncFolder, type HandleStore } from '../../../renderer/bridge/sync-folder-web';
import type { SyncFolderApi } from '../../../shared/ipc/contract';
import { memoryDirectory } from './memory-directory';

function sharedStore(): HandleStore {
  let stored: Awaited<ReturnType<HandleStore['load']>> = null;
  return { load: async () => stored, save: async (folder) => void (stored = folder) };
}

const unsubscribers: (() => void)[] = [];
afterEach(() => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
});

describe('the web build’s shared folder', () => {
  it('lets a second tab take up the folder the first one picked, or forgot', async () => {
    const store = sharedStore();
    const first = memoryDirectory('团队共享');
    const second = memoryDirectory('新文件夹');
    let next = first;
    const pickDirectory = async () => next;
    const tabA = createWebSyncFolder({ pickDirectory, store, pollMs: 0 });
    const tabB = createWebSyncFolder({ pickDirectory, store, pollMs: 0 });
    const one = (await tabA.pick())!;
    expect(await tabB.current()).toEqual(one);

    next = second;
    const two = (await tabA.pick())!;
    second.put('李四.dossier', new Uint8Array([1]));
    // Tab B, asked for the folder (its loop asks at its next look), names the new one; the first id is stale.
    expect(await tabB.current()).toEqual(two);
    expect(await tabB.list(two.id)).toMatchObject({ ok: true, entries: [{ name: '李四.dossier' }] });
    expect(await tabB.list(one.id)).toMatchObject({ ok: false, code: 'no-folder' });

    await tabA.forget();
    expect(await tabB.current()).toBeNull();
  });

  it('lists the folder one listing at a time, however slow it is', async () => {
    const directory = memoryDirectory('慢');
    let inFlight = 0;
    let mostInFlight = 0;
    let listings = 0;
    const values = directory.values.bind(directory);
    directory.values = async function* () {
      inFlight++;
      listings++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 40));
        yield* values();
      } finally {
        inFlight--;
      }
    };
    const folder: SyncFolderApi = createWebSyncFolder({
      pickDirectory: async () => directory,
      store: sharedStore(),
      pollMs: 5,
    });
    await folder.pick();
    unsubscribers.push(folder.onChange(() => {}));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listings).toBeGreaterThan(1);
    expect(mostInFlight).toBe(1);
  });
});
