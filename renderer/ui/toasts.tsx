import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Toast {
  id: number;
  message: string;
  /** An undo for what the message reports; the toast stays a while so there is time to click it. */
  undo?: () => void | Promise<void>;
  /** Another thing to do about it (e.g. open what was made); clicking it closes the toast. */
  action?: { label: string; run: () => void };
}

type Show = (message: string, undo?: Toast['undo'], action?: Toast['action']) => void;
const ToastContext = createContext<Show>(() => {});
export const useToast = () => useContext(ToastContext);

const TOAST_MS = 8000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((x) => x.id !== id)), []);
  const show = useCallback<Show>(
    (message, undo, action) => {
      const id = Date.now() + Math.random();
      setToasts((all) => [...all.slice(-2), { id, message, undo, action }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className="toast">
            <span>{toast.message}</span>
            {toast.action && (
              <button
                data-toast-action
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
              >
                {toast.action.label}
              </button>
            )}
            {toast.undo && (
              <button
                onClick={async () => {
                  dismiss(toast.id);
                  await toast.undo?.();
                }}
              >
                {t('undo')}
              </button>
            )}
            <button className="icon" aria-label={t('close')} onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
