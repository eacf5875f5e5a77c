import { useState } from 'react';
import { HIGHLIGHT_COLORS, type AnnotationRecord, type HighlightColor } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { useI18n } from '../i18n/i18n';
import { TrashIcon } from '../ui/icons';
import type { StringKey } from '../i18n/strings';
import { useToast } from '../ui/toasts';
import { NoteEditor } from './NoteEditor';

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

function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[,，、;；]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

function AnnotationCard(props: {
  annotation: AnnotationRecord;
  active: boolean;
  onSelect: () => void;
  /** Orphans only: start re-attaching this annotation to a passage the analyst selects. */
  onReattach?: () => void;
  reattaching?: boolean;
}) {
  const { annotation: a, active } = props;
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const [editing, setEditing] = useState(false);
  const [tags, setTags] = useState(a.tags.join(', '));

  const remove = async () => {
    const deleted = await repository.annotations.remove(a.id);
    if (deleted) toast(t('annotationDeleted'), () => repository.annotations.restore(deleted));
  };

  return (
    <li
      className={`annotation-card${active ? ' active' : ''}`}
      data-annotation-id={a.id}
      tabIndex={0}
      aria-current={active || undefined}
      onClick={props.onSelect}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') props.onSelect();
        if (e.key === 'Delete' || e.key === 'Backspace') void remove();
      }}
    >
      <blockquote className={`quote hl-border-${a.color}`} lang="zh">
        {a.target.quote.exact.length > 140 ? `${a.target.quote.exact.slice(0, 140)}…` : a.target.quote.exact}
      </blockquote>
      {props.onReattach && (
        <div className="orphan-row" onClick={(e) => e.stopPropagation()}>
          <span className="muted">{t('orphanHint')}</span>
          <button data-action="reattach" aria-pressed={props.reattaching} onClick={props.onReattach}>
            {t('reattach')}
          </button>
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
        <button
          className="link add-note"
          onClick={(e) => {
            e.stopPropagation();
            setEditing(true);
          }}
        >
          + {t('addNote')}
        </button>
      )}
      <div className="card-row" onClick={(e) => e.stopPropagation()}>
        <ColorPicker
          value={a.color}
          label={t('highlight')}
          onPick={(color) => void repository.annotations.update(a.id, { color })}
        />
        <input
          className="tags-input"
          aria-label={t('tags')}
          placeholder={t('tagsPlaceholder')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
          onBlur={() => void repository.annotations.update(a.id, { tags: parseTags(tags) })}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
        <button className="icon" aria-label={t('delete')} title={t('delete')} onClick={() => void remove()}>
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}

/** The document's annotations in reading order; orphans (passages no longer found) listed apart and kept. */
export function AnnotationSidebar(props: {
  annotations: AnnotationRecord[];
  activeId: string | null;
  onSelect: (id: string) => void;
  /** The orphan being re-attached, if any. */
  reattachId?: string | null;
  onReattach?: (id: string) => void;
}) {
  const { t } = useI18n();
  const placed = props.annotations
    .filter((a) => !a.orphaned)
    .sort((a, b) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end);
  const orphans = props.annotations.filter((a) => a.orphaned);
  const card = (a: AnnotationRecord) => (
    <AnnotationCard key={a.id} annotation={a} active={a.id === props.activeId} onSelect={() => props.onSelect(a.id)} />
  );
  return (
    <aside className="sidebar" aria-label={t('highlights')}>
      <h2>
        {t('highlights')} <span className="count">{placed.length}</span>
      </h2>
      {placed.length === 0 && <p className="muted">{t('noHighlights')}</p>}
      <ul className="annotation-list">{placed.map(card)}</ul>
      {orphans.length > 0 && (
        <>
          <h3>{t('orphans')}</h3>
          <ul className="annotation-list orphans">
            {orphans.map((a) => (
              <AnnotationCard
                key={a.id}
                annotation={a}
                active={a.id === props.activeId}
                onSelect={() => props.onSelect(a.id)}
                onReattach={props.onReattach && (() => props.onReattach!(a.id))}
                reattaching={a.id === props.reattachId}
              />
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
