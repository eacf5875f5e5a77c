// Merging a whole incoming set of records into a library: per record, the versions both
// sides hold go through mergeVersions; the result is a plan — what the import preview shows
// (new, updated, conflicting, deleted, unchanged; texts to add; annotations to re-anchor;
// references left without a target) and the record states to write. Pure: maps in, plan out;
// storage applies the plan's writes in one transaction.
import type { Revision } from '../model/types';
import { isVisible, mergeVersions, versionsOf, type RecordState } from './merge';
import { referencesOf, type DanglingReference } from './references';
import {
  emptyStates,
  SYNC_TABLES,
  type SyncRecord,
  type SyncTable,
  type TableStates,
  type TableVersions,
} from './tables';

/** A library as the merge sees it. */
export interface LibrarySnapshot {
  records: TableStates;
  /** Content hashes of the document texts the library holds. */
  texts: ReadonlySet<string>;
}

/** What an import brings: every version of the bundle, and the texts it carries. */
export interface IncomingSet {
  records: TableVersions;
  texts: ReadonlySet<string>;
}

/**
 * How a record changes, from the analyst's side: it appears, changes, disappears, gains a
 * conflict, or changes only in ways not shown (a tombstone for a record never seen here).
 */
export type ChangeKind = 'add' | 'update' | 'delete' | 'conflict' | 'silent';

export interface RecordChange {
  table: SyncTable;
  id: string;
  kind: ChangeKind;
  before: RecordState<SyncRecord> | null;
  after: RecordState<SyncRecord>;
  /** Conflict versions this merge introduced: a local version that lost, or an incoming one. */
  newConflicts: Revision[];
}

export interface MergePlan {
  add: RecordChange[];
  update: RecordChange[];
  conflicts: RecordChange[];
  deletions: RecordChange[];
  silent: RecordChange[];
  /** Records the bundle holds that this library already has in the same state. */
  unchanged: number;
  /** Every change, to write in one transaction. */
  writes: RecordChange[];
  texts: {
    /** Content hashes whose text to store from the bundle. */
    add: string[];
    /** Texts a document version needs that neither the library nor the bundle has. */
    missing: { contentHash: string; documentId: string; current: boolean }[];
  };
  /** Documents whose text the merge replaced: their annotations are to be re-anchored. */
  reanchor: { documentId: string; from: string; to: string }[];
  /** References from changed records, or to them, that have no visible target after the merge. */
  dangling: DanglingReference[];
  /** Revisions that came with two different contents (see merge.ts clashWinner). */
  clashes: { table: SyncTable; id: string; rev: Revision }[];
}

const key = (table: SyncTable, id: string) => `${table}\u0000${id}`;

function groupById<T extends { id: string }>(versions: readonly T[]): Map<string, T[]> {
  const byId = new Map<string, T[]>();
  for (const v of versions) {
    const group = byId.get(v.id);
    if (group) group.push(v);
    else byId.set(v.id, [v]);
  }
  return byId;
}

/** Same versions in the same roles, and the same objects (a rev clash can swap content under one rev). */
function unchangedState(before: RecordState | null, after: RecordState): boolean {
  if (!before || before.current !== after.current || before.conflicts.length !== after.conflicts.length) return false;
  return before.conflicts.every((c, i) => c === after.conflicts[i]);
}

function classify(before: RecordState | null, after: RecordState, newConflicts: readonly Revision[]): ChangeKind {
  if (newConflicts.length > 0) return 'conflict';
  const was = isVisible(before);
  const is = isVisible(after);
  if (was && is) return 'update';
  if (was) return 'delete';
  return is ? 'add' : 'silent';
}

/** The merge of `incoming` into `local`, as a plan; `local` is not modified. */
export function planMerge(local: LibrarySnapshot, incoming: IncomingSet): MergePlan {
  const plan: MergePlan = {
    add: [],
    update: [],
    conflicts: [],
    deletions: [],
    silent: [],
    unchanged: 0,
    writes: [],
    texts: { add: [], missing: [] },
    reanchor: [],
    dangling: [],
    clashes: [],
  };
  const lists: Record<ChangeKind, RecordChange[]> = {
    add: plan.add,
    update: plan.update,
    conflict: plan.conflicts,
    delete: plan.deletions,
    silent: plan.silent,
  };
  const changed = new Map<string, RecordChange>();
  const incomingDocuments: RecordState<SyncRecord<'documents'>>[] = [];

  for (const table of SYNC_TABLES) {
    const states = local.records[table] as ReadonlyMap<string, RecordState<SyncRecord>>;
    for (const [id, versions] of groupById<SyncRecord>(incoming.records[table])) {
      const before = states.get(id) ?? null;
      // Local versions first: for a rev both sides hold, the local object is kept.
      const { state, clashes } = mergeVersions<SyncRecord>([...versionsOf(before), ...versions]);
      const after = state!;
      for (const rev of clashes) plan.clashes.push({ table, id, rev });
      if (table === 'documents') incomingDocuments.push(after as RecordState<SyncRecord<'documents'>>);
      if (unchangedState(before, after)) {
        plan.unchanged++;
        continue;
      }
      const had = new Set(before?.conflicts.map((c) => c.rev));
      const newConflicts = after.conflicts.filter((c) => !had.has(c.rev)).map((c) => c.rev);
      const change: RecordChange = {
        table,
        id,
        kind: classify(before, after, newConflicts),
        before,
        after,
        newConflicts,
      };
      lists[change.kind].push(change);
      plan.writes.push(change);
      changed.set(key(table, id), change);
    }
  }

  planTexts(local, incoming, incomingDocuments, plan);
  plan.dangling = danglingAfter(local, changed);
  return plan;
}

/** Texts to add or reported missing, documents to re-anchor, and new documents whose text is already here. */
function planTexts(
  local: LibrarySnapshot,
  incoming: IncomingSet,
  documents: readonly RecordState<SyncRecord<'documents'>>[],
  plan: MergePlan,
): void {
  const add = new Set<string>();
  const missing = new Set<string>();
  for (const state of documents) {
    // Every live version that is not a tombstone needs its text: the current to read, a conflict to restore.
    for (const version of versionsOf(state)) {
      if (version.deleted || local.texts.has(version.contentHash)) continue;
      if (incoming.texts.has(version.contentHash)) add.add(version.contentHash);
      else if (!missing.has(`${version.id}\u0000${version.contentHash}`)) {
        missing.add(`${version.id}\u0000${version.contentHash}`);
        plan.texts.missing.push({
          contentHash: version.contentHash,
          documentId: version.id,
          current: version === state.current,
        });
      }
    }
  }
  plan.texts.add = [...add].sort();

  for (const change of plan.writes) {
    if (change.table !== 'documents') continue;
    const before = change.before?.current as SyncRecord<'documents'> | undefined;
    const after = change.after.current as SyncRecord<'documents'>;
    if (before && isVisible(change.before) && isVisible(change.after) && before.contentHash !== after.contentHash) {
      plan.reanchor.push({ documentId: change.id, from: before.contentHash, to: after.contentHash });
    }
  }
}

/**
 * References without a visible target after the merge, from a visible record, where the
 * record or its target changed in this merge (problems the library already had are not news).
 */
function danglingAfter(local: LibrarySnapshot, changed: ReadonlyMap<string, RecordChange>): DanglingReference[] {
  if (changed.size === 0) return [];
  const stateAfter = (table: SyncTable, id: string): RecordState | null =>
    changed.get(key(table, id))?.after ?? local.records[table].get(id) ?? null;
  const out: DanglingReference[] = [];
  const check = (table: SyncTable, id: string, state: RecordState, sourceChanged: boolean) => {
    if (!isVisible(state)) return;
    for (const reference of referencesOf(table, state.current as SyncRecord)) {
      if (!sourceChanged && !changed.has(key(reference.table, reference.id))) continue;
      if (!isVisible(stateAfter(reference.table, reference.id))) out.push({ table, id, reference });
    }
  };
  for (const table of ['annotations', 'items', 'events', 'links'] as const) {
    for (const [id, state] of local.records[table]) {
      if (!changed.has(key(table, id))) check(table, id, state, false);
    }
  }
  for (const change of changed.values()) check(change.table, change.id, change.after, true);
  return out;
}

/** The library after a plan's writes (what storage does, in memory: for tests and the command line). */
export function applyPlan(local: LibrarySnapshot, plan: MergePlan): LibrarySnapshot {
  const records = { ...local.records } as Record<SyncTable, ReadonlyMap<string, RecordState>>;
  const copied = new Set<SyncTable>();
  for (const change of plan.writes) {
    if (!copied.has(change.table)) {
      records[change.table] = new Map(records[change.table]);
      copied.add(change.table);
    }
    (records[change.table] as Map<string, RecordState>).set(change.id, change.after);
  }
  const texts = plan.texts.add.length ? new Set([...local.texts, ...plan.texts.add]) : local.texts;
  return { records: records as TableStates, texts };
}

export const emptySnapshot = (): LibrarySnapshot => ({ records: emptyStates(), texts: new Set() });

/** Every live version of a library (current and conflicts), as a bundle carries them. */
export function allVersions(snapshot: LibrarySnapshot): TableVersions {
  const out = {} as Record<SyncTable, SyncRecord[]>;
  for (const table of SYNC_TABLES) {
    const versions: SyncRecord[] = [];
    for (const state of (snapshot.records[table] as ReadonlyMap<string, RecordState<SyncRecord>>).values()) {
      versions.push(...versionsOf(state));
    }
    out[table] = versions;
  }
  return out as TableVersions;
}
