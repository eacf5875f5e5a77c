import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clockFrom,
  compareRevisions,
  formatRevision,
  isReplicaId,
  MAX_CLOCK_DRIFT_MS,
  newClock,
  newReplicaId,
  parseRevision,
  receive,
  replicaOf,
  revisionTime,
  tick,
} from '../../../shared/sync/hlc';
import { REPLICA_A, REPLICA_B, T0 } from './records';

const DAY = 24 * 60 * 60 * 1000;

describe('revisions', () => {
  it('formats fixed-width text that reads back', () => {
    const rev = formatRevision({ wall: T0, counter: 3, replica: REPLICA_A });
    expect(rev).toMatch(/^[0-9a-z]{9}:0003:01HV0000000000000000000AAA$/);
    expect(parseRevision(rev)).toEqual({ wall: T0, counter: 3, replica: REPLICA_A, legacy: false });
    expect(replicaOf(rev)).toBe(REPLICA_A);
    expect(revisionTime(rev)).toBe(T0);
  });

  it('sorts as plain text in clock order', () => {
    const clock = fc.record({
      wall: fc.integer({ min: 0, max: 36 ** 9 - 1 }),
      counter: fc.integer({ min: 0, max: 36 ** 4 - 1 }),
      replica: fc.constantFrom(REPLICA_A, REPLICA_B),
    });
    fc.assert(
      fc.property(clock, clock, (a, b) => {
        const expected =
          a.wall - b.wall || a.counter - b.counter || (a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : 0);
        const ra = formatRevision(a);
        const rb = formatRevision(b);
        expect(Math.sign(compareRevisions(ra, rb))).toBe(Math.sign(expected));
        expect(Math.sign(ra < rb ? -1 : ra > rb ? 1 : 0)).toBe(Math.sign(expected));
      }),
    );
  });

  it('rejects garbage', () => {
    for (const bad of [
      '',
      'abc',
      '0lx3k9q2a:0003:01hv0000000000000000000aaa', // lower-case replica
      '0lx3k9q2a:003:01HV0000000000000000000AAA', // short counter
      '0LX3K9Q2A:0003:01HV0000000000000000000AAA', // upper-case time
      '0lx3k9q2a:0003:01HV0000000000000000000AAA ',
      '0lx3k9q2a:0003:81HV0000000000000000000AAA', // ULID out of range
      '2023-02-30T00:00:00.000Z', // no such day
      '2024-05-01T09:00:00+08:00', // never written by toISOString
      '2024-05-01',
    ]) {
      expect(parseRevision(bad), bad).toBeNull();
    }
  });

  it('reads a legacy ISO revision as its time, counter 0 and no replica', () => {
    const legacy = new Date(T0).toISOString();
    expect(parseRevision(legacy)).toEqual({ wall: T0, counter: 0, replica: '', legacy: true });
    expect(replicaOf(legacy)).toBe('');
    // Before a clock revision of the same millisecond, after one of an earlier millisecond.
    expect(compareRevisions(legacy, formatRevision({ wall: T0, counter: 0, replica: REPLICA_A }))).toBeLessThan(0);
    expect(compareRevisions(legacy, formatRevision({ wall: T0 - 1, counter: 9, replica: REPLICA_A }))).toBeGreaterThan(
      0,
    );
    expect(compareRevisions(legacy, new Date(T0 + 1).toISOString())).toBeLessThan(0);
  });
});

describe('the clock', () => {
  it('ticks forward even when the physical time goes back', () => {
    let clock = newClock(REPLICA_A);
    const revs: string[] = [];
    for (const now of [T0, T0, T0 - 5000, T0 + 1, T0 + 1, T0 - 1]) {
      const next = tick(clock, now);
      revs.push(next.rev);
      clock = next.clock;
    }
    expect([...revs].sort(compareRevisions)).toEqual(revs);
    expect(new Set(revs).size).toBe(revs.length);
  });

  it('carries a counter overflow into the next millisecond', () => {
    const { clock } = tick({ wall: T0, counter: 36 ** 4 - 1, replica: REPLICA_A }, T0);
    expect(clock).toEqual({ wall: T0 + 1, counter: 0, replica: REPLICA_A });
  });

  it('after receiving a revision, writes only later ones', () => {
    const remote = formatRevision({ wall: T0 + 60_000, counter: 7, replica: REPLICA_B });
    const { clock, ignored } = receive(newClock(REPLICA_A), remote, T0);
    expect(ignored).toBeNull();
    expect(compareRevisions(tick(clock, T0).rev, remote)).toBeGreaterThan(0);
  });

  it('is not dragged by a clock more than a day ahead', () => {
    const clock = tick(newClock(REPLICA_A), T0).clock;
    const farAhead = formatRevision({ wall: T0 + DAY + 1, counter: 0, replica: REPLICA_B });
    expect(receive(clock, farAhead, T0)).toEqual({ clock, ignored: 'ahead' });
    const withinADay = formatRevision({ wall: T0 + MAX_CLOCK_DRIFT_MS, counter: 0, replica: REPLICA_B });
    expect(receive(clock, withinADay, T0).clock.wall).toBe(T0 + MAX_CLOCK_DRIFT_MS);
    expect(receive(clock, 'garbage', T0)).toEqual({ clock, ignored: 'invalid' });
  });

  it('restores from its stored revision', () => {
    const { rev } = tick(newClock(REPLICA_A), T0);
    expect(clockFrom(REPLICA_A, rev)).toEqual({ wall: T0, counter: 0, replica: REPLICA_A });
    expect(clockFrom(REPLICA_A, null)).toEqual(newClock(REPLICA_A));
  });

  it('makes ULID replica ids', () => {
    const id = newReplicaId();
    expect(isReplicaId(id)).toBe(true);
    expect(isReplicaId('r-1')).toBe(false);
    expect(parseRevision(formatRevision({ wall: 1, counter: 0, replica: id }))?.replica).toBe(id);
  });
});
