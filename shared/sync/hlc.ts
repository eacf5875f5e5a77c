// Hybrid logical clock revisions (DESIGN.md "Sync by file exchange"). A revision is a string
// that sorts, as plain text, in the order of the clock: fixed-width wall time, fixed-width
// counter, then the replica that wrote it, e.g. "0lx3k9q2a:0003:01HV3K9Q2AZ8Y6W5X4V3T2S1R0".
// The clock only decides which of two concurrent versions wins; whether one version descends
// from another is decided by lineage (./lineage.ts), never by comparing revisions.
import { isValid as isUlid, ulid } from 'ulid';
import type { Revision } from '../model/types';

/** Identifies one installation (one library). A ULID: unique without coordination. */
export type ReplicaId = string;

export interface Clock {
  /** Milliseconds since the epoch: the larger of the physical time and any time seen. */
  wall: number;
  /** Orders events within the same millisecond. */
  counter: number;
  replica: ReplicaId;
}

export interface ParsedRevision {
  wall: number;
  counter: number;
  /** '' for a legacy revision (an ISO time written before sync existed). */
  replica: ReplicaId | '';
  legacy: boolean;
}

const WALL_WIDTH = 9;
const COUNTER_WIDTH = 4;
/** 36^9 - 1 ms: about the year 5188, so nine base-36 digits always suffice. */
const MAX_WALL = 36 ** WALL_WIDTH - 1;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

/**
 * How far ahead of our own clock a received revision may be and still move it. A colleague's
 * machine set a year ahead would otherwise push every revision we write a year ahead, for a
 * year; beyond a day we leave our clock where it is (see `receive`).
 */
export const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000;

const REPLICA = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const HLC = /^([0-9a-z]{9}):([0-9a-z]{4}):([0-7][0-9A-HJKMNP-TV-Z]{25})$/;
// What newRecordBase wrote before sync: Date.prototype.toISOString().
const LEGACY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** A new replica id for a fresh installation (or a library restored from a backup: see README). */
export function newReplicaId(): ReplicaId {
  return ulid();
}

export const isReplicaId = (value: string): boolean => REPLICA.test(value) && isUlid(value);

/** A clock that has seen nothing yet. */
export const newClock = (replica: ReplicaId): Clock => ({ wall: 0, counter: 0, replica });

export function formatRevision(r: { wall: number; counter: number; replica: string }): Revision {
  return `${r.wall.toString(36).padStart(WALL_WIDTH, '0')}:${r.counter.toString(36).padStart(COUNTER_WIDTH, '0')}:${r.replica}`;
}

/**
 * Reads a revision; null for anything that is not one. A legacy revision (an ISO time, as
 * records had before sync) reads as that wall time, counter 0 and no replica, so it sorts
 * before any clock revision of the same millisecond.
 */
export function parseRevision(rev: string): ParsedRevision | null {
  const hlc = HLC.exec(rev);
  if (hlc) {
    const wall = parseInt(hlc[1]!, 36);
    return { wall, counter: parseInt(hlc[2]!, 36), replica: hlc[3]!, legacy: false };
  }
  if (LEGACY.test(rev)) {
    const wall = Date.parse(rev);
    // Date.parse accepts 2023-02-30; a real toISOString() never wrote it.
    if (Number.isFinite(wall) && wall >= 0 && new Date(wall).toISOString().slice(0, 19) === rev.slice(0, 19)) {
      return { wall, counter: 0, replica: '', legacy: true };
    }
  }
  return null;
}

export const isRevision = (rev: string): boolean => parseRevision(rev) !== null;

/** The replica that wrote a revision; '' for legacy or unreadable ones. */
export function replicaOf(rev: Revision): ReplicaId | '' {
  // Fast path: the replica is the fixed-width tail of a clock revision.
  if (rev.length === WALL_WIDTH + COUNTER_WIDTH + 28 && HLC.test(rev)) return rev.slice(WALL_WIDTH + COUNTER_WIDTH + 2);
  return '';
}

/** When a revision was written (ms), or NaN for garbage. */
export const revisionTime = (rev: Revision): number => parseRevision(rev)?.wall ?? NaN;

/** The key a revision sorts by: clock revisions are their own key; legacy ones are formatted with an empty replica. */
function sortKey(rev: Revision): string {
  if (HLC.test(rev)) return rev;
  const parsed = parseRevision(rev);
  // Garbage sorts before everything, among itself by its text (callers validate first).
  return parsed ? formatRevision(parsed) : '';
}

/** Total order on revisions: clock time, then counter, then replica id; ties by the raw text. */
export function compareRevisions(a: Revision, b: Revision): number {
  if (a === b) return 0;
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Carries a counter overflow into the next millisecond: the clock runs a little ahead instead of failing. */
function normalized(wall: number, counter: number, replica: ReplicaId): Clock {
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, replica };
  return { wall, counter, replica };
}

/** A local event (a write): the clock moves past both itself and the physical time `now` (ms). */
export function tick(clock: Clock, now: number): { clock: Clock; rev: Revision } {
  const wall = Math.min(Math.max(clock.wall, Math.floor(now)), MAX_WALL);
  const next = normalized(wall, wall === clock.wall ? clock.counter + 1 : 0, clock.replica);
  return { clock: next, rev: formatRevision(next) };
}

/**
 * Merges a revision seen from elsewhere, so every later local revision sorts after it.
 * Drift guard: a revision more than MAX_CLOCK_DRIFT_MS ahead of `now` leaves the clock as it
 * is (and says so), so a machine with a wrong date cannot drag ours along with it. Nothing
 * is lost by that: descent is judged by lineage, so a later edit of such a version still
 * supersedes it; only ties between concurrent edits go its way until real time catches up.
 */
export function receive(
  clock: Clock,
  remote: Revision,
  now: number,
): { clock: Clock; ignored: 'invalid' | 'ahead' | null } {
  const r = parseRevision(remote);
  if (!r) return { clock, ignored: 'invalid' };
  if (r.wall > now + MAX_CLOCK_DRIFT_MS) return { clock, ignored: 'ahead' };
  const physical = Math.floor(now);
  const wall = Math.min(Math.max(clock.wall, r.wall, physical), MAX_WALL);
  let counter = 0;
  if (wall === clock.wall && wall === r.wall) counter = Math.max(clock.counter, r.counter) + 1;
  else if (wall === clock.wall) counter = clock.counter + 1;
  else if (wall === r.wall) counter = r.counter + 1;
  return { clock: normalized(wall, counter, clock.replica), ignored: null };
}

/** A clock restored from its stored revision (settings), or a fresh one for `replica`. */
export function clockFrom(replica: ReplicaId, stored: Revision | null | undefined): Clock {
  const parsed = stored ? parseRevision(stored) : null;
  return parsed && !parsed.legacy ? { wall: parsed.wall, counter: parsed.counter, replica } : newClock(replica);
}
