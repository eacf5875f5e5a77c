// The library's change mark (repository.sync.libraryMark, renderer/db/sync.ts), checked against what it stands for:
// it moves on every write to every synced table — puts, updates, deletes, a range deleted — and
// on every import that wrote something, even from a sender whose clock we ignore; it stays when
// a record is saved unchanged and when something that no bundle carries changes.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { STORED_SYNC_TABLES, type StoredSyncTable } from '../../../renderer/db/sync-revisions';
import { writeBundle } from '../../../shared/sync/bundle';
import { formatRevision } from '../../../shared/sync/hlc';
import type { SyncRecord } from '../../../shared/sync/tables';
import { createVersion } from '../../../shared/sync/write';
import { sampleInput } from '../sync/forge';
import { annotation, brief, documentMeta, event, item, link, REPLICA_B, TestClock } from '../sync/records';

let n = 0;
let db: DossierDatabase;
let repository: Repository;
beforeEach(async () => {
  db = openDatabase(`library-mark-${n++}`);
  repository = createRepository(db);
  await repository.sync.setAnalyst('张三');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const records: Record<StoredSyncTable, (id: string) => SyncRecord> = {
  documents: (id) => documentMeta(id, '加快建设新型电力系统。'),
  annotations: (id) => annotation(id, 'D-none'),
  items: (id) => item(id),
  events: (id) => event(id),
  links: (id) =>
    link(
      id,
      { kind: 'item', id: 'I-a' } as SyncRecord<'links'>['from'],
      {
        kind: 'item',
        id: 'I-b',
      } as SyncRecord<'links'>['to'],
    ),
  briefs: (id) => brief(id),
};

const mark = () => repository.sync.libraryMark();

describe('the library mark', () => {
  it.each(STORED_SYNC_TABLES)('moves on every put, update and delete of %s', async (table) => {
    const store = db.table(table);
    const m0 = await mark();
    await store.put(records[table]('R1'));
    const m1 = await mark();
    expect(m1).not.toBe(m0);

    // Saved again unchanged (a screen saving what it read): the same version, the same mark.
    await store.put(await store.get('R1'));
    expect(await mark()).toBe(m1);

    await store.update('R1', { updatedAt: new Date().toISOString(), createdAt: '2020-01-01T00:00:00.000Z' });
    const m2 = await mark();
    expect(m2).not.toBe(m1);

    await store.delete('R1');
    const m3 = await mark();
    expect(m3).not.toBe(m2);

    await store.bulkPut([records[table]('R2'), records[table]('R3')]);
    const m4 = await mark();
    expect(m4).not.toBe(m3);
    await store.where(':id').between('R2', 'R3', true, true).delete();
    expect(await mark()).not.toBe(m4);
  });

  it('stays when only settings no bundle carries change', async () => {
    await db.items.put(item('I1'));
    const before = await mark();
    await repository.settings.set('itemKinds', []);
    await repository.settings.set('sharedFolder', { schedule: '15m' });
    expect(await mark()).toBe(before);
  });

  it('moves on an import that wrote something, even when the sender’s clock is ignored', async () => {
    const clock = new TestClock(REPLICA_B);
    const far = Date.now() + 30 * 86_400_000; // a month ahead: receive() leaves our clock alone
    const bundle = writeBundle({
      ...sampleInput(),
      replicaId: REPLICA_B,
      analyst: '李四',
      createdAt: new Date(far).toISOString(),
      clock: formatRevision({ wall: far, counter: 0, replica: REPLICA_B }),
      records: { items: [createVersion(item('LI-1', { title: '任务甲' }), ...clock.next()).version] },
      texts: [],
    });
    await db.items.put(item('I1'));
    const before = await mark();
    const previewed = await repository.sync.preview(bundle);
    if (!previewed.ok) throw new Error(previewed.error.message);
    expect(previewed.preview.clockAhead).toBe(true);
    const outcome = await repository.sync.apply(previewed.preview);
    expect(outcome.written).toBe(1);
    const after = await mark();
    expect(after).not.toBe(before);
    expect(after.split('|')[0]).toBe(before.split('|')[0]); // the clock did not move: the log did
  });
});
