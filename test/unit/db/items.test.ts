import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION } from '../../../shared/extract/extract';
import type { Extraction } from '../../../shared/extract/types';
import { ingest } from '../../../shared/ingest/ingest';
import type { IngestedDocument } from '../../../shared/ingest/types';
import { splitDocument } from '../../../shared/ingest/split';
import { documentsFromParts } from '../../../shared/model/document';
import type { ItemFields } from '../../../shared/model/items';
import { content } from './content';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { isCurrent, refreshExtraction, type RunExtraction } from '../../../renderer/extract/refresh';

const TEXT = '实现京张铁路年底建成通车，京礼高速延崇段工程完工。';

function draft(text: string, published = '2019-06-06'): IngestedDocument {
  return {
    title: text.slice(0, 8),
    kind: 'text',
    source: { site: null, url: null, authors: [], host: null, editor: null },
    published: { from: published, to: published, precision: 'day', text: published, status: 'detected' },
    text,
    blocks: [{ type: 'paragraph', start: 0, end: text.length }],
    contentHash: `hash:${text}`,
    original: { name: 'a.txt', encoding: 'utf-8', size: text.length, text },
    articles: [],
    dropped: [],
  };
}

const fields = (kind = 'commitment'): ItemFields => ({
  kind,
  title: '京张铁路',
  owners: [],
  deadline: { from: '2019-12-31', to: '2019-12-31', precision: 'day', text: '年底', origin: 'explicit' },
  milestones: [],
  targets: [],
  category: '交通',
  tags: [],
  origin: 'manual',
});

let db: DossierDatabase;
let repo: Repository;
let n = 0;
let documentId: string;
beforeEach(async () => {
  db = openDatabase(`items-test-${n++}`);
  repo = createRepository(db);
  const [added] = await repo.documents.importBatch([draft(TEXT)]);
  documentId = added!.status === 'added' ? added!.meta.id : '';
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('deleting a tagged highlight', () => {
  it('deletes its item with it when asked, and undoes both', async () => {
    const { annotation, item } = await repo.items.tagPassage(
      { documentId, start: 2, end: 6, color: 'green' },
      { text: TEXT },
      fields(),
    );
    const deleted = await repo.annotations.remove(annotation.id, { withItems: true });
    expect(deleted?.items.map((i) => i.id)).toEqual([item.id]);
    expect(await db.items.count()).toBe(0);
    expect(await db.annotations.count()).toBe(0);
    await repo.annotations.restore(deleted!);
    expect(content(await repo.items.get(item.id))).toEqual(content(item));
    expect((await repo.annotations.forDocument(documentId))[0]!.id).toBe(annotation.id);
  });

  it('keeps the item, without the passage, when the analyst keeps it', async () => {
    const { annotation, item } = await repo.items.tagPassage(
      { documentId, start: 2, end: 6, color: 'green' },
      { text: TEXT },
      fields(),
    );
    const deleted = await repo.annotations.remove(annotation.id);
    const kept = await repo.items.get(item.id);
    expect(kept).toMatchObject({ annotationIds: [], deadline: item.deadline, baseRev: item.rev });
    await repo.annotations.restore(deleted!);
    expect((await repo.items.get(item.id))!.annotationIds).toEqual([annotation.id]);
  });

  it('deletes a plain highlight as before', async () => {
    const a = await repo.annotations.create({ documentId, start: 0, end: 2, color: 'yellow' }, TEXT);
    const deleted = await repo.annotations.remove(a.id, { withItems: true });
    expect(deleted).toEqual({ annotation: a, items: [], links: { removed: [], retargeted: [] } });
    expect(await repo.annotations.remove('missing')).toBeUndefined();
  });

  it('tags an existing highlight as an item of its own', async () => {
    const a = await repo.annotations.create({ documentId, start: 0, end: 2, color: 'yellow' }, TEXT);
    const item = await repo.items.create(fields('task'), { documentId, annotationIds: [a.id] });
    expect(await db.items.where('annotationIds').equals(a.id).toArray()).toEqual([item]);
  });
});

describe('deleting a document', () => {
  it('takes its items and suggestions with it, and brings them back on undo', async () => {
    const { item } = await repo.items.tagPassage(
      { documentId, start: 2, end: 6, color: 'green' },
      { text: TEXT },
      fields(),
    );
    await repo.extractions.put(
      documentId,
      `hash:${TEXT}`,
      1,
      { temporal: [], candidates: [], stages: [] },
      '2019-06-06',
    );
    await repo.extractions.dismiss(documentId, '京礼高速延崇段工程完工');
    const deleted = await repo.documents.remove(documentId);
    expect(await db.items.count()).toBe(0);
    expect(await db.extractions.count()).toBe(0);
    await repo.documents.restore(deleted!);
    expect((await repo.items.forDocument(documentId)).map(content)).toEqual([content(item)]);
    expect((await repo.extractions.get(documentId))!.dismissed).toEqual(['京礼高速延崇段工程完工']);
  });
});

describe('splitting a page', () => {
  it('moves an item to the article holding its passage', async () => {
    const name = '002_c4717dbc6a480cfb.txt';
    const outcome = ingest({ name, bytes: readFileSync(new URL(`../../fixtures/seeds/${name}`, import.meta.url)) });
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const [added] = await repo.documents.importBatch([outcome.doc]);
    const page = added!.status === 'added' ? added!.meta : undefined;
    const body = (await repo.documents.body(page!.id))!;
    const at = body.text.indexOf('宝坻');
    const { item } = await repo.items.tagPassage(
      { documentId: page!.id, start: at, end: at + 2, color: 'blue' },
      body,
      fields('task'),
    );
    const parts = splitDocument(
      { ...page!, text: body.text, blocks: body.blocks },
      outcome.doc.articles.map((a) => a.firstBlock),
    );
    const records = documentsFromParts(page!, parts, (await repo.documents.original(page!.id))!.original);
    await repo.documents.replaceWithParts(
      page!.id,
      records,
      parts.map((p) => p.startOffset),
    );
    const [annotation] = await db.annotations.toArray();
    const moved = await repo.items.get(item.id);
    expect(moved!.documentId).toBe(annotation!.documentId);
    expect(moved!.documentId).not.toBe(page!.id);
  });
});

describe('reading suggestions again when they are out of date', () => {
  const found: Extraction = {
    temporal: [],
    stages: [],
    candidates: [
      {
        kind: 'commitment',
        quote: '实现京张铁路年底建成通车',
        start: 0,
        end: 12,
        confidence: 0.7,
        deadline: null,
        milestones: [],
        owners: [],
        targets: [],
        category: null,
        cues: [],
      },
    ],
  };
  let calls: { text: string; published: string | null }[];
  const run: RunExtraction = async (text, context) => {
    calls.push({ text, published: context.published });
    return { extraction: found, version: EXTRACTOR_VERSION };
  };
  beforeEach(() => {
    calls = [];
  });

  it('reads a document with no stored suggestions, once, against its publication date', async () => {
    const [first, second] = await Promise.all([
      refreshExtraction(repo, documentId, run),
      refreshExtraction(repo, documentId, run),
    ]);
    expect([first, second]).toEqual([true, true]); // one run, shared
    expect(calls).toEqual([{ text: TEXT, published: '2019-06-06' }]);
    const stored = await repo.extractions.get(documentId);
    expect(stored).toMatchObject({ version: EXTRACTOR_VERSION, contentHash: `hash:${TEXT}`, published: '2019-06-06' });
    expect(isCurrent(stored, (await repo.documents.get(documentId))!)).toBe(true);
    expect(await refreshExtraction(repo, documentId, run)).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('reads again after new rules, a new text or a new publication date, keeping what was dismissed', async () => {
    await repo.extractions.put(documentId, `hash:${TEXT}`, EXTRACTOR_VERSION - 1, found, '2019-06-06');
    await repo.extractions.dismiss(documentId, '实现京张铁路年底建成通车');
    expect(await refreshExtraction(repo, documentId, run)).toBe(true);

    const next = `${TEXT}新增一句。`;
    await repo.documents.replaceText(documentId, {
      text: next,
      blocks: [{ type: 'paragraph', start: 0, end: next.length }],
      contentHash: 'hash:2',
    });
    expect(await refreshExtraction(repo, documentId, run)).toBe(true);
    expect(calls.at(-1)!.text).toBe(next);

    const meta = (await repo.documents.get(documentId))!;
    await repo.documents.update(documentId, {
      published: { ...meta.published!, from: '2020-01-02', to: '2020-01-02' },
    });
    expect(await refreshExtraction(repo, documentId, run)).toBe(true);
    expect(calls.at(-1)!.published).toBe('2020-01-02');
    expect(calls).toHaveLength(3);
    expect((await repo.extractions.get(documentId))!.dismissed).toEqual(['实现京张铁路年底建成通车']);
  });

  it('does not store a result read from a text that changed meanwhile', async () => {
    const slow: RunExtraction = async (text, context) => {
      const result = await run(text, context);
      await repo.documents.replaceText(documentId, { text: 'x', blocks: [], contentHash: 'hash:x' });
      return result;
    };
    expect(await refreshExtraction(repo, documentId, slow)).toBe(false);
    expect(await repo.extractions.get(documentId)).toBeUndefined();
  });
});
