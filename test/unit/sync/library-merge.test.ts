import { describe, expect, it } from 'vitest';
import {
  allVersions,
  applyPlan,
  emptySnapshot,
  planMerge,
  type LibrarySnapshot,
} from '../../../shared/sync/library-merge';
import type { RecordState } from '../../../shared/sync/merge';
import { emptyVersions, type SyncRecord, type SyncTable, type TableVersions } from '../../../shared/sync/tables';
import { createVersion, deleteVersion, editVersion } from '../../../shared/sync/write';
import { annotation, documentMeta, documentText, item, link, REPLICA_A, REPLICA_B, T0, TestClock } from './records';

const TEXT = '加快建设新型电力系统。';
const NEW_TEXT = '加快建设新型电力系统，推进能源转型。';

/** A library written through the sync write functions, one replica's clock. */
class Library {
  snapshot: LibrarySnapshot = emptySnapshot();
  readonly time: TestClock;
  constructor(replica: string, start = T0) {
    this.time = new TestClock(replica, start);
  }
  state<T extends SyncTable>(table: T, id: string) {
    return this.snapshot.records[table].get(id) as RecordState<SyncRecord<T>> | undefined;
  }
  private put<T extends SyncTable>(table: T, state: RecordState<SyncRecord<T>>) {
    const map = new Map(this.snapshot.records[table] as Map<string, RecordState<SyncRecord<T>>>);
    map.set(state.current.id, state);
    this.snapshot = { ...this.snapshot, records: { ...this.snapshot.records, [table]: map } };
  }
  create<T extends SyncTable>(table: T, record: SyncRecord<T>) {
    const result = createVersion(record, ...this.time.next());
    this.time.clock = result.clock;
    this.put(table, result.state);
  }
  edit<T extends SyncTable>(table: T, id: string, patch: Partial<SyncRecord<T>>) {
    const state = this.state(table, id)!;
    const result = editVersion(state, { ...state.current, ...patch }, ...this.time.next());
    this.time.clock = result.clock;
    this.put(table, result.state);
  }
  delete(table: SyncTable, id: string) {
    const result = deleteVersion(this.state(table, id)!, ...this.time.next());
    this.time.clock = result.clock;
    this.put(table, result.state);
  }
  withText(...texts: string[]) {
    this.snapshot = { ...this.snapshot, texts: new Set([...this.snapshot.texts, ...texts]) };
    return this;
  }
  /** Everything this library holds, as a full bundle would carry it. */
  versions(): TableVersions {
    return allVersions(this.snapshot);
  }
}

const incoming = (records: TableVersions, ...texts: string[]) => ({ records, texts: new Set(texts) });
const ids = (changes: { id: string }[]) => changes.map((c) => c.id).sort();

describe('planning a merge', () => {
  it('sorts records into new, updated, conflicting, deleted and unchanged', () => {
    const a = new Library(REPLICA_A);
    for (const id of ['I1', 'I2', 'I3', 'I4']) a.create('items', item(id));
    const b = new Library(REPLICA_B, T0 + 60_000);
    b.snapshot = applyPlan(b.snapshot, planMerge(b.snapshot, incoming(a.versions())));
    b.edit('items', 'I1', { title: 'B edits I1' }); // A has not touched it: fast-forward
    b.edit('items', 'I2', { title: 'B edits I2' }); // A edits it too: conflict
    b.delete('items', 'I3');
    b.create('items', item('I5'));
    a.edit('items', 'I2', { title: 'A edits I2' });

    const plan = planMerge(a.snapshot, incoming(b.versions()));
    expect(ids(plan.add)).toEqual(['I5']);
    expect(ids(plan.update)).toEqual(['I1']);
    expect(ids(plan.conflicts)).toEqual(['I2']);
    expect(ids(plan.deletions)).toEqual(['I3']);
    expect(plan.unchanged).toBe(1); // I4
    expect(plan.writes).toHaveLength(4);
    const conflict = plan.conflicts[0]!;
    // B's edit is later on the clock and wins; A's is kept, not lost.
    expect((conflict.after.current as SyncRecord<'items'>).title).toBe('B edits I2');
    expect(conflict.after.conflicts.map((c) => (c as SyncRecord<'items'>).title)).toEqual(['A edits I2']);
    expect(conflict.newConflicts).toEqual([conflict.before!.current.rev]);
  });

  it('changes nothing when the same bundle is imported again', () => {
    const a = new Library(REPLICA_A);
    a.create('items', item('I1'));
    a.create('annotations', annotation('A1', 'D1'));
    const b = new Library(REPLICA_B);
    const first = planMerge(b.snapshot, incoming(a.versions()));
    const after = applyPlan(b.snapshot, first);
    const again = planMerge(after, incoming(a.versions()));
    expect(again.writes).toEqual([]);
    expect(again.unchanged).toBe(2);
    expect(applyPlan(after, again).records).toEqual(after.records);
  });

  it('keeps a tombstone for a record never seen here, without showing it', () => {
    const a = new Library(REPLICA_A);
    a.create('items', item('I1'));
    a.delete('items', 'I1');
    const plan = planMerge(emptySnapshot(), incoming(a.versions()));
    expect(ids(plan.silent)).toEqual(['I1']);
    expect(plan.add).toEqual([]);
  });

  it('reports references left without a target, from either side', () => {
    const a = new Library(REPLICA_A).withText(documentText(TEXT).contentHash);
    a.create('documents', documentMeta('D1', TEXT));
    a.create('annotations', annotation('A1', 'D1'));
    const b = new Library(REPLICA_B);
    b.snapshot = applyPlan(b.snapshot, planMerge(b.snapshot, incoming(a.versions(), documentText(TEXT).contentHash)));
    b.delete('documents', 'D1');
    // B's deletion of the document leaves A's annotation pointing nowhere.
    const deletion = planMerge(a.snapshot, incoming(b.versions()));
    expect(deletion.dangling).toEqual([
      { table: 'annotations', id: 'A1', reference: { field: 'documentId', table: 'documents', id: 'D1' } },
    ]);
    // A link to a highlight the bundle did not carry.
    const links = emptyVersions();
    links.links.push(link('L1', { kind: 'annotation', id: 'A1' }, { kind: 'annotation', id: 'A404' }));
    links.items.push(item('I1', { annotationIds: ['A404'], kind: 'risk' }));
    const missing = planMerge(a.snapshot, incoming(links));
    expect(missing.dangling.map((d) => `${d.id}.${d.reference.field}→${d.reference.id}`).sort()).toEqual([
      'I1.annotationIds→A404',
      'I1.kind→risk',
      'L1.to→A404',
    ]);
  });

  it('lists texts to add, texts missing and documents to re-anchor', () => {
    const hash = documentText(TEXT).contentHash;
    const newHash = documentText(NEW_TEXT).contentHash;
    const a = new Library(REPLICA_A).withText(hash);
    a.create('documents', documentMeta('D1', TEXT));
    const b = new Library(REPLICA_B).withText(hash);
    b.snapshot = applyPlan(b.snapshot, planMerge(b.snapshot, incoming(a.versions(), hash)));
    b.edit('documents', 'D1', { contentHash: newHash, length: NEW_TEXT.length }); // re-imported, updated text
    b.create('documents', documentMeta('D2', TEXT, { title: 'Same article, imported again' }));
    b.create('documents', documentMeta('D3', 'text the bundle lacks'));

    const plan = planMerge(a.snapshot, incoming(b.versions(), newHash, hash));
    expect(plan.texts.add).toEqual([newHash]);
    expect(plan.texts.missing).toEqual([
      { contentHash: documentText('text the bundle lacks').contentHash, documentId: 'D3', current: true },
    ]);
    expect(plan.reanchor).toEqual([{ documentId: 'D1', from: hash, to: newHash }]);
    expect(applyPlan(a.snapshot, plan).texts).toEqual(new Set([hash, newHash]));
  });

  it('leaves the local snapshot as it was', () => {
    const a = new Library(REPLICA_A);
    a.create('items', item('I1'));
    const before = a.snapshot;
    const frozen = JSON.stringify([...before.records.items]);
    const b = new Library(REPLICA_B);
    b.create('items', item('I2'));
    applyPlan(before, planMerge(before, incoming(b.versions())));
    expect(JSON.stringify([...before.records.items])).toBe(frozen);
    expect(before.records.items.size).toBe(1);
  });
});
