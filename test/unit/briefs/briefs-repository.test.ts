// Briefs in the repository (list, save, rename, duplicate, delete and restore, append a quote
// without an editor), the highlights a brief quotes with their documents, and the rules the
// quote node and the exports share: a citation from a highlight, a quote's status, the content
// an export is made from.
import { content } from '../db/content';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { appendBlocks } from '../../../renderer/db/briefs';
import {
  citationFor,
  contentForExport,
  formatCitedDate,
  quoteNodeJSON,
  quoteStatus,
  quotedAnnotationIds,
} from '../../../renderer/briefs/citation';

const TEXT = '本市已经正式确定设立九大专项工作小组。早在2014年由郭金龙书记牵头设立领导小组。';
const DOC = 'doc-1';
const AT = '2024-01-01T00:00:00.000Z';

let db: DossierDatabase;
let repo: Repository;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`briefs-test-${n++}`);
  repo = createRepository(db);
  await db.documents.add({
    id: DOC,
    createdAt: AT,
    updatedAt: AT,
    rev: AT,
    baseRev: null,
    title: '北京市设九工作组',
    kind: 'text',
    source: { site: '北京青年报', url: 'https://example.org/a', authors: [], host: null, editor: null },
    published: { from: '2016-01-28', to: '2016-01-28', precision: 'day', text: '', status: 'detected' },
    importedAt: AT,
    contentHash: 'h1',
    length: TEXT.length,
  });
  await db.bodies.add({ id: DOC, text: TEXT, blocks: [{ type: 'paragraph', start: 0, end: TEXT.length }] });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const highlight = (start: number, end: number) =>
  repo.annotations.create({ documentId: DOC, start, end, color: 'yellow' }, TEXT);

describe('briefs in the repository', () => {
  it('lists the most recently edited first, and saves only what changed', async () => {
    const a = await repo.briefs.create({ title: ' First ' }, new Date('2024-01-01T00:00:00Z'));
    const b = await repo.briefs.create({ title: 'Second' }, new Date('2024-01-02T00:00:00Z'));
    expect(a.title).toBe('First');
    expect((await repo.briefs.list()).map((x) => x.id)).toEqual([b.id, a.id]);
    const saved = await repo.briefs.save(a.id, { content: '{"root":{}}' }, new Date('2024-01-03T00:00:00Z'));
    expect(saved.baseRev).toBe(a.rev);
    expect((await repo.briefs.list()).map((x) => x.id)).toEqual([a.id, b.id]);
    expect((await repo.briefs.latest())?.id).toBe(a.id);
    // The same content again writes nothing.
    const again = await repo.briefs.save(a.id, { content: '{"root":{}}' }, new Date('2024-01-04T00:00:00Z'));
    expect(again.updatedAt).toBe(saved.updatedAt);
    await repo.briefs.rename(a.id, '  Renamed ');
    expect((await repo.briefs.get(a.id))?.title).toBe('Renamed');
  });

  it('signs a brief, keeps the author through later saves, and signs new briefs with the same name', async () => {
    const a = await repo.briefs.create({ title: 'First' });
    expect(a.author).toBeUndefined();
    await repo.briefs.setAuthor(a.id, ' 李明 ');
    await repo.briefs.save(a.id, { title: 'First, edited' });
    expect(await repo.briefs.get(a.id)).toMatchObject({ title: 'First, edited', author: '李明' });
    expect((await repo.briefs.create({ title: 'Second' })).author).toBe('李明');
  });

  it('duplicates under another title, and deletes with an undo that restores it exactly', async () => {
    const a = await repo.briefs.create({ title: 'Brief', content: '{"root":{"children":[]}}' });
    const copy = await repo.briefs.duplicate(a.id, 'Brief (copy)');
    expect(copy.id).not.toBe(a.id);
    expect(copy.content).toBe(a.content);
    const deleted = await repo.briefs.remove(a.id);
    expect(await repo.briefs.get(a.id)).toBeUndefined();
    await repo.briefs.restore(deleted!);
    expect(content(await repo.briefs.get(a.id))).toEqual(content(a));
    expect(await repo.briefs.remove('nope')).toBeUndefined();
  });

  it('appends a quote to a brief without an editor, keeping one empty paragraph at the end', async () => {
    const quote = { type: 'dossier-quote', version: 1 };
    const fromEmpty = JSON.parse(appendBlocks('', [quote]));
    expect(fromEmpty.root.type).toBe('root');
    expect(fromEmpty.root.children.map((c: { type: string }) => c.type)).toEqual(['dossier-quote', 'paragraph']);
    const again = JSON.parse(appendBlocks(JSON.stringify(fromEmpty), [quote]));
    expect(again.root.children.map((c: { type: string }) => c.type)).toEqual([
      'dossier-quote',
      'dossier-quote',
      'paragraph',
    ]);
    const brief = await repo.briefs.create({ title: 'B' });
    const next = await repo.briefs.appendBlocks(brief.id, [{ ...quote, annotationId: 'a1' }]);
    expect(quotedAnnotationIds(next.content)).toEqual(['a1']);
    expect(JSON.parse(next.content).root.children).toHaveLength(2);
  });
});

describe('quote sources', () => {
  it('finds highlights by id, by document and the latest edited, each with its document', async () => {
    const first = await highlight(0, 18);
    const second = await highlight(19, 40);
    expect((await repo.quoteSources.get(first.id))?.document?.title).toBe('北京市设九工作组');
    expect(await repo.quoteSources.get('gone')).toBeUndefined();
    expect([...(await repo.quoteSources.many([first.id, 'gone', first.id])).keys()]).toEqual([first.id]);
    expect((await repo.quoteSources.inDocuments([DOC], 10)).length).toBe(2);
    expect(await repo.quoteSources.inDocuments([], 10)).toEqual([]);
    const recent = await repo.quoteSources.recent(1);
    expect(recent).toHaveLength(1);
    expect([first.id, second.id]).toContain(recent[0]!.annotation.id);
  });
});

describe('citations and quote status', () => {
  it('cites a highlight by its document: title, site, address, date at its precision, position, PDF page', async () => {
    const a = await highlight(0, 18);
    const source = (await repo.quoteSources.get(a.id))!;
    expect(citationFor(a, source.document)).toEqual({
      documentId: DOC,
      title: '北京市设九工作组',
      site: '北京青年报',
      url: 'https://example.org/a',
      published: { date: '2016-01-28', precision: 'day' },
      position: { start: 0, end: 18 },
    });
    const onPage = { ...a, target: { ...a.target, rects: [{ page: 3, x: 0, y: 0, width: 1, height: 1 }] } };
    expect(citationFor(onPage, source.document).page).toBe(3);
    // Exactly the stored shape of a quote node.
    expect(Object.keys(quoteNodeJSON(a, source.document)).sort()).toEqual(
      ['annotationId', 'citation', 'quote', 'type', 'version'].sort(),
    );
    expect(formatCitedDate({ date: '2019-04-01', precision: 'quarter' })).toBe('2019 Q2');
    expect(formatCitedDate({ date: '2019-07-01', precision: 'half' })).toBe('2019 H2');
    expect(formatCitedDate({ date: '2019-07-01', precision: 'month' })).toBe('2019-07');
  });

  it('tells a quote that matches, one whose passage changed or was lost, and one whose source is gone', async () => {
    const a = await highlight(0, 18);
    const source = (await repo.quoteSources.get(a.id))!;
    expect(quoteStatus(TEXT.slice(0, 18), source)).toEqual({ status: 'matches' });
    expect(quoteStatus('本市已正式确定设立九大专项工作小组', source)).toEqual({
      status: 'changed',
      current: TEXT.slice(0, 18),
    });
    expect(quoteStatus(TEXT.slice(0, 18), { ...source, annotation: { ...a, orphaned: true } })).toEqual({
      status: 'changed',
    });
    expect(quoteStatus(TEXT.slice(0, 18), undefined)).toEqual({ status: 'missing' });
    expect(quoteStatus(TEXT.slice(0, 18), { ...source, document: undefined })).toEqual({ status: 'missing' });
  });

  it('exports a brief with its citations as the library has them now, and each quote’s status', async () => {
    const a = await highlight(0, 18);
    const source = (await repo.quoteSources.get(a.id))!;
    const stale = { ...quoteNodeJSON(a, source.document), quote: 'older words' };
    const missing = { ...quoteNodeJSON(a, source.document), annotationId: 'gone' };
    const content = JSON.stringify({
      root: { type: 'root', children: [stale, { type: 'paragraph', children: [] }, missing] },
    });
    await repo.documents.update(DOC, { title: '新标题' });
    const sources = await repo.quoteSources.many(quotedAnnotationIds(content));
    const out = contentForExport(content, sources);
    expect(out.quoteStatus).toEqual({ [a.id]: 'changed', gone: 'missing' });
    const nodes = JSON.parse(out.content).root.children;
    expect(nodes[0].citation.title).toBe('新标题');
    expect(nodes[0].quote).toBe('older words');
    // A quote whose source is gone keeps the citation it was inserted with.
    expect(nodes[2].citation.title).toBe('北京市设九工作组');
  });
});
