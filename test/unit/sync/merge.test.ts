import { describe, expect, it } from 'vitest';
import { receive, type Clock } from '../../../shared/sync/hlc';
import { dotOf, isNormalRanges, maxSeq, seenHas, supersedes, unionSeen, withDots } from '../../../shared/sync/lineage';
import { mergeVersions, relation, sameState, type RecordState } from '../../../shared/sync/merge';
import type { SyncRecord } from '../../../shared/sync/tables';
import {
  createVersion,
  deleteVersion,
  editVersion,
  resolveConflicts,
  undeleteVersion,
  type WriteResult,
} from '../../../shared/sync/write';
import { item, REPLICA_A, REPLICA_B, REPLICA_C, revsOf, T0, TestClock } from './records';

/** B's physical clock runs a minute ahead of A's, so of two edits made "at once" B's is later. */
const LATER = T0 + 60_000;

type Item = SyncRecord<'items'>;

/** A replica's copy of one record, written through shared/sync/write.ts. */
class Copy {
  readonly time: TestClock;
  state: RecordState<Item> | null = null;
  constructor(replica: string, start?: number) {
    this.time = new TestClock(replica, start);
  }
  private take(write: (clock: Clock, now: number) => WriteResult<Item>): Item {
    const [clock, now] = this.time.next();
    const result = write(clock, now);
    this.time.clock = result.clock;
    this.state = result.state;
    return result.version;
  }
  create(title: string) {
    return this.take((c, n) => createVersion(item('I1', { title }), c, n));
  }
  edit(title: string) {
    return this.take((c, n) => editVersion(this.state!, { ...this.state!.current, title }, c, n));
  }
  delete() {
    return this.take((c, n) => deleteVersion(this.state!, c, n));
  }
  undelete() {
    return this.take((c, n) => undeleteVersion(this.state!, c, n));
  }
  resolve(keep: string) {
    return this.take((c, n) => resolveConflicts(this.state!, keep, c, n));
  }
  /** Receives another copy's versions (what a bundle carries: current and conflicts). */
  receive(other: Copy) {
    const incoming = revsOfState(other.state);
    this.state = mergeVersions([...revsOfState(this.state), ...incoming]).state;
    for (const v of incoming) this.time.clock = receive(this.time.clock, v.rev, this.time.now).clock;
  }
}
const revsOfState = (state: RecordState<Item> | null): Item[] => (state ? [state.current, ...state.conflicts] : []);

describe('lineage', () => {
  it('unions range sets per replica, merging adjacent ranges', () => {
    const seen = unionSeen([
      { a: [[1, 2]] },
      {
        a: [
          [3, 3],
          [6, 7],
        ],
        b: [[1, 1]],
      },
      { a: [[5, 5]] },
    ]);
    expect(seen).toEqual({
      a: [
        [1, 3],
        [5, 7],
      ],
      b: [[1, 1]],
    });
    expect(seenHas(seen, { key: 'a', seq: 4 })).toBe(false);
    expect(seenHas(seen, { key: 'a', seq: 6 })).toBe(true);
    expect(seenHas(seen, { key: 'c', seq: 1 })).toBe(false);
    expect(maxSeq(seen, 'a')).toBe(7);
    expect(withDots(seen, [{ key: 'a', seq: 4 }])).toEqual({ a: [[1, 7]], b: [[1, 1]] });
  });

  it('checks range lists', () => {
    expect(
      isNormalRanges([
        [1, 2],
        [4, 4],
      ]),
    ).toBe(true);
    expect(
      isNormalRanges([
        [1, 2],
        [3, 4],
      ]),
    ).toBe(false); // adjacent: should be one range
    expect(isNormalRanges([[2, 1]])).toBe(false);
    expect(isNormalRanges([[0, 1]])).toBe(false);
  });

  it('names a version by its replica and seq, or by its rev before sync', () => {
    const a = new Copy(REPLICA_A);
    const v = a.create('x');
    expect(dotOf(v)).toEqual({ key: REPLICA_A, seq: 1 });
    const legacy = item('I1');
    expect(dotOf(legacy)).toEqual({ key: `~${legacy.rev}`, seq: 1 });
  });
});

describe('merging one record', () => {
  it('fast-forwards to a descendant, and ignores an ancestor', () => {
    const a = new Copy(REPLICA_A);
    const v1 = a.create('one');
    const v2 = a.edit('two');
    expect(supersedes(v2, v1)).toBe(true);
    expect(revsOf(mergeVersions([v1, v2]).state)).toEqual([v2.rev]);
    expect(revsOf(mergeVersions([v2, v1]).state)).toEqual([v2.rev]);
  });

  it('tells an older, a newer and a concurrent version apart', () => {
    const a = new Copy(REPLICA_A);
    const v1 = a.create('one');
    const b = new Copy(REPLICA_B, LATER);
    b.receive(a);
    const va = a.edit('A');
    const vb = b.edit('B');
    expect(relation(va, v1)).toBe('older');
    expect(relation(v1, va)).toBe('newer');
    expect(relation(va, vb)).toBe('concurrent');
    expect(relation(va, va)).toBe('same');
  });

  it('keeps the loser of concurrent edits as a conflict, whatever the order', () => {
    const a = new Copy(REPLICA_A);
    const v1 = a.create('one');
    const b = new Copy(REPLICA_B, LATER);
    b.receive(a);
    const va = a.edit('A');
    const vb = b.edit('B'); // one second later on B's clock: B wins
    const ab = mergeVersions([v1, va, vb]).state;
    const ba = mergeVersions([vb, v1, va]).state;
    expect(sameState(ab, ba)).toBe(true);
    expect(ab!.current.title).toBe('B');
    expect(ab!.conflicts.map((c) => c.title)).toEqual(['A']);
  });

  it('keeps an edit made concurrently with a deletion', () => {
    const a = new Copy(REPLICA_A);
    a.create('one');
    const b = new Copy(REPLICA_B, LATER);
    b.receive(a);
    a.delete();
    b.edit('edited');
    a.receive(b);
    b.receive(a);
    expect(sameState(a.state, b.state)).toBe(true);
    const versions = revsOfState(a.state);
    expect(versions.map((v) => !!v.deleted).sort()).toEqual([false, true]);
  });

  it('does not lose a conflict when the winner is edited on the loser replica and again elsewhere', () => {
    // A's first edit loses to B's; A edits B's version; C edits A's. A's lost edit must stay
    // a conflict: a plain version vector would count it superseded by A's later edit.
    const a = new Copy(REPLICA_A);
    a.create('one');
    const b = new Copy(REPLICA_B, LATER);
    const c = new Copy(REPLICA_C);
    b.receive(a);
    c.receive(a);
    const lost = a.edit('A1');
    b.edit('B1');
    a.receive(b); // B1 wins (later), A1 is a conflict
    expect(a.state!.conflicts.map((v) => v.rev)).toEqual([lost.rev]);
    a.edit('A2 from B1');
    c.receive(a);
    c.edit('C1 from A2');
    b.receive(c);
    expect(revsOfState(b.state).map((v) => v.title)).toEqual(['C1 from A2', 'A1']);
  });

  it('resolves conflicts by keeping one version, on every replica that receives the resolution', () => {
    const a = new Copy(REPLICA_A);
    a.create('one');
    const b = new Copy(REPLICA_B, LATER);
    b.receive(a);
    const va = a.edit('A');
    b.edit('B');
    a.receive(b);
    a.resolve(va.rev);
    expect(a.state!.conflicts).toEqual([]);
    expect(a.state!.current.title).toBe('A');
    b.receive(a);
    expect(sameState(a.state, b.state)).toBe(true);
  });

  it('restores a deleted record as a descendant of its tombstone', () => {
    const a = new Copy(REPLICA_A);
    a.create('one');
    const tomb = a.delete();
    expect(a.state!.current.deleted).toBe(true);
    const back = a.undelete();
    expect(back.deleted).toBeUndefined();
    expect(back.baseRev).toBe(tomb.rev);
    expect(a.state!.conflicts).toEqual([]);
  });

  it('supersedes a record written before sync when it is edited, and keeps two such copies as a conflict', () => {
    const legacy = item('I1', { title: 'before sync' });
    const a = new Copy(REPLICA_A);
    a.state = { current: legacy, conflicts: [] };
    const edited = a.edit('after');
    expect(edited.baseRev).toBe(legacy.rev);
    expect(revsOf(mergeVersions([legacy, edited]).state)).toEqual([edited.rev]);
    const copy = item('I1', { title: 'copied library', rev: '2024-05-02T00:00:00.000Z' });
    expect(mergeVersions([legacy, copy]).state!.conflicts).toHaveLength(1);
  });

  it("numbers each replica's versions of a record in sequence", () => {
    const a = new Copy(REPLICA_A);
    const b = new Copy(REPLICA_B, LATER);
    a.create('one');
    b.receive(a);
    const vb = b.edit('B');
    a.receive(b);
    const va = a.edit('A');
    expect(va.lineage).toEqual({ seq: 2, seen: { [REPLICA_A]: [[1, 1]], [REPLICA_B]: [[1, 1]] } });
    expect(vb.lineage).toEqual({ seq: 1, seen: { [REPLICA_A]: [[1, 1]] } });
  });

  it('keeps one content per rev, the same on every replica', () => {
    const a = new Copy(REPLICA_A);
    const v = a.create('one');
    const clash = { ...v, title: 'other' };
    const one = mergeVersions([v, clash]);
    const two = mergeVersions([clash, v]);
    expect(one.state!.current).toEqual(two.state!.current);
    expect(one.clashes).toEqual([v.rev]);
  });

  it('refuses to write from a version that is not live', () => {
    const a = new Copy(REPLICA_A);
    a.create('one');
    const [clock, now] = a.time.next();
    expect(() => resolveConflicts(a.state!, 'nope', clock, now)).toThrow(/not a live version/);
  });
});
