// Drag to link (README item 8). In the reader a highlight card is dragged with HTML5 drag and
// drop, carrying the record it stands for as LINK_END_MIME ({kind, id}); dropping it on another
// highlight card, or on a highlight in the text, opens the link picker with both ends chosen —
// nothing is linked until the analyst confirms there. On the timeline an entry is Alt+dragged
// (pointer events: a plain drag pans) and reports here too. This module keeps what is being
// dragged (a drop target cannot read the drag's data before the drop, so it refuses a drop on
// the dragged record itself from this), the drop targets' state, and a live region that says
// what a drop would do.
import { useRef, useState, useSyncExternalStore } from 'react';
import { linkEndFromJson, sameRecord, type LinkEnd } from '../../shared/model/links';
import { useI18n } from '../i18n/i18n';
import { shortLabel } from './link-format';

export const LINK_END_MIME = 'application/x-dossier-link-end';

export interface DraggedEnd {
  /** The record a drop links from. */
  end: LinkEnd;
  /** Records that stand for the same thing (an item's highlights): dropping on them is a self-link. */
  also: readonly LinkEnd[];
  label: string;
}

/** Where a drag is over, as the live region says it. */
export interface DropOver {
  label: string;
  refused: boolean;
}

interface LinkDragState {
  dragged: DraggedEnd | null;
  over: DropOver | null;
}

let state: LinkDragState = { dragged: null, over: null };
const listeners = new Set<() => void>();
function set(next: Partial<LinkDragState>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const snapshot = () => state;

/** Starts a drag (a card's dragstart, a timeline entry's Alt+drag). */
export function startLinkDrag(dragged: DraggedEnd, dataTransfer?: DataTransfer): void {
  if (dataTransfer) {
    dataTransfer.setData(LINK_END_MIME, JSON.stringify({ kind: dragged.end.kind, id: dragged.end.id }));
    dataTransfer.effectAllowed = 'link';
  }
  set({ dragged, over: null });
}

/** Ends it (dragend, a drop, Escape). */
export function stopLinkDrag(): void {
  if (state.dragged || state.over) set({ dragged: null, over: null });
}

/** Says where the drag is (null: over nothing that takes it). */
export function setDropOver(over: DropOver | null): void {
  const now = state.over;
  if (now === over || (now && over && now.label === over.label && now.refused === over.refused)) return;
  set({ over });
}

export const useLinkDrag = (): LinkDragState => useSyncExternalStore(subscribe, snapshot);
/** What is being dragged (a card re-renders when a drag starts or ends, not as it moves). */
export const useDragged = (): DraggedEnd | null => useSyncExternalStore(subscribe, () => state.dragged);

export const carriesLinkEnd = (dataTransfer: DataTransfer | null): boolean =>
  dataTransfer !== null && Array.from(dataTransfer.types).includes(LINK_END_MIME);

/** The end a drop carries, or null. */
export const droppedEnd = (dataTransfer: DataTransfer): LinkEnd | null =>
  linkEndFromJson(dataTransfer.getData(LINK_END_MIME));

/** Whether dropping what is dragged now on `target` would link a record to itself. */
export function refusesDrop(target: readonly LinkEnd[], dragged: DraggedEnd | null = state.dragged): boolean {
  return dragged !== null && sameRecord([dragged.end, ...dragged.also], target);
}

/** Pointer-downs inside these never start a card's drag (text fields, the note editor, dialogs). */
const NOT_A_HANDLE = 'input, textarea, select, [contenteditable="true"], dialog, .link-edit, .confirm-row';

/** A card while a link is dragged: the one dragged (or one standing for it), over it, or ready to take it. */
export type DropState = 'source' | 'refused' | 'over' | 'ready' | null;

/**
 * A highlight card as a drag source and a drop target. `ends` are the records the card stands
 * for (its highlight, and its item first when tagged); `onDrop` gets the dropped end, never the
 * card's own record.
 */
export function useLinkDragAndDrop(props: {
  ends: readonly LinkEnd[];
  label: string;
  onDrop?: (from: LinkEnd, to: LinkEnd) => void;
}) {
  const { t } = useI18n();
  const dragged = useDragged();
  // The drag the pointer is over this card in (so a drag that ended over it leaves nothing behind).
  const [overIn, setOverIn] = useState<DraggedEnd | null>(null);
  const over = dragged !== null && overIn === dragged;
  const depth = useRef(0);
  const [own, ...also] = props.ends;
  const refused = refusesDrop(props.ends, dragged);
  const accepts = props.onDrop !== undefined && own !== undefined;

  const leave = () => {
    depth.current = 0;
    setOverIn(null);
    setDropOver(null);
  };

  const source = {
    draggable: own !== undefined,
    'aria-description': t('linkDragHint'),
    // A drag starts from the card itself, not from its text fields or an open dialog.
    onPointerDownCapture: (e: React.PointerEvent<HTMLElement>) => {
      e.currentTarget.draggable = !(e.target as HTMLElement).closest(NOT_A_HANDLE);
    },
    onDragStart: (e: React.DragEvent<HTMLElement>) => {
      if (!own || e.target !== e.currentTarget) return;
      startLinkDrag({ end: own, also, label: props.label }, e.dataTransfer);
    },
    onDragEnd: () => stopLinkDrag(),
  };
  if (!accepts) return { state: null as DropState, handlers: source };

  const handlers = {
    ...source,
    onDragEnter: (e: React.DragEvent<HTMLElement>) => {
      if (!carriesLinkEnd(e.dataTransfer)) return;
      depth.current = over ? depth.current + 1 : 1;
      setOverIn(dragged);
      setDropOver({ label: props.label, refused });
      if (!refused) e.preventDefault();
    },
    onDragOver: (e: React.DragEvent<HTMLElement>) => {
      if (!carriesLinkEnd(e.dataTransfer)) return;
      if (refused) {
        e.dataTransfer.dropEffect = 'none';
        return;
      }
      e.preventDefault();
      e.dataTransfer.dropEffect = 'link';
    },
    onDragLeave: (e: React.DragEvent<HTMLElement>) => {
      if (!carriesLinkEnd(e.dataTransfer)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) leave();
    },
    onDrop: (e: React.DragEvent<HTMLElement>) => {
      if (!carriesLinkEnd(e.dataTransfer)) return;
      e.preventDefault();
      e.stopPropagation();
      leave();
      const from = droppedEnd(e.dataTransfer);
      stopLinkDrag();
      if (from && !sameRecord([from], props.ends)) props.onDrop!(from, own!);
    },
  };
  const dropState: DropState = !dragged ? null : refused ? (over ? 'refused' : 'source') : over ? 'over' : 'ready';
  return { state: dropState, handlers };
}

/** Says, for screen readers, what is being dragged and what a drop there would do. */
export function LinkDragStatus() {
  const { t } = useI18n();
  const { dragged, over } = useLinkDrag();
  const from = dragged ? shortLabel(dragged.label, 40) : '';
  const message = !dragged
    ? ''
    : over === null
      ? t('linkDragStart', { title: from })
      : over.refused
        ? t('linkDropSelf', { title: from })
        : t('linkDropOver', { from, to: shortLabel(over.label, 40) });
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-link-drag-status>
      {message}
    </p>
  );
}
