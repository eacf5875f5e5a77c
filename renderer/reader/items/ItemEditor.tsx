// The item a highlight is tagged as, edited in place in the sidebar: each change is saved
// at once (text fields when left), and every field the item's kind asks for is shown.
import type { ItemKindDefinition, ItemRecord } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import type { ItemPatch } from '../../db/items';
import { useI18n } from '../../i18n/i18n';
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

  const untag = async () => {
    const removed = await repository.items.remove(item.id);
    if (removed) toast(t('untagged'), () => repository.items.restore(removed));
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
        <button type="button" className="link" data-action="untag" onClick={() => void untag()}>
          {t('untag')}
        </button>
      </div>
    </section>
  );
}
