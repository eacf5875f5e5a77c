// Sync bookkeeping for every write, whichever repository or screen makes it. A Dexie
// middleware sees each write to a synced table and, in the same transaction:
// - gives the record a clock revision and the lineage of a new version (shared/sync/write.ts),
//   superseding the stored version — or, for a record deleted earlier, its tombstone (undo);
// - turns a deletion into a tombstone: the deleted record's last version, kept in `tombstones`
//   so the deletion can travel in bundles and a concurrent edit elsewhere is not lost;
// Imports write merged versions as they are: they run in a transaction marked `verbatim`.
import type { DBCore, DBCoreMutateRequest, DBCoreRangeType, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Revision } from '../../shared/model/types';
import { captureZone, inZone, type DexieZone } from './dexie-zone';
import { clockFrom, formatRevision, newReplicaId, type Clock } from '../../shared/sync/hlc';
import { sameContent, type RecordState } from '../../shared/sync/merge';
import { createVersion, deleteVersion, editVersion } from '../../shared/sync/write';
import type { SyncRecord, SyncTable } from '../../shared/sync/tables';

/** The tables whose records sync (item kinds are not stored as records yet). */
export const STORED_SYNC_TABLES = ['documents', 'annotations', 'items', 'events', 'links', 'briefs'] as const;
export type StoredSyncTable = (typeof STORED_SYNC_TABLES)[number];

export interface TombstoneRow {
  table: SyncTable;
  id: string;
  /** The deletion version (`deleted: true`, with the content it deleted). */
  version: SyncRecord;
}

export interface ConflictRow {
  table: SyncTable;
  id: string;
  rev: Revision;
  /** A concurrent version that lost the merge, kept for the analyst to compare and restore. */
  version: SyncRecord;
  /** ISO time it was kept. */
  keptAt: string;
}

/**
 * What one import changed (`table\u0000id` keys), so "changed since the last exchange with a
 * colleague" includes what others sent meanwhile: their revisions may be older than that
 * exchange. Local writes need no log: their revisions are newer than anything sent before.
 */
export interface SyncLogRow {
  seq?: number;
  /** ISO time of the import. */
  at: string;
  keys: string[];
}

/** Settings keys of the sync layer. */
export const REPLICA_KEY = 'replicaId';
export const CLOCK_KEY = 'syncClock';

const SETTINGS = 'settings';
const TOMBSTONES = 'tombstones';
const CONFLICTS = 'conflicts';
const SYNCED: ReadonlySet<string> = new Set(STORED_SYNC_TABLES);
const EQUAL = 1 as DBCoreRangeType;

/** Fields that change with every write and say nothing about content. */
const BOOKKEEPING = new Set(['rev', 'baseRev', 'lineage', 'updatedAt']);
const withoutBookkeeping = (record: object) =>
  Object.fromEntries(Object.entries(record).filter(([key]) => !BOOKKEEPING.has(key)));

const verbatim = new WeakSet<object>();

/**
 * Marks a transaction (Dexie's `Transaction.idbtrans`) as writing merged versions as they
 * are; `false` turns it back to ordinary writes (re-anchoring after an import).
 */
export function setVerbatim(trans: object, on: boolean): void {
  if (on) verbatim.add(trans);
  else verbatim.delete(trans);
}

/** The clock of one transaction, read on its first write and saved after each. */
interface TransactionState {
  clock: Clock;
  /** Whether the conflicts table holds anything (else no lookups are needed). */
  anyConflicts: boolean;
}

export const syncRevisions: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SyncRevisions',
  // Below Dexie's hooks (level 2), which need Dexie's zone: this middleware awaits its own reads
  // before writing, and the zone does not survive a native await.
  level: 1.5,
  create(down) {
    if (!down.schema.tables.some((t) => t.name === TOMBSTONES)) return {};
    const states = new WeakMap<DBCoreTransaction, Promise<TransactionState>>();
    // Writes below are made in the zone of the transaction's first write (./dexie-zone.ts).
    const zoneOf = new WeakMap<DBCoreTransaction, DexieZone>();
    const write = (table: DBCoreTable, req: DBCoreMutateRequest) =>
      inZone(zoneOf.get(req.trans)!, () => table.mutate(req));
    const settings = down.table(SETTINGS);
    const tombstones = down.table(TOMBSTONES);
    const conflicts = down.table(CONFLICTS);
    const conflictIndex = conflicts.schema.indexes.find((i) => i.name === '[table+id]')!;

    async function load(trans: DBCoreTransaction): Promise<TransactionState> {
      const [replicaRow, clockRow] = (await settings.getMany({
        trans,
        keys: [REPLICA_KEY, CLOCK_KEY],
      })) as ({ value: unknown } | undefined)[];
      let replica = typeof replicaRow?.value === 'string' ? replicaRow.value : '';
      if (!replica) {
        replica = newReplicaId();
        await write(settings, { type: 'put', trans, values: [{ key: REPLICA_KEY, value: replica }] });
      }
      const stored = typeof clockRow?.value === 'string' ? clockRow.value : null;
      const anyConflicts =
        (await conflicts.count({ trans, query: { index: conflicts.schema.primaryKey, range: ANY } })) > 0;
      return {
        clock: clockFrom(replica, stored),
        anyConflicts,
      };
    }

    function stateOf(trans: DBCoreTransaction): Promise<TransactionState> {
      let state = states.get(trans);
      if (!state) states.set(trans, (state = load(trans)));
      return state;
    }

    async function save(trans: DBCoreTransaction, state: TransactionState): Promise<void> {
      await write(settings, {
        type: 'put',
        trans,
        values: [{ key: CLOCK_KEY, value: formatRevision(state.clock) }],
      });
    }

    async function conflictVersions(trans: DBCoreTransaction, table: string, id: string): Promise<SyncRecord[]> {
      const { result } = await conflicts.query({
        trans,
        values: true,
        query: { index: conflictIndex, range: { type: EQUAL, lower: [table, id], upper: [table, id] } },
      });
      return (result as ConflictRow[]).map((row) => row.version);
    }

    async function recordState(
      trans: DBCoreTransaction,
      state: TransactionState,
      table: string,
      current: SyncRecord | undefined,
      id: string,
    ): Promise<RecordState<SyncRecord> | null> {
      if (!current) return null;
      return { current, conflicts: state.anyConflicts ? await conflictVersions(trans, table, id) : [] };
    }

    /** Puts: each value becomes the next version of what is stored (or a first version). */
    async function stampPuts(
      table: DBCoreTable,
      req: DBCoreMutateRequest & { type: 'put' | 'add' },
    ): Promise<DBCoreMutateRequest> {
      const state = await stateOf(req.trans);
      const ids = req.values.map((v) => table.schema.primaryKey.extractKey!(v) as string);
      const stored = (await table.getMany({ trans: req.trans, keys: ids })) as (SyncRecord | undefined)[];
      const missing = ids.filter((_, i) => !stored[i]);
      const buried = missing.length
        ? ((await tombstones.getMany({ trans: req.trans, keys: missing.map((id) => [table.name, id]) })) as (
            TombstoneRow | undefined
          )[])
        : [];
      const tombstoneOf = new Map(missing.map((id, i) => [id, buried[i]]));
      const now = Date.now();
      const values: SyncRecord[] = [];
      const revived: string[] = [];
      for (let i = 0; i < req.values.length; i++) {
        const next = req.values[i] as SyncRecord;
        const id = ids[i]!;
        const previous = stored[i] ?? tombstoneOf.get(id)?.version;
        if (!stored[i] && previous) revived.push(id);
        // Written again unchanged (a screen saving what it read): the same version, not a new one.
        if (stored[i] && sameContent(withoutBookkeeping(next), withoutBookkeeping(stored[i]!))) {
          values.push(stored[i]!);
          continue;
        }
        const before = await recordState(req.trans, state, table.name, previous, id);
        const result = before ? editVersion(before, next, state.clock, now) : createVersion(next, state.clock, now);
        state.clock = result.clock;
        // The time the repository gave the edit (tests and imports pass their own `now`).
        values.push(
          typeof next.updatedAt === 'string' ? { ...result.version, updatedAt: next.updatedAt } : result.version,
        );
      }
      if (revived.length) {
        await write(tombstones, { type: 'delete', trans: req.trans, keys: revived.map((id) => [table.name, id]) });
      }
      // Dexie's update specs describe the caller's values, not these.
      const {
        changeSpec: _changeSpec,
        changeSpecs: _changeSpecs,
        updates: _updates,
        ...rest
      } = req as typeof req & {
        changeSpec?: unknown;
        changeSpecs?: unknown;
        updates?: unknown;
      };
      return { ...rest, values };
    }

    /** Deletions: each deleted record leaves a tombstone version. */
    async function bury(table: DBCoreTable, trans: DBCoreTransaction, ids: readonly string[]): Promise<void> {
      if (!ids.length) return;
      const state = await stateOf(trans);
      const stored = (await table.getMany({ trans, keys: [...ids] })) as (SyncRecord | undefined)[];
      const now = Date.now();
      const rows: TombstoneRow[] = [];
      for (let i = 0; i < ids.length; i++) {
        const before = await recordState(trans, state, table.name, stored[i], ids[i]!);
        if (!before) continue;
        const result = deleteVersion(before, state.clock, now);
        state.clock = result.clock;
        rows.push({ table: table.name as SyncTable, id: ids[i]!, version: result.version });
      }
      if (rows.length) await write(tombstones, { type: 'put', trans, values: rows });
    }

    return {
      transaction(stores, mode, options) {
        // A write to a synced table also writes its bookkeeping, in the same transaction.
        const widen = mode === 'readwrite' && stores.some((s) => SYNCED.has(s));
        const extra = widen ? [SETTINGS, TOMBSTONES, CONFLICTS].filter((s) => !stores.includes(s)) : [];
        return down.transaction(extra.length ? [...stores, ...extra] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SYNCED.has(name)) return table;
        const keysIn = async (trans: DBCoreTransaction, range: DBCoreMutateRequest & { type: 'deleteRange' }) =>
          (
            await table.query({
              trans,
              values: false,
              query: { index: table.schema.primaryKey, range: range.range },
            })
          ).result as string[];
        const wrapped: DBCoreTable = {
          ...table,
          async mutate(req) {
            // Imports write merged versions as they are.
            if (verbatim.has(req.trans)) return table.mutate(req);
            if (!zoneOf.has(req.trans)) zoneOf.set(req.trans, captureZone());
            if (req.type === 'deleteRange' || req.type === 'delete') {
              const ids = req.type === 'delete' ? (req.keys as string[]) : await keysIn(req.trans, req);
              await bury(table, req.trans, ids);
              const response = await write(table, req);
              await save(req.trans, await stateOf(req.trans));
              return response;
            }
            const stamped = await stampPuts(table, req);
            const response = await write(table, stamped);
            if (stamped.type === req.type) {
              // The caller's objects show what was stored (repositories return them), unless frozen (read from a live query).
              req.values.forEach((value, i) => {
                if (!Object.isFrozen(value)) Object.assign(value as object, stampsOf(stamped.values[i] as SyncRecord));
              });
            }
            await save(req.trans, await stateOf(req.trans));
            return response;
          },
        };
        return wrapped;
      },
    };
  },
};

/** Every key (Dexie's own AnyRange). */
const ANY = { type: 3 as DBCoreRangeType, lower: -Infinity, lowerOpen: false, upper: [[]], upperOpen: false };

const stampsOf = ({ rev, baseRev, lineage, updatedAt }: SyncRecord) =>
  lineage ? { rev, baseRev, lineage, updatedAt } : { rev, baseRev, updatedAt };
