import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ITEM_KINDS, type ItemFields } from '../../../shared/model/items';
import type { ItemKindDefinition } from '../../../shared/model/types';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';

const risk: ItemKindDefinition = {
  id: 'kind-risk',
  label: 'Risk',
  color: 'pink',
  shortcut: 'r',
  fields: ['owners', 'note'],
};
const fields = (kind: string): ItemFields => ({
  kind,
  title: kind,
  owners: [],
  deadline: null,
  milestones: [],
  targets: [],
  category: null,
  tags: [],
  origin: 'manual',
});
const link = { documentId: null, annotationIds: [] };

let db: DossierDatabase;
let repo: Repository;
let n = 0;
beforeEach(() => {
  db = openDatabase(`item-kinds-test-${n++}`);
  repo = createRepository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the item kinds of the settings', () => {
  it('starts with the built-in kinds and keeps what is saved', async () => {
    expect(await repo.itemKinds.list()).toEqual(DEFAULT_ITEM_KINDS);
    await repo.itemKinds.save([...DEFAULT_ITEM_KINDS, risk]);
    expect(await repo.itemKinds.list()).toEqual([...DEFAULT_ITEM_KINDS, risk]);
  });

  it('counts the items of each kind', async () => {
    await repo.items.create(fields('task'), link);
    await repo.items.create(fields(risk.id), link);
    await repo.items.create(fields(risk.id), link);
    expect(await repo.items.kindCounts()).toEqual({ task: 1, [risk.id]: 2 });
  });

  it('deletes a kind and moves its items to another in one transaction, each item a new version', async () => {
    await repo.itemKinds.save([...DEFAULT_ITEM_KINDS, risk, { ...risk, id: 'kind-b', label: 'B', shortcut: null }]);
    const a = await repo.items.create(fields(risk.id), link, new Date('2024-01-01'));
    const b = await repo.items.create(fields('kind-b'), link, new Date('2024-01-01'));
    const task = await repo.items.create(fields('task'), link, new Date('2024-01-01'));
    const now = new Date('2024-02-02');
    await repo.itemKinds.save(DEFAULT_ITEM_KINDS, { [risk.id]: 'commitment', 'kind-b': 'commitment' }, now);
    expect(await repo.itemKinds.list()).toEqual(DEFAULT_ITEM_KINDS);
    const moved = await repo.items.get(a.id);
    expect(moved).toMatchObject({ kind: 'commitment', updatedAt: now.toISOString(), baseRev: a.rev });
    expect((await repo.items.get(b.id))?.kind).toBe('commitment');
    expect(await repo.items.get(task.id)).toEqual(task);
  });

  it('leaves kinds and items as they were when the transaction fails', async () => {
    await repo.itemKinds.save([...DEFAULT_ITEM_KINDS, risk]);
    const a = await repo.items.create(fields(risk.id), link);
    // The items are moved first; a kind list that cannot be stored (a function is not cloneable) undoes the move.
    const broken = [{ ...risk, label: (() => 'x') as unknown as string }];
    await expect(repo.itemKinds.save(broken, { [risk.id]: 'task' })).rejects.toThrow();
    expect(await repo.itemKinds.list()).toEqual([...DEFAULT_ITEM_KINDS, risk]);
    expect(await repo.items.get(a.id)).toEqual(a);
  });
});
