// The editor's Export menu: Word, PDF, Markdown, HTML. Each export says where it went (or why it
// could not be made) in a toast.
import { useEffect, useId, useRef, useState } from 'react';
import { useRepository } from '../app/repository-context';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { useToast } from '../ui/toasts';
import { BRIEF_EXPORT_FORMATS, exportBrief, type BriefExportFormat, type BriefToExport } from './export-brief';

const LABEL: Record<BriefExportFormat, StringKey> = {
  docx: 'briefExportDocx',
  pdf: 'briefExportPdf',
  md: 'briefExportMarkdown',
  html: 'briefExportHtml',
};

/** Whether a brief's content has anything in it (a root with children that are not all empty paragraphs). */
function hasContent(content: string): boolean {
  const root = (JSON.parse(content) as { root?: { children?: { type: string; children?: unknown[] }[] } }).root;
  return (root?.children ?? []).some((node) => node.type !== 'paragraph' || (node.children?.length ?? 0) > 0);
}

/** The app's Export command (Ctrl/⌘+E, File → Export) on a brief: opens the open brief's Export menu. */
const OPEN_EXPORT_MENU = 'dossier:brief-export-menu';
export function openBriefExportMenu(): void {
  window.dispatchEvent(new Event(OPEN_EXPORT_MENU));
}

export function ExportMenu({ current }: { current: () => Promise<BriefToExport> }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const onCommand = () => setOpen(true);
    window.addEventListener(OPEN_EXPORT_MENU, onCommand);
    return () => window.removeEventListener(OPEN_EXPORT_MENU, onCommand);
  }, []);

  // Open: the first format takes focus; a click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const run = async (format: BriefExportFormat) => {
    setOpen(false);
    setBusy(true);
    try {
      const brief = await current();
      if (!hasContent(brief.content)) return toast(t('briefExportEmpty'));
      const outcome = await exportBrief(repository, brief, format, language);
      if (outcome && 'printDialog' in outcome) toast(t('briefPrintDialog'));
      else if (outcome) toast(t('briefExported', { location: outcome.location }));
    } catch (error) {
      toast(t('briefExportFailed', { reason: (error as Error).message }));
    } finally {
      setBusy(false);
      button.current?.focus();
    }
  };

  const onMenuKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(at + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };

  return (
    <div className="brief-export">
      <button
        ref={button}
        type="button"
        className="tool tool-text"
        data-action="export-menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        disabled={busy}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setOpen((o) => !o)}
      >
        {busy ? t('briefExporting') : t('export')}
      </button>
      {open && (
        <div
          ref={menu}
          id={id}
          className="brief-export-menu"
          role="menu"
          aria-label={t('export')}
          onKeyDown={onMenuKey}
        >
          {BRIEF_EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              tabIndex={-1}
              data-export={format}
              onClick={() => void run(format)}
            >
              {t(LABEL[format])}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
