// Property tests of the merge over random histories: three replicas (clocks possibly wrong)
// edit, delete, restore and resolve items, annotations and links, and exchange real bundles
// (whole or partial) in random orders. Afterwards: everyone has the same library; importing
// a bundle twice changes nothing; the order of imports does not matter; and every version
// anyone wrote is current, a conflict, or an ancestor of one of those — and lineage says
// "supersedes" exactly when one version was written from the other.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supersedes } from '../../../shared/sync/lineage';
import { versionsOf, type RecordState } from '../../../shared/sync/merge';
import { SYNC_TABLES, type SyncRecord } from '../../../shared/sync/tables';
import { allVersions, dump, libraryOf, Oracle, Replica, type Action, type EditableTable } from './replica';
import { REPLICA_A, REPLICA_B, REPLICA_C, T0 } from './records';

const DAY = 24 * 60 * 60 * 1000;
// SYNC_PROPERTY_RUNS=2000 for a longer search; the default keeps `npm test` quick.
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? 100);
const TIMEOUT = Math.max(20_000, RUNS * 100);

type Command =
  | { kind: 'act'; replica: number; table: EditableTable; key: number; action: Action; value: number }
  | { kind: 'sync'; from: number; to: number; mask: number; currentOnly: boolean; twice: boolean }
  | { kind: 'wait'; ms: number };

const replicaIndex = fc.integer({ min: 0, max: 2 });
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      replica: replicaIndex,
      table: fc.constantFrom<EditableTable>('items', 'annotations', 'links'),
      key: fc.integer({ min: 0, max: 2 }),
      action: fc.constantFrom<Action>('edit', 'edit', 'delete', 'resolve'),
      value: fc.nat(99),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      from: replicaIndex,
      to: replicaIndex,
      // Which records travel (bit per key); mostly all of them.
      mask: fc.oneof(fc.constant(0b111), fc.integer({ min: 0, max: 0b111 })),
      currentOnly: fc.boolean(),
      twice: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 2 * DAY }) }) },
);

/** Clocks that are right, a little off, an hour behind, or two days ahead (past the drift guard). */
const skew = fc.constantFrom(0, 0, 1_500, -3_600_000, 2 * DAY);

interface Run {
  replicas: Replica[];
  oracle: Oracle;
  /** Every bundle exchanged, in order. */
  bundles: Uint8Array[];
  time: number;
}

function play(commands: readonly Command[], skews: readonly number[]): Run {
  const oracle = new Oracle();
  const replicas = [REPLICA_A, REPLICA_B, REPLICA_C].map((id, i) => new Replica(id, skews[i]!, oracle));
  const bundles: Uint8Array[] = [];
  let time = T0;
  for (const c of commands) {
    time += 1000;
    if (c.kind === 'wait') time += c.ms;
    else if (c.kind === 'act') {
      const id = `${c.table[0]!.toUpperCase()}${c.key}`;
      replicas[c.replica]!.act(c.table, id, c.action, c.value, time);
    } else if (c.from !== c.to) {
      const bytes = replicas[c.from]!.exportBundle(
        time,
        (id) => ((c.mask >> Number(id.slice(1))) & 1) === 1,
        c.currentOnly,
      );
      bundles.push(bytes);
      const to = replicas[c.to]!;
      to.importBundle(bytes, time);
      if (c.twice) {
        const before = dump(to.snapshot);
        expect(to.importBundle(bytes, time).writes).toEqual([]);
        expect(dump(to.snapshot)).toBe(before);
      }
    }
  }
  return { replicas, oracle, bundles, time };
}

/** Everyone sends everyone a full bundle (all written before any is imported). */
function exchangeAll(run: Run): Uint8Array[] {
  run.time += 1000;
  const finals = run.replicas.map((r) => r.exportBundle(run.time));
  run.replicas.forEach((r, i) => finals.forEach((bytes, j) => i !== j && r.importBundle(bytes, run.time)));
  return finals;
}

const histories = fc.tuple(fc.array(command, { maxLength: 40, size: 'max' }), fc.tuple(skew, skew, skew));

describe('sync converges', () => {
  it(
    'everyone ends with the same library, and re-importing changes nothing',
    () => {
      fc.assert(
        fc.property(histories, ([commands, skews]) => {
          const run = play(commands, skews);
          const finals = exchangeAll(run);
          const [a, b, c] = run.replicas.map((r) => dump(r.snapshot));
          expect(b).toBe(a);
          expect(c).toBe(a);
          for (const replica of run.replicas) {
            for (const bytes of [...finals, ...run.bundles])
              expect(replica.importBundle(bytes, run.time).writes).toEqual([]);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'the order of imports does not matter',
    () => {
      fc.assert(
        fc.property(histories, fc.infiniteStream(fc.nat()), ([commands, skews], randoms) => {
          const run = play(commands, skews);
          const finals = run.replicas.map((r) => r.exportBundle(run.time));
          const all = [...run.bundles, ...finals];
          const shuffled = [...all];
          const draw = randoms[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = draw.next().value! % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const inOrder = new Replica('01HV0000000000000000000DDD', 0, run.oracle);
          const reordered = new Replica('01HV0000000000000000000EEE', 0, run.oracle);
          for (const bytes of all) inOrder.importBundle(bytes, run.time);
          for (const bytes of shuffled) reordered.importBundle(bytes, run.time);
          expect(dump(reordered.snapshot)).toBe(dump(inOrder.snapshot));
          // The same as merging the replicas' version sets directly, in any grouping.
          const [va, vb, vc] = run.replicas.map((r) => allVersions(r.snapshot));
          expect(dump(libraryOf(vc!, vb!, va!))).toBe(dump(inOrder.snapshot));
          expect(dump(libraryOf(allVersions(libraryOf(va!, vb!)), vc!))).toBe(
            dump(libraryOf(va!, allVersions(libraryOf(vb!, vc!)))),
          );
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'nothing anyone wrote is lost, and only true ancestors are superseded',
    () => {
      fc.assert(
        fc.property(histories, ([commands, skews]) => {
          const run = play(commands, skews);
          exchangeAll(run);
          const library = run.replicas[0]!.snapshot;
          for (const [rev, { table, version }] of run.oracle.versions) {
            const id = version.id;
            const live = versionsOf(library.records[table].get(id) as RecordState<SyncRecord> | undefined);
            const kept = live.some((v) => v.rev === rev || run.oracle.isAncestor(rev, v.rev));
            expect(kept, `${table} ${id} version ${rev} was lost`).toBe(true);
          }
          for (const table of SYNC_TABLES) {
            for (const state of library.records[table].values()) {
              const live = versionsOf(state as RecordState<SyncRecord>);
              for (const x of live) {
                // No conflict between a version and its own ancestor.
                for (const y of live) expect(x !== y && run.oracle.isAncestor(y.rev, x.rev)).toBe(false);
                // Lineage matches the truth for every version ever written of the record.
                for (const [rev, written] of run.oracle.versions) {
                  if (written.version.id !== x.id || written.table !== table || rev === x.rev) continue;
                  expect(supersedes(x, written.version), `${x.rev} vs ${rev}`).toBe(run.oracle.isAncestor(rev, x.rev));
                }
              }
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
