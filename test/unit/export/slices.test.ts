// Building an export a slice at a time: every value, the generator's result, and cancelling
// between slices.
import { describe, expect, it } from 'vitest';
import { collectText, drain } from '../../../renderer/export/slices';

function* pieces(count: number, spinMs = 0): Generator<string, number> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + spinMs;
    while (performance.now() < until);
    yield `${i},`;
  }
  return count;
}

describe('drain', () => {
  it('passes every value on and resolves to the result', async () => {
    const seen: string[] = [];
    expect(await drain(pieces(1000), (v) => seen.push(v))).toBe(1000);
    expect(seen).toHaveLength(1000);
    expect(await collectText(pieces(3))).toBe('0,1,2,');
  });

  it('hands the thread back between slices, where a cancel stops it', async () => {
    const controller = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      controller.abort();
    }, 0);
    await expect(drain(pieces(200, 1), undefined, controller.signal, 5)).rejects.toThrow();
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
