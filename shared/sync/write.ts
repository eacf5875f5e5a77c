// Local writes as sync sees them: every create, edit, deletion, restore or conflict
// resolution is a new version with a fresh clock revision and a lineage that supersedes
// exactly the versions the analyst acted on. Pure: state and clock in, version and state out.
import type { Revision } from '../model/types';
import { receive, tick, type Clock } from './hlc';
import { dotOf, maxSeq, seenOf, unionSeen, withDots } from './lineage';
import { mergeVersions, versionsOf, type RecordState, type Version } from './merge';

export interface WriteResult<T extends Version> {
  version: T;
  /** The record's state with the version merged in. */
  state: RecordState<T>;
  clock: Clock;
}

/** The next seq for `replica` on a record: one past every dot of it the state knows (live or seen). */
function nextSeq(versions: readonly Version[], replica: string): number {
  let max = 0;
  for (const v of versions) {
    const dot = dotOf(v);
    if (dot.key === replica) max = Math.max(max, dot.seq);
    max = Math.max(max, maxSeq(seenOf(v), replica));
  }
  return max + 1;
}

/**
 * Writes `content` as the next version of a record (`state` null for a new record),
 * superseding the versions whose revs are listed (which must be live in `state`) and,
 * through their lineage, all their ancestors: a version supersedes exactly its ancestors.
 * `baseRev` ("edited from") is the first superseded rev.
 */
export function writeVersion<T extends Version>(
  state: RecordState<T> | null,
  content: T,
  supersede: readonly Revision[],
  clock: Clock,
  now: number,
): WriteResult<T> {
  if (state && state.current.id !== content.id) {
    throw new Error(`writeVersion: writing ${content.id} over the versions of ${state.current.id}`);
  }
  const live = versionsOf(state);
  const superseded = supersede.map((rev) => {
    const version = live.find((v) => v.rev === rev);
    if (!version) throw new Error(`writeVersion: ${rev} is not a live version of ${content.id}`);
    return version;
  });
  // Past every live revision (unless one is implausibly far ahead: see hlc.receive), so the
  // analyst's write becomes current even if an import forgot to merge the clock.
  const seenClock = live.reduce((c, v) => receive(c, v.rev, now).clock, clock);
  const { clock: next, rev } = tick(seenClock, now);
  const version: T = {
    ...content,
    ...(typeof (content as { updatedAt?: unknown }).updatedAt === 'string' && {
      updatedAt: new Date(now).toISOString(),
    }),
    rev,
    baseRev: supersede[0] ?? null,
    lineage: {
      seq: nextSeq(live, clock.replica),
      seen: withDots(unionSeen(superseded.map(seenOf)), superseded.map(dotOf)),
    },
  };
  const merged = mergeVersions([...live, version]).state!;
  return { version, state: merged, clock: next };
}

/** A new record's first version. */
export function createVersion<T extends Version>(content: T, clock: Clock, now: number): WriteResult<T> {
  return writeVersion(null, content, [], clock, now);
}

/** The analyst edited the current version (conflicts stay listed until resolved). */
export function editVersion<T extends Version>(
  state: RecordState<T>,
  content: T,
  clock: Clock,
  now: number,
): WriteResult<T> {
  return writeVersion(state, content, [state.current.rev], clock, now);
}

/** Deletion: a tombstone carrying the deleted content, so it can travel and be restored. */
export function deleteVersion<T extends Version>(state: RecordState<T>, clock: Clock, now: number): WriteResult<T> {
  return writeVersion(state, { ...state.current, deleted: true }, [state.current.rev], clock, now);
}

/** Undoes a deletion: the tombstone's content, live again. */
export function undeleteVersion<T extends Version>(state: RecordState<T>, clock: Clock, now: number): WriteResult<T> {
  const { deleted: _deleted, ...content } = state.current;
  return writeVersion(state, content as T, [state.current.rev], clock, now);
}

/**
 * Resolves the record's conflicts by keeping `keep` (the current version or one of the
 * conflicts): a new version with its content that supersedes the current and every conflict.
 */
export function resolveConflicts<T extends Version>(
  state: RecordState<T>,
  keep: Revision,
  clock: Clock,
  now: number,
): WriteResult<T> {
  const live = versionsOf(state);
  const kept = live.find((v) => v.rev === keep);
  if (!kept) throw new Error(`resolveConflicts: ${keep} is not a live version of ${state.current.id}`);
  // "Edited from" the version kept; the others are superseded with it.
  const order = [keep, ...live.filter((v) => v.rev !== keep).map((v) => v.rev)];
  return writeVersion(state, kept, order, clock, now);
}
