// What the brief's blocks share: selecting one by a click (a quote, an item table, a timeline
// section); and for the data blocks (an item table, a timeline section) their frame: the
// toolbar with Refresh, Edit… and "as of", the arrow keys selecting the block (Enter then moves
// into its toolbar), keeping the editor's own key handling out of the block's controls, and
// storing a fresh snapshot of rows in the node.
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalEditable } from '@lexical/react/useLexicalEditable';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import {
  $getNodeByKey,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_ENTER_COMMAND,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { blockSnapshot } from '../../../shared/brief/item-rows';
import { useI18n } from '../../i18n/i18n';
import type { Language } from '../../i18n/strings';
import type { SnapshotBlockNode } from './block-node';

/** "as of" a refresh: the day and time in the analyst's language. */
export function formatAsOf(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A click on the block (not on its controls) selects it, as a click on an image would. */
export function useClickSelection(nodeKey: NodeKey, ref: RefObject<HTMLElement | null>): boolean {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);

  useEffect(
    () =>
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
    [editor, ref, clearSelection, setSelected],
  );

  return isSelected;
}

/**
 * A block of the brief as a selectable unit: a click on it (not on its controls) selects it,
 * as the arrow keys do; with it selected, Enter moves the focus to its first control. Keys
 * pressed in its controls (Enter on a button, typing in a field) are theirs, not the editor's.
 */
export function useBlockSelection(nodeKey: NodeKey, ref: RefObject<HTMLElement | null>): boolean {
  const [editor] = useLexicalComposerContext();
  const isSelected = useClickSelection(nodeKey, ref);

  useEffect(
    () =>
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
    [editor, nodeKey, ref, isSelected],
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

/**
 * A data block's refresh: reads its rows again for its query (or for `next`, a new query the
 * node then keeps) and stores them in the node as its snapshot, with the time.
 */
export function useSnapshotRefresh<Query, Row, Node extends SnapshotBlockNode<Row>>(
  nodeKey: NodeKey,
  query: Query,
  read: (query: Query) => Promise<readonly Row[]>,
  $isNode: (node: LexicalNode | null) => node is Node,
  $setQuery: (node: Node, query: Query) => void,
): (next?: Query) => Promise<void> {
  const [editor] = useLexicalComposerContext();
  return async (next: Query = query) => {
    const fresh = blockSnapshot(await read(next));
    const at = new Date().toISOString();
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (!$isNode(node)) return;
      if (next !== query) $setQuery(node, next);
      node.setSnapshot(fresh.rows, at, fresh.total);
    });
  };
}

/**
 * A data block's frame: its element (selectable), its toolbar, its content, the note said when
 * rows were left out (`more`), and its Edit… dialog while open.
 */
export function DataBlock(props: {
  nodeKey: NodeKey;
  className: string;
  data: Record<`data-${string}`, string | number>;
  label: ReactNode;
  refreshedAt: string;
  editLabel: string;
  refresh: () => Promise<void>;
  more: string | null;
  editDialog: (close: () => void) => ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const selected = useBlockSelection(props.nodeKey, ref);
  const { busy, error, run } = useRefresh();
  const [editing, setEditing] = useState(false);
  return (
    <div ref={ref} className={`brief-block ${props.className}${selected ? ' selected' : ''}`} {...props.data}>
      <BlockToolbar
        label={props.label}
        refreshedAt={props.refreshedAt}
        busy={busy}
        error={error}
        editLabel={props.editLabel}
        onRefresh={() => run(() => props.refresh())}
        onEdit={() => setEditing(true)}
      />
      {props.children}
      {props.more !== null && (
        <p className="muted brief-block-more" role="note">
          {props.more}
        </p>
      )}
      {editing && props.editDialog(() => setEditing(false))}
    </div>
  );
}
