// Drag to link in the reader: a highlight card dropped on another card (AnnotationSidebar) or
// on a highlight in the text opens the link picker with both ends chosen, the dragged record as
// `from`. A highlight tagged as an item links as its item, as its Link… button does. A drop on
// the record itself is refused (the drop targets show it while dragging), and nothing is linked
// until the analyst confirms in the picker.
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { sameRecord, type LinkEnd } from '../../shared/model/links';
import type { AnnotationRecord, ItemRecord } from '../../shared/model/types';
import { useI18n } from '../i18n/i18n';
import { carriesLinkEnd, droppedEnd, refusesDrop, setDropOver, stopLinkDrag, useDragged } from '../links/drag-link';
import { LinkPicker } from '../links/LinkPicker';
import { useToast } from '../ui/toasts';

interface Described {
  end: LinkEnd;
  label: string;
  /** What stands for the same record (an item's highlights). */
  also: LinkEnd[];
}

/** The highlight a point of the text is in (the top one where highlights overlap), if any. */
const markAt = (target: EventTarget | null): string | undefined =>
  (target as Element | null)?.closest?.<HTMLElement>('mark[data-ids]')?.dataset.ids?.split(' ').pop();

export function useReaderLinkDrop(props: {
  annotations: readonly AnnotationRecord[] | undefined;
  items: readonly ItemRecord[] | undefined;
  articleRef: RefObject<HTMLElement | null>;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const { annotations, items, articleRef } = props;
  const [pair, setPair] = useState<{ from: LinkEnd; to: LinkEnd } | null>(null);

  const describe = useMemo(() => {
    const annotationById = new Map((annotations ?? []).map((a) => [a.id, a]));
    const itemById = new Map((items ?? []).map((i) => [i.id, i]));
    const itemOf = new Map<string, ItemRecord>();
    for (const item of items ?? []) for (const id of item.annotationIds) if (!itemOf.has(id)) itemOf.set(id, item);
    const ofItem = (item: ItemRecord): Described => ({
      end: { kind: 'item', id: item.id },
      label: item.title,
      also: item.annotationIds.map((id) => ({ kind: 'annotation', id })),
    });
    return (end: LinkEnd): Described | null => {
      if (end.kind === 'item') {
        const item = itemById.get(end.id);
        return item ? ofItem(item) : null;
      }
      if (end.kind !== 'annotation') return null;
      const item = itemOf.get(end.id);
      if (item) return ofItem(item);
      const annotation = annotationById.get(end.id);
      return annotation ? { end, label: annotation.target.quote.exact, also: [] } : null;
    };
  }, [annotations, items]);

  /** A drop of `from` on `to` (both of this document): the picker, or a refusal. */
  const onLinkDrop = useCallback(
    (from: LinkEnd, to: LinkEnd) => {
      const a = describe(from);
      const b = describe(to);
      if (!a || !b) return;
      if (sameRecord([a.end, ...a.also], [b.end, ...b.also])) return toast(t('linkProblem_self'));
      setPair({ from: a.end, to: b.end });
    },
    [describe, toast, t],
  );

  // Highlights in the text as drop targets: outlined (classes set on their marks, not a render
  // of the whole text) while a card is dragged over them.
  const outlined = useRef<string | null>(null);
  const outline = useCallback(
    (id: string | null, refused = false) => {
      const article = articleRef.current;
      const marks = (of: string) => article?.querySelectorAll(`mark[data-ids~="${CSS.escape(of)}"]`) ?? [];
      if (outlined.current) for (const m of marks(outlined.current)) m.classList.remove('drop-over', 'drop-refused');
      outlined.current = id;
      if (id) for (const m of marks(id)) m.classList.add(refused ? 'drop-refused' : 'drop-over');
    },
    [articleRef],
  );
  const dragged = useDragged();
  useEffect(() => {
    if (!dragged) outline(null);
  }, [dragged, outline]);

  const textHandlers = {
    onDragOver: (e: React.DragEvent<HTMLElement>) => {
      if (!carriesLinkEnd(e.dataTransfer)) return;
      const id = markAt(e.target);
      const target = id ? describe({ kind: 'annotation', id }) : null;
      const refused = target ? refusesDrop([target.end, ...target.also]) : false;
      if (id !== outlined.current) {
        outline(target ? id! : null, refused);
        setDropOver(target ? { label: target.label, refused } : null);
      }
      if (!target || refused) {
        e.dataTransfer.dropEffect = 'none';
        return;
      }
      e.preventDefault();
      e.dataTransfer.dropEffect = 'link';
    },
    onDragLeave: (e: React.DragEvent<HTMLElement>) => {
      if (!carriesLinkEnd(e.dataTransfer) || e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      outline(null);
      setDropOver(null);
    },
    onDrop: (e: React.DragEvent<HTMLElement>) => {
      if (!carriesLinkEnd(e.dataTransfer)) return;
      const id = markAt(e.target);
      outline(null);
      if (!id) return;
      e.preventDefault();
      const from = droppedEnd(e.dataTransfer);
      stopLinkDrag();
      if (from) onLinkDrop(from, { kind: 'annotation', id });
    },
  };

  const from = pair ? describe(pair.from) : null;
  const picker =
    pair && from ? (
      <LinkPicker
        self={from.end}
        also={from.also}
        selfLabel={from.label}
        other={pair.to}
        onClose={() => setPair(null)}
      />
    ) : null;

  return { onLinkDrop, textHandlers, picker };
}
