import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../../shared/ingest/types';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';

function draft(text: string, title = text.slice(0, 8)): IngestedDocument {
  return {
    title,
    kind: 'text',
    source: { site: '北京青年报', url: null, authors: [], host: null, editor: null },
    published: { from: '2016-01-28', to: '2016-01-28', precision: 'day', text: '28.01.2016', status: 'detected' },
    text,
    blocks: [{ type: 'paragraph', start: 0, end: text.length }],
    contentHash: `hash:${text}`,
    original: { name: `${title}.txt`, encoding: 'utf-8', size: text.length, text },
    articles: [],
    dropped: [],
  };
}

let db: DossierDatabase;
let repo: Repository;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`test-${n++}`);
  repo = createRepository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('documents', () => {
  it('stores a batch, and skips content already in the library or repeated in the batch', async () => {
    const first = await repo.documents.importBatch([draft('甲文章正文'), draft('乙文章正文')]);
    expect(first.map((r) => r.status)).toEqual(['added', 'added']);
    const second = await repo.documents.importBatch([
      draft('甲文章正文', 'again'),
      draft('丙文章正文'),
      draft('丙文章正文'),
    ]);
    expect(second.map((r) => r.status)).toEqual(['duplicate', 'added', 'duplicate']);
    expect(await repo.documents.list()).toHaveLength(3);
  });

  it('writes nothing of a batch whose write fails', async () => {
    const bad = draft('坏文章');
    (bad as { blocks: unknown }).blocks = [{ type: 'paragraph', start: 0, end: 1, oops: () => 1 }]; // not cloneable
    await expect(repo.documents.importBatch([draft('好文章'), bad])).rejects.toThrow();
    expect(await repo.documents.list()).toHaveLength(0);
    expect(await db.bodies.count()).toBe(0);
  });

  it('deletes a document with its annotations, and undoes the deletion', async () => {
    const [added] = await repo.documents.importBatch([draft('京张铁路年底建成通车')]);
    const id = added!.status === 'added' ? added!.meta.id : '';
    const body = await repo.documents.body(id);
    await repo.annotations.create({ documentId: id, start: 0, end: 4, color: 'yellow' }, body!.text);
    const deleted = await repo.documents.remove(id);
    expect(await repo.documents.list()).toHaveLength(0);
    expect(await db.annotations.count()).toBe(0);
    await repo.documents.restore(deleted!);
    expect((await repo.annotations.forDocument(id))[0]!.target.quote.exact).toBe('京张铁路');
    expect((await repo.documents.original(id))!.original.text).toBe('京张铁路年底建成通车');
  });

  it('re-anchors annotations when the text is replaced, keeping orphans', async () => {
    const text = '第一段。京张铁路年底建成通车。第三段。';
    const [added] = await repo.documents.importBatch([draft(text)]);
    const id = added!.status === 'added' ? added!.meta.id : '';
    await repo.annotations.create({ documentId: id, start: 4, end: 8, color: 'yellow' }, text);
    await repo.annotations.create({ documentId: id, start: 0, end: 3, color: 'blue' }, text);
    const next = '新增导语。京张铁路年底建成通车。第三段。';
    const report = await repo.documents.replaceText(id, {
      text: next,
      blocks: [{ type: 'paragraph', start: 0, end: next.length }],
      contentHash: 'h2',
    });
    expect(report).toEqual({ kept: 0, moved: 1, orphaned: 1 });
    const annotations = await repo.annotations.forDocument(id);
    expect(annotations).toHaveLength(2);
    const moved = annotations.find((a) => a.target.quote.exact === '京张铁路')!;
    expect(next.slice(moved.target.position.start, moved.target.position.end)).toBe('京张铁路');
    expect(annotations.find((a) => a.color === 'blue')!.orphaned).toBe(true);
  });

  it('updates metadata and annotation notes, tags and colour', async () => {
    const [added] = await repo.documents.importBatch([draft('正文内容')]);
    const id = added!.status === 'added' ? added!.meta.id : '';
    await repo.documents.update(id, { title: '新标题' });
    expect((await repo.documents.get(id))!.title).toBe('新标题');
    const a = await repo.annotations.create({ documentId: id, start: 0, end: 2, color: 'yellow' }, '正文内容');
    await repo.annotations.update(a.id, { noteText: 'n', note: '{}', tags: ['任务'], color: 'pink' });
    const stored = (await repo.annotations.forDocument(id))[0]!;
    expect(stored).toMatchObject({ noteText: 'n', tags: ['任务'], color: 'pink', baseRev: a.rev });
    expect((await repo.annotations.countByDocument()).get(id)).toBe(1);
  });
});

describe('splitting a newspaper page', () => {
  it('moves each highlight to the article holding it, with the same quote', async () => {
    const { readFileSync } = await import('node:fs');
    const { ingest } = await import('../../../shared/ingest/ingest');
    const { splitDocument } = await import('../../../shared/ingest/split');
    const { documentsFromParts } = await import('../../../shared/model/document');
    const name = '002_c4717dbc6a480cfb.txt';
    const outcome = ingest({ name, bytes: readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url)) });
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const [added] = await repo.documents.importBatch([outcome.doc]);
    const page = added!.status === 'added' ? added!.meta : undefined;
    const body = (await repo.documents.body(page!.id))!;
    const quote = '宝坻';
    const at = body.text.indexOf(quote);
    await repo.annotations.create(
      { documentId: page!.id, start: at, end: at + quote.length, color: 'yellow' },
      body.text,
    );

    const parts = splitDocument(
      { ...page!, text: body.text, blocks: body.blocks },
      outcome.doc.articles.map((a) => a.firstBlock),
    );
    expect(parts).toHaveLength(3);
    const records = documentsFromParts(page!, parts, (await repo.documents.original(page!.id))!.original);
    await repo.documents.replaceWithParts(
      page!.id,
      records,
      parts.map((p) => p.startOffset),
    );

    const docs = await repo.documents.list();
    expect(docs).toHaveLength(3);
    for (const doc of docs) expect(doc.published?.from).toBe('2022-03-16');
    const [moved] = await db.annotations.toArray();
    const holder = records.find((r) => r.id === moved!.documentId)!;
    expect(holder.text.slice(moved!.target.position.start, moved!.target.position.end)).toBe(quote);
    expect(moved!.orphaned).toBeFalsy();
    expect(await repo.documents.get(page!.id)).toBeUndefined();
  });
});
