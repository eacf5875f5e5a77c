// "Tag as": one button per item kind (with its Alt shortcut), and optionally a kind of the
// analyst's own, named on the spot.
import { useRef, useState } from 'react';
import type { ItemKindDefinition } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import { useI18n } from '../../i18n/i18n';
import { kindLabel, newKindDefinition, shortcutLabel } from './kinds';

export function TagButtons(props: {
  kinds: readonly ItemKindDefinition[];
  onTag: (kind: ItemKindDefinition) => void;
  /** Offer "New kind…" (the sidebar; the selection toolbar stays small). */
  allowNew?: boolean;
}) {
  const { t } = useI18n();
  const repository = useRepository();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  // The box closes once (Enter, Escape or leaving it); a blur as it goes must not create a second kind.
  const closed = useRef(false);

  const create = async () => {
    if (closed.current) return;
    closed.current = true;
    setNaming(false);
    setName('');
    if (!name.trim()) return;
    const kinds = await repository.itemKinds.list();
    const kind = newKindDefinition(name, kinds);
    await repository.itemKinds.save([...kinds, kind]);
    props.onTag(kind);
  };

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
      {props.allowNew &&
        (naming ? (
          <input
            className="new-kind"
            autoFocus
            aria-label={t('newKindName')}
            placeholder={t('newKindName')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => void create()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void create();
              if (e.key === 'Escape') {
                e.stopPropagation();
                closed.current = true;
                setNaming(false);
              }
            }}
          />
        ) : (
          <button
            type="button"
            className="link"
            onClick={() => {
              closed.current = false;
              setNaming(true);
            }}
          >
            {t('newKind')}
          </button>
        ))}
    </div>
  );
}
