// Events in the repository: made by hand or from a passage (highlight and event in one
// transaction, an existing highlight of the same words reused), edited, deleted with their
// links (removed, or kept on their passage) and restored.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { rangeFor } from '../../../shared/timeline/dates';

const TEXT = '会议指出。2019年6月底前完成验收，年底前建成通航！';
const DOC = 'doc-1';

let db: DossierDatabase;
let repo: Repository;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`events-test-${n++}`);
  repo = createRepository(db);
  const at = '2024-01-01T00:00:00.000Z';
  await db.documents.add({
    id: DOC,
    createdAt: at,
    updatedAt: at,
    rev: at,
    baseRev: null,
    title: '工作要点',
    kind: 'text',
    source: { site: null, url: null, authors: [], host: null, editor: null },
    published: { from: '2019-06-06', to: '2019-06-06', precision: 'day', text: '', status: 'detected' },
    importedAt: at,
    contentHash: 'h1',
    length: TEXT.length,
  });
  await db.bodies.add({ id: DOC, text: TEXT, blocks: [{ type: 'paragraph', start: 0, end: TEXT.length }] });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('events', () => {
  it('are made by hand, edited, and listed by document', async () => {
    const meeting = await repo.events.create({
      title: '  联席会议 ',
      date: rangeFor('2022-03-15', 'day', '', '2022-03-17'),
      note: '  ',
    });
    expect(meeting).toMatchObject({ title: '联席会议', note: null, documentId: null, annotationId: null });
    expect(meeting.date).toEqual({ from: '2022-03-15', to: '2022-03-17', precision: 'day', text: '' });
    const edited = await repo.events.update(meeting.id, { title: '全体会议', note: '三天' });
    expect(edited).toMatchObject({ title: '全体会议', note: '三天', baseRev: meeting.rev });
    expect(await repo.events.list()).toHaveLength(1);
    expect(await repo.events.forDocument(DOC)).toEqual([]);
  });

  it('are made from a passage with its highlight in one step, reusing a highlight of the same words', async () => {
    const start = TEXT.indexOf('2019年6月底');
    const end = start + '2019年6月底'.length;
    const body = { text: TEXT };
    const first = await repo.events.fromPassage({ documentId: DOC, start, end, color: 'purple' }, body, {
      title: '完成验收',
      date: rangeFor('2019-06-30', 'day', '2019年6月底'),
    });
    expect(first.highlighted).toBe(true);
    expect(first.annotation.target.quote.exact).toBe('2019年6月底');
    expect(first.event).toMatchObject({ documentId: DOC, annotationId: first.annotation.id });
    const second = await repo.events.fromPassage({ documentId: DOC, start, end, color: 'yellow' }, body, {
      title: '再次',
      date: rangeFor('2019-06-30', 'day'),
    });
    expect(second.highlighted).toBe(false);
    expect(second.annotation.id).toBe(first.annotation.id);
    expect(await repo.annotations.forDocument(DOC)).toHaveLength(1);
    expect(await repo.events.forDocument(DOC)).toHaveLength(2);
    const [passage] = await repo.timeline.passages([first.annotation.id, 'gone']);
    expect(passage!.target.quote.exact).toBe('2019年6月底');
  });

  it('take their links along when deleted, or keep them on their passage; undo puts all back', async () => {
    const start = TEXT.indexOf('年底前');
    const { event, annotation } = await repo.events.fromPassage(
      { documentId: DOC, start, end: start + 3, color: 'purple' },
      { text: TEXT },
      { title: '建成通航', date: rangeFor('2019-12-31', 'day', '年底前') },
    );
    const other = await repo.events.create({ title: '验收', date: rangeFor('2019-06-30', 'day') });
    const link = await repo.links.create({
      type: 'fulfils',
      from: { kind: 'event', id: other.id },
      to: { kind: 'event', id: event.id },
    });

    const removed = (await repo.events.remove(event.id))!;
    expect(removed.links.removed.map((l) => l.id)).toEqual([link.id]);
    expect(await repo.events.get(event.id)).toBeUndefined();
    expect(await db.links.count()).toBe(0);
    expect(await repo.annotations.forDocument(DOC)).toHaveLength(1); // the highlight stays
    await repo.events.restore(removed);
    expect(await repo.events.get(event.id)).toBeDefined();
    expect((await db.links.get(link.id))!.to).toEqual({ kind: 'event', id: event.id });

    const kept = (await repo.events.remove(event.id, { keepLinks: true }))!;
    expect(kept.links.retargeted).toHaveLength(1);
    expect((await db.links.get(link.id))!.to).toEqual({ kind: 'annotation', id: annotation.id });
    await repo.events.restore(kept);
    expect((await db.links.get(link.id))!.to).toEqual({ kind: 'event', id: event.id });
    expect(await repo.events.remove('nothing')).toBeUndefined();
  });
});

describe('deleting a document', () => {
  it('takes the events pinned from it along, and Undo brings them back', async () => {
    const start = TEXT.indexOf('年底前');
    const pinned = await repo.events.fromPassage(
      { documentId: DOC, start, end: start + 3, color: 'purple' },
      { text: TEXT },
      { title: '建成通航', date: rangeFor('2019-12-31', 'year', '年底前') },
    );
    const meeting = await repo.events.create({ title: '联席会议', date: rangeFor('2022-03-15', 'day', '') });
    const deleted = await repo.documents.remove(DOC);
    expect(deleted?.events.map((e) => e.id)).toEqual([pinned.event.id]);
    expect((await repo.events.list()).map((e) => e.id)).toEqual([meeting.id]);
    await repo.documents.restore(deleted!);
    expect((await repo.events.list()).map((e) => e.id).sort()).toEqual([meeting.id, pinned.event.id].sort());
  });
});
