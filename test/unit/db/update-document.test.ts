import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../../../shared/ingest/types';
import type { DocumentMeta } from '../../../shared/model/types';
import { sourceUrlKey, titleKey, VersionIndex } from '../../../shared/model/versions';
import { openDatabase, type DossierDatabase } from '../../../renderer/db/database';
import { createRepository, type Repository } from '../../../renderer/db/repository';
import type { IngestClient } from '../../../renderer/import/ingest-client';
import { resolveVersion, runImport, type ImportProgress } from '../../../renderer/import/run-import';

function draft(text: string, title: string, url: string | null = null): IngestedDocument {
  return {
    title,
    kind: 'text',
    source: { site: '北京青年报', url, authors: ['林艳'], host: null, editor: null },
    published: { from: '2016-01-28', to: '2016-01-28', precision: 'day', text: '28.01.2016', status: 'detected' },
    text,
    blocks: [{ type: 'paragraph', start: 0, end: text.length }],
    contentHash: `hash:${text}`,
    original: { name: `${title}.txt`, encoding: 'utf-8', size: text.length, text: `original:${text}` },
    articles: [],
    dropped: [],
  };
}

const V1 = '第一段。京张铁路年底建成通车。第三段写明责任单位。';
const TITLE = '北京市设九个专项工作小组';

let db: DossierDatabase;
let repo: Repository;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`update-test-${n++}`);
  repo = createRepository(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function add(doc: IngestedDocument): Promise<DocumentMeta> {
  const [result] = await repo.documents.importBatch([doc]);
  if (result?.status !== 'added') throw new Error(`not added: ${result?.status}`);
  return result.meta;
}

describe('recognising a changed version at import', () => {
  it('normalises addresses: no fragment, no trailing slash, http and https alike', () => {
    const key = sourceUrlKey('https://www.gov.cn/zhengce/2019-06/06/content_1.htm');
    expect(sourceUrlKey('http://WWW.gov.cn/zhengce/2019-06/06/content_1.htm#top')).toBe(key);
    expect(sourceUrlKey(' https://www.gov.cn/zhengce/2019-06/06/content_1.htm/ ')).toBe(key);
    expect(sourceUrlKey('https://www.gov.cn/zhengce/2019-06/06/content_2.htm')).not.toBe(key);
    expect(sourceUrlKey('https://example.cn/a/?id=1')).toBe(sourceUrlKey('http://example.cn/a?id=1'));
    expect(sourceUrlKey('https://example.cn/a?id=1')).not.toBe(sourceUrlKey('https://example.cn/a?id=2'));
    expect(sourceUrlKey('')).toBeNull();
    expect(sourceUrlKey(null)).toBeNull();
  });

  it('compares titles whitespace-insensitively, and never by an empty or generic title', () => {
    expect(titleKey(' 北京市设九个 专项工作小组\n')).toBe(titleKey(TITLE));
    expect(titleKey('')).toBeNull();
    expect(titleKey('通知')).toBeNull();
    expect(titleKey('Untitled')).toBeNull();
    expect(titleKey('新闻 中心')).toBeNull();
  });

  it('holds back new text under a stored document’s address, without storing it', async () => {
    const first = await add(draft(V1, TITLE, 'https://bjnews.example.cn/2016/01/28/1.html'));
    const [result] = await repo.documents.importBatch([
      draft('改过的正文。', '完全不同的标题文字', 'http://bjnews.example.cn/2016/01/28/1.html#comments'),
    ]);
    expect(result).toEqual({ status: 'new-version', existingId: first.id, existingTitle: TITLE });
    expect(await repo.documents.list()).toHaveLength(1);
    expect(await db.bodies.count()).toBe(1);
  });

  it('holds back new text under a stored document’s title', async () => {
    const first = await add(draft(V1, TITLE));
    const [result] = await repo.documents.importBatch([
      draft('改过的正文。', `  ${TITLE.slice(0, 4)} ${TITLE.slice(4)} `),
    ]);
    expect(result).toMatchObject({ status: 'new-version', existingId: first.id });
  });

  it('adds unrelated documents, and documents sharing only a generic title', async () => {
    await add(draft(V1, TITLE, 'https://bjnews.example.cn/1.html'));
    await add(draft('一份通知的正文。', '通知'));
    const results = await repo.documents.importBatch([
      draft('另一篇文章。', '另一篇完全不同的文章', 'https://bjnews.example.cn/2.html'),
      draft('另一份通知的正文。', '通知'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['added', 'added']);
  });

  it('still reports identical content as a duplicate, not as a version', async () => {
    const first = await add(draft(V1, TITLE, 'https://bjnews.example.cn/1.html'));
    const [result] = await repo.documents.importBatch([draft(V1, TITLE, 'https://bjnews.example.cn/1.html')]);
    expect(result).toEqual({ status: 'duplicate', existingId: first.id, existingTitle: TITLE });
  });

  it('recognises split parts by title only, since they share their page’s address', () => {
    const page = 'https://paper.example.cn/2022-03-16/1.html';
    const part = {
      id: 'p1',
      title: '市支援合作工作领导小组全体会议召开',
      importedAt: '2024-01-01T00:00:00.000Z',
      source: { url: page },
      splitFrom: { id: 'page', title: '北京城市副中心报', part: 1 },
    } as DocumentMeta;
    const index = new VersionIndex([part]);
    expect(index.find({ title: '北京城市副中心报 2022年3月16日', source: { url: page } })).toBeUndefined();
    expect(index.find({ title: part.title, source: { url: null } })?.id).toBe('p1');
  });

  it('keeps a batch all-or-nothing: a held version and a failing write store nothing', async () => {
    await add(draft(V1, TITLE));
    const bad = draft('坏文章', '坏文章的标题');
    (bad as { blocks: unknown }).blocks = [{ type: 'paragraph', start: 0, end: 1, oops: () => 1 }];
    await expect(repo.documents.importBatch([draft('新版本正文。', TITLE), bad])).rejects.toThrow();
    expect(await repo.documents.list()).toHaveLength(1);
  });
});

describe('updating a document to a newer version', () => {
  async function annotated() {
    const meta = await add(draft(V1, TITLE, 'https://bjnews.example.cn/1.html'));
    const kept = await repo.annotations.create({ documentId: meta.id, start: 4, end: 8, color: 'green' }, V1);
    await repo.annotations.update(kept.id, { note: '{"root":{}}', noteText: '通车时间', tags: ['任务'] });
    const gone = await repo.annotations.create({ documentId: meta.id, start: 16, end: 24, color: 'pink' }, V1);
    await repo.annotations.update(gone.id, { noteText: '谁负责？', note: '{"root":{}}' });
    return { meta, kept, gone };
  }

  it('replaces the text, re-anchors with the same ids, keeps notes, and keeps orphans', async () => {
    const { meta, kept, gone } = await annotated();
    const v2 = '新增导语一段。第一段。京张铁路年底建成通车。';
    const result = await repo.documents.updateFromDraft(meta.id, draft(v2, TITLE, meta.source.url));
    expect(result).toEqual({ status: 'updated', report: { kept: 0, moved: 1, orphaned: 1 } });
    expect((await repo.documents.body(meta.id))!.text).toBe(v2);
    expect((await repo.documents.original(meta.id))!.original.text).toBe(`original:${v2}`);
    const stored = await repo.documents.get(meta.id);
    expect(stored).toMatchObject({ contentHash: `hash:${v2}`, length: v2.length, importedAt: meta.importedAt });

    const annotations = await repo.annotations.forDocument(meta.id);
    expect(annotations.map((a) => a.id).sort()).toEqual([kept.id, gone.id].sort());
    const moved = annotations.find((a) => a.id === kept.id)!;
    expect(v2.slice(moved.target.position.start, moved.target.position.end)).toBe('京张铁路');
    expect(moved).toMatchObject({ noteText: '通车时间', tags: ['任务'], color: 'green', orphaned: false });
    const orphan = annotations.find((a) => a.id === gone.id)!;
    expect(orphan).toMatchObject({ orphaned: true, noteText: '谁负责？', color: 'pink' });
    expect(orphan.target.quote.exact).toBe('三段写明责任单位');

    // The text is now the stored document's: importing it again is a duplicate.
    const [again] = await repo.documents.importBatch([draft(v2, TITLE)]);
    expect(again).toMatchObject({ status: 'duplicate', existingId: meta.id });
  });

  it('refreshes detected metadata but keeps what the analyst edited or confirmed', async () => {
    const { meta } = await annotated();
    await repo.documents.update(meta.id, {
      title: '分析员改过的标题',
      source: { ...meta.source, site: '北青报' },
      published: { ...meta.published!, status: 'confirmed' },
    });
    expect((await repo.documents.get(meta.id))!.edited).toEqual(['title', 'site']);
    const v2 = draft('第一段。京张铁路年底建成通车。', '网站上的新标题', meta.source.url);
    v2.source = { ...v2.source, site: '北京青年报网', authors: ['林艳', '李泽伟'], editor: '王编辑' };
    v2.published = { from: '2016-01-29', to: '2016-01-29', precision: 'day', text: '2016-01-29', status: 'detected' };
    await repo.documents.updateFromDraft(meta.id, v2);
    const stored = (await repo.documents.get(meta.id))!;
    expect(stored.title).toBe('分析员改过的标题');
    expect(stored.source.site).toBe('北青报');
    expect(stored.source.authors).toEqual(['林艳', '李泽伟']);
    expect(stored.source.editor).toBe('王编辑');
    expect(stored.published).toMatchObject({ from: '2016-01-28', status: 'confirmed' });
  });

  it('takes the new version’s title and date when the analyst changed neither', async () => {
    const { meta } = await annotated();
    const v2 = draft('第一段。京张铁路年底建成通车。', '网站上的新标题', null);
    v2.published = { from: '2016-01-29', to: '2016-01-29', precision: 'day', text: '2016-01-29', status: 'detected' };
    await repo.documents.updateFromDraft(meta.id, v2);
    const stored = (await repo.documents.get(meta.id))!;
    expect(stored.title).toBe('网站上的新标题');
    expect(stored.published?.from).toBe('2016-01-29');
    expect(stored.source.url).toBe(meta.source.url); // the new version states none: the old one stays
  });

  it('places a former orphan again when an update brings its passage back', async () => {
    const { meta, gone } = await annotated();
    await repo.documents.updateFromDraft(meta.id, draft('第一段。京张铁路年底建成通车。', TITLE));
    expect((await db.annotations.get(gone.id))!.orphaned).toBe(true);
    const result = await repo.documents.updateFromDraft(meta.id, draft(V1, TITLE));
    expect(result).toEqual({ status: 'updated', report: { kept: 2, moved: 0, orphaned: 0 } });
    expect((await db.annotations.get(gone.id))!.orphaned).toBe(false);
  });

  it('refuses, changing nothing, text that is already another document', async () => {
    const { meta } = await annotated();
    const other = await add(draft('别的文章正文。', '别的文章标题文字'));
    const result = await repo.documents.updateFromDraft(meta.id, draft('别的文章正文。', TITLE));
    expect(result).toEqual({ status: 'duplicate', existingId: other.id, existingTitle: '别的文章标题文字' });
    expect((await repo.documents.body(meta.id))!.text).toBe(V1);
    expect((await repo.annotations.forDocument(meta.id)).some((a) => a.orphaned)).toBe(false);
  });

  it('adds a held version as a document of its own when the analyst says so', async () => {
    await add(draft(V1, TITLE));
    const result = await repo.documents.addAsNew(draft('新版本正文。', TITLE));
    expect(result.status).toBe('added');
    expect(await repo.documents.list()).toHaveLength(2);
    expect((await repo.documents.addAsNew(draft('新版本正文。', TITLE))).status).toBe('duplicate');
  });
});

describe('re-attaching an orphan', () => {
  it('places it on the selected passage with the same id, note, tags and colour', async () => {
    const meta = await add(draft(V1, TITLE));
    const a = await repo.annotations.create({ documentId: meta.id, start: 16, end: 24, color: 'pink' }, V1);
    await repo.annotations.update(a.id, { noteText: '谁负责？', note: '{"root":{}}', tags: ['责任'] });
    const v2 = '第一段。京张铁路年底建成通车。另有新增内容由市发改委负责。';
    await repo.documents.replaceText(meta.id, {
      text: v2,
      blocks: [{ type: 'paragraph', start: 0, end: v2.length }],
      contentHash: 'h2',
    });
    expect((await repo.annotations.forDocument(meta.id))[0]!.orphaned).toBe(true);
    const at = v2.indexOf('由市发改委负责');
    const next = await repo.annotations.reattach(a.id, at, at + 7, v2);
    const [stored] = await repo.annotations.forDocument(meta.id);
    expect(stored).toEqual(next);
    expect(stored).toMatchObject({ id: a.id, orphaned: false, noteText: '谁负责？', tags: ['责任'], color: 'pink' });
    expect(stored!.target.quote.exact).toBe('由市发改委负责');
    expect(stored!.target.position).toMatchObject({ start: at, end: at + 7 });
  });
});

describe('the import flow', () => {
  const fakeClient = (docs: IngestedDocument[]) =>
    ({
      ingest: async (name: string) => ({ ok: true, doc: docs.find((d) => d.original.name === name)! }),
      cancel() {},
    }) as unknown as IngestClient;

  it('lists a new version without storing it, then updates the document on the analyst’s choice', async () => {
    const meta = await add(draft(V1, TITLE));
    await repo.annotations.create({ documentId: meta.id, start: 4, end: 8, color: 'green' }, V1);
    const v2 = draft('导语。第一段。京张铁路年底建成通车。', TITLE);
    const fresh = draft('另一篇文章。', '另一篇完全不同的文章');
    const files = [v2, fresh].map((d) => ({ name: d.original.name, bytes: new Uint8Array(1) }));
    let last: ImportProgress | null = null;
    const progress = await runImport(
      files,
      fakeClient([v2, fresh]),
      repo,
      (p) => (last = p),
      new AbortController().signal,
    );
    expect(last).not.toBeNull();
    expect(progress.files.map((f) => f.state)).toEqual(['new-version', 'imported']);
    expect(progress.files[0]).toMatchObject({ documentId: meta.id, title: TITLE });
    expect((await repo.documents.body(meta.id))!.text).toBe(V1);
    expect(await repo.documents.list()).toHaveLength(2);

    const updated = await resolveVersion(progress.files[0]!, 'update', repo);
    expect(updated).toMatchObject({
      state: 'updated',
      documentId: meta.id,
      report: { kept: 0, moved: 1, orphaned: 0 },
    });
    expect(updated.draft).toBeUndefined();
    expect((await repo.documents.body(meta.id))!.text).toBe(v2.text);
    expect(await repo.documents.list()).toHaveLength(2);
  });

  it('imports a held version as a new document on the analyst’s choice', async () => {
    await add(draft(V1, TITLE));
    const v2 = draft('导语。第一段。', TITLE);
    const progress = await runImport(
      [{ name: v2.original.name, bytes: new Uint8Array(1) }],
      fakeClient([v2]),
      repo,
      () => {},
      new AbortController().signal,
    );
    const added = await resolveVersion(progress.files[0]!, 'new', repo);
    expect(added.state).toBe('imported');
    expect(added.documentId).not.toBe(progress.files[0]!.documentId);
    expect(await repo.documents.list()).toHaveLength(2);
  });
});
