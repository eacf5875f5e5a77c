// Sync storage with two libraries (two analysts' replicas) in fake IndexedDB, exchanging real
// bundle bytes: what the middleware stamps, what an import writes, conflicts and their
// resolution, refusals that leave the library as it was.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../../shared/ingest/ingest';
import { validateKinds } from '../../../shared/model/item-kinds';
import type { ItemFields } from '../../../shared/model/items';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';

const SEED = '001_a2198bc6f00aa275.txt';
const UPDATE_V1 = 'beijing-groups-v1.txt';
const UPDATE_V2 = 'beijing-groups-v2.txt';

function load(path: string, name: string) {
  const outcome = ingest({ name, bytes: readFileSync(new URL(`../../fixtures/${path}/${name}`, import.meta.url)) });
  if (!outcome.ok) throw new Error(outcome.refusal.message);
  return outcome.doc;
}

const fields = (title: string, tags: string[] = [], kind = 'task'): ItemFields => ({
  kind,
  title,
  owners: [{ asWritten: '市发改委', normalized: '北京市发展和改革委员会', role: 'lead' }],
  deadline: null,
  milestones: [],
  targets: [],
  category: null,
  tags,
  origin: 'manual',
});

interface Analyst {
  db: DossierDatabase;
  repo: Repository;
}

let n = 0;
let opened: DossierDatabase[] = [];
async function analyst(name: string): Promise<Analyst> {
  const db = openDatabase(`sync-test-${n++}`);
  opened.push(db);
  const repo = createRepository(db);
  await repo.sync.setAnalyst(name);
  return { db, repo };
}

/** Everything an analyst's library holds, for before/after comparisons. */
async function dump({ db }: Analyst) {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (table.name === 'searchQueue') continue;
    out[table.name] = await table.toArray();
  }
  return out;
}

/** Records the analyst sees (no bookkeeping), for comparing two libraries. */
async function visible({ db }: Analyst) {
  const strip = <T extends object>(r: T) => ({ ...r, updatedAt: undefined });
  return {
    documents: (await db.documents.orderBy('id').toArray()).map(strip),
    annotations: (await db.annotations.orderBy('id').toArray()).map(strip),
    items: (await db.items.orderBy('id').toArray()).map(strip),
    tombstones: await db.tombstones.count(),
    conflicts: (await db.conflicts.toArray()).map((c) => [c.table, c.id, c.rev]),
  };
}

async function send(from: Analyst, to: Analyst) {
  const bundle = await from.repo.sync.exportBundle({});
  const preview = await to.repo.sync.preview(bundle.bytes);
  if (!preview.ok) throw new Error(preview.error.message);
  return { preview: preview.preview, outcome: await to.repo.sync.apply(preview.preview) };
}

async function tagged(a: Analyst, documentId: string, phrase: string, title: string, tags: string[] = []) {
  const body = (await a.repo.documents.body(documentId))!;
  const at = body.text.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  return a.repo.items.tagPassage(
    { documentId, start: at, end: at + phrase.length, color: 'yellow' },
    body,
    fields(title, tags),
  );
}

let a: Analyst;
let b: Analyst;
let documentId: string;
beforeEach(async () => {
  a = await analyst('张三');
  b = await analyst('李四');
  const [added] = await a.repo.documents.importBatch([load('seeds', SEED)]);
  documentId = added!.status === 'added' ? added!.meta.id : '';
});
afterEach(async () => {
  for (const db of opened) {
    db.close();
    await db.delete();
  }
  opened = [];
});

describe('local writes', () => {
  it('get clock revisions and lineage; a deletion leaves a tombstone, and Undo supersedes it', async () => {
    const { item } = await tagged(a, documentId, '北京', '任务一');
    const stored = (await a.db.items.get(item.id))!;
    const { replicaId } = await a.repo.sync.identity();
    expect(stored.rev).toMatch(new RegExp(`^[0-9a-z]{9}:[0-9a-z]{4}:${replicaId}$`));
    expect(stored.lineage).toEqual({ seq: 1, seen: {} });
    await a.repo.items.update(item.id, { title: '任务一（改）' });
    const edited = (await a.db.items.get(item.id))!;
    expect(edited.baseRev).toBe(stored.rev);
    expect(edited.lineage).toEqual({ seq: 2, seen: { [replicaId]: [[1, 1]] } });

    const deleted = await a.repo.items.remove(item.id);
    expect(await a.db.items.get(item.id)).toBeUndefined();
    const tombstone = (await a.db.tombstones.get(['items', item.id]))!;
    expect(tombstone.version).toMatchObject({ id: item.id, deleted: true, title: '任务一（改）', baseRev: edited.rev });

    await a.repo.items.restore(deleted!);
    expect(await a.db.tombstones.get(['items', item.id])).toBeUndefined();
    const back = (await a.db.items.get(item.id))!;
    expect(back.baseRev).toBe(tombstone.version.rev);
    expect(back.lineage?.seq).toBe(4);
  });

  it('saving a record unchanged writes no new version', async () => {
    const { item } = await tagged(a, documentId, '北京', '任务一');
    const stored = (await a.db.items.get(item.id))!;
    await a.db.items.put({ ...stored, updatedAt: new Date().toISOString() });
    expect((await a.db.items.get(item.id))!.rev).toBe(stored.rev);
  });
});

describe('exchanging bundles', () => {
  it('brings documents, texts and items over, and changes nothing the second time', async () => {
    await tagged(a, documentId, '北京', '任务一', ['交通']);
    const { preview, outcome } = await send(a, b);
    expect(preview.summary).toMatchObject({ add: 3, documentsToAdd: 1, conflicts: 0, textsMissing: 0 });
    expect(outcome).toMatchObject({ written: 3, documentsAdded: 1, conflicts: 0 });
    expect((await b.repo.documents.body(documentId))!.text).toBe((await a.repo.documents.body(documentId))!.text);
    expect(await visible(b)).toEqual(await visible(a));

    const before = await dump(b);
    const again = await send(a, b);
    expect(again.preview.summary).toMatchObject({ add: 0, update: 0, unchanged: 3 });
    expect(again.outcome.written).toBe(0);
    const after = await dump(b);
    // Only what the import notes about the colleague changes; no record does.
    expect({ ...after, settings: undefined }).toEqual({ ...before, settings: undefined });
  });

  it('keeps a concurrent edit as one conflict on both sides, and resolving it travels', async () => {
    const { item } = await tagged(a, documentId, '北京', '任务一');
    await send(a, b);
    await a.repo.items.update(item.id, { title: '张三的标题' });
    await b.repo.items.update(item.id, { title: '李四的标题' });
    await send(a, b);
    await send(b, a);
    expect(await visible(a)).toEqual(await visible(b));
    expect(await a.repo.sync.conflicts.count()).toBe(1);
    expect(await b.repo.sync.conflicts.count()).toBe(1);

    const [entry] = await a.repo.sync.conflicts.list();
    const titles = [entry!.current, ...entry!.conflicts].map((v) => (v as { title: string }).title).sort();
    expect(titles).toEqual(['张三的标题', '李四的标题'].sort());
    expect(Object.values(entry!.authors).sort()).toEqual(['张三', '李四'].sort());

    // A keeps B's title ("keep theirs"); the resolution reaches B and clears its conflict too.
    const theirs = [entry!.current, ...entry!.conflicts].find((v) => (v as { title: string }).title === '李四的标题')!;
    await a.repo.sync.conflicts.keep('items', item.id, theirs.rev);
    expect(await a.repo.sync.conflicts.count()).toBe(0);
    expect((await a.db.items.get(item.id))!.title).toBe('李四的标题');
    await send(a, b);
    expect(await b.repo.sync.conflicts.count()).toBe(0);
    expect(await visible(b)).toEqual(await visible(a));
  });

  it('keep both makes the other version an item of its own', async () => {
    const { item } = await tagged(a, documentId, '北京', '任务一');
    await send(a, b);
    await a.repo.items.update(item.id, { title: 'A' });
    await b.repo.items.update(item.id, { title: 'B' });
    await send(b, a);
    const [entry] = await a.repo.sync.conflicts.list();
    await a.repo.sync.conflicts.keepBoth('items', item.id, entry!.conflicts[0]!.rev);
    expect(await a.repo.sync.conflicts.count()).toBe(0);
    expect((await a.db.items.toArray()).map((i) => i.title).sort()).toEqual(['A', 'B']);
  });

  it('carries deletions as tombstones; a delete against a concurrent edit keeps the edit as a conflict', async () => {
    const one = await tagged(a, documentId, '北京', '一');
    const two = await tagged(a, documentId, '北京', '二');
    await send(a, b);
    await a.repo.items.remove(one.item.id);
    let { preview } = await send(a, b);
    expect(preview.summary.deletions).toBe(1);
    expect(await b.db.items.get(one.item.id)).toBeUndefined();

    await a.repo.items.remove(two.item.id);
    await b.repo.items.update(two.item.id, { title: '二（李四改）' });
    ({ preview } = await send(a, b));
    expect(preview.summary.conflicts).toBe(1);
    await send(b, a);
    expect(await visible(a)).toEqual(await visible(b));
    // Nothing lost: the edit is either current or kept as a conflict of the deletion.
    const [entry] = await b.repo.sync.conflicts.list();
    const versions = [entry!.current, ...entry!.conflicts];
    expect(versions.some((v) => (v as { title: string }).title === '二（李四改）')).toBe(true);
  });

  it('re-anchors the receiver’s highlights when a colleague updated the document’s text', async () => {
    const [added] = await a.repo.documents.importBatch([load('update', UPDATE_V1)]);
    const id = added!.status === 'added' ? added!.meta.id : '';
    await send(a, b);
    // B highlights a passage on version 1; A updates the document to version 2.
    const bodyV1 = (await b.repo.documents.body(id))!;
    const phrase = bodyV1.text.slice(200, 212);
    const highlight = await b.repo.annotations.create(
      { documentId: id, start: 200, end: 212, color: 'yellow' },
      bodyV1,
    );
    const update = await a.repo.documents.updateFromDraft(id, load('update', UPDATE_V2));
    expect(update.status).toBe('updated');
    const { preview, outcome } = await send(a, b);
    expect(preview.summary.documentsToReanchor).toBe(1);
    const bodyV2 = (await b.repo.documents.body(id))!;
    expect(bodyV2.text).toBe((await a.repo.documents.body(id))!.text);
    const moved = (await b.db.annotations.get(highlight.id))!;
    expect(outcome).toMatchObject({ reanchored: 1, orphaned: 0 });
    expect(moved.orphaned).toBe(false);
    expect(moved.target.position.start).not.toBe(200);
    expect(bodyV2.text.slice(moved.target.position.start, moved.target.position.end)).toBe(phrase);
    // B's re-anchoring is B's own edit, on top of the highlight it had.
    expect(moved.baseRev).toBe(highlight.rev);
  });

  it('exports a selection by tag with what it stands on, and "changed since" only what changed', async () => {
    await tagged(a, documentId, '北京', '交通任务', ['交通']);
    await tagged(a, documentId, '北京', '能源任务', ['能源']);
    const bundle = await a.repo.sync.exportBundle({ tags: ['交通'] });
    expect(bundle.counts.records).toMatchObject({ items: 1, annotations: 1, documents: 1 });
    expect(bundle.counts.texts).toBe(1);

    const { replicaId: bId } = await b.repo.sync.identity();
    const first = await a.repo.sync.exportBundle({ changedSinceExchangeWith: bId });
    expect(first.counts.records.items).toBe(2);
    // Not saved (the analyst cancelled the save dialog): not sent, so the next bundle has it all again.
    const unsaved = await a.repo.sync.exportBundle({ changedSinceExchangeWith: bId });
    expect(unsaved.counts.records.items).toBe(2);
    await a.repo.sync.noteSent(unsaved.sent!);
    expect((await a.repo.sync.exportChoices()).colleagues.find((c) => c.replicaId === bId)?.lastSent).toBe(
      unsaved.sent!.at,
    );
    const nothing = await a.repo.sync.exportBundle({ changedSinceExchangeWith: bId });
    expect(nothing.counts.records.items).toBe(0);
    await tagged(a, documentId, '北京', '新任务');
    const delta = await a.repo.sync.exportBundle({ changedSinceExchangeWith: bId });
    expect(delta.counts.records).toMatchObject({ items: 1, annotations: 1, documents: 1 });
    // An older bundle saved late does not move the mark back.
    await a.repo.sync.noteSent(delta.sent!);
    await a.repo.sync.noteSent(first.sent!);
    expect((await a.repo.sync.exportBundle({ changedSinceExchangeWith: bId })).counts.records.items).toBe(0);
  });
});

describe('a document both analysts imported on their own', () => {
  it('is one document on each side, carrying both analysts’ items, and stays so', async () => {
    const [own] = await b.repo.documents.importBatch([load('seeds', SEED)]);
    const bDocument = own!.status === 'added' ? own!.meta.id : '';
    expect(bDocument).not.toBe(documentId);
    const { item: fromA } = await tagged(a, documentId, '北京', '张三的任务');
    const { item: fromB } = await tagged(b, bDocument, '北京', '李四的任务');

    const { preview, outcome } = await send(a, b);
    expect(preview.summary).toMatchObject({ documentsToAdd: 0, documentsMatched: 1, add: 2 });
    expect(outcome.documentsAdded).toBe(0);
    await send(b, a);
    for (const [who, doc] of [
      [a, documentId],
      [b, bDocument],
    ] as const) {
      expect(await who.db.documents.count()).toBe(1);
      const items = await who.db.items.orderBy('id').toArray();
      expect(items.map((i) => [i.id, i.documentId])).toEqual(
        [fromA, fromB].map((i) => [i.id, doc]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
      );
      const highlights = await who.db.annotations.toArray();
      expect(highlights.map((h) => h.documentId)).toEqual([doc, doc]);
    }

    // Later bundles land on the same document, edits travel, and re-importing writes nothing.
    await b.repo.items.setStatus([fromA.id], 'done');
    const again = await send(b, a);
    expect(again.preview.summary).toMatchObject({ documentsMatched: 1, update: 1, add: 0 });
    expect((await a.db.items.get(fromA.id))!).toMatchObject({ status: 'done', documentId });
    const records = async () => ({ ...(await dump(a)), settings: undefined }); // settings: "last received from 李四"
    const before = await records();
    const twice = await send(b, a);
    expect(twice.outcome.written).toBe(0);
    expect(await records()).toEqual(before);
  });
});

describe('a document imported on their own by two of three analysts', () => {
  it('stays one document for everyone, whatever way the bundles go round', async () => {
    const c = await analyst('王五');
    const [own] = await b.repo.documents.importBatch([load('seeds', SEED)]);
    const bDocument = own!.status === 'added' ? own!.meta.id : '';
    await tagged(a, documentId, '北京', '张三的任务');
    await tagged(b, bDocument, '北京', '李四的任务');
    await send(b, c); // 王五 gets 李四's copy first …
    await send(a, c); // … then 张三's: the same document.
    await send(a, b);
    const { item: fromC } = await tagged(c, bDocument, '北京', '王五的任务');
    await send(c, a);
    await send(b, a);
    await send(a, b);
    await send(a, c);
    const seen = async (who: Analyst) => ({
      documents: await who.db.documents.count(),
      items: (await who.db.items.orderBy('id').toArray()).map((i) => [i.id, i.title, i.rev]),
      highlights: await who.db.annotations.count(),
      onOneDocument: new Set((await who.db.items.toArray()).map((i) => i.documentId)).size,
    });
    const expected = await seen(a);
    expect(expected).toMatchObject({ documents: 1, highlights: 3, onOneDocument: 1 });
    expect(expected.items.map(([id]) => id)).toContain(fromC.id);
    expect(await seen(b)).toEqual(expected);
    expect(await seen(c)).toEqual(expected);
  });
});

describe('item kinds', () => {
  it('travel with the bundle: the receiver gains the sender’s own kinds and keeps its own', async () => {
    const kinds = await a.repo.itemKinds.list();
    const risk = {
      id: 'risk',
      label: '风险',
      color: 'pink' as const,
      shortcut: 'r',
      fields: ['owners' as const, 'note' as const],
    };
    await a.repo.itemKinds.save([...kinds, risk]);
    await a.repo.items.create(fields('数据安全风险', [], 'risk'), { documentId, annotationIds: [] });
    // 李四 has a kind of their own with the same name and shortcut.
    const mine = { ...risk, id: 'my-risk', color: 'green' as const };
    await b.repo.itemKinds.save([...(await b.repo.itemKinds.list()), mine]);

    const { preview } = await send(a, b);
    expect(preview.summary).toMatchObject({ kindsToAdd: 1, dangling: 0 });
    const received = await b.repo.itemKinds.list();
    expect(received.slice(-2)).toEqual([mine, { ...risk, label: '风险 (张三)', shortcut: null }]);
    expect(validateKinds(received)).toEqual([]);
    // Nothing more on the next exchange, and 张三's kinds are not changed by 李四's.
    expect((await send(a, b)).preview.summary.kindsToAdd).toBe(0);
    expect(await b.repo.itemKinds.list()).toEqual(received);
    await send(b, a);
    expect((await a.repo.itemKinds.list()).map((k) => k.id)).toEqual([...kinds.map((k) => k.id), 'risk', 'my-risk']);
  });
});

describe('refusals', () => {
  it('refuses a damaged bundle and leaves the library exactly as it was', async () => {
    await tagged(b, documentId, '北京', '自己的', []).catch(() => undefined);
    const bundle = await a.repo.sync.exportBundle({});
    const before = await dump(b);
    const cut = bundle.bytes.slice(0, bundle.bytes.length - 100);
    const flipped = bundle.bytes.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    for (const bytes of [cut, flipped, new TextEncoder().encode('not a zip')]) {
      const result = await b.repo.sync.preview(bytes);
      expect(result.ok).toBe(false);
    }
    expect(await dump(b)).toEqual(before);
  });
});
