import { useEffect, useMemo, useRef, useState } from 'react';
import { CHAIN_LINK_TYPES, linkSides, parseEndKey, type LinkEnd } from '../../shared/model/links';
import {
  HIGHLIGHT_COLORS,
  type AnnotationRecord,
  type HighlightColor,
  type ItemKindDefinition,
  type ItemRecord,
} from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import { useLinkDragAndDrop, LinkDragStatus } from '../links/drag-link';
import { LinkPicker } from '../links/LinkPicker';
import { linkCount } from '../links/link-format';
import { HistoryChain, LinksList, type LinkData } from '../links/LinksList';
import { AddToBriefButton } from '../briefs/AddToBrief';
import { TrashIcon } from '../ui/icons';
import type { StringKey } from '../i18n/strings';
import { useToast } from '../ui/toasts';
import { KindBadge } from './items/fields';
import { ItemEditor } from './items/ItemEditor';
import { kindDefinition, kindLabel } from './items/kinds';
import { TagButtons } from './items/TagButtons';
import { NoteEditor } from './NoteEditor';
import { parseTags } from './tags';

export function ColorPicker(props: { value?: HighlightColor; onPick: (color: HighlightColor) => void; label: string }) {
  const { t } = useI18n();
  return (
    <div className="color-picker" role="group" aria-label={props.label}>
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`swatch hl-${color}`}
          aria-pressed={props.value === color}
          aria-label={t(`color_${color}` as StringKey)}
          title={t(`color_${color}` as StringKey)}
          data-color={color}
          onClick={() => props.onPick(color)}
        />
      ))}
    </div>
  );
}

/** Tags a highlight as an item of this kind (or changes the kind of its item). */
export type TagHighlight = (
  annotation: AnnotationRecord,
  kind: ItemKindDefinition,
  item: ItemRecord | undefined,
) => void;

/** What a tagged highlight tracks, at a glance: kind, status, deadline (those its kind shows). */
function ItemSummary({ item, kind }: { item: ItemRecord; kind: ItemKindDefinition }) {
  const { t } = useI18n();
  return (
    <div className="item-summary">
      <KindBadge kind={kind} />
      {kind.fields.includes('status') && (
        <span className={`status-pill status-${item.status}`}>{t(`status_${item.status}` as StringKey)}</span>
      )}
      {item.deadline && kind.fields.includes('deadline') && (
        <span className="due" data-field="deadline" title={item.deadline.text}>
          {t('deadline')} {item.deadline.to}
        </span>
      )}
    </div>
  );
}

function AnnotationCard(props: {
  annotation: AnnotationRecord;
  item: ItemRecord | undefined;
  kinds: readonly ItemKindDefinition[];
  active: boolean;
  onSelect: () => void;
  onTag: TagHighlight;
  /** Orphans only: start re-attaching this annotation to a passage the analyst selects. */
  onReattach?: () => void;
  reattaching?: boolean;
  /** The links of the document's highlights and items (read once for the whole list). */
  linkData?: LinkData;
  /** Another card (or a highlight in the text) was dropped on this one: link them (the picker asks how). */
  onLinkDrop?: (from: LinkEnd, to: LinkEnd) => void;
}) {
  const { annotation: a, item, active } = props;
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const [editing, setEditing] = useState(false);
  const [tags, setTags] = useState(a.tags.join(', '));
  /** Deleting a tagged highlight asks first whether its item goes too. */
  const [confirming, setConfirming] = useState(false);
  const ref = useRef<HTMLLIElement>(null);
  const kind = item && kindDefinition(props.kinds, item.kind);
  // Links: the highlight's and its item's, from both sides.
  const [linking, setLinking] = useState(false);
  const [keepLinks, setKeepLinks] = useState(false);
  const ends: LinkEnd[] = item
    ? [
        { kind: 'annotation', id: a.id },
        { kind: 'item', id: item.id },
      ]
    : [{ kind: 'annotation', id: a.id }];
  const sides = linkSides(ends, props.linkData?.links ?? []);
  const hasHistory = sides.some((s) => CHAIN_LINK_TYPES.includes(s.link.type));
  // Dragged onto another card, it links as what its Link… button links: its item when tagged.
  const drag = useLinkDragAndDrop({
    ends: item
      ? [{ kind: 'item', id: item.id }, ...item.annotationIds.map((id) => ({ kind: 'annotation' as const, id }))]
      : ends,
    label: item ? item.title : a.target.quote.exact,
    onDrop: props.onLinkDrop,
  });

  useEffect(() => {
    if (active) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const remove = async (withItems = false, keep = keepLinks) => {
    setConfirming(false);
    const deleted = await repository.annotations.remove(a.id, { withItems, keepLinks: keep });
    if (!deleted) return;
    let message =
      deleted.items.length === 0
        ? t('annotationDeleted')
        : withItems
          ? t('highlightItemDeleted')
          : t('highlightDeletedItemKept');
    const removedLinks = deleted.links?.removed.length ?? 0;
    const keptLinks = deleted.links?.retargeted.length ?? 0;
    if (removedLinks) message = t('linksRemovedNote', { message, links: linkCount(removedLinks, t) });
    if (keptLinks) message = t('linksKeptNote', { message, links: linkCount(keptLinks, t) });
    toast(message, () => repository.annotations.restore(deleted));
  };
  // A tagged highlight asks whether its item goes too; one with links, whether they stay.
  const askRemove = () => (item || sides.length > 0 ? setConfirming(true) : void remove());

  return (
    <li
      ref={ref}
      className={`annotation-card${active ? ' active' : ''}${item ? ' tagged' : ''}${drag.state ? ` drop-${drag.state}` : ''}`}
      data-annotation-id={a.id}
      {...drag.handlers}
      data-kind={item?.kind}
      tabIndex={0}
      aria-current={active || undefined}
      onClick={props.onSelect}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') props.onSelect();
        if (e.key === 'Delete' || e.key === 'Backspace') askRemove();
      }}
    >
      {item && kind && <ItemSummary item={item} kind={kind} />}
      <blockquote className={`quote hl-border-${a.color}`} lang="zh">
        {a.target.quote.exact.length > 140 ? `${a.target.quote.exact.slice(0, 140)}…` : a.target.quote.exact}
      </blockquote>
      <LinksList ends={ends} data={props.linkData} documentId={a.documentId} />
      {active && hasHistory && <HistoryChain start={ends[ends.length - 1]!} />}
      {props.onReattach && (
        <div className="orphan-row" onClick={(e) => e.stopPropagation()}>
          <span className="muted">{t('orphanHint')}</span>
          <button data-action="reattach" aria-pressed={props.reattaching} onClick={props.onReattach}>
            {t('reattach')}
          </button>
        </div>
      )}
      {item && active && (
        <div onClick={(e) => e.stopPropagation()}>
          <ItemEditor item={item} kinds={props.kinds} />
        </div>
      )}
      {editing || a.note ? (
        <div onClick={(e) => e.stopPropagation()}>
          <NoteEditor
            initial={a.note}
            autoFocus={editing}
            onSave={(note, noteText) => void repository.annotations.update(a.id, { note, noteText })}
          />
        </div>
      ) : (
        // A tagged highlight's note is its item's.
        !item && (
          <button
            className="link add-note"
            onClick={(e) => {
              e.stopPropagation();
              setEditing(true);
            }}
          >
            + {t('addNote')}
          </button>
        )
      )}
      <div className="card-row" onClick={(e) => e.stopPropagation()}>
        <ColorPicker
          value={a.color}
          label={t('highlight')}
          onPick={(color) => void repository.annotations.update(a.id, { color })}
        />
        {(!item || a.tags.length > 0) && (
          <input
            className="tags-input"
            aria-label={t('tags')}
            placeholder={t('tagsPlaceholder')}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            onBlur={() => void repository.annotations.update(a.id, { tags: parseTags(tags) })}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        )}
        {!item && (
          <button
            type="button"
            className="link-open"
            data-action="link"
            aria-haspopup="dialog"
            title={t('linkActionHint')}
            onClick={() => setLinking(true)}
          >
            {t('linkAction')}
          </button>
        )}
        <AddToBriefButton annotationId={a.id} />
        <button
          className="icon delete"
          aria-label={t('delete')}
          title={t('delete')}
          data-action="delete-highlight"
          onClick={askRemove}
        >
          <TrashIcon />
        </button>
      </div>
      {linking && (
        <LinkPicker
          self={{ kind: 'annotation', id: a.id }}
          selfLabel={a.target.quote.exact}
          onClose={() => setLinking(false)}
        />
      )}
      {!item && active && (
        <div onClick={(e) => e.stopPropagation()}>
          <TagButtons kinds={props.kinds} allowNew onTag={(k) => props.onTag(a, k, undefined)} />
        </div>
      )}
      {confirming && !item && (
        <div
          className="confirm-row"
          role="alertdialog"
          aria-label={t('deleteLinksPrompt', { links: linkCount(sides.length, t) })}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setConfirming(false);
            ref.current?.focus();
          }}
        >
          <p>{t('deleteLinksPrompt', { links: linkCount(sides.length, t) })}</p>
          <div className="form-actions">
            <button
              className="primary"
              data-action="delete-remove-links"
              autoFocus
              onClick={() => void remove(false, false)}
            >
              {t('deleteRemoveLinks')}
            </button>
            <button data-action="delete-keep-links" onClick={() => void remove(false, true)}>
              {t('deleteKeepLinks')}
            </button>
            <button
              onClick={() => {
                setConfirming(false);
                ref.current?.focus();
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {confirming && kind && (
        <div
          className="confirm-row"
          role="alertdialog"
          aria-label={t('deleteItemPrompt', { kind: kindLabel(kind, t) })}
          onClick={(e) => e.stopPropagation()}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setConfirming(false);
            ref.current?.focus();
          }}
        >
          <p>{t('deleteItemPrompt', { kind: kindLabel(kind, t) })}</p>
          {sides.length > 0 && (
            <label className="keep-links">
              <input type="checkbox" checked={keepLinks} onChange={(e) => setKeepLinks(e.target.checked)} />
              {t('keepLinksOption', { links: linkCount(sides.length, t) })}
            </label>
          )}
          <div className="form-actions">
            <button className="primary" data-action="delete-both" autoFocus onClick={() => void remove(true)}>
              {t('deleteBoth')}
            </button>
            <button data-action="keep-item" onClick={() => void remove(false)}>
              {t('keepItem')}
            </button>
            <button
              onClick={() => {
                setConfirming(false);
                ref.current?.focus();
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The document's annotations in reading order; orphans (passages no longer found) listed apart and kept. */
export function AnnotationSidebar(props: {
  annotations: AnnotationRecord[];
  items: ItemRecord[];
  kinds: readonly ItemKindDefinition[];
  activeId: string | null;
  onSelect: (id: string) => void;
  onTag: TagHighlight;
  /** The orphan being re-attached, if any. */
  reattachId?: string | null;
  onReattach?: (id: string) => void;
  /** A card was dropped on another card: open the link picker with both ends. */
  onLinkDrop?: (from: LinkEnd, to: LinkEnd) => void;
}) {
  const { t } = useI18n();
  const repository = useRepository();
  const itemOf = new Map<string, ItemRecord>();
  for (const item of props.items) for (const id of item.annotationIds) if (!itemOf.has(id)) itemOf.set(id, item);
  // The links of every highlight and item of the document, in one live query.
  const endsKey = [
    ...props.annotations.map((a) => `annotation:${a.id}`),
    ...props.items.map((i) => `item:${i.id}`),
  ].join(' ');
  const ends = useMemo(() => (endsKey ? endsKey.split(' ').map(parseEndKey) : []), [endsKey]);
  const linkData = useLive(() => repository.links.around(ends), [repository, ends]);
  const placed = props.annotations
    .filter((a) => !a.orphaned)
    .sort((a, b) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end);
  const orphans = props.annotations.filter((a) => a.orphaned);
  const card = (a: AnnotationRecord, orphan = false) => (
    <AnnotationCard
      key={a.id}
      annotation={a}
      item={itemOf.get(a.id)}
      kinds={props.kinds}
      active={a.id === props.activeId}
      onSelect={() => props.onSelect(a.id)}
      onTag={props.onTag}
      onReattach={orphan && props.onReattach ? () => props.onReattach!(a.id) : undefined}
      reattaching={orphan && a.id === props.reattachId}
      linkData={linkData}
      onLinkDrop={props.onLinkDrop}
    />
  );
  return (
    <aside className="sidebar" aria-label={t('highlights')}>
      <h2>
        {t('highlights')} <span className="count">{placed.length}</span>
      </h2>
      {placed.length === 0 && <p className="muted">{t('noHighlights')}</p>}
      <LinkDragStatus />
      <ul className="annotation-list">{placed.map((a) => card(a))}</ul>
      {orphans.length > 0 && (
        <>
          <h3>{t('orphans')}</h3>
          <ul className="annotation-list orphans">{orphans.map((a) => card(a, true))}</ul>
        </>
      )}
    </aside>
  );
}
