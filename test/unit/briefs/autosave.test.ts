// Autosave of a brief: changes written after a pause, together; nothing written when nothing
// changed; writes in order; a failed write kept for the next try; leaving writes at once and
// keeps a journal that a later open takes back when the write did not land.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BriefSaver, briefJournal, type BriefPatch } from '../../../renderer/briefs/autosave';
import type { BriefRecord } from '../../../shared/model/types';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const record = (patch: Partial<BriefRecord> = {}): BriefRecord => ({
  id: 'b1',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
  rev: '2024-01-01T00:00:00.000Z',
  baseRev: null,
  title: 'T',
  content: 'c0',
  ...patch,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('localStorage', new MemoryStorage());
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('BriefSaver', () => {
  it('writes after the pause, once for several changes, and says when it is saved', async () => {
    const writes: BriefPatch[] = [];
    const saver = new BriefSaver('b1', 'c0', async (patch) => void writes.push(patch), 500);
    const states: string[] = [];
    saver.subscribe(() => states.push(saver.getState()));
    saver.change({ content: () => 'c1' });
    saver.change({ title: 'New' });
    saver.change({ content: () => 'c2' });
    expect(saver.getState()).toBe('saving');
    await vi.advanceTimersByTimeAsync(499);
    expect(writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([{ title: 'New', content: 'c2' }]);
    expect(saver.getState()).toBe('saved');
    expect(states).toEqual(['saving', 'saved']);
  });

  it('writes nothing when the content is what was saved', async () => {
    const write = vi.fn(async () => {});
    const saver = new BriefSaver('b1', 'c0', write);
    saver.change({ content: () => 'c0' });
    await saver.flush();
    expect(write).not.toHaveBeenCalled();
    expect(saver.getState()).toBe('saved');
  });

  it('keeps writes in order and a failed one for the next try', async () => {
    const order: string[] = [];
    let fail = true;
    const saver = new BriefSaver('b1', 'c0', async (patch) => {
      await new Promise((resolve) => setTimeout(resolve, patch.content === 'c1' ? 50 : 1));
      if (fail && patch.content === 'c1') throw new Error('disk full');
      order.push(patch.content ?? '');
    });
    saver.change({ content: () => 'c1' });
    const first = saver.flush();
    await vi.advanceTimersByTimeAsync(100);
    await first;
    expect(saver.getState()).toBe('failed');
    fail = false;
    await Promise.all([saver.flush(), vi.advanceTimersByTimeAsync(100)]);
    expect(order).toEqual(['c1']);
    expect(saver.getState()).toBe('saved');
  });

  it('leaving writes at once and keeps a journal until the write lands', async () => {
    let release: () => void = () => {};
    const saver = new BriefSaver('b1', 'c0', () => new Promise<void>((resolve) => (release = resolve)));
    saver.change({ content: () => 'c9' });
    saver.flushForUnload();
    expect(localStorage.getItem('dossier.brief-unsaved.b1')).toContain('c9');
    await vi.advanceTimersByTimeAsync(0);
    release();
    await saver.flush();
    expect(localStorage.getItem('dossier.brief-unsaved.b1')).toBeNull();
  });
});

describe('the unsaved-change journal', () => {
  it('gives back changes newer than the stored brief, once', () => {
    briefJournal.write('b1', { content: 'c9', title: 'T' }, Date.parse('2024-01-02T00:00:00Z'));
    expect(briefJournal.take(record())).toEqual({ content: 'c9' });
    expect(briefJournal.take(record())).toBeNull();
  });

  it('ignores a journal older than the stored brief (its write landed)', () => {
    briefJournal.write('b1', { content: 'c9' }, Date.parse('2023-12-31T00:00:00Z'));
    expect(briefJournal.take(record())).toBeNull();
  });
});
