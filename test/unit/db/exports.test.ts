// What the data exports read through the repository: every record of a large table in chunks
// and in order, chosen records in the caller's order, texts, where a text has characters beyond
// the BMP, and the counts the export dialog shows; a cancelled read stops.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { ANNOTATIONS, ASTRAL_TEXT, ITEMS, PLAN, PLAN_TEXT, VILLAGE, item } from '../export/export-fixtures';

let db: DossierDatabase;
let repo: Repository;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`exports-test-${n++}`);
  repo = createRepository(db);
  await db.documents.bulkAdd([PLAN, VILLAGE]);
  await db.bodies.bulkAdd([
    { id: PLAN.id, text: PLAN_TEXT, blocks: [] },
    { id: VILLAGE.id, text: ASTRAL_TEXT, blocks: [] },
  ]);
  await db.annotations.bulkAdd(ANNOTATIONS);
  await db.items.bulkAdd(ITEMS);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('repository.exports', () => {
  it('reads every item of a large table, chunk by chunk, in id order', async () => {
    const many = Array.from({ length: 4_500 }, (_, i) => item(`bulk-${String(i).padStart(5, '0')}`, {}));
    await db.items.bulkAdd(many);
    const all = await repo.exports.items();
    expect(all).toHaveLength(4_500 + ITEMS.length);
    expect(all.map((i) => i.id)).toEqual([...all.map((i) => i.id)].sort());
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
  });

  it('reads chosen records in the order asked, leaving out missing ones', async () => {
    const ids = [ITEMS[3]!.id, 'missing', ITEMS[0]!.id];
    expect((await repo.exports.items(ids)).map((i) => i.id)).toEqual([ITEMS[3]!.id, ITEMS[0]!.id]);
    expect((await repo.exports.annotations([ANNOTATIONS[1]!.id])).map((a) => a.id)).toEqual([ANNOTATIONS[1]!.id]);
    expect(await repo.exports.annotations()).toHaveLength(ANNOTATIONS.length);
  });

  it('reads texts, and lists surrogate pairs only for texts that have them', async () => {
    const texts = await repo.exports.texts([PLAN.id, VILLAGE.id, 'missing']);
    expect([...texts.keys()]).toEqual([PLAN.id, VILLAGE.id]);
    expect(texts.get(VILLAGE.id)).toBe(ASTRAL_TEXT);
    expect(await repo.exports.surrogatePairs([PLAN.id, VILLAGE.id])).toEqual(new Map([[VILLAGE.id, [1]]]));
  });

  it('counts documents, highlights, items and items with a deadline', async () => {
    expect(await repo.exports.counts()).toEqual({
      documents: 2,
      highlights: ANNOTATIONS.length,
      items: ITEMS.length,
      dated: ITEMS.filter((i) => i.deadline).length,
    });
  });

  it('stops between chunks when cancelled', async () => {
    await db.items.bulkAdd(Array.from({ length: 4_500 }, (_, i) => item(`bulk-${i}`, {})));
    const controller = new AbortController();
    controller.abort();
    await expect(repo.exports.items(undefined, controller.signal)).rejects.toThrow();
  });
});
