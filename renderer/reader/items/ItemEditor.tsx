// The item a highlight is tagged as, edited in place in the sidebar: each change is saved
// at once (text fields when left), and every field the item's kind asks for is shown.
import { useState } from 'react';
import type { ItemKindDefinition, ItemRecord } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import type { ItemPatch } from '../../db/items';
import { useLive } from '../../db/live';
import { useI18n } from '../../i18n/i18n';
import { LinkPicker } from '../../links/LinkPicker';
import { linkCount } from '../../links/link-format';
import { showOnTimeline } from '../../timeline/timeline-query';
import { useToast } from '../../ui/toasts';
import { NoteEditor } from '../NoteEditor';
import {
  CategoryField,
  DeadlineField,
  Field,
  KindSelect,
  OwnersField,
  StatusField,
  TagsField,
  TargetsField,
} from './fields';
import { kindDefinition, kindLabel } from './kinds';

export function ItemEditor({ item, kinds }: { item: ItemRecord; kinds: readonly ItemKindDefinition[] }) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const kind = kindDefinition(kinds, item.kind);
  const shows = new Set(kind.fields);
  const update = (patch: ItemPatch) => void repository.items.update(item.id, patch);

  // Links: made from here with the picker; untagging asks whether they stay (on the highlight).
  const [linking, setLinking] = useState(false);
  const [confirmUntag, setConfirmUntag] = useState(false);
  const links = useLive(() => repository.links.count([{ kind: 'item', id: item.id }]), [repository, item.id]);

  const untag = async (keepLinks = false) => {
    setConfirmUntag(false);
    const removed = await repository.items.remove(item.id, { keepLinks });
    if (!removed) return;
    let message = t('untagged');
    if (removed.links.removed.length) {
      message = t('linksRemovedNote', { message, links: linkCount(removed.links.removed.length, t) });
    }
    if (removed.links.retargeted.length) {
      message = t('linksKeptNote', { message, links: linkCount(removed.links.retargeted.length, t) });
    }
    toast(message, () => repository.items.restore(removed));
  };

  return (
    <section className="item-editor" aria-label={t('itemEditor', { kind: kindLabel(kind, t) })} data-item-id={item.id}>
      <Field label={t('itemKind')}>
        <KindSelect value={item.kind} kinds={kinds} onChange={(next) => update({ kind: next.id })} />
      </Field>
      {shows.has('status') && (
        <StatusField
          status={item.status}
          history={item.statusHistory}
          onChange={(status) => void repository.items.setStatus([item.id], status)}
        />
      )}
      {shows.has('deadline') && (
        <DeadlineField
          deadline={item.deadline}
          milestones={item.milestones}
          onChange={(deadline) => update({ deadline })}
        />
      )}
      {shows.has('owners') && <OwnersField owners={item.owners} onChange={(owners) => update({ owners })} />}
      {shows.has('targets') && <TargetsField targets={item.targets} onChange={(targets) => update({ targets })} />}
      {shows.has('category') && <CategoryField value={item.category} onChange={(category) => update({ category })} />}
      {shows.has('tags') && <TagsField tags={item.tags} onChange={(tags) => update({ tags })} />}
      {shows.has('note') && (
        <Field label={t('note')}>
          <NoteEditor key={item.id} initial={item.note} onSave={(note, noteText) => update({ note, noteText })} />
        </Field>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="link-open"
          data-action="link-item"
          aria-haspopup="dialog"
          title={t('linkActionHint')}
          onClick={() => setLinking(true)}
        >
          {t('linkAction')}
        </button>
        <button
          type="button"
          data-action="show-on-timeline"
          disabled={!item.deadline}
          title={item.deadline ? undefined : t('showOnTimelineNoDeadline')}
          onClick={() => showOnTimeline(`item:${item.id}`)}
        >
          {t('showOnTimeline')}
        </button>
        <button
          type="button"
          className="link"
          data-action="untag"
          onClick={() => (links ? setConfirmUntag(true) : void untag())}
        >
          {t('untag')}
        </button>
      </div>
      {confirmUntag && (
        <div
          className="confirm-row"
          role="alertdialog"
          aria-label={t('untagLinksPrompt', { links: linkCount(links ?? 0, t) })}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setConfirmUntag(false);
          }}
        >
          <p>{t('untagLinksPrompt', { links: linkCount(links ?? 0, t) })}</p>
          <div className="form-actions">
            <button className="primary" data-action="untag-remove-links" autoFocus onClick={() => void untag(false)}>
              {t('untagRemoveLinks')}
            </button>
            <button data-action="untag-keep-links" onClick={() => void untag(true)}>
              {t('untagKeepLinks')}
            </button>
            <button onClick={() => setConfirmUntag(false)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {linking && (
        <LinkPicker
          self={{ kind: 'item', id: item.id }}
          also={item.annotationIds.map((id) => ({ kind: 'annotation' as const, id }))}
          selfLabel={item.title}
          onClose={() => setLinking(false)}
        />
      )}
    </section>
  );
}
