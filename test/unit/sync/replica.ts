// A replica for the convergence tests: an in-memory library with its own clock (possibly
// wrong), that writes through shared/sync/write.ts and exchanges real bundle bytes. A shared
// oracle records every version anyone wrote and what it was written from, independently of
// the lineage the sync code computes, so tests can check lineage against the truth.
import { writeBundle } from '../../../shared/sync/bundle';
import { formatRevision, newClock, receive, type Clock } from '../../../shared/sync/hlc';
import {
  allVersions,
  applyPlan,
  emptySnapshot,
  planMerge,
  type LibrarySnapshot,
  type MergePlan,
} from '../../../shared/sync/library-merge';
import { stableJson, versionsOf, type RecordState } from '../../../shared/sync/merge';
import { previewImport } from '../../../shared/sync/preview';
import { SYNC_TABLES, type SyncRecord, type SyncTable, type TableVersions } from '../../../shared/sync/tables';
import {
  createVersion,
  deleteVersion,
  editVersion,
  resolveConflicts,
  undeleteVersion,
  type WriteResult,
} from '../../../shared/sync/write';
import { annotation, item, link } from './records';

export type EditableTable = 'items' | 'annotations' | 'links';

/** Every version written anywhere: its record and the versions it was written from. */
export class Oracle {
  readonly versions = new Map<string, { table: SyncTable; version: SyncRecord; parents: string[] }>();

  record(table: SyncTable, version: SyncRecord, parents: string[]) {
    this.versions.set(version.rev, { table, version, parents });
  }

  /** Whether `ancestor` is among the versions `rev` was written from, directly or not. */
  isAncestor(ancestor: string, rev: string): boolean {
    const stack = [...(this.versions.get(rev)?.parents ?? [])];
    const seen = new Set<string>();
    while (stack.length) {
      const next = stack.pop()!;
      if (next === ancestor) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.versions.get(next)?.parents ?? []));
    }
    return false;
  }
}

function fresh(table: EditableTable, id: string, value: string): SyncRecord<EditableTable> {
  if (table === 'items') return item(id, { title: value });
  if (table === 'annotations') return annotation(id, 'D1', { noteText: value });
  return link(id, { kind: 'item', id: 'I0' }, { kind: 'annotation', id: `A${value.length % 3}` });
}

function edited(table: EditableTable, record: SyncRecord<EditableTable>, value: string): SyncRecord<EditableTable> {
  if (table === 'items') return { ...(record as SyncRecord<'items'>), title: value };
  if (table === 'annotations') return { ...(record as SyncRecord<'annotations'>), noteText: value };
  return { ...(record as SyncRecord<'links'>), note: value };
}

export type Action = 'edit' | 'delete' | 'resolve';

export class Replica {
  snapshot: LibrarySnapshot = emptySnapshot();
  clock: Clock;

  constructor(
    readonly id: string,
    /** How far this machine's clock is off, in ms. */
    readonly skew: number,
    readonly oracle: Oracle,
  ) {
    this.clock = newClock(id);
  }

  state(table: SyncTable, id: string): RecordState<SyncRecord> | undefined {
    return this.snapshot.records[table].get(id) as RecordState<SyncRecord> | undefined;
  }

  /** The analyst edits, deletes or resolves a record (creating it when it is not here yet). */
  act(table: EditableTable, id: string, action: Action, value: number, time: number) {
    const state = this.state(table, id) as RecordState<SyncRecord<EditableTable>> | undefined;
    const now = time + this.skew;
    const label = `${value}@${this.id.slice(-3)}`;
    let result: WriteResult<SyncRecord<EditableTable>>;
    let parents: string[];
    if (!state) {
      result = createVersion(fresh(table, id, label), this.clock, now);
      parents = [];
    } else if (action === 'resolve' && state.conflicts.length > 0) {
      const live = versionsOf(state);
      result = resolveConflicts(state, live[value % live.length]!.rev, this.clock, now);
      parents = live.map((v) => v.rev);
    } else if (action === 'delete' && !state.current.deleted) {
      result = deleteVersion(state, this.clock, now);
      parents = [state.current.rev];
    } else if (state.current.deleted) {
      result = undeleteVersion(state, this.clock, now);
      parents = [state.current.rev];
    } else {
      result = editVersion(state, edited(table, state.current, label), this.clock, now);
      parents = [state.current.rev];
    }
    this.clock = result.clock;
    this.oracle.record(table, result.version, parents);
    const map = new Map(this.snapshot.records[table] as ReadonlyMap<string, RecordState<SyncRecord>>);
    map.set(id, result.state);
    this.snapshot = { ...this.snapshot, records: { ...this.snapshot.records, [table]: map } };
  }

  /**
   * A bundle of this library: every record, or those whose id `pick` keeps; with
   * `currentOnly`, without the conflict versions (a sparser, still valid, set of versions).
   */
  exportBundle(time: number, pick: (id: string) => boolean = () => true, currentOnly = false): Uint8Array {
    const records = {} as Record<SyncTable, SyncRecord[]>;
    for (const table of SYNC_TABLES) {
      records[table] = [];
      for (const [id, state] of this.snapshot.records[table] as ReadonlyMap<string, RecordState<SyncRecord>>) {
        if (pick(id)) records[table].push(...(currentOnly ? [state.current] : versionsOf(state)));
      }
    }
    return writeBundle({
      replicaId: this.id,
      analyst: this.id.slice(-3),
      createdAt: new Date(time + this.skew).toISOString(),
      appVersion: 'test',
      clock: formatRevision(this.clock),
      filter: { scope: 'all' },
      records: records as TableVersions,
    });
  }

  /** Imports a bundle the way the app will: preview, apply the plan, merge the sender's clock. */
  importBundle(bytes: Uint8Array, time: number): MergePlan {
    const preview = previewImport(this.snapshot, bytes);
    if (!preview.ok) throw new Error(preview.error.message);
    this.snapshot = applyPlan(this.snapshot, preview.value.plan);
    this.clock = receive(this.clock, preview.value.contents.manifest.clock, time + this.skew).clock;
    return preview.value.plan;
  }
}

/** A library's state as comparable text: per table and id, the current version and the conflicts. */
export function dump(snapshot: LibrarySnapshot): string {
  const out: Record<string, Record<string, unknown>> = {};
  for (const table of SYNC_TABLES) {
    const states = snapshot.records[table] as ReadonlyMap<string, RecordState<SyncRecord>>;
    out[table] = Object.fromEntries([...states.keys()].sort().map((id) => [id, versionsOf(states.get(id))]));
  }
  return stableJson(out);
}

/** Merges version sets straight, without bundles: a library holding all of them. */
export function libraryOf(...sets: TableVersions[]): LibrarySnapshot {
  let snapshot = emptySnapshot();
  for (const records of sets) snapshot = applyPlan(snapshot, planMerge(snapshot, { records, texts: new Set() }));
  return snapshot;
}

export { allVersions };
