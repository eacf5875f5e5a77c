import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../../shared/ingest/types';
import { newItem, type ItemFields } from '../../../shared/model/items';
import { SEARCH_INDEX_VERSION } from '../../../shared/search/engine';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { onSearchChanges } from '../../../renderer/db/search-changes';
import { SearchIndex, takeUnits, type SearchRequest } from '../../../renderer/db/search-index';

function draft(title: string, text: string, site = '北京市发展和改革委员会', date = '2019-06-06'): IngestedDocument {
  const paragraphs = text.split('\n\n');
  let at = 0;
  const blocks = paragraphs.map((p) => {
    const block = { type: 'paragraph' as const, start: at, end: at + p.length };
    at += p.length + 2;
    return block;
  });
  return {
    title,
    kind: 'text',
    source: { site, url: null, authors: [], host: null, editor: null },
    published: { from: date, to: date, precision: 'day', text: date, status: 'detected' },
    text,
    blocks,
    contentHash: `hash:${title}:${text}`,
    original: { name: `${title}.txt`, encoding: 'utf-8', size: text.length, text },
    articles: [],
    dropped: [],
  };
}

const WORK_POINTS = draft(
  '北京市推进京津冀协同发展2019年工作要点',
  '一是疏解非首都功能。\n\n二是推动京津冀协同发展，完成309家一般制造业企业疏解。',
);
const SUB_CENTER = draft(
  '城市副中心建设',
  '北京城市副中心建设稳步推进。\n\n行政办公区一期工程完工。',
  '北京日报',
  '2017-02-07',
);

const fields = (title: string, owner = '市经济信息化局'): ItemFields => ({
  kind: 'task',
  title,
  owners: [{ asWritten: owner, normalized: '北京市经济和信息化局', role: 'responsible' }],
  deadline: null,
  milestones: [],
  targets: [],
  category: '产业',
  tags: ['疏解'],
  origin: 'manual',
});

let db: DossierDatabase;
let repo: Repository;
let index: SearchIndex;
let name: string;
let n = 0;
beforeEach(async () => {
  name = `search-test-${n++}`;
  db = openDatabase(name);
  repo = createRepository(db);
  index = new SearchIndex(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const search = async (q: string, more: Omit<SearchRequest, 'q'> = {}, on = index) =>
  (await on.search({ q, ...more })).hits;
const titles = async (q: string, more: Omit<SearchRequest, 'q'> = {}, on = index) =>
  (await search(q, more, on)).map((h) => `${h.kind}:${h.title}`);
const added = (results: Awaited<ReturnType<Repository['documents']['importBatch']>>) =>
  results.flatMap((r) => (r.status === 'added' ? [r.meta] : []));

describe('the search index follows the library', () => {
  it('builds once when there is no index, then indexes an import incrementally', async () => {
    const opened = await index.open();
    expect(opened).toMatchObject({ ready: true, builds: 1, loadedFrom: 'built', version: SEARCH_INDEX_VERSION });
    await index.sync();
    expect(index.status()).toMatchObject({ building: false, indexedSinceOpen: 0 });
    await repo.documents.importBatch([WORK_POINTS, SUB_CENTER]);
    expect(await db.searchQueue.count()).toBe(2);
    expect(await titles('疏解')).toEqual(['document:北京市推进京津冀协同发展2019年工作要点']);
    expect(await db.searchQueue.count()).toBe(0);
    expect(index.status()).toMatchObject({ builds: 1, indexedSinceOpen: 2, units: { document: 2, note: 0, item: 0 } });
  });

  it('finds a two-character word and a partial word, with the passage to open at', async () => {
    const [meta] = added(await repo.documents.importBatch([WORK_POINTS]));
    const [hit] = await search('京津');
    expect(hit).toMatchObject({ kind: 'document', id: meta!.id, site: '北京市发展和改革委员会' });
    const body = await repo.documents.body(meta!.id);
    // The snippet's offsets are into the canonical text, inside the passage (block) holding the word.
    expect(body!.text.slice(hit!.snippet.at!.start, hit!.snippet.at!.end)).toBe('京津');
    expect(hit!.snippet.start).toBe(body!.blocks[1]!.start);
    expect(hit!.snippet.marks.map(([a, b]) => body!.text.slice(a, b))).toEqual(['京津']);
    expect(hit!.titleMarks.map(([a, b]) => hit!.title.slice(a, b))).toEqual(['京津']);
  });

  it('indexes an edited title and a replaced text, and forgets the old words', async () => {
    const [meta] = added(await repo.documents.importBatch([SUB_CENTER]));
    await index.sync();
    await repo.documents.update(meta!.id, { title: '副中心建设进展' });
    expect(await titles('进展')).toEqual(['document:副中心建设进展']);
    const text = '雄安新区规划建设。';
    await repo.documents.replaceText(meta!.id, {
      text,
      blocks: [{ type: 'paragraph', start: 0, end: text.length }],
      contentHash: 'new',
    });
    expect(await titles('雄安')).toEqual(['document:副中心建设进展']);
    expect(await titles('办公区')).toEqual([]);
  });

  it('forgets a deleted document, its notes and items, and finds them again after Undo', async () => {
    const [meta] = added(await repo.documents.importBatch([WORK_POINTS]));
    const body = (await repo.documents.body(meta!.id))!;
    const annotation = await repo.annotations.create(
      { documentId: meta!.id, start: 0, end: 9, color: 'yellow' },
      body.text,
    );
    await repo.annotations.update(annotation.id, { noteText: '这一条要跟踪落实', tags: ['重点'] });
    await repo.items.create(fields('完成309家一般制造业企业疏解'), {
      documentId: meta!.id,
      annotationIds: [annotation.id],
    });
    expect(await titles('落实')).toEqual(['note:一是疏解非首都功能']);
    expect(await titles('经济信息化', { filters: { kinds: ['item'] } })).toEqual(['item:完成309家一般制造业企业疏解']);

    const deleted = await repo.documents.remove(meta!.id);
    expect(await titles('疏解')).toEqual([]);
    expect(await titles('落实')).toEqual([]);
    expect(index.status().units).toEqual({ document: 0, note: 0, item: 0 });
    await repo.documents.restore(deleted!);
    expect((await titles('疏解')).sort()).toEqual([
      'document:北京市推进京津冀协同发展2019年工作要点',
      'item:完成309家一般制造业企业疏解',
    ]);
    expect(await titles('落实')).toEqual(['note:一是疏解非首都功能']);
  });

  it('indexes a highlight only while it has a note or tags, and gives notes and items their document', async () => {
    const [meta] = added(await repo.documents.importBatch([SUB_CENTER]));
    const body = (await repo.documents.body(meta!.id))!;
    const a = await repo.annotations.create({ documentId: meta!.id, start: 2, end: 7, color: 'blue' }, body.text);
    await index.sync();
    expect(index.status().units.note).toBe(0);
    await repo.annotations.update(a.id, { noteText: '进度要跟踪' });
    const [hit] = await search('跟踪');
    expect(hit).toMatchObject({
      kind: 'note',
      documentId: meta!.id,
      annotationId: a.id,
      documentTitle: '城市副中心建设',
      site: '北京日报',
      field: 'note',
      published: { from: '2017-02-07', to: '2017-02-07' },
    });
    await repo.annotations.update(a.id, { noteText: '' });
    expect(await titles('跟踪')).toEqual([]);
    expect(index.status().units.note).toBe(0);
  });

  it('follows item edits and deletions', async () => {
    const item = await repo.items.create(fields('京张铁路年底建成通车', '市交通委'), {
      documentId: null,
      annotationIds: [],
    });
    expect((await search('交通委'))[0]).toMatchObject({ kind: 'item', field: 'owners' });
    await repo.items.update(item.id, { title: '京礼高速延崇段工程完工' });
    expect(await titles('京张')).toEqual([]);
    expect(await titles('延崇')).toEqual(['item:京礼高速延崇段工程完工']);
    await repo.items.remove(item.id);
    expect(await titles('延崇')).toEqual([]);
  });

  it('filters by kind, source, publication date and tag', async () => {
    const [work] = added(await repo.documents.importBatch([WORK_POINTS, SUB_CENTER]));
    await repo.items.create(fields('疏解一般制造业企业'), { documentId: work!.id, annotationIds: [] });
    const all = await titles('疏解');
    expect(all).toHaveLength(2);
    expect(await titles('疏解', { filters: { kinds: ['document'] } })).toEqual([
      'document:北京市推进京津冀协同发展2019年工作要点',
    ]);
    expect(await titles('建设', { filters: { site: '北京日报' } })).toEqual(['document:城市副中心建设']);
    expect(await titles('推进', { filters: { from: '2019-01-01' } })).toEqual([
      'document:北京市推进京津冀协同发展2019年工作要点',
    ]);
    expect(await titles('推进', { filters: { to: '2018-12-31' } })).toEqual(['document:城市副中心建设']);
    expect(await titles('', { filters: { tag: '疏解' } })).toEqual(['item:疏解一般制造业企业']);
    expect(await index.facets()).toEqual({
      sites: [
        { value: '北京市发展和改革委员会', count: 1 },
        { value: '北京日报', count: 1 },
      ],
      tags: [{ value: '疏解', count: 1 }],
    });
  });

  it('opens documents, items and owners by part of their names (quick-open)', async () => {
    const [work] = added(await repo.documents.importBatch([WORK_POINTS, SUB_CENTER]));
    await repo.items.create(fields('疏解一般制造业企业'), { documentId: work!.id, annotationIds: [] });
    await index.sync();
    expect((await index.quickOpen('协同发展')).map((e) => `${e.kind}:${e.title}`)).toEqual([
      'document:北京市推进京津冀协同发展2019年工作要点',
    ]);
    // Characters in order: 经信 is how 经济和信息化 is abbreviated.
    expect((await index.quickOpen('经信')).map((e) => `${e.kind}:${e.title}`)).toEqual(['owner:北京市经济和信息化局']);
    expect(await index.quickOpen('雄安')).toEqual([]);
    expect((await index.quickOpen('经济信息化')).map((e) => e.kind)).toEqual(['owner']);
    const owner = (await index.quickOpen('市经济信息化局'))[0]!;
    expect(owner).toMatchObject({ kind: 'owner', title: '北京市经济和信息化局', count: 1 });
    expect((await index.quickOpen('制造业'))[0]).toMatchObject({ kind: 'item', documentId: work!.id });
    // Nothing typed: the newest documents.
    expect((await index.quickOpen('')).map((e) => e.title)).toEqual([
      '北京市推进京津冀协同发展2019年工作要点',
      '城市副中心建设',
    ]);
  });
});

describe('the search index survives a restart', () => {
  it('loads the stored index when the library is opened again, without building it again', async () => {
    await index.open();
    await repo.documents.importBatch([WORK_POINTS, SUB_CENTER]);
    await index.sync();
    db.close();

    const again = openDatabase(name);
    const reopened = new SearchIndex(again);
    expect(await reopened.open()).toMatchObject({
      builds: 1,
      loadedFrom: 'stored',
      indexedSinceOpen: 0,
      units: { document: 2, note: 0, item: 0 },
    });
    expect(await titles('副中心', {}, reopened)).toEqual(['document:城市副中心建设']);
    expect(reopened.status().indexedSinceOpen).toBe(0);
    again.close();
    db = openDatabase(name);
  });

  it('reads on restart the changes it had not indexed yet (they wait in the queue)', async () => {
    await index.sync();
    await repo.documents.importBatch([WORK_POINTS]);
    // The app closes before the worker gets to the new document.
    db.close();
    const again = openDatabase(name);
    const reopened = new SearchIndex(again);
    expect(await reopened.open()).toMatchObject({ builds: 1, loadedFrom: 'stored', units: { document: 0 } });
    expect(await titles('疏解', {}, reopened)).toEqual(['document:北京市推进京津冀协同发展2019年工作要点']);
    expect(reopened.status()).toMatchObject({ builds: 1, indexedSinceOpen: 1 });
    again.close();
    db = openDatabase(name);
  });

  it('builds again when the stored index is of an older version, or missing, and only then', async () => {
    await repo.documents.importBatch([WORK_POINTS, SUB_CENTER]);
    await index.sync();
    const meta = (await db.searchIndex.get('meta'))!.meta!;
    await db.searchIndex.put({ key: 'meta', meta: { ...meta, version: SEARCH_INDEX_VERSION - 1 } });
    const older = new SearchIndex(db);
    expect(await older.open()).toMatchObject({ builds: 2, loadedFrom: 'built' });
    expect(await titles('副中心', {}, older)).toEqual(['document:城市副中心建设']);
    expect(older.status().indexedSinceOpen).toBe(2);

    await db.searchIndex.clear();
    const missing = new SearchIndex(db);
    expect(await missing.open()).toMatchObject({ builds: 1, loadedFrom: 'built' });
    expect(await titles('京津冀', {}, missing)).toHaveLength(1);
  });

  it('finishes a full build the app closed in the middle of, where it stopped', async () => {
    const many = Array.from({ length: 230 }, (_, i) => draft(`第${i}号文件`, `关于第${i}项任务的通知，疏解整治。`));
    await repo.documents.importBatch(many);
    await db.searchQueue.clear();
    await index.open();
    // One step of the build (100 documents), then the app stops.
    await (index as unknown as { buildStep(): Promise<void> }).buildStep();
    expect(index.status()).toMatchObject({ building: true, units: { document: 100 } });
    const resumed = new SearchIndex(db, 0);
    expect(await resumed.open()).toMatchObject({ builds: 1, building: true, units: { document: 100 } });
    const response = await resumed.search({ q: '疏解', limit: 5 });
    await resumed.sync();
    expect(response.partial).toBe(true);
    expect(resumed.status()).toMatchObject({ building: false, units: { document: 230 } });
    expect((await resumed.search({ q: '第229号' })).hits.map((h) => h.title)).toEqual(['第229号文件']);
  });

  it('keeps two windows on one library consistent (the second sees the first one’s writes)', async () => {
    const other = new SearchIndex(db);
    await index.open();
    await other.open();
    await repo.documents.importBatch([WORK_POINTS]);
    await index.sync();
    await repo.documents.importBatch([SUB_CENTER]);
    expect(await titles('副中心', {}, other)).toEqual(['document:城市副中心建设']);
    expect(await titles('京津冀', {}, other)).toHaveLength(1);
    expect(await titles('副中心')).toEqual(['document:城市副中心建设']);
    expect(index.status().units.document).toBe(2);
  });

  it('on opening, indexes documents and items written past the database layer (no queue entry)', async () => {
    await repo.documents.importBatch([WORK_POINTS]);
    await index.sync();
    db.close();
    // A tool writes straight into IndexedDB: no middleware, no queue entry.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        const idb = request.result;
        const write = idb.transaction('items', 'readwrite');
        const item = { ...newItem(fields('直接写入的事项'), { documentId: null, annotationIds: [] }) };
        write.objectStore('items').put(item);
        write.oncomplete = () => (idb.close(), resolve());
        write.onerror = () => reject(write.error);
      };
      request.onerror = () => reject(request.error);
    });
    db = openDatabase(name);
    const reopened = new SearchIndex(db);
    expect(await titles('直接写入', {}, reopened)).toEqual(['item:直接写入的事项']);
    expect(reopened.status().builds).toBe(1);
  });
});

describe('the change log', () => {
  it('queues a change in the transaction that makes it: nothing when the write fails', async () => {
    const bad = draft('坏文章', '坏');
    (bad as { blocks: unknown }).blocks = [{ type: 'paragraph', start: 0, end: 1, oops: () => 1 }];
    await expect(repo.documents.importBatch([draft('好文章', '好'), bad])).rejects.toThrow();
    expect(await db.searchQueue.count()).toBe(0);
  });

  it('tells listeners once a write is committed', async () => {
    let heard = 0;
    const stop = onSearchChanges(() => heard++);
    await repo.documents.importBatch([WORK_POINTS]);
    stop();
    expect(heard).toBe(1);
    await repo.documents.importBatch([SUB_CENTER]);
    expect(heard).toBe(1);
  });

  it('queues a bulk write (an import) as one batch entry, read in slices until every record is indexed', async () => {
    await index.sync();
    const items = Array.from({ length: 450 }, (_, i) =>
      newItem(fields(`批量任务${i}号`), { documentId: null, annotationIds: [] }),
    );
    await db.items.bulkPut(items);
    const [entry, ...others] = await db.searchQueue.toArray();
    expect(others).toEqual([]);
    expect(entry!.keys).toHaveLength(450);
    expect(await titles('批量任务449号')).toEqual(['item:批量任务449号']);
    expect(await titles('批量任务0号')).toEqual(['item:批量任务0号']);
    expect(index.status().units.item).toBe(450);
    expect(await db.searchQueue.count()).toBe(0);
    // A small write still queues one entry per record.
    await repo.items.create(fields('单个任务'), { documentId: null, annotationIds: [] });
    expect((await db.searchQueue.toArray()).map((r) => r.keys)).toEqual([undefined]);
  });

  it('takes queued units up to a limit, keeping the rest of a batch entry', () => {
    const rows = [
      { key: 'i:a', stamp: '1' },
      { key: 'batch:2', stamp: '2', keys: ['i:b', 'i:c', 'i:d'] },
      { key: 'i:e', stamp: '3' },
    ];
    expect(takeUnits(rows, 3)).toEqual({
      keys: ['i:a', 'i:b', 'i:c'],
      consumed: [rows[0]],
      rest: { key: 'batch:2', stamp: '2', keys: ['i:d'] },
    });
    expect(takeUnits(rows, 5)).toEqual({ keys: ['i:a', 'i:b', 'i:c', 'i:d', 'i:e'], consumed: rows });
  });

  it('queues records cleared or deleted by range', async () => {
    await repo.items.create(fields('甲'), { documentId: null, annotationIds: [] });
    await index.sync();
    await db.items.clear();
    expect(await titles('甲')).toEqual([]);
  });
});
