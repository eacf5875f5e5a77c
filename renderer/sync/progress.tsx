// Progress of a bundle's export or import, as the dialogs show it: what is happening and a bar
// (indeterminate while a step has no count yet), and a way to stop waiting for a step that
// cannot itself be interrupted (a worker reading a big file).
import type { SyncProgress } from '../db/sync-api';
import { useI18n } from '../i18n/i18n';

/** A step of sync storage, or the dialog's own last one (saving the file). */
export type Step = SyncProgress | { phase: 'saving' };

export function ProgressLine({ step }: { step: Step }) {
  const { t } = useI18n();
  const counted = 'total' in step && step.total > 1;
  return (
    <span className="bundle-progress" data-phase={step.phase}>
      <span>{t(`bundlePhase_${step.phase}`)}</span>
      {counted ? (
        <>
          <progress max={step.total} value={step.done} />
          <span className="muted">
            {step.done.toLocaleString()} / {step.total.toLocaleString()}
          </span>
        </>
      ) : (
        <progress />
      )}
    </span>
  );
}

/** `work`, or an AbortError as soon as `signal` aborts (the work itself may go on, its result unused). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('Cancelled', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('Cancelled', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
