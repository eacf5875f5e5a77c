// "Export data…": the items view's items (those shown by its filters, or all) or the whole
// library, as CSV, iCalendar, Web Annotation JSON-LD or a REFI-QDA project. A modal dialog,
// keyboard-usable throughout (radio groups, Enter exports, Esc closes or cancels a running
// export). Where the file went is reported in a toast; a failure in the dialog, which stays
// open; a cancelled export or a closed save dialog saves nothing and says so.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { datedItemCount } from '../../shared/export/deadlines-ical';
import type { ItemRecord } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../ui/toasts';
import {
  DATA_EXPORT_FORMATS,
  NothingToExport,
  runDataExport,
  type DataExportFormat,
  type ExportStage,
} from './data-export';

export interface ExportDataDialogProps {
  /** From the items view: the rows its filters show, and all its items. Absent: the whole library. */
  items?: { shown: readonly ItemRecord[]; all: readonly ItemRecord[] };
  onClose: () => void;
}

type Counts = { documents: number; highlights: number; items: number; dated: number };

export function ExportDataDialog({ items, onClose }: ExportDataDialogProps) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const ids = { heading: useId(), status: useId() };
  const dialog = useRef<HTMLDialogElement | null>(null);
  const [format, setFormat] = useState<DataExportFormat>('csv');
  const filtered = !!items && items.shown.length !== items.all.length;
  const [which, setWhich] = useState<'shown' | 'all'>('shown');
  const [counts, setCounts] = useState<Counts | null>(null);
  const [stage, setStage] = useState<ExportStage | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const running = useRef<AbortController | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    // showModal focuses the first control; the format is the choice that matters most.
    el?.querySelector<HTMLInputElement>('input[name="export-format"]:checked')?.focus();
    return () => running.current?.abort();
  }, []);
  useEffect(() => {
    if (!items) void repository.exports.counts().then(setCounts);
  }, [items, repository]);

  const chosen = items ? (which === 'all' || !filtered ? items.all : items.shown) : null;
  const dated = useMemo(() => (chosen ? datedItemCount(chosen) : (counts?.dated ?? 0)), [chosen, counts]);
  const close = () => dialog.current?.close(); // its close event calls onClose

  const run = async (event: React.FormEvent) => {
    event.preventDefault();
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setMessage(null);
    try {
      const { built, result } = await runDataExport(
        repository,
        format,
        chosen ? { kind: 'items', items: chosen } : { kind: 'library' },
        { t, signal: controller.signal, onStage: setStage },
      );
      if (!result.saved) {
        setMessage({ text: t('exportDataNotSaved'), error: false });
        return;
      }
      const done = t('exported', { location: result.location ?? built.suggestedName });
      toast(built.skipped > 0 ? t('exportDataSkipped', { message: done, count: built.skipped }) : done);
      close();
    } catch (error) {
      if (controller.signal.aborted) setMessage({ text: t('exportDataCancelled'), error: false });
      else if (error instanceof NothingToExport) setMessage({ text: t(`exportNothing_${error.format}`), error: false });
      else
        setMessage({
          text: t('exportDataFailed', { message: error instanceof Error ? error.message : String(error) }),
          error: true,
        });
    } finally {
      running.current = null;
      setStage(null);
    }
  };

  const busy = stage !== null;
  return (
    <dialog
      ref={dialog}
      className="form-dialog export-data-dialog"
      aria-labelledby={ids.heading}
      aria-describedby={ids.status}
      onClose={onClose}
      onCancel={(event) => {
        // Esc while exporting stops the export (nothing is saved); the dialog stays for the message.
        if (running.current) {
          event.preventDefault();
          running.current.abort();
        }
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={(e) => void run(e)}>
        <h2 id={ids.heading}>{t('exportDataTitle')}</h2>
        {items ? (
          filtered ? (
            <fieldset className="export-scope" disabled={busy}>
              <legend>{t('exportDataWhich')}</legend>
              <label>
                <input
                  type="radio"
                  name="export-scope"
                  value="shown"
                  checked={which === 'shown'}
                  onChange={() => setWhich('shown')}
                />
                {t('exportDataShown', { count: items.shown.length.toLocaleString() })}
              </label>
              <label>
                <input
                  type="radio"
                  name="export-scope"
                  value="all"
                  checked={which === 'all'}
                  onChange={() => setWhich('all')}
                />
                {t('exportDataAllItems', { count: items.all.length.toLocaleString() })}
              </label>
            </fieldset>
          ) : (
            <p className="export-scope-note">{t('exportDataAllItems', { count: items.all.length.toLocaleString() })}</p>
          )
        ) : (
          <p className="export-scope-note">
            {counts
              ? t('exportDataLibrary', {
                  documents: counts.documents.toLocaleString(),
                  highlights: counts.highlights.toLocaleString(),
                  items: counts.items.toLocaleString(),
                })
              : '\u00a0'}
          </p>
        )}
        <fieldset className="export-formats" disabled={busy}>
          <legend>{t('exportDataFormat')}</legend>
          {DATA_EXPORT_FORMATS.map((f) => (
            <label key={f} className="export-format">
              <input
                type="radio"
                name="export-format"
                value={f}
                data-format={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              <span>
                <strong>{t(`exportFormat_${f}`)}</strong>
                <span className="muted">{t(`exportFormatHint_${f}`, { count: dated.toLocaleString() })}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p id={ids.status} className="export-status muted" role="status" aria-live="polite">
          {stage ? t(`exportStage_${stage}`) : message && !message.error ? message.text : '\u00a0'}
        </p>
        {message?.error && (
          <p className="banner error" role="alert">
            {message.text}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={() => (running.current ? running.current.abort() : close())}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" data-action="run-export" disabled={busy}>
            {t('exportDataRun')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
