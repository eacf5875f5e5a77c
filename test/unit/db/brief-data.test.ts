// What a brief's data blocks and drafts read through the repository: the same rows and entries
// as the pure rules over the whole library, whichever index narrows the query; the owner aliases
// the analyst saved; a draft of each kind.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { EMPTY_TABLE_FILTER, itemTableRows } from '../../../shared/brief/item-rows';
import type { ItemTableFilter } from '../../../shared/brief/serialized';
import { timelineSectionEntries } from '../../../shared/brief/timeline-entries';
import { aliasTable } from '../../../shared/extract/aliases';
import { ANNOTATIONS, DOCUMENTS, EVENTS, ITEMS, NOW, TODAY } from '../brief/brief-library.fixture';

let db: DossierDatabase;
let repo: Repository;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`brief-data-test-${n++}`);
  repo = createRepository(db);
  await db.documents.bulkAdd(DOCUMENTS);
  await db.annotations.bulkAdd(ANNOTATIONS);
  await db.items.bulkAdd(ITEMS);
  await db.events.bulkAdd(EVENTS);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const library = { items: ITEMS, annotations: ANNOTATIONS, documents: DOCUMENTS, events: EVENTS };

describe('brief data in the repository', () => {
  it('reads the same rows as the rules over the whole library, whichever index it starts from', async () => {
    const aliases = aliasTable({});
    const filters: Partial<ItemTableFilter>[] = [
      {},
      { itemIds: ['i2', 'i6', 'gone'] },
      { documentIds: ['d1'], statuses: ['open'] },
      { deadlineFrom: '2019-06-30', deadlineTo: '2019-12-31' },
      { deadlineTo: '2019-06-30' },
      { statuses: ['done', 'unknown'] },
      { kinds: ['commitment'] },
      { owners: ['市发改委'] },
      { text: '工作要点' },
    ];
    for (const patch of filters) {
      const filter = { ...EMPTY_TABLE_FILTER, ...patch };
      expect(await repo.briefData.itemRows(filter, TODAY)).toEqual(
        itemTableRows(filter, { ...library, aliases }, TODAY),
      );
    }
  });

  it('names owners under the analyst’s aliases', async () => {
    await repo.ownerAliases.save({ 通州区政府: '北京市通州区人民政府' });
    const rows = await repo.briefData.itemRows({ ...EMPTY_TABLE_FILTER, owners: ['北京市通州区人民政府'] }, TODAY);
    expect(rows.map((r) => [r.itemId, r.owners[0]])).toEqual([
      ['i6', '北京市通州区人民政府'],
      ['i1', '北京市发展和改革委员会'],
    ]);
  });

  it('reads a timeline section’s entries by the date indexes', async () => {
    const aliases = aliasTable({});
    for (const range of [
      { from: '2019-01-01', to: '2019-12-31' },
      { from: '2019-06-01', to: '2019-09-30' },
      { from: '2020-01-01', to: '2040-12-31' },
    ]) {
      expect(await repo.briefData.timelineEntries(range, undefined, TODAY)).toEqual(
        timelineSectionEntries(range, library, { today: TODAY, aliases }),
      );
    }
    const filtered = await repo.briefData.timelineEntries(
      { from: '2019-01-01', to: '2019-12-31' },
      { ...EMPTY_TABLE_FILTER, kinds: ['@event'] },
      TODAY,
    );
    expect(filtered.map((e) => e.ref.id)).toEqual(['e1', 'e2']);
  });

  it('drafts from a document, from items and from a range', async () => {
    const options = { language: 'en' as const, now: NOW, today: TODAY };
    const fromDocument = await repo.briefData.draft({ kind: 'document', documentId: 'd1' }, options);
    expect(fromDocument.title).toBe('Brief: 北京市推进京津冀协同发展2019年工作要点');
    const blocks = fromDocument.content.root.children;
    expect(blocks.filter((b) => b.type === 'dossier-quote')).toHaveLength(7);

    const fromItems = await repo.briefData.draft(
      { kind: 'items', filter: { ...EMPTY_TABLE_FILTER, owners: ['市发改委'] } },
      options,
    );
    const table = fromItems.content.root.children.find((b) => b.type === 'dossier-item-table');
    expect(table && 'rows' in table && table.rows.map((r) => r.itemId)).toEqual(['i1', 'i4']);

    const fromRange = await repo.briefData.draft(
      { kind: 'timeline', range: { from: '2019-01-01', to: '2019-12-31' } },
      options,
    );
    const section = fromRange.content.root.children.find((b) => b.type === 'dossier-timeline');
    expect(section && 'entries' in section && section.entries).toHaveLength(8);
    const quotes = fromRange.content.root.children.filter((b) => b.type === 'dossier-quote');
    expect(quotes.map((q) => 'annotationId' in q && q.annotationId)).toEqual(['a6', 'a3', 'a2', 'a1']);
  });

  it('refuses to draft from a document that is gone', async () => {
    await expect(
      repo.briefData.draft({ kind: 'document', documentId: 'nope' }, { language: 'zh', now: NOW, today: TODAY }),
    ).rejects.toThrow(/nope/);
  });
});
