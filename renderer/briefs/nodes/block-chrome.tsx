// What the brief's data blocks (an item table, a timeline section) share: the toolbar with
// Refresh, Edit… and "as of", selecting the block by click or the arrow keys (Enter then moves
// into its toolbar), and keeping the editor's own key handling out of the block's controls.
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import {
  $getNodeByKey,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
  mergeRegister,
  type NodeKey,
} from 'lexical';
import { useI18n } from '../../i18n/i18n';
import type { Language } from '../../i18n/strings';

/** "as of" a refresh: the day and time in the analyst's language. */
export function formatAsOf(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/**
 * A block of the brief as a selectable unit: a click on it (not on its controls) selects it,
 * as the arrow keys do; with it selected, Enter moves the focus to its first control. Keys
 * pressed in its controls (Enter on a button, typing in a field) are theirs, not the editor's.
 */
export function useBlockSelection(nodeKey: NodeKey, ref: RefObject<HTMLElement | null>): boolean {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          CLICK_COMMAND,
          (event: MouseEvent) => {
            const target = event.target as HTMLElement | null;
            if (!target || !ref.current?.contains(target) || target.closest('button, a, input, select')) return false;
            if (!event.shiftKey) clearSelection();
            setSelected(true);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_ENTER_COMMAND,
          (event) => {
            if (!isSelected || !$getNodeByKey(nodeKey)) return false;
            const control = ref.current?.querySelector<HTMLElement>('button:not(:disabled)');
            if (!control) return false;
            event?.preventDefault();
            control.focus();
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, nodeKey, ref, isSelected, clearSelection, setSelected],
  );

  // Lexical listens for keys on the editor's root, which holds the block: a key pressed in
  // one of the block's controls stops at the block (Enter activates the button, Escape leaves it).
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (!target?.closest('button, a, input, select, textarea')) return;
      if (event.key === 'Escape') {
        target.blur();
        editor.focus();
      }
      event.stopPropagation();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [editor, ref]);

  return isSelected;
}

/** Runs a refresh (or an edit and its refresh), saying so meanwhile and telling what failed. */
export function useRefresh(): {
  busy: boolean;
  error: string | null;
  run: (task: () => Promise<void>) => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const run = useCallback((task: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    task()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => {
        running.current = false;
        setBusy(false);
      });
  }, []);
  return { busy, error, run };
}

/** The block's toolbar: what it shows, Refresh, Edit…, and when it was last refreshed. Hidden in print. */
export function BlockToolbar(props: {
  label: ReactNode;
  refreshedAt: string;
  busy: boolean;
  error: string | null;
  editLabel: string;
  onRefresh: () => void;
  onEdit: () => void;
}) {
  const { t, language } = useI18n();
  const editable = useLexicalEditable();
  return (
    <div className="brief-block-bar">
      <span className="brief-block-label">{props.label}</span>
      <span className="brief-block-asof" data-refreshed-at={props.refreshedAt}>
        {props.refreshedAt ? t('briefBlockAsOf', { time: formatAsOf(props.refreshedAt, language) }) : ''}
      </span>
      {editable && (
        <span className="brief-block-actions">
          <button type="button" data-action="refresh-block" disabled={props.busy} onClick={props.onRefresh}>
            {props.busy ? t('briefBlockRefreshing') : t('briefBlockRefresh')}
          </button>
          <button
            type="button"
            data-action="edit-block"
            aria-haspopup="dialog"
            disabled={props.busy}
            onClick={props.onEdit}
          >
            {props.editLabel}
          </button>
        </span>
      )}
      {props.error && (
        <span className="brief-block-error" role="alert">
          {t('briefBlockFailed', { error: props.error })}
        </span>
      )}
    </div>
  );
}
