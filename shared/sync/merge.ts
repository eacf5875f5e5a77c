// The merge of one record's versions. The state of a record is a function of the set of
// versions a replica has seen: the versions no other version supersedes (by lineage) are
// live; the live one with the highest revision is current, the others are conflicts. Since
// a version's lineage includes everything its ancestors had seen, dropping the superseded
// versions loses nothing that later merges need, and merging is a set union followed by the
// same filter: idempotent, commutative and associative (a join-semilattice).
import type { Revision } from '../model/types';
import { compareRevisions } from './hlc';
import { dotOf, seenHas, seenOf, supersedes, unionSeen, type Versioned } from './lineage';

/** A version as the merge sees it: any record with a rev, lineage and tombstone flag. */
export interface Version extends Versioned {
  id: string;
  baseRev: Revision | null;
  deleted?: boolean;
}

export interface RecordState<T extends Version = Version> {
  /** The winning version (possibly a tombstone). */
  current: T;
  /** The concurrent versions that lost, newest first: kept for the analyst to compare and restore. */
  conflicts: T[];
}

/** Newest first: higher revision (clock, then counter, then replica) wins. */
const newestFirst = (a: Version, b: Version): number => compareRevisions(b.rev, a.rev);

/** Key-sorted JSON: equal content gives equal text whatever order the keys were written in. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * Whether two versions with the same rev have the same content, whatever order their keys
 * were written in (a record read from a bundle and one written here differ in that only).
 * Structural, without building strings: re-importing 100,000 known records calls it 100,000 times.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN never reaches here (schemas refuse it), so === is equality for the scalars JSON has.
    return false;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameContent(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const key in ra) {
    // A key holding undefined is the same as no key: JSON drops both.
    if (ra[key] === undefined) continue;
    count++;
    if (!Object.hasOwn(rb, key) || !sameContent(ra[key], rb[key])) return false;
  }
  for (const key in rb) if (rb[key] !== undefined) count--;
  return count === 0;
}

/**
 * Of two different contents under one rev (which only a copied library or a restored backup
 * that kept its replica id can produce), the one with the greater JSON, so every replica
 * keeps the same one.
 */
const clashWinner = <T>(a: T, b: T): T => (stableJson(a) >= stableJson(b) ? a : b);

export interface MergeResult<T extends Version> {
  state: RecordState<T> | null;
  /** Revs seen with two different contents (kept: the clashWinner). */
  clashes: Revision[];
}

/** Versions by rev, one per rev. */
function distinctByRev<T extends Version>(versions: Iterable<T>, clashes: Revision[]): Map<Revision, T> {
  const byRev = new Map<Revision, T>();
  for (const v of versions) {
    const have = byRev.get(v.rev);
    if (have === undefined) byRev.set(v.rev, v);
    else if (!sameContent(have, v)) {
      byRev.set(v.rev, clashWinner(have, v));
      if (!clashes.includes(v.rev)) clashes.push(v.rev);
    }
  }
  return byRev;
}

/**
 * The state of one record from every version seen of it (local current and conflicts,
 * incoming current and conflicts, in any order, repeats allowed); null for no versions.
 */
export function mergeVersions<T extends Version>(versions: Iterable<T>): MergeResult<T> {
  const clashes: Revision[] = [];
  const all = [...distinctByRev(versions, clashes).values()];
  if (all.length === 0) return { state: null, clashes };
  if (all.length === 1) return { state: { current: all[0]!, conflicts: [] }, clashes };
  const seen = unionSeen(all.map(seenOf));
  let live = all.filter((v) => !seenHas(seen, dotOf(v)));
  // Only hand-made lineages that supersede each other in a ring leave nothing live; keep
  // them all rather than lose the record (still a function of the set, so still convergent).
  if (live.length === 0) live = all;
  live.sort(newestFirst);
  return { state: { current: live[0]!, conflicts: live.slice(1) }, clashes };
}

/** Every version a state holds: current first, then the conflicts. */
export const versionsOf = <T extends Version>(state: RecordState<T> | null | undefined): T[] =>
  state ? [state.current, ...state.conflicts] : [];

/** Whether two states hold the same versions (by rev) in the same roles. */
export function sameState(a: RecordState | null | undefined, b: RecordState | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.current.rev !== b.current.rev || a.conflicts.length !== b.conflicts.length) return false;
  return a.conflicts.every((c, i) => c.rev === b.conflicts[i]!.rev);
}

/** Whether the record is there for the analyst: it has a current version that is not a tombstone. */
export const isVisible = (state: RecordState | null | undefined): boolean => !!state && !state.current.deleted;

/**
 * How version `b` stands to version `a` of the same record: the same version, one `a` has
 * already superseded (older), one that supersedes `a` (newer: a fast-forward), or neither
 * (concurrent: a conflict). For the preview's detail and `bundle inspect`.
 */
export function relation(a: Version, b: Version): 'same' | 'older' | 'newer' | 'concurrent' {
  if (a.rev === b.rev) return 'same';
  if (supersedes(a, b)) return 'older';
  if (supersedes(b, a)) return 'newer';
  return 'concurrent';
}
