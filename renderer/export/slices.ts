// Runs long synchronous work — an exporter's generator — a slice at a time, handing the main
// thread back to the browser between slices, so a 20,000-item export never freezes the page.
// The exporters in shared/export yield after each record (or each document, each zip entry).

import { nextTask } from '../app/next-task';

/** Roughly how long one slice may run (ms): below a frame, so scrolling and typing stay smooth. */
export const SLICE_MS = 12;

/**
 * Steps `steps` to its end, a slice at a time, passing each yielded value to `onValue`; resolves
 * to its return value. Rejects with the signal's reason when cancelled (between slices).
 */
export async function drain<T, R>(
  steps: Iterator<T, R>,
  onValue: (value: T) => void = () => {},
  signal?: AbortSignal,
  sliceMs: number = SLICE_MS,
): Promise<R> {
  for (;;) {
    const started = performance.now();
    while (performance.now() - started < sliceMs) {
      const step = steps.next();
      if (step.done) return step.value;
      onValue(step.value);
    }
    await nextTask();
    signal?.throwIfAborted();
  }
}

/** The strings a generator yields, joined, built a slice at a time. */
export async function collectText(pieces: Iterator<string, unknown>, signal?: AbortSignal): Promise<string> {
  const parts: string[] = [];
  await drain(pieces, (piece) => parts.push(piece), signal);
  return parts.join('');
}
