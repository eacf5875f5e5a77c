// Lineage: which versions of a record a version supersedes. A revision alone cannot tell a
// newer version from a concurrent one, and `baseRev` names only the last step, so each
// version also carries the set of versions it has seen, compressed per replica:
//
//   lineage: { seq: 3, seen: { "01HV…A": [[1, 2]], "01HV…B": [[1, 1], [3, 4]] } }
//
// `seq` numbers the versions one replica writes of one record (1, 2, 3…), so a version is
// named by its *dot*: (replica of its rev, seq). `seen` lists, per replica, the ranges of
// seq it supersedes. Ranges stay few: a gap only opens while a conflict is unresolved.
// (This is a dotted version vector with its exceptions kept as ranges; see README.md.)
import type { Lineage, Revision } from '../model/types';
import { replicaOf } from './hlc';

/** Per replica (or legacy key), sorted, disjoint, non-adjacent inclusive ranges of seq. */
export type Seen = Record<string, [number, number][]>;

export type { Lineage };

/** What lineage needs of a version. */
export interface Versioned {
  rev: Revision;
  lineage?: Lineage;
}

/** A version's name in lineages: its replica (or a legacy key) and its seq. */
export interface Dot {
  key: string;
  seq: number;
}

/** Prefix of the key of a version that has no lineage (written before sync): `~` + its rev. */
export const LEGACY_KEY_PREFIX = '~';

/**
 * The dot of a version. A version without lineage (a record from before sync, whose rev is
 * an ISO time) is named by its rev alone, seq 1: it can be superseded, and supersedes nothing.
 */
export function dotOf(version: Versioned): Dot {
  const replica = version.lineage ? replicaOf(version.rev) : '';
  return replica ? { key: replica, seq: version.lineage!.seq } : { key: LEGACY_KEY_PREFIX + version.rev, seq: 1 };
}

export const EMPTY_SEEN: Seen = Object.freeze({}) as Seen;

export const seenOf = (version: Versioned): Seen => version.lineage?.seen ?? EMPTY_SEEN;

/** Whether `seen` holds the dot. */
export function seenHas(seen: Seen, dot: Dot): boolean {
  const ranges = Object.hasOwn(seen, dot.key) ? seen[dot.key]! : undefined;
  if (!ranges) return false;
  // Few ranges per replica: a linear scan beats a binary search here.
  for (const [from, to] of ranges) {
    if (dot.seq < from) return false;
    if (dot.seq <= to) return true;
  }
  return false;
}

/** Merges two sorted range lists into one sorted, disjoint, non-adjacent list. */
function unionRanges(a: readonly [number, number][], b: readonly [number, number][]): [number, number][] {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [from, to] of all) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** Keys in sorted order, so equal lineages serialise to equal JSON on every replica. */
function sortedSeen(entries: Map<string, [number, number][]>): Seen {
  const out: Seen = {};
  for (const key of [...entries.keys()].sort()) out[key] = entries.get(key)!;
  return out;
}

/** The union of several `seen` sets. */
export function unionSeen(sets: readonly Seen[]): Seen {
  const nonEmpty = sets.filter((s) => Object.keys(s).length > 0);
  if (nonEmpty.length === 0) return {};
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const merged = new Map<string, [number, number][]>();
  for (const set of nonEmpty) {
    for (const [key, ranges] of Object.entries(set)) {
      const have = merged.get(key);
      merged.set(key, have ? unionRanges(have, ranges) : ranges.map(([f, t]) => [f, t]));
    }
  }
  return sortedSeen(merged);
}

/** `seen` with the given dots added. */
export function withDots(seen: Seen, dots: readonly Dot[]): Seen {
  if (dots.length === 0) return seen;
  const extra: Seen = {};
  for (const { key, seq } of dots) extra[key] = unionRanges(extra[key] ?? [], [[seq, seq]]);
  return unionSeen([seen, extra]);
}

/** The highest seq of `key` in `seen` (0 when none). */
export function maxSeq(seen: Seen, key: string): number {
  const ranges = Object.hasOwn(seen, key) ? seen[key]! : undefined;
  return ranges && ranges.length ? ranges[ranges.length - 1]![1] : 0;
}

/** Whether a range list is sorted, disjoint, non-adjacent, of positive integers (validation). */
export function isNormalRanges(ranges: readonly (readonly [number, number])[]): boolean {
  let last = 0;
  for (const [from, to] of ranges) {
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from) return false;
    if (last !== 0 && from <= last + 1) return false;
    last = to;
  }
  return true;
}

/** Whether `a` supersedes `b`: b's dot is among the versions a has seen. */
export const supersedes = (a: Versioned, b: Versioned): boolean => seenHas(seenOf(a), dotOf(b));
