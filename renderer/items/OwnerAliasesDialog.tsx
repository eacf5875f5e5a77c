// "Owner names": the analyst's own aliases (a name as written → the one owner it stands for),
// added, edited and removed here; the owners of the library that no table knows, each mapped
// to another in two clicks; and the built-in table, searchable, for reference. The items view
// applies every change at once (it names owners under the current table), and suggestions are
// read again with them when a document is next opened.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { aliasTable, BUILT_IN_ALIASES } from '../../shared/extract/aliases';
import {
  aliasProblem,
  rankTargets,
  summarizeOwners,
  tidyAlias,
  type AliasProblem,
  type OwnerSummary,
} from '../../shared/model/owners';
import type { ItemRecord } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { useI18n, type Translate } from '../i18n/i18n';

type Entries = Readonly<Record<string, string>>;

const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });
/** Owners offered as what a name stands for, at most. */
const TARGETS_SHOWN = 8;
const BUILT_IN_COUNT = BUILT_IN_ALIASES.size;
const BUILT_IN_ENTRIES = [...BUILT_IN_ALIASES].sort(([a], [b]) => collator.compare(a, b));

const itemCount = (count: number, t: Translate) =>
  count === 1 ? t('ownerAliasItemsOne') : t('ownerAliasItems', { count: count.toLocaleString() });

function problemText(problem: AliasProblem, alias: string, entries: Entries, t: Translate): string {
  switch (problem) {
    case 'empty':
      return t('ownerAliasErrorEmpty');
    case 'same':
      return t('ownerAliasErrorSame');
    case 'exists':
      return t('ownerAliasErrorExists', { alias, canonical: entries[alias] ?? '' });
    case 'loop':
      return t('ownerAliasErrorLoop', { alias });
  }
}

interface Notice {
  message: string;
  /** The entries before the change, for Undo. */
  before?: Entries;
}

export function OwnerAliasesDialog(props: { items: readonly ItemRecord[]; aliases: Entries; onClose: () => void }) {
  const { t } = useI18n();
  const repository = useRepository();
  const { items, aliases, onClose } = props;
  const ids = {
    title: useId(),
    intro: useId(),
    yours: useId(),
    unknown: useId(),
    written: useId(),
    canonical: useId(),
  };

  const dialog = useRef<HTMLDialogElement | null>(null);
  const aliasInput = useRef<HTMLInputElement | null>(null);
  const canonicalInput = useRef<HTMLInputElement | null>(null);
  const undoButton = useRef<HTMLButtonElement | null>(null);

  const [form, setForm] = useState({ alias: '', canonical: '' });
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [editing, setEditing] = useState<{ key: string; alias: string; canonical: string; error: string | null }>();
  const [mapping, setMapping] = useState<string | null>(null);
  const [builtInQuery, setBuiltInQuery] = useState('');

  // A modal dialog: the page behind is inert, Tab stays inside, focus returns where it was on close.
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    aliasInput.current?.focus();
  }, []);
  const close = () => dialog.current?.close(); // its close event calls onClose

  const table = useMemo(() => aliasTable(aliases), [aliases]);
  const owners = useMemo(() => summarizeOwners(items, table), [items, table]);
  const unknown = useMemo(() => owners.filter((o) => o.unknown), [owners]);
  const entries = useMemo(() => Object.entries(aliases).sort(([a], [b]) => collator.compare(a, b)), [aliases]);
  // What a name can stand for: the library's owners, then the canonical names of the tables.
  const targets = useMemo(() => {
    const named = new Set(owners.map((o) => o.name));
    const canonicals = [...new Set(table.values())].filter((name) => !named.has(name)).sort(collator.compare);
    return [...owners, ...canonicals.map((name): OwnerSummary => ({ name, items: 0, unknown: false }))];
  }, [owners, table]);

  const save = async (next: Entries, message: string, undoable = true) => {
    const before = aliases;
    await repository.ownerAliases.save(next);
    setNotice({ message, before: undoable ? before : undefined });
  };

  const add = async (alias: string, canonical: string) => {
    const problem = aliasProblem(aliases, alias, canonical);
    const tidy = tidyAlias(alias, canonical);
    if (problem) {
      setFormError(problemText(problem, tidy.alias, aliases, t));
      return false;
    }
    setFormError(null);
    await save({ ...aliases, [tidy.alias]: tidy.canonical }, t('ownerAliasAdded', tidy));
    return true;
  };

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (await add(form.alias, form.canonical)) {
      setForm({ alias: '', canonical: '' });
      aliasInput.current?.focus();
    }
  };

  const saveEdit = async () => {
    if (!editing) return;
    const problem = aliasProblem(aliases, editing.alias, editing.canonical, editing.key);
    const tidy = tidyAlias(editing.alias, editing.canonical);
    if (problem) {
      setEditing({ ...editing, error: problemText(problem, tidy.alias, aliases, t) });
      return;
    }
    const next: Record<string, string> = { ...aliases };
    delete next[editing.key];
    next[tidy.alias] = tidy.canonical;
    setEditing(undefined);
    await save(next, t('ownerAliasSaved', tidy));
    focusWhenShown(editButtonId(tidy.alias));
  };

  const cancelEdit = () => {
    if (!editing) return;
    const key = editing.key;
    setEditing(undefined);
    focusWhenShown(editButtonId(key));
  };

  const remove = async (alias: string) => {
    const next: Record<string, string> = { ...aliases };
    const canonical = next[alias] ?? '';
    delete next[alias];
    await save(next, t('ownerAliasRemoved', { alias, canonical }));
    // The row is gone: Undo is where the keyboard goes on.
    requestAnimationFrame(() => undoButton.current?.focus());
  };

  const undo = async () => {
    if (!notice?.before) return;
    await repository.ownerAliases.save(notice.before);
    setNotice({ message: t('ownerAliasUndone') });
    aliasInput.current?.focus();
  };

  const map = async (alias: string, canonical: string) => {
    if (await add(alias, canonical)) {
      setMapping(null);
      requestAnimationFrame(() => (undoButton.current ?? aliasInput.current)?.focus());
    }
  };

  const stopMapping = (name: string) => {
    setMapping(null);
    focusWhenShown(pickButtonId(name));
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Escape steps back: out of an edit, out of choosing an owner, then out of the dialog.
    event.preventDefault();
    if (editing) cancelEdit();
    else if (mapping !== null) stopMapping(mapping);
    else close();
  };

  const builtInNote = (() => {
    const alias = tidyAlias(form.alias, '').alias;
    const builtIn = alias ? BUILT_IN_ALIASES.get(alias) : undefined;
    return builtIn && !Object.hasOwn(aliases, alias)
      ? t('ownerAliasReplacesBuiltIn', { alias, canonical: builtIn })
      : '';
  })();

  const builtInShown = useMemo(() => {
    const query = builtInQuery.replace(/\s+/g, '').toLowerCase();
    return query
      ? BUILT_IN_ENTRIES.filter(([a, c]) => a.toLowerCase().includes(query) || c.toLowerCase().includes(query))
      : BUILT_IN_ENTRIES;
  }, [builtInQuery]);

  return (
    <dialog
      ref={dialog}
      className="owner-aliases"
      aria-labelledby={ids.title}
      aria-describedby={ids.intro}
      onKeyDown={onKeyDown}
      // Escape is handled above, a step at a time; the dialog closes only through close().
      onCancel={(e) => e.preventDefault()}
      onClose={onClose}
    >
      <header className="owner-aliases-head">
        <h2 id={ids.title}>{t('ownerAliasesTitle')}</h2>
        <button type="button" className="icon" aria-label={t('close')} title={t('close')} onClick={close}>
          ×
        </button>
      </header>

      <div className="owner-aliases-body">
        <p id={ids.intro} className="muted intro">
          {t('ownerAliasesIntro')}
        </p>

        <section aria-labelledby={ids.yours}>
          <h3 id={ids.yours}>{t('ownerAliasesYours', { count: entries.length })}</h3>
          <form className="alias-form" onSubmit={onSubmit} noValidate>
            <label>
              <span>{t('ownerAliasWritten')}</span>
              <input
                ref={aliasInput}
                lang="zh"
                list={ids.written}
                value={form.alias}
                placeholder="市发改委"
                aria-invalid={formError ? true : undefined}
                onChange={(e) => setForm({ ...form, alias: e.target.value })}
              />
            </label>
            <span className="arrow" aria-hidden>
              →
            </span>
            <label>
              <span>{t('ownerAliasCanonical')}</span>
              <input
                ref={canonicalInput}
                lang="zh"
                list={ids.canonical}
                value={form.canonical}
                placeholder="北京市发展和改革委员会"
                aria-invalid={formError ? true : undefined}
                onChange={(e) => setForm({ ...form, canonical: e.target.value })}
              />
            </label>
            <button type="submit" className="primary">
              {t('ownerAliasAdd')}
            </button>
          </form>
          <datalist id={ids.written}>
            {unknown.map((o) => (
              <option key={o.name} value={o.name} />
            ))}
          </datalist>
          <datalist id={ids.canonical}>
            {targets.map((o) => (
              <option key={o.name} value={o.name} />
            ))}
          </datalist>
          {formError && (
            <p className="alias-error" role="alert">
              {formError}
            </p>
          )}
          {builtInNote && !formError && <p className="muted alias-note">{builtInNote}</p>}
          <div className="alias-notice" role="status" aria-live="polite">
            {notice && (
              <>
                <span lang="zh">{notice.message}</span>
                {notice.before && (
                  <button type="button" className="link" ref={undoButton} onClick={() => void undo()}>
                    {t('undo')}
                  </button>
                )}
              </>
            )}
          </div>

          {entries.length === 0 ? (
            <p className="muted">{t('ownerAliasesNone')}</p>
          ) : (
            <table className="alias-table">
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">{t('ownerAliasWritten')}</th>
                  <th scope="col">{t('ownerAliasCanonical')}</th>
                  <th scope="col">{t('ownerAliasActions')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map(([alias, canonical]) =>
                  editing?.key === alias ? (
                    <tr key={alias} className="editing">
                      <td colSpan={3}>
                        <div
                          className="alias-edit"
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault();
                              void saveEdit();
                            }
                          }}
                        >
                          <input
                            lang="zh"
                            autoFocus
                            aria-label={t('ownerAliasWritten')}
                            value={editing.alias}
                            onChange={(e) => setEditing({ ...editing, alias: e.target.value, error: null })}
                          />
                          <span className="arrow" aria-hidden>
                            →
                          </span>
                          <input
                            lang="zh"
                            list={ids.canonical}
                            aria-label={t('ownerAliasCanonical')}
                            value={editing.canonical}
                            onChange={(e) => setEditing({ ...editing, canonical: e.target.value, error: null })}
                          />
                          <button type="button" className="primary" onClick={() => void saveEdit()}>
                            {t('save')}
                          </button>
                          <button type="button" onClick={cancelEdit}>
                            {t('cancel')}
                          </button>
                        </div>
                        {editing.error && (
                          <p className="alias-error" role="alert">
                            {editing.error}
                          </p>
                        )}
                      </td>
                    </tr>
                  ) : (
                    <tr key={alias}>
                      <td className="alias" lang="zh">
                        {alias}
                        <span className="arrow" aria-hidden>
                          →
                        </span>
                      </td>
                      <td className="canonical" lang="zh">
                        {canonical}
                        {BUILT_IN_ALIASES.has(alias) && BUILT_IN_ALIASES.get(alias) !== canonical && (
                          <span className="badge" title={BUILT_IN_ALIASES.get(alias)}>
                            {t('ownerAliasReplacesBuiltInBadge')}
                          </span>
                        )}
                      </td>
                      <td className="actions">
                        <button
                          type="button"
                          className="link"
                          id={editButtonId(alias)}
                          aria-label={t('ownerAliasEdit', { alias })}
                          onClick={() => {
                            setMapping(null);
                            setEditing({ key: alias, alias, canonical, error: null });
                          }}
                        >
                          {t('ownerAliasEditShort')}
                        </button>
                        <button
                          type="button"
                          className="link danger"
                          aria-label={t('ownerAliasRemove', { alias })}
                          onClick={() => void remove(alias)}
                        >
                          {t('ownerAliasRemoveShort')}
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )}
        </section>

        <section aria-labelledby={ids.unknown}>
          <h3 id={ids.unknown}>{t('ownerAliasesUnknown', { count: unknown.length })}</h3>
          {unknown.length === 0 ? (
            <p className="muted">{t('ownerAliasesUnknownNone')}</p>
          ) : (
            <>
              <p className="muted hint">{t('ownerAliasesUnknownHint')}</p>
              <ul className="owner-suggestions">
                {unknown.map((owner) => (
                  <li key={owner.name} className={mapping === owner.name ? 'mapping' : undefined}>
                    <button
                      type="button"
                      className="owner-pick"
                      id={pickButtonId(owner.name)}
                      aria-expanded={mapping === owner.name}
                      aria-label={t('ownerAliasesPick', { name: owner.name })}
                      onClick={() => {
                        setEditing(undefined);
                        setMapping(mapping === owner.name ? null : owner.name);
                      }}
                    >
                      <span lang="zh">{owner.name}</span>
                      <span className="muted count">{itemCount(owner.items, t)}</span>
                      <span className="pick-hint" aria-hidden>
                        {t('ownerAliasesPickShort')}
                      </span>
                    </button>
                    {mapping === owner.name && (
                      <MapTargets
                        name={owner.name}
                        targets={targets}
                        t={t}
                        onMap={(target) => void map(owner.name, target)}
                        onTypeOther={() => {
                          setMapping(null);
                          setForm({ alias: owner.name, canonical: '' });
                          setFormError(null);
                          requestAnimationFrame(() => canonicalInput.current?.focus());
                        }}
                        onCancel={() => stopMapping(owner.name)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <details className="builtin-aliases">
          <summary>{t('ownerAliasesBuiltIn', { count: BUILT_IN_COUNT })}</summary>
          <p className="muted hint">{t('ownerAliasesBuiltInHint')}</p>
          <input
            type="search"
            lang="zh"
            aria-label={t('ownerAliasesBuiltInSearch')}
            placeholder={t('ownerAliasesBuiltInSearch')}
            value={builtInQuery}
            onChange={(e) => setBuiltInQuery(e.target.value)}
          />
          <p className="muted count" aria-live="polite">
            {t('ownerAliasesBuiltInShown', { shown: builtInShown.length, total: BUILT_IN_COUNT })}
          </p>
          {builtInShown.length > 0 && (
            <table className="alias-table builtin">
              <thead className="visually-hidden">
                <tr>
                  <th scope="col">{t('ownerAliasWritten')}</th>
                  <th scope="col">{t('ownerAliasCanonical')}</th>
                </tr>
              </thead>
              <tbody>
                {builtInShown.map(([alias, canonical]) => (
                  <tr key={alias} className={Object.hasOwn(aliases, alias) ? 'overridden' : undefined}>
                    <td className="alias" lang="zh">
                      {alias}
                      <span className="arrow" aria-hidden>
                        →
                      </span>
                    </td>
                    <td className="canonical" lang="zh">
                      {canonical}
                      {Object.hasOwn(aliases, alias) && (
                        <span className="badge">{t('ownerAliasesOverridden', { canonical: aliases[alias]! })}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      </div>

      <footer className="form-actions">
        <button type="button" onClick={close}>
          {t('close')}
        </button>
      </footer>
    </dialog>
  );
}

/**
 * Focuses the element with this id once it is in the page: after a save the list re-renders
 * when the stored aliases come back, which may be a few frames later.
 */
function focusWhenShown(id: string, frames = 30): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element?.isConnected) {
      element.focus();
      if (document.activeElement === element) return;
    }
    if (frames > 0) focusWhenShown(id, frames - 1);
  });
}

// Ids of the buttons focus returns to (names are arbitrary text, so they are encoded).
const editButtonId = (alias: string) => `owner-alias-edit-${encodeURIComponent(alias)}`;
const pickButtonId = (name: string) => `owner-alias-pick-${encodeURIComponent(name)}`;

/** The owners a name may stand for, likeliest first, with a search over all of them: the second click. */
function MapTargets(props: {
  name: string;
  targets: readonly OwnerSummary[];
  t: Translate;
  onMap: (target: string) => void;
  onTypeOther: () => void;
  onCancel: () => void;
}) {
  const { name, t } = props;
  const [query, setQuery] = useState('');
  const labelId = useId();
  const shown = useMemo(() => {
    const q = query.replace(/\s+/g, '').toLowerCase();
    const pool = q ? props.targets.filter((o) => o.name.toLowerCase().includes(q)) : props.targets;
    return rankTargets(name, pool).slice(0, TARGETS_SHOWN);
  }, [name, props.targets, query]);
  return (
    <div
      className="map-targets"
      role="group"
      aria-labelledby={labelId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <p id={labelId}>{t('ownerAliasesMapTo', { name })}</p>
      <ul>
        {shown.map((target) => (
          <li key={target.name}>
            <button
              type="button"
              aria-label={t('ownerAliasesMapToOwner', { name, target: target.name })}
              onClick={() => props.onMap(target.name)}
            >
              <span lang="zh">{target.name}</span>
              {target.items > 0 && <span className="muted count">{itemCount(target.items, t)}</span>}
            </button>
          </li>
        ))}
        {shown.length === 0 && <li className="muted">{t('ownerAliasesNoOwner')}</li>}
      </ul>
      <div className="map-more">
        <input
          type="search"
          lang="zh"
          aria-label={t('ownerAliasesFindOwner')}
          placeholder={t('ownerAliasesFindOwner')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="link" onClick={props.onTypeOther}>
          {t('ownerAliasesTypeOther')}
        </button>
        <button type="button" className="link" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
