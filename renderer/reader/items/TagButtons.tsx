// "Tag as": one button per item kind (with its Alt shortcut), and optionally "New kind…",
// which opens the item kinds dialog with a new kind started and tags with it once saved.
import type { ItemKindDefinition } from '../../../shared/model/types';
import { useI18n } from '../../i18n/i18n';
import { useOpenItemKinds } from '../../settings/item-kinds-context';
import { kindLabel, shortcutLabel } from './kinds';

export function TagButtons(props: {
  kinds: readonly ItemKindDefinition[];
  onTag: (kind: ItemKindDefinition) => void;
  /** Offer "New kind…" (the sidebar; the selection toolbar stays small). */
  allowNew?: boolean;
}) {
  const { t } = useI18n();
  const openKinds = useOpenItemKinds();

  return (
    <div className="tag-buttons" role="group" aria-label={t('tagAs')}>
      {props.kinds.map((kind) => {
        const label = kindLabel(kind, t);
        const shortcut = shortcutLabel(kind);
        return (
          <button
            key={kind.id}
            type="button"
            className={`tag-button ink-${kind.color}`}
            data-kind={kind.id}
            aria-label={t('tagAsKind', { kind: label })}
            aria-keyshortcuts={shortcut ?? undefined}
            title={shortcut ? `${t('tagAsKind', { kind: label })} (${shortcut})` : t('tagAsKind', { kind: label })}
            onClick={() => props.onTag(kind)}
          >
            <span className="kind-dot" aria-hidden />
            {label}
          </button>
        );
      })}
      {props.allowNew && openKinds && (
        <button
          type="button"
          className="link"
          data-action="new-kind"
          onClick={() => openKinds({ startNew: true, onSaved: (kind) => kind && props.onTag(kind) })}
        >
          {t('newKind')}
        </button>
      )}
    </div>
  );
}
