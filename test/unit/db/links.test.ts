// Links in the repository: made only between records that exist, seen from both ends, and
// never left pointing at a deleted record — whatever is deleted, kept or undone, in any order.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../../shared/ingest/types';
import type { ItemFields } from '../../../shared/model/items';
import { pairKey, type LinkEnd } from '../../../shared/model/links';
import { newRecordBase } from '../../../shared/model/records';
import type { DocumentRecord, EventRecord, LinkType } from '../../../shared/model/types';
import { content } from './content';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { LinkError } from '../../../renderer/db/links';
import { createRepository, type Repository } from '../../../renderer/db/repository';

const EARLIER = '实现京张铁路年底建成通车，京礼高速延崇段工程完工。';
const LATER = '京张铁路已于年底建成通车，延崇高速全线贯通。京唐城际完成前期工作。';

function draft(text: string, published: string): IngestedDocument {
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

const fields = (title: string): ItemFields => ({
  kind: 'commitment',
  title,
  owners: [],
  deadline: { from: '2019-12-31', to: '2019-12-31', precision: 'day', text: '年底', origin: 'explicit' },
  milestones: [],
  targets: [],
  category: null,
  tags: [],
  origin: 'manual',
});

const A = (id: string): LinkEnd => ({ kind: 'annotation', id });
const I = (id: string): LinkEnd => ({ kind: 'item', id });
const D = (id: string): LinkEnd => ({ kind: 'document', id });
const E = (id: string): LinkEnd => ({ kind: 'event', id });

let db: DossierDatabase;
let repo: Repository;
let n = 0;

async function addDocuments(r: Repository): Promise<[string, string]> {
  const added = await r.documents.importBatch([draft(EARLIER, '2019-06-06'), draft(LATER, '2022-03-16')]);
  const ids = added.map((a) => (a.status === 'added' ? a.meta.id : ''));
  return [ids[0]!, ids[1]!];
}

/** Every link's ends exist, no link is a self-link, and no two links repeat each other. */
async function expectSound(d: DossierDatabase): Promise<void> {
  const links = await d.links.toArray();
  const exists = async (end: LinkEnd) => {
    const table = { annotation: d.annotations, item: d.items, event: d.events, document: d.documents }[end.kind];
    return (await table.get(end.id)) !== undefined;
  };
  for (const link of links) {
    expect(await exists(link.from), `link ${link.id} from ${link.from.kind}`).toBe(true);
    expect(await exists(link.to), `link ${link.id} to ${link.to.kind}`).toBe(true);
    expect(link.from.kind === link.to.kind && link.from.id === link.to.id).toBe(false);
  }
  const keys = links.map(pairKey);
  expect(new Set(keys).size).toBe(keys.length);
}

let earlierId: string;
let laterId: string;
beforeEach(async () => {
  db = openDatabase(`links-test-${n++}`);
  repo = createRepository(db);
  [earlierId, laterId] = await addDocuments(repo);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A 2019 commitment (highlight + item) and a 2022 passage that fulfils it. */
async function commitmentAndReport() {
  const { annotation: commitmentPassage, item: commitment } = await repo.items.tagPassage(
    { documentId: earlierId, start: 2, end: 12, color: 'green' },
    { text: EARLIER },
    fields('京张铁路年底建成通车'),
  );
  const report = await repo.annotations.create({ documentId: laterId, start: 0, end: 12, color: 'yellow' }, LATER);
  const link = await repo.links.create({ type: 'fulfils', from: A(report.id), to: I(commitment.id), note: '通车' });
  return { commitmentPassage, commitment, report, link };
}

describe('making links', () => {
  it('links two records and finds the link from both ends', async () => {
    const { commitment, report, link } = await commitmentAndReport();
    expect(link).toMatchObject({ type: 'fulfils', from: A(report.id), to: I(commitment.id), note: '通车' });
    expect(await repo.links.forRecord('annotation', report.id)).toEqual([link]);
    expect(await repo.links.forRecord('item', commitment.id)).toEqual([link]);
    expect(await repo.links.forRecord('document', earlierId)).toEqual([]);
  });

  it('refuses a self-link, a repeat (either way round) and an end that does not exist', async () => {
    const { commitment, report } = await commitmentAndReport();
    const refused = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(LinkError);
      return (error as LinkError).problem;
    };
    expect(await refused(repo.links.create({ type: 'relates', from: A(report.id), to: A(report.id) }))).toBe('self');
    expect(await refused(repo.links.create({ type: 'fulfils', from: I(commitment.id), to: A(report.id) }))).toBe(
      'duplicate',
    );
    expect(await refused(repo.links.create({ type: 'relates', from: A(report.id), to: E('nope') }))).toBe('missing-to');
    expect(await refused(repo.links.create({ type: 'relates', from: D('gone'), to: A(report.id) }))).toBe(
      'missing-from',
    );
    expect(await repo.links.check({ type: 'updates', from: A(report.id), to: I(commitment.id) })).toBeNull();
    expect(await db.links.count()).toBe(1);
  });

  it('changes a link’s type and note, but not into a repeat; removes it and undoes that', async () => {
    const { commitment, report, link } = await commitmentAndReport();
    const second = await repo.links.create({ type: 'updates', from: A(report.id), to: I(commitment.id) });
    const changed = await repo.links.update(link.id, { type: 'contradicts', note: '  ' });
    expect(changed).toMatchObject({ type: 'contradicts', note: null, baseRev: link.rev });
    await expect(repo.links.update(second.id, { type: 'contradicts' })).rejects.toThrow(LinkError);
    const removed = await repo.links.remove(second.id);
    expect(await db.links.count()).toBe(1);
    await repo.links.restore(removed!);
    expect(content(await repo.links.get(second.id))).toEqual(content(second));
  });

  it('follows an item’s history across documents, oldest first, whichever end it is asked from', async () => {
    const { commitment, commitmentPassage, report } = await commitmentAndReport();
    const progressDoc = await repo.documents.importBatch([
      draft('京张铁路建设进展顺利，2021年完成铺轨。', '2021-01-10'),
    ]);
    const progressId = progressDoc[0]!.status === 'added' ? progressDoc[0]!.meta.id : '';
    const progress = await repo.annotations.create(
      { documentId: progressId, start: 0, end: 8, color: 'blue' },
      '京张铁路建设进展顺利，2021年完成铺轨。',
    );
    // Made on the commitment's highlight, not its item: the same record in its history.
    await repo.links.create({ type: 'updates', from: A(progress.id), to: A(commitmentPassage.id) });
    await repo.links.create({ type: 'relates', from: D(progressId), to: I(commitment.id) });
    for (const start of [I(commitment.id), A(commitmentPassage.id), A(report.id)]) {
      const chain = await repo.links.chain(start);
      expect(chain.map((s) => [s.end.kind, s.end.id, s.date])).toEqual([
        ['item', commitment.id, '2019-06-06'],
        ['annotation', progress.id, '2021-01-10'],
        ['annotation', report.id, '2022-03-16'],
      ]);
      expect(chain[0]!.record.label).toBe('京张铁路年底建成通车');
      expect(chain[2]!.record.documentId).toBe(laterId);
    }
    const chain = await repo.links.chain(I(commitment.id));
    expect(chain.map((s) => s.via?.label ?? null)).toEqual([null, 'updates', 'fulfils']);
  });

  it('resolves link ends to what the UI shows', async () => {
    const { commitment, report } = await commitmentAndReport();
    const event: EventRecord = {
      ...newRecordBase(),
      title: '京张铁路开通仪式',
      date: { from: '2019-12-30', to: '2019-12-30', precision: 'day', text: '12月30日' },
      documentId: null,
      annotationId: report.id,
      note: null,
    };
    await db.events.add(event);
    const resolved = await repo.links.resolve([I(commitment.id), A(report.id), E(event.id), D(earlierId), A('x')]);
    expect(resolved.get(`item:${commitment.id}`)).toMatchObject({
      label: '京张铁路年底建成通车',
      documentId: earlierId,
      date: '2019-06-06',
      itemKind: 'commitment',
      status: 'open',
    });
    expect(resolved.get(`annotation:${report.id}`)).toMatchObject({
      label: LATER.slice(0, 12),
      annotationId: report.id,
    });
    expect(resolved.get(`event:${event.id}`)).toMatchObject({ label: '京张铁路开通仪式', date: '2019-12-30' });
    expect(resolved.get(`document:${earlierId}`)).toMatchObject({ label: EARLIER.slice(0, 8), exists: true });
    expect(resolved.get('annotation:x')!.exists).toBe(false);
  });
});

describe('deleting a record never leaves a dangling link', () => {
  it('deleting a highlight removes its links, and Undo brings them back', async () => {
    const { report, link } = await commitmentAndReport();
    const deleted = await repo.annotations.remove(report.id);
    expect(await db.links.count()).toBe(0);
    expect(deleted!.links!.removed).toEqual([link]);
    await expectSound(db);
    await repo.annotations.restore(deleted!);
    expect(content(await repo.links.get(link.id))).toEqual(content(link));
  });

  it('keeping a plain highlight’s links re-points them to its document; Undo points them back', async () => {
    const { commitment, report, link } = await commitmentAndReport();
    const deleted = await repo.annotations.remove(report.id, { keepLinks: true });
    expect(await repo.links.get(link.id)).toMatchObject({ from: D(laterId), to: I(commitment.id), type: 'fulfils' });
    await expectSound(db);
    await repo.annotations.restore(deleted!);
    expect(content(await repo.links.get(link.id))).toEqual(content(link));
  });

  it('keeping a tagged highlight’s links puts them on its item when the item stays, else on the document', async () => {
    const { commitment, commitmentPassage, report } = await commitmentAndReport();
    const onPassage = await repo.links.create({ type: 'relates', from: A(commitmentPassage.id), to: A(report.id) });
    // The item stays: the passage's link moves to it.
    const keptItem = await repo.annotations.remove(commitmentPassage.id, { keepLinks: true });
    expect(await repo.links.get(onPassage.id)).toMatchObject({ from: I(commitment.id), to: A(report.id) });
    await expectSound(db);
    await repo.annotations.restore(keptItem!);
    expect(content(await repo.links.get(onPassage.id))).toEqual(content(onPassage));
    // Both go: every link of either moves to the document.
    const both = await repo.annotations.remove(commitmentPassage.id, { withItems: true, keepLinks: true });
    const links = await db.links.toArray();
    expect(links.map((l) => [l.from, l.to])).toEqual(
      expect.arrayContaining([
        [A(report.id), D(earlierId)],
        [D(earlierId), A(report.id)],
      ]),
    );
    await expectSound(db);
    await repo.annotations.restore(both!);
    expect(await repo.links.forRecord('item', commitment.id)).toHaveLength(1);
    expect((await repo.links.forRecord('annotation', commitmentPassage.id)).map(content)).toEqual([content(onPassage)]);
  });

  it('re-pointing drops a link that would repeat one or link a record to itself', async () => {
    const { report } = await commitmentAndReport();
    const toDoc = await repo.links.create({ type: 'relates', from: A(report.id), to: D(laterId) });
    const deleted = await repo.annotations.remove(report.id, { keepLinks: true });
    expect(await repo.links.get(toDoc.id)).toBeUndefined(); // would be the document linked to itself
    expect(deleted!.links!.removed).toEqual([toDoc]);
    await expectSound(db);
    await repo.annotations.restore(deleted!);
    expect(content(await repo.links.get(toDoc.id))).toEqual(content(toDoc));
  });

  it('untagging an item removes its links, or keeps them on its highlight; Undo restores either', async () => {
    const { commitment, commitmentPassage, report, link } = await commitmentAndReport();
    const removed = await repo.items.remove(commitment.id);
    expect(await db.links.count()).toBe(0);
    await repo.items.restore(removed!);
    expect(content(await repo.links.get(link.id))).toEqual(content(link));
    const kept = await repo.items.remove(commitment.id, { keepLinks: true });
    expect(await repo.links.get(link.id)).toMatchObject({ from: A(report.id), to: A(commitmentPassage.id) });
    await expectSound(db);
    await repo.items.restore(kept!);
    expect(content(await repo.links.get(link.id))).toEqual(content(link));
    expect(content(await repo.items.get(commitment.id))).toEqual(content(commitment));
  });

  it('deleting a document takes the links of it, its highlights and its items; Undo brings them back', async () => {
    const { report, link } = await commitmentAndReport();
    const toDoc = await repo.links.create({ type: 'updates', from: A(report.id), to: D(earlierId) });
    const deleted = await repo.documents.remove(earlierId);
    expect(await db.links.count()).toBe(0);
    await expectSound(db);
    await repo.documents.restore(deleted!);
    expect((await db.links.toArray()).map((l) => l.id).sort()).toEqual([link.id, toDoc.id].sort());
  });

  it('an Undo out of order does not bring back a link whose other end is gone', async () => {
    const { report, commitment } = await commitmentAndReport();
    const firstDelete = await repo.annotations.remove(report.id);
    await repo.items.remove(commitment.id);
    await repo.annotations.restore(firstDelete!);
    expect(await db.links.count()).toBe(0);
    await expectSound(db);
  });

  it('splitting a page moves the links of the page to its first part', async () => {
    const { report } = await commitmentAndReport();
    const toPage = await repo.links.create({ type: 'relates', from: A(report.id), to: D(earlierId) });
    const meta = (await repo.documents.get(earlierId))!;
    const part = (text: string): DocumentRecord => ({
      ...meta,
      ...newRecordBase(),
      text,
      blocks: [{ type: 'paragraph', start: 0, end: text.length }],
      contentHash: `hash:part:${text}`,
      original: { name: 'a.txt', encoding: 'utf-8', size: 0, text: '' },
    });
    const parts = [part(EARLIER.slice(0, 13)), part(EARLIER.slice(13))];
    await repo.documents.replaceWithParts(earlierId, parts, [0, 13]);
    expect(await repo.links.get(toPage.id)).toMatchObject({ to: D(parts[0]!.id) });
    await expectSound(db);
  });
});

describe('property: after any sequence of edits, deletions and undos no link dangles', () => {
  type Op =
    | { op: 'highlight'; doc: number; at: number; tag: boolean }
    | { op: 'event'; doc: number; passage: number }
    | { op: 'link'; from: number; to: number; type: LinkType }
    | { op: 'deleteHighlight'; pick: number; withItems: boolean; keepLinks: boolean }
    | { op: 'untag'; pick: number; keepLinks: boolean }
    | { op: 'deleteEvent'; pick: number; keepLinks: boolean }
    | { op: 'deleteDocument'; pick: number }
    | { op: 'deleteLink'; pick: number }
    | { op: 'undo'; pick: number };

  const index = fc.nat(50);
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('highlight' as const), doc: fc.nat(1), at: fc.nat(20), tag: fc.boolean() }),
    fc.record({ op: fc.constant('event' as const), doc: fc.nat(2), passage: index }),
    fc.record({
      op: fc.constant('link' as const),
      from: index,
      to: index,
      type: fc.constantFrom<LinkType>('relates', 'updates', 'fulfils', 'contradicts', 'duplicates'),
    }),
    fc.record({ op: fc.constant('link' as const), from: index, to: index, type: fc.constant<LinkType>('fulfils') }),
    fc.record({
      op: fc.constant('deleteHighlight' as const),
      pick: index,
      withItems: fc.boolean(),
      keepLinks: fc.boolean(),
    }),
    fc.record({ op: fc.constant('untag' as const), pick: index, keepLinks: fc.boolean() }),
    fc.record({ op: fc.constant('deleteEvent' as const), pick: index, keepLinks: fc.boolean() }),
    fc.record({ op: fc.constant('deleteDocument' as const), pick: index }),
    fc.record({ op: fc.constant('deleteLink' as const), pick: index }),
    fc.record({ op: fc.constant('undo' as const), pick: index }),
  );

  it('holds for random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const d = openDatabase(`links-property-${n++}`);
        const r = createRepository(d);
        try {
          const documents = await addDocuments(r);
          const undos: (() => Promise<void>)[] = [];
          const pickOf = <T>(list: readonly T[], i: number): T | undefined =>
            list.length ? list[i % list.length] : undefined;
          for (const step of ops) {
            const annotations = await d.annotations.toArray();
            const items = await d.items.toArray();
            const events = await d.events.toArray();
            const docs = await d.documents.toArray();
            const ends: LinkEnd[] = [
              ...annotations.map((a) => A(a.id)),
              ...items.map((i) => I(i.id)),
              ...events.map((e) => E(e.id)),
              ...docs.map((x) => D(x.id)),
            ];
            switch (step.op) {
              case 'highlight': {
                const documentId = documents[step.doc]!;
                if (!(await d.documents.get(documentId))) break;
                const text = step.doc === 0 ? EARLIER : LATER;
                const passage = { documentId, start: step.at, end: step.at + 4, color: 'yellow' as const };
                if (step.tag) await r.items.tagPassage(passage, { text }, fields(text.slice(step.at, step.at + 4)));
                else await r.annotations.create(passage, text);
                break;
              }
              case 'event': {
                const passage = pickOf(annotations, step.passage);
                await d.events.add({
                  ...newRecordBase(),
                  title: '会议',
                  date: { from: '2020-01-01', to: '2020-01-01', precision: 'day', text: '2020年1月1日' },
                  documentId: step.doc < 2 ? documents[step.doc]! : null,
                  annotationId: passage?.id ?? null,
                  note: null,
                });
                break;
              }
              case 'link': {
                const from = pickOf(ends, step.from);
                const to = pickOf(ends, step.to + 1);
                if (!from || !to) break;
                await r.links.create({ type: step.type, from, to }).catch((e: unknown) => {
                  if (!(e instanceof LinkError)) throw e;
                });
                break;
              }
              case 'deleteHighlight': {
                const target = pickOf(annotations, step.pick);
                if (!target) break;
                const deleted = await r.annotations.remove(target.id, step);
                if (deleted) undos.push(() => r.annotations.restore(deleted));
                break;
              }
              case 'untag': {
                const target = pickOf(items, step.pick);
                if (!target) break;
                const deleted = await r.items.remove(target.id, step);
                if (deleted) undos.push(() => r.items.restore(deleted));
                break;
              }
              case 'deleteEvent': {
                const target = pickOf(events, step.pick);
                if (!target) break;
                const deleted = await r.events.remove(target.id, step);
                if (deleted) undos.push(() => r.events.restore(deleted));
                break;
              }
              case 'deleteDocument': {
                const target = pickOf(docs, step.pick);
                if (!target) break;
                const deleted = await r.documents.remove(target.id);
                if (deleted) undos.push(() => r.documents.restore(deleted));
                break;
              }
              case 'deleteLink': {
                const target = pickOf(await d.links.toArray(), step.pick);
                if (!target) break;
                const deleted = await r.links.remove(target.id);
                if (deleted) undos.push(() => r.links.restore(deleted));
                break;
              }
              case 'undo': {
                if (undos.length === 0) break;
                const [undo] = undos.splice(step.pick % undos.length, 1);
                await undo!();
                break;
              }
            }
            await expectSound(d);
          }
        } finally {
          d.close();
          await d.delete();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
