import { monotonicFactory } from 'ulid';
import type { RecordBase } from './types';

// Monotonic: ids made in the same millisecond (a batch import) still sort in creation order,
// and the factory draws less randomness per id than plain ulid().
const ulid = monotonicFactory();

/** A new record's id: ULIDs sort by creation time and need no coordination between replicas. */
export function newId(): string {
  return ulid();
}

/** Base fields of a record created now. The sync layer replaces `rev` with an HLC revision. */
export function newRecordBase(now: Date = new Date()): RecordBase {
  const at = now.toISOString();
  return { id: newId(), createdAt: at, updatedAt: at, rev: at, baseRev: null };
}

/** Base fields for the next version of `record`, edited now. */
export function touched<T extends RecordBase>(record: T, now: Date = new Date()): T {
  const at = now.toISOString();
  return { ...record, updatedAt: at, baseRev: record.rev, rev: at };
}
