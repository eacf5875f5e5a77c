// The "Export data…" button and its dialog. Its open state lives here, not in the screen that
// shows it, so opening and closing the dialog does not redraw a 20,000-row items table.
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ExportDataDialog, type ExportDataDialogProps } from './ExportDataDialog';

export function ExportDataButton({ items }: Pick<ExportDataDialogProps, 'items'>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        className="export-data-open"
        data-action="export-data"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('exportData')}
      </button>
      {open && <ExportDataDialog items={items} onClose={() => setOpen(false)} />}
    </>
  );
}
