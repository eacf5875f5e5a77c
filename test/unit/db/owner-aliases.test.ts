// The analyst's owner aliases: stored in settings, passed to extraction, and a stored
// extraction read again when they change.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractDocument, EXTRACTOR_VERSION } from '../../../shared/extract/extract';
import type { ExtractContext } from '../../../shared/extract/types';
import type { IngestedDocument } from '../../../shared/ingest/types';
import { aliasesKey } from '../../../shared/model/owners';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import { isCurrent, refreshExtraction, type RunExtraction } from '../../../renderer/extract/refresh';

const TEXT = '市政府督查室牵头，2019年底前完成联合督查督办机制建设。';

function draft(text: string): IngestedDocument {
  const published = '2019-06-06';
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

let db: DossierDatabase;
let repo: Repository;
let n = 0;
let documentId: string;
let contexts: ExtractContext[];
const run: RunExtraction = async (text, context) => {
  contexts.push(context);
  return { extraction: extractDocument(text, context), version: EXTRACTOR_VERSION };
};

beforeEach(async () => {
  db = openDatabase(`owner-aliases-test-${n++}`);
  repo = createRepository(db);
  const [added] = await repo.documents.importBatch([draft(TEXT)]);
  documentId = added!.status === 'added' ? added!.meta.id : '';
  contexts = [];
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const owners = async () =>
  (await repo.extractions.get(documentId))!.extraction.candidates.flatMap((c) => c.owners.map((o) => o.normalized));

describe('owner aliases', () => {
  it('are none until the analyst adds some, and are kept', async () => {
    expect(await repo.ownerAliases.get()).toEqual({});
    await repo.ownerAliases.save({ 市政府督查室: '北京市人民政府督查室' });
    expect(await createRepository(db).ownerAliases.get()).toEqual({ 市政府督查室: '北京市人民政府督查室' });
  });

  it('reach extraction, and a change reads the document again', async () => {
    expect(await refreshExtraction(repo, documentId, run)).toBe(true);
    expect(contexts.at(-1)!.aliases).toEqual({});
    expect(await owners()).toContain('市政府督查室');
    const stored = await repo.extractions.get(documentId);
    expect(stored!.aliases).toBeUndefined(); // none: stored as before aliases existed
    const meta = (await repo.documents.get(documentId))!;
    expect(isCurrent(stored, meta, '')).toBe(true);
    expect(await refreshExtraction(repo, documentId, run)).toBe(false);

    await repo.extractions.dismiss(documentId, 'some quote');
    const aliases = { 市政府督查室: '北京市人民政府督查室' };
    await repo.ownerAliases.save(aliases);
    expect(isCurrent(stored, meta, aliasesKey(aliases))).toBe(false);
    expect(await refreshExtraction(repo, documentId, run)).toBe(true);
    expect(contexts.at(-1)!.aliases).toEqual(aliases);
    expect(await owners()).toContain('北京市人民政府督查室');
    const again = await repo.extractions.get(documentId);
    expect(again!.aliases).toBe(aliasesKey(aliases));
    expect(again!.dismissed).toEqual(['some quote']);
    expect(isCurrent(again, meta, aliasesKey(aliases))).toBe(true);
    expect(await refreshExtraction(repo, documentId, run)).toBe(false);

    // Back to none: read again.
    await repo.ownerAliases.save({});
    expect(await refreshExtraction(repo, documentId, run)).toBe(true);
    expect(await owners()).toContain('市政府督查室');
    expect(contexts).toHaveLength(3);
  });

  it('changed while the rules run: the stale result is dropped and the next ask reads again', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: RunExtraction = async (text, context) => {
      const result = await run(text, context);
      if (contexts.length === 1) await gate;
      return result;
    };
    const first = refreshExtraction(repo, documentId, slow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await repo.ownerAliases.save({ 市政府督查室: '北京市人民政府督查室' });
    // Asked again (the reader does when the aliases change) while the first run is under way.
    const second = refreshExtraction(repo, documentId, slow);
    release();
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(contexts.map((c) => c.aliases)).toEqual([{}, { 市政府督查室: '北京市人民政府督查室' }]);
    expect(await owners()).toContain('北京市人民政府督查室');
  });
});
