import { describe, expect, it } from 'vitest';
import { matchDocuments, redirectDocuments, withAliases } from '../../../shared/sync/document-match';
import { emptySnapshot, type LibrarySnapshot } from '../../../shared/sync/library-merge';
import { emptyStates, emptyVersions, type SyncRecord, type TableStates } from '../../../shared/sync/tables';
import { createVersion, deleteVersion } from '../../../shared/sync/write';
import { annotation, documentMeta, item, link, REPLICA_A, REPLICA_B, TestClock } from './records';

const ARTICLE = '北京市推进京津冀协同发展2019年工作要点。京张铁路年底建成通车。';
const UPDATED = `${ARTICLE}（更新）`;

/** A library holding these documents (one version each, written by replica A). */
function libraryWith(...documents: SyncRecord<'documents'>[]): LibrarySnapshot {
  const time = new TestClock(REPLICA_A);
  const states = emptyStates() as { -readonly [T in keyof TableStates]: Map<string, never> };
  for (const doc of documents) {
    const { state } = createVersion(doc, ...time.next());
    states.documents.set(doc.id, state as never);
  }
  return { ...emptySnapshot(), records: states as unknown as TableStates };
}

/** What a colleague's bundle carries: their copy of the article, and a highlight, an item and a link on it. */
function colleagueBundle(documentId: string, text = ARTICLE) {
  const time = new TestClock(REPLICA_B);
  const stamp = <T extends SyncRecord>(record: T): T => createVersion(record, ...time.next()).version as T;
  const records = emptyVersions();
  records.documents.push(stamp(documentMeta(documentId, text, { title: '他们的标题' })));
  records.annotations.push(stamp(annotation('A-b', documentId)));
  records.items.push(stamp(item('I-b', { documentId, annotationIds: ['A-b'] })));
  records.links.push(stamp(link('L-b', { kind: 'item', id: 'I-b' }, { kind: 'document', id: documentId })));
  return records;
}

describe('a document both analysts imported on their own', () => {
  it('is matched by text, and the bundle’s records are pointed at ours', () => {
    const local = libraryWith(
      documentMeta('D-mine', ARTICLE, { title: '我的标题' }),
      documentMeta('D-other', '另一篇'),
    );
    const incoming = colleagueBundle('D-theirs');
    const matches = matchDocuments(local, incoming, {});
    expect(matches).toEqual([{ incoming: 'D-theirs', local: 'D-mine', title: '我的标题', sameText: true }]);

    const redirected = redirectDocuments(incoming, matches);
    expect(redirected.documents).toEqual([]);
    expect(redirected.annotations[0]).toMatchObject({
      id: 'A-b',
      documentId: 'D-mine',
      rev: incoming.annotations[0]!.rev,
    });
    expect(redirected.items[0]!.documentId).toBe('D-mine');
    expect(redirected.links[0]!.to).toEqual({ kind: 'document', id: 'D-mine' });
    expect(redirected.links[0]!.from).toEqual({ kind: 'item', id: 'I-b' });
    // The bundle as read is not changed.
    expect(incoming.annotations[0]!.documentId).toBe('D-theirs');
  });

  it('is not matched when the ids agree, the text differs, or our copy was deleted', () => {
    expect(matchDocuments(libraryWith(documentMeta('D-same', ARTICLE)), colleagueBundle('D-same'), {})).toEqual([]);
    expect(matchDocuments(libraryWith(documentMeta('D-mine', '另一篇')), colleagueBundle('D-theirs'), {})).toEqual([]);

    const local = libraryWith(documentMeta('D-mine', ARTICLE));
    const time = new TestClock(REPLICA_A, Date.now());
    const deleted = deleteVersion(local.records.documents.get('D-mine')!, ...time.next()).state;
    const withoutIt = { ...local, records: { ...local.records, documents: new Map([['D-mine', deleted]]) } };
    expect(matchDocuments(withoutIt, colleagueBundle('D-theirs'), {})).toEqual([]);
  });

  it('follows a remembered alias after the colleague’s text changed, and asks for re-anchoring', () => {
    const local = libraryWith(documentMeta('D-mine', ARTICLE));
    const first = matchDocuments(local, colleagueBundle('D-theirs'), {});
    const aliases = withAliases({}, first);
    expect(aliases).toEqual({ 'D-theirs': 'D-mine' });
    expect(withAliases(aliases, first)).toBe(aliases);

    const updated = colleagueBundle('D-theirs', UPDATED);
    expect(matchDocuments(local, updated, {})).toEqual([]);
    expect(matchDocuments(local, updated, aliases)).toEqual([
      { incoming: 'D-theirs', local: 'D-mine', title: 'Document D-mine', sameText: false },
    ]);
  });

  it('picks the same one of two copies we hold, whatever their order', () => {
    const copies = [documentMeta('D-2', ARTICLE), documentMeta('D-1', ARTICLE)];
    expect(matchDocuments(libraryWith(...copies), colleagueBundle('D-theirs'), {})[0]!.local).toBe('D-1');
    expect(matchDocuments(libraryWith(...copies.reverse()), colleagueBundle('D-theirs'), {})[0]!.local).toBe('D-1');
  });
});
