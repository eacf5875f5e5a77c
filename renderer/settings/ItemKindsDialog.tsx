// The item kinds dialog: the kinds passages are tagged as, with their names, colours, Alt
// shortcuts and the fields the item editor shows. Edits stay a draft until Save, which
// writes the kinds (and moves the items of a deleted kind) in one transaction; Cancel or
// Escape drops them. The rules are shared/model/item-kinds.ts.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  cleanKind,
  countsAfterMoves,
  isBuiltInKind,
  removeKind,
  resetBuiltInKinds,
  shortcutKey,
  shortcutProblem,
  validateKinds,
  withField,
  withMove,
  type KindProblem,
  type ShortcutProblem,
} from '../../shared/model/item-kinds';
import { HIGHLIGHT_COLORS, ITEM_FIELDS, type ItemKindDefinition } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { useLive } from '../db/live';
import { useI18n, type Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { kindLabel, newKindDefinition } from '../reader/items/kinds';
import { TrashIcon } from '../ui/icons';
import { useToast } from '../ui/toasts';

interface Draft {
  kinds: ItemKindDefinition[];
  /** Items to re-kind on Save: deleted kind id → the kind its items move to. */
  moves: Record<string, string>;
  /** The kind started on opening ("New kind…"), to tag with once saved. */
  startedId: string | null;
  /** The kinds as stored when the dialog opened (a kind added since is only dropped, not deleted). */
  storedIds: ReadonlySet<string>;
}

/** The name a kind shows under: its label, the translated name of a built-in kind, or "New kind". */
function nameOf(kind: ItemKindDefinition, t: Translate): string {
  if (kind.label.trim()) return kind.label.trim();
  return isBuiltInKind(kind.id) ? kindLabel({ ...kind, label: '' }, t) : t('kindsUnnamed');
}

/** Why a shortcut was refused, in words. */
function shortcutText(problem: ShortcutProblem, key: string, kinds: readonly ItemKindDefinition[], t: Translate) {
  const shown = key.toUpperCase();
  if (problem.code === 'shortcut-invalid') return t('kindProblem_shortcutInvalid');
  if (problem.code === 'shortcut-reserved') return t(`shortcutReserved_${problem.reason}` as StringKey, { key: shown });
  return t('kindProblem_shortcutTaken', { key: shown, kind: nameOf(kinds[problem.by]!, t) });
}

function problemText(problem: KindProblem, kinds: readonly ItemKindDefinition[], t: Translate): string {
  const kind = kinds[problem.index]!;
  switch (problem.code) {
    case 'label-empty':
      return t('kindProblem_labelEmpty');
    case 'label-duplicate':
      return t('kindProblem_labelDuplicate', { name: nameOf(kind, t) });
    case 'shortcut-invalid':
    case 'shortcut-reserved':
    case 'shortcut-taken':
      return shortcutText(problem, kind.shortcut ?? '', kinds, t);
    case 'id-empty':
    case 'id-duplicate':
      return t('kindProblem_id');
    case 'color-invalid':
      return t('kindProblem_color');
    case 'field-invalid':
      return t('kindProblem_fields');
  }
}

/** The letter or digit of a key press: from the physical key, so Alt (or another layout) does not change it. */
function pressedKey(event: React.KeyboardEvent): string | null {
  const code = /^Key([A-Z])$/.exec(event.code)?.[1] ?? /^Digit(\d)$/.exec(event.code)?.[1];
  if (code) return code.toLowerCase();
  return event.key.length === 1 ? event.key : null;
}

const rowSelector = (id: string) => `[data-kind-id="${CSS.escape(id)}"]`;

export function ItemKindsDialog(props: {
  startNew: boolean;
  /** Called once: with the saved kinds and the kind started on opening (if kept), or null on Cancel. */
  onClose: (result: { kinds: ItemKindDefinition[]; started: ItemKindDefinition | null } | null) => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const { startNew, onClose } = props;
  const [draft, setDraft] = useState<Draft | null>(null);
  const storedCounts = useLive(() => repository.items.kindCounts(), [repository]);
  const [deleting, setDeleting] = useState<{ id: string; to: string } | null>(null);
  /** Per kind: why the shortcut just typed was refused. */
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  /** After a Save attempt every problem shows; before it, a missing name only once its box was left. */
  const [checked, setChecked] = useState(false);
  const [leftLabels, setLeftLabels] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  /** What to focus once the next render is on screen (a selector inside the dialog). */
  const focusNext = useRef<string | null>(null);

  // Modal in the top layer: the page behind is inert; focus goes back to the opener on closing.
  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // The kinds as stored, once: the dialog edits a copy.
  useEffect(() => {
    let current = true;
    void repository.itemKinds.list().then((stored) => {
      if (!current) return;
      const kinds = stored.map((k) => ({ ...k, fields: [...k.fields] }));
      let startedId: string | null = null;
      if (startNew) {
        const kind = newKindDefinition('', kinds);
        kinds.push(kind);
        startedId = kind.id;
        focusNext.current = `${rowSelector(kind.id)} [data-field="label"]`;
      } else {
        focusNext.current = '[data-field="label"]';
      }
      setDraft({ kinds, moves: {}, startedId, storedIds: new Set(stored.map((k) => k.id)) });
    });
    return () => {
      current = false;
    };
  }, [repository, startNew]);

  useEffect(() => {
    if (!focusNext.current) return;
    const target = dialogRef.current?.querySelector<HTMLElement>(focusNext.current);
    if (!target) return;
    focusNext.current = null;
    (target.matches('input, select, button')
      ? target
      : target.querySelector<HTMLElement>('input, select, button')
    )?.focus();
  });

  const nameFor = (kind: ItemKindDefinition) => nameOf(kind, t);
  const problems = useMemo(
    () => (draft ? validateKinds(draft.kinds.map(cleanKind), (k) => nameOf(k, t)) : []),
    [draft, t],
  );
  const counts = useMemo(
    () => (storedCounts && draft ? countsAfterMoves(storedCounts, draft.moves) : null),
    [storedCounts, draft],
  );

  const close = (result: Parameters<typeof onClose>[0]) => onClose(result);

  const update = (id: string, patch: Partial<ItemKindDefinition>) =>
    setDraft((d) => d && { ...d, kinds: d.kinds.map((k) => (k.id === id ? { ...k, ...patch } : k)) });

  const setShortcut = (kind: ItemKindDefinition, typed: string | null) => {
    if (!draft) return;
    if (typed === null) {
      setRefused(({ [kind.id]: _, ...rest }) => rest);
      return update(kind.id, { shortcut: null });
    }
    const index = draft.kinds.findIndex((k) => k.id === kind.id);
    const problem = shortcutProblem(draft.kinds, index, typed);
    if (problem) {
      setRefused((r) => ({ ...r, [kind.id]: shortcutText(problem, typed, draft.kinds, t) }));
      return;
    }
    setRefused(({ [kind.id]: _, ...rest }) => rest);
    update(kind.id, { shortcut: shortcutKey(typed) });
  };

  const add = () => {
    if (!draft) return;
    const kind = newKindDefinition('', draft.kinds);
    setDraft({ ...draft, kinds: [...draft.kinds, kind] });
    setStatus(t('kindsAdded'));
    focusNext.current = `${rowSelector(kind.id)} [data-field="label"]`;
  };

  const reset = () => {
    if (!draft) return;
    const { kinds, cleared } = resetBuiltInKinds(draft.kinds);
    setDraft({ ...draft, kinds });
    setRefused({});
    const names = cleared.map((id) => `“${nameFor(kinds.find((k) => k.id === id)!)}”`).join(', ');
    setStatus([t('kindsResetDone'), cleared.length ? t('kindsResetCleared', { kinds: names }) : ''].join(' ').trim());
  };

  const askDelete = (kind: ItemKindDefinition) => {
    if (!draft || !counts) return;
    const used = counts[kind.id] ?? 0;
    if (used === 0) {
      const index = draft.kinds.findIndex((k) => k.id === kind.id);
      const next = draft.kinds[index + 1] ?? draft.kinds[index - 1];
      setDraft({ ...draft, kinds: removeKind(draft.kinds, kind.id) });
      setStatus(t(draft.storedIds.has(kind.id) ? 'kindsWillDelete' : 'kindsRemoved', { kind: nameFor(kind) }));
      focusNext.current = next ? `${rowSelector(next.id)} [data-field="label"]` : '[data-action="add-kind"]';
      return;
    }
    const to = draft.kinds.find((k) => k.id !== kind.id)!.id;
    setDeleting({ id: kind.id, to });
    focusNext.current = `${rowSelector(kind.id)} .kind-delete select`;
  };

  const confirmDelete = () => {
    if (!draft || !deleting) return;
    const kind = draft.kinds.find((k) => k.id === deleting.id)!;
    const target = draft.kinds.find((k) => k.id === deleting.to)!;
    setDraft({
      ...draft,
      kinds: removeKind(draft.kinds, kind.id),
      moves: withMove(draft.moves, kind.id, target.id),
    });
    setDeleting(null);
    setStatus(t('kindsWillMove', { kind: nameFor(kind), target: nameFor(target) }));
    focusNext.current = `${rowSelector(target.id)} [data-field="label"]`;
  };

  const cancelDelete = () => {
    if (deleting) focusNext.current = `${rowSelector(deleting.id)} [data-action="delete-kind"]`;
    setDeleting(null);
  };

  const save = async () => {
    if (!draft || saving) return;
    const kinds = draft.kinds.map(cleanKind);
    const found = validateKinds(kinds, nameFor);
    if (found.length) {
      setChecked(true);
      setStatus(t('kindsFixProblems'));
      const first = found[0]!;
      focusNext.current = `${rowSelector(kinds[first.index]!.id)} [data-field="${first.field}"]`;
      // Nothing else may change on screen: focus now rather than after a render.
      dialogRef.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
      return;
    }
    setSaving(true);
    try {
      await repository.itemKinds.save(kinds, draft.moves);
    } catch (error) {
      setSaving(false);
      setStatus(t('kindsSaveFailed', { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    toast(t('kindsSaved'));
    close({ kinds, started: kinds.find((k) => k.id === draft.startedId) ?? null });
  };

  return (
    <dialog
      ref={dialogRef}
      className="kinds-dialog"
      aria-labelledby={titleId}
      // The reader's shortcuts (H, Alt+T…) and Escape stay inside the dialog.
      onKeyDown={(e) => e.stopPropagation()}
      onCancel={(e) => {
        e.preventDefault();
        if (deleting) cancelDelete();
        else close(null);
      }}
    >
      <form
        className="kinds-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <header className="kinds-header">
          <h2 id={titleId}>{t('kindsTitle')}</h2>
          <p className="muted">{t('kindsHelp')}</p>
        </header>
        {!draft ? (
          <p className="muted" aria-busy>
            {t('kindsLoading')}
          </p>
        ) : (
          <ul className="kinds-list">
            {draft.kinds.map((kind, index) => (
              <KindRow
                key={kind.id}
                kind={kind}
                name={nameFor(kind)}
                count={counts ? (counts[kind.id] ?? 0) : null}
                problems={problems
                  .filter((p) => p.index === index)
                  .filter((p) => p.code !== 'label-empty' || checked || leftLabels.has(kind.id))
                  .map((p) => problemText(p, draft.kinds, t))}
                refused={refused[kind.id] ?? null}
                onChange={(patch) => update(kind.id, patch)}
                onShortcut={(typed) => setShortcut(kind, typed)}
                onLabelLeft={() => setLeftLabels((s) => new Set(s).add(kind.id))}
                onDelete={() => askDelete(kind)}
              >
                {deleting?.id === kind.id && (
                  <div
                    className="kind-delete confirm-row"
                    role="group"
                    aria-label={t('kindsDelete', { kind: nameFor(kind) })}
                    onKeyDown={(e) => {
                      if (e.key !== 'Escape') return;
                      e.preventDefault();
                      cancelDelete();
                    }}
                  >
                    <p>
                      {counts?.[kind.id] === 1
                        ? t('kindsItemsUseOne', { kind: nameFor(kind) })
                        : t('kindsItemsUseMany', { count: counts?.[kind.id] ?? 0, kind: nameFor(kind) })}
                    </p>
                    <label>
                      {t('kindsMoveTo')}{' '}
                      <select value={deleting.to} onChange={(e) => setDeleting({ ...deleting, to: e.target.value })}>
                        {draft.kinds
                          .filter((k) => k.id !== kind.id)
                          .map((k) => (
                            <option key={k.id} value={k.id}>
                              {nameFor(k)}
                            </option>
                          ))}
                      </select>
                    </label>
                    <div className="form-actions">
                      <button type="button" onClick={cancelDelete}>
                        {t('kindsKeep')}
                      </button>
                      <button type="button" className="danger" data-action="move-and-delete" onClick={confirmDelete}>
                        {t('kindsMoveAndDelete')}
                      </button>
                    </div>
                  </div>
                )}
              </KindRow>
            ))}
          </ul>
        )}
        <p className="kinds-status" role="status">
          {status}
        </p>
        <footer className="kinds-footer">
          <button type="button" data-action="add-kind" disabled={!draft} onClick={add}>
            + {t('kindsAdd')}
          </button>
          <button type="button" data-action="reset-kinds" disabled={!draft} onClick={reset}>
            {t('kindsReset')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => close(null)}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" data-action="save-kinds" disabled={!draft || saving}>
            {t('save')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

function KindRow(props: {
  kind: ItemKindDefinition;
  name: string;
  /** Items of this kind once the moves are made; null while counting. */
  count: number | null;
  problems: string[];
  refused: string | null;
  onChange: (patch: Partial<ItemKindDefinition>) => void;
  onShortcut: (typed: string | null) => void;
  onLabelLeft: () => void;
  onDelete: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const { kind, name } = props;
  const id = useId();
  const builtIn = isBuiltInKind(kind.id);
  const messages = [...(props.refused ? [props.refused] : []), ...props.problems];
  return (
    <li className={`kind-row ink-${kind.color}`} data-kind-id={kind.id}>
      <div className="kind-group" role="group" aria-labelledby={`${id}-name`}>
        <div className="kind-main">
          <span className="kind-dot" aria-hidden />
          <span id={`${id}-name`} className="visually-hidden">
            {name}
          </span>
          <input
            className="kind-name"
            data-field="label"
            aria-label={t('kindsName')}
            aria-describedby={messages.length ? `${id}-messages` : undefined}
            placeholder={builtIn ? kindLabel({ ...kind, label: '' }, t) : t('newKindName')}
            value={kind.label}
            maxLength={40}
            onChange={(e) => props.onChange({ label: e.target.value })}
            onBlur={props.onLabelLeft}
          />
          {builtIn && <span className="badge">{t('kindsBuiltIn')}</span>}
          {props.count !== null && props.count > 0 && (
            <span className="muted kind-count">
              {props.count === 1 ? t('kindsItemCountOne') : t('kindsItemCount', { count: props.count })}
            </span>
          )}
          <div className="kind-colors" role="radiogroup" aria-label={t('kindsColour')} data-field="color">
            {HIGHLIGHT_COLORS.map((color) => (
              <label key={color} className="kind-color" title={t(`color_${color}` as StringKey)}>
                <input
                  type="radio"
                  name={`${id}-color`}
                  value={color}
                  data-color={color}
                  aria-label={t(`color_${color}` as StringKey)}
                  checked={kind.color === color}
                  onChange={() => props.onChange({ color })}
                />
                <span className={`swatch hl-${color}`} aria-hidden />
              </label>
            ))}
          </div>
          <label className="kind-shortcut" title={t('kindsShortcutHint')}>
            <span className="muted">{t('kindsShortcut')}</span>
            <span className="kind-shortcut-box">
              <span aria-hidden>Alt+</span>
              <span id={`${id}-hint`} className="visually-hidden">
                {t('kindsShortcutHint')}
              </span>
              <input
                data-field="shortcut"
                aria-label={`${t('kindsShortcut')}: Alt+`}
                aria-describedby={messages.length ? `${id}-hint ${id}-messages` : `${id}-hint`}
                aria-invalid={props.refused || props.problems.length ? true : undefined}
                placeholder={t('kindsNoShortcut')}
                value={kind.shortcut?.toUpperCase() ?? ''}
                autoComplete="off"
                spellCheck={false}
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' || e.key === 'Delete') {
                    e.preventDefault();
                    props.onShortcut(null);
                    return;
                  }
                  if (e.key === 'Tab' || e.key === 'Enter' || e.key === 'Escape' || e.ctrlKey || e.metaKey) return;
                  const key = pressedKey(e);
                  if (key === null) return;
                  e.preventDefault();
                  props.onShortcut(key);
                }}
                // Pasted or composed text: its last character.
                onChange={(e) => props.onShortcut(e.target.value ? e.target.value.slice(-1) : null)}
              />
            </span>
          </label>
          {builtIn ? (
            <span className="kind-delete-placeholder" aria-hidden />
          ) : (
            <button
              type="button"
              className="icon"
              data-action="delete-kind"
              aria-label={t('kindsDelete', { kind: name })}
              title={t('kindsDelete', { kind: name })}
              disabled={props.count === null}
              onClick={props.onDelete}
            >
              <TrashIcon />
            </button>
          )}
        </div>
        <fieldset className="kind-fields" data-field="fields">
          <legend>{t('kindsFields')}</legend>
          {ITEM_FIELDS.map((field) => (
            <label key={field}>
              <input
                type="checkbox"
                data-item-field={field}
                checked={kind.fields.includes(field)}
                onChange={(e) => props.onChange({ fields: withField(kind, field, e.target.checked).fields })}
              />
              {t(field)}
            </label>
          ))}
        </fieldset>
        {messages.length > 0 && (
          <div className="kind-messages" id={`${id}-messages`} role="alert">
            {messages.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        {props.children}
      </div>
    </li>
  );
}
