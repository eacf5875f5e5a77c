// The conflicts view (#/conflicts): records that were changed both here and by a colleague
// since the two last exchanged bundles. The merge keeps every concurrent version (DESIGN.md
// "Sync by file exchange"): the library shows the newest, the others wait here. Select a
// record to compare the current version ("Yours") with each other one ("Theirs") field by
// field (renderer/sync/conflict-diff.ts), then keep one of them — or, for an item, both (the
// other version becomes an item of its own). The next record is selected after each choice.
//
// Keyboard: ↑↓ Home End in the list; M keep mine, T keep theirs, B keep both, anywhere in the
// view outside a text field; every control is reachable by Tab.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ItemKindDefinition, Revision } from '../../shared/model/types';
import { replicaOf, revisionTime } from '../../shared/sync/hlc';
import type { SyncRecord, SyncTable } from '../../shared/sync/tables';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import { useLive } from '../db/live';
import type { ConflictEntry, ReplicaIdentity } from '../db/sync-api';
import { useI18n, type Translate } from '../i18n/i18n';
import { useToast } from '../ui/toasts';
import {
  compareVersions,
  dateTime,
  endName,
  formatValue,
  known,
  type FieldComparison,
  type Shown,
} from './conflict-diff';
import './conflicts.css';
import { moveFocusInList } from '../ui/list-keys';

const entryKey = (entry: Pick<ConflictEntry, 'table' | 'id'>) => `${entry.table}/${entry.id}`;

type Action = 'mine' | 'theirs' | 'both';
const SHORTCUTS: Record<Action, string> = { mine: 'M', theirs: 'T', both: 'B' };

/** What the list query gives: the entries, or why there are none. */
type Loaded = { entries: ConflictEntry[] } | { error: string };

export function ConflictsView() {
  const { t } = useI18n();
  const repository = useRepository();
  const toast = useToast();
  const loaded = useLive<Loaded>(
    () =>
      repository.sync.conflicts.list().then(
        (entries) => ({ entries }),
        (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
      ),
    [repository],
  );
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);
  const documents = useLive(() => repository.documents.list(), [repository]);
  const [identity, setIdentity] = useState<ReplicaIdentity | null>(null);
  useEffect(() => {
    let live = true;
    repository.sync
      .identity()
      .then((id) => live && setIdentity(id))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [repository]);

  const entries = useMemo(() => (loaded && 'entries' in loaded ? loaded.entries : []), [loaded]);
  // The selected record, and where it was in the list: when it is resolved (gone from the
  // list), the record that took its place — the next one — is selected.
  const [selection, setSelection] = useState<{ key: string; index: number } | null>(null);
  const [chosenRev, setChosenRev] = useState<Revision | null>(null);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const busy = useRef(false);
  const found = entries.findIndex((e) => entryKey(e) === selection?.key);
  const index = found >= 0 ? found : Math.min(selection?.index ?? 0, entries.length - 1);
  const selected = index >= 0 ? entries[index] : undefined;
  const conflict = selected
    ? (selected.conflicts.find((c) => c.rev === chosenRev) ?? selected.conflicts[0])
    : undefined;

  const listRef = useRef<HTMLTableSectionElement | null>(null);
  const ids = { title: useId(), list: useId() };
  const kindById = useMemo(() => new Map((kinds ?? []).map((k) => [k.id, k])), [kinds]);
  const titles = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d.title])), [documents]);

  // A resolved record leaves the list: if its row had the focus, the next one takes it.
  const selectedKeyNow = selected ? entryKey(selected) : null;
  useEffect(() => {
    if (!selectedKeyNow || (document.activeElement && document.activeElement !== document.body)) return;
    listRef.current?.querySelector<HTMLButtonElement>(`button[data-key="${CSS.escape(selectedKeyNow)}"]`)?.focus();
  }, [selectedKeyNow]);

  const select = (entry: ConflictEntry) => {
    setSelection({ key: entryKey(entry), index: entries.indexOf(entry) });
    setChosenRev(null);
  };

  const available = (action: Action): boolean => {
    if (!selected || !conflict) return false;
    if (action !== 'both') return true;
    return selected.table === 'items' && !selected.current.deleted && !conflict.deleted;
  };

  const resolve = async (action: Action) => {
    // Not disabled while busy: a disabled button would drop the keyboard focus.
    if (!selected || !conflict || busy.current || !available(action)) return;
    const { table, id } = selected;
    const name = recordName(selected, t);
    busy.current = true;
    try {
      if (action === 'mine') await repository.sync.conflicts.keep(table, id, selected.current.rev);
      else if (action === 'theirs') await repository.sync.conflicts.keep(table, id, conflict.rev);
      else await repository.sync.conflicts.keepBoth(table, id, conflict.rev);
      const done = { mine: 'conflictKeptMine', theirs: 'conflictKeptTheirs', both: 'conflictKeptBoth' } as const;
      toast(t(done[action], { label: shorten(name) }));
      setChosenRev(null);
    } catch (error) {
      toast(t('conflictResolveFailed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      busy.current = false;
    }
  };

  // M, T, B: anywhere in the view but a text field, without modifiers, with no dialog open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      if (document.querySelector('dialog[open]')) return;
      const action = (Object.keys(SHORTCUTS) as Action[]).find((a) => SHORTCUTS[a] === event.key.toUpperCase());
      if (!action) return;
      event.preventDefault();
      void resolve(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (loaded === undefined) return <div className="conflicts-view" aria-busy="true" />;
  if ('error' in loaded) {
    return (
      <div className="empty-state conflicts-empty">
        <h1>{t('conflictsTitle')}</h1>
        <p className="error" role="alert">
          {t('conflictsLoadFailed', { message: loaded.error })}
        </p>
      </div>
    );
  }
  if (entries.length === 0) {
    return (
      <div className="empty-state conflicts-empty">
        <h1>{t('conflictsEmpty')}</h1>
        <p>{t('conflictsEmptyHint')}</p>
        <button className="primary" onClick={() => navigate({ screen: 'library' })}>
          {t('itemsGoToLibrary')}
        </button>
      </div>
    );
  }

  // ↑↓ move between records (and select), Home/End to the ends of the list.
  const onListKey = (event: React.KeyboardEvent) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.conflict-label') ?? [])];
    const button = moveFocusInList(event, buttons);
    if (!button) return;
    const entry = entries.find((e) => entryKey(e) === button.dataset.key);
    if (entry) select(entry);
  };

  return (
    <div className="conflicts-view">
      <section className="conflicts-list" aria-labelledby={ids.title}>
        <header className="conflicts-head">
          <h1 id={ids.title}>{t('conflictsTitle')}</h1>
          <span className="muted" data-conflict-total>
            {t('conflictsCount', { count: entries.length })}
          </span>
        </header>
        <p className="muted conflicts-intro">{t('conflictsIntro')}</p>
        <div className="conflicts-table-wrap">
          <table className="conflicts-table" id={ids.list}>
            <thead>
              <tr>
                <th scope="col">{t('conflictsColKind')}</th>
                <th scope="col">{t('conflictsColRecord')}</th>
                <th scope="col" className="num" title={t('conflictsVersionsHint')}>
                  {t('conflictsColVersions')}
                </th>
              </tr>
            </thead>
            <tbody ref={listRef} onKeyDown={onListKey}>
              {entries.map((entry) => {
                const key = entryKey(entry);
                const isSelected = selected !== undefined && key === entryKey(selected);
                return (
                  <tr
                    key={key}
                    className={isSelected ? 'selected' : undefined}
                    aria-selected={isSelected}
                    data-conflict={key}
                    onClick={() => select(entry)}
                  >
                    <td className="conflict-kind">
                      <span className={`pill table-${entry.table}`}>{tableName(entry.table, t)}</span>
                    </td>
                    <th scope="row">
                      <button
                        type="button"
                        className="conflict-label"
                        lang="zh"
                        data-key={key}
                        aria-current={isSelected || undefined}
                        tabIndex={isSelected ? 0 : -1}
                        title={recordName(entry, t)}
                        onClick={(e) => {
                          e.stopPropagation();
                          select(entry);
                        }}
                      >
                        {recordName(entry, t)}
                      </button>
                    </th>
                    <td className="num" title={t('conflictsVersionsHint')}>
                      {entry.conflicts.length}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="muted hint">{t('conflictsKeyboardHint')}</p>
      </section>
      {selected && conflict ? (
        <ConflictDetail
          entry={selected}
          conflict={conflict}
          identity={identity}
          kinds={kindById}
          titles={titles}
          onlyDifferences={onlyDifferences}
          onOnlyDifferences={setOnlyDifferences}
          onChoose={setChosenRev}
          available={available}
          onResolve={(action) => void resolve(action)}
        />
      ) : (
        <section className="conflict-detail empty">
          <p className="muted">{t('conflictsSelectHint')}</p>
        </section>
      )}
    </div>
  );
}

const tableName = (table: SyncTable, t: Translate) => known(t, `conflictTable_${table}`, table);

/** A link reads as its ends and relation, in the analyst's language; anything else as storage labels it. */
function recordName(entry: ConflictEntry, t: Translate): string {
  if (entry.table === 'links') {
    const link = entry.current as SyncRecord<'links'>;
    const relation = known(t, `linkLabel_${link.type.replace(/-/g, '_')}`, link.type);
    return `${endName(link.from.kind, t)} → ${endName(link.to.kind, t)} (${relation})`;
  }
  return entry.label || entry.id;
}

const shorten = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function ConflictDetail(props: {
  entry: ConflictEntry;
  conflict: SyncRecord;
  identity: ReplicaIdentity | null;
  kinds: ReadonlyMap<string, ItemKindDefinition>;
  titles: ReadonlyMap<string, string>;
  onlyDifferences: boolean;
  onOnlyDifferences: (on: boolean) => void;
  onChoose: (rev: Revision) => void;
  available: (action: Action) => boolean;
  onResolve: (action: Action) => void;
}) {
  const { t, language } = useI18n();
  const { entry, conflict } = props;
  const { current } = entry;
  const ids = { title: useId(), only: useId(), versions: useId() };
  const comparison = useMemo(() => compareVersions(entry.table, current, conflict), [entry.table, current, conflict]);
  const rows = props.onlyDifferences ? comparison.fields.filter((f) => f.differs) : comparison.fields;
  const format = (field: FieldComparison, value: unknown) =>
    formatValue(entry.table, field.field, value, { t, language, kinds: props.kinds, titles: props.titles });

  const byline = (rev: Revision, updatedAt: string) => {
    const mine = props.identity !== null && replicaOf(rev) === props.identity.replicaId;
    const name = mine ? t('conflictYou') : entry.authors[rev] || t('conflictUnknownAuthor');
    const ms = revisionTime(rev);
    const when = new Date(Number.isFinite(ms) ? ms : Date.parse(updatedAt));
    const time = Number.isNaN(when.getTime()) ? '' : dateTime(when.toISOString(), language);
    return time ? t('conflictByline', { name, time }) : name;
  };

  const bothHint = !props.available('both')
    ? entry.table !== 'items'
      ? t('conflictKeepBothItemsOnly')
      : current.deleted || conflict.deleted
        ? t('conflictKeepBothDeleted')
        : undefined
    : undefined;

  const column = (side: 'mine' | 'theirs') => {
    const deleted = side === 'mine' ? comparison.mineDeleted : comparison.theirsDeleted;
    const version = side === 'mine' ? current : conflict;
    return (
      <th scope="col" className={`side side-${side}${deleted ? ' deleted' : ''}`} data-side={side}>
        <span className="side-name">{side === 'mine' ? t('conflictYours') : t('conflictTheirs')}</span>
        {deleted && (
          <span className="pill deleted-pill" title={t('conflictDeletedHint')} data-deleted>
            {t('conflictDeleted')}
          </span>
        )}
        <span className="side-by" lang="zh">
          {byline(version.rev, version.updatedAt)}
        </span>
      </th>
    );
  };

  return (
    <section className="conflict-detail" aria-labelledby={ids.title} data-conflict={entryKey(entry)}>
      <header className="conflict-detail-head">
        <span className={`pill table-${entry.table}`}>{tableName(entry.table, t)}</span>
        <h2 id={ids.title} lang="zh" title={recordName(entry, t)}>
          {recordName(entry, t)}
        </h2>
      </header>
      {entry.conflicts.length > 1 && (
        <div className="conflict-versions" role="group" aria-labelledby={ids.versions}>
          <span id={ids.versions} className="muted">
            {t('conflictTheirVersions')}:
          </span>
          {entry.conflicts.map((c, i) => (
            <button
              key={c.rev}
              type="button"
              aria-pressed={c.rev === conflict.rev}
              data-rev={c.rev}
              title={byline(c.rev, c.updatedAt)}
              onClick={() => props.onChoose(c.rev)}
            >
              {t('conflictVersionOf', { n: i + 1, count: entry.conflicts.length })}
            </button>
          ))}
        </div>
      )}
      <div className="conflict-summary">
        <span className={comparison.differing ? 'differing' : 'muted'} data-differing={comparison.differing}>
          {comparison.differing === 0
            ? t('conflictNoDifference')
            : t('conflictDifferingCount', { count: comparison.differing })}
        </span>
        <label htmlFor={ids.only} className="conflict-only">
          <input
            id={ids.only}
            type="checkbox"
            checked={props.onlyDifferences}
            onChange={(e) => props.onOnlyDifferences(e.target.checked)}
          />
          {t('conflictOnlyDifferences')}
        </label>
      </div>
      <div className="conflict-compare-wrap">
        <table className="conflict-compare">
          <colgroup>
            <col className="field-col" />
            <col />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="field-name">
                {t('conflictField')}
              </th>
              {column('mine')}
              {column('theirs')}
            </tr>
          </thead>
          <tbody>
            {(comparison.mineDeleted || comparison.theirsDeleted) && (
              <tr className="deleted-row differs">
                <th scope="row">{t('conflictDeleted')}</th>
                {[comparison.mineDeleted, comparison.theirsDeleted].map((deleted, i) => (
                  <td key={i} className={deleted ? 'deleted-cell' : 'muted'}>
                    {deleted ? t('conflictDeletedHint') : t('conflictNo')}
                  </td>
                ))}
              </tr>
            )}
            {rows.map((field) => (
              <tr key={field.field} className={field.differs ? 'differs' : undefined} data-field={field.field}>
                <th scope="row">
                  {fieldLabel(entry.table, field.field, t)}
                  {field.differs && <span className="visually-hidden"> ({t('conflictDiffers')})</span>}
                </th>
                <td className={comparison.mineDeleted ? 'of-deleted' : undefined} data-side="mine">
                  <Value value={format(field, field.mine)} />
                </td>
                <td className={comparison.theirsDeleted ? 'of-deleted' : undefined} data-side="theirs">
                  <Value value={format(field, field.theirs)} />
                  {field.formattingOnly && <span className="muted formatting-only">{t('conflictFormattingOnly')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="conflict-actions">
        <ActionButton
          action="mine"
          label={t('conflictKeepMine')}
          hint={comparison.mineDeleted ? t('conflictKeepMineDeletes') : t('conflictKeepMineHint')}
          enabled={props.available('mine')}
          onResolve={props.onResolve}
        />
        <ActionButton
          action="theirs"
          label={t('conflictKeepTheirs')}
          hint={comparison.theirsDeleted ? t('conflictKeepTheirsDeletes') : t('conflictKeepTheirsHint')}
          enabled={props.available('theirs')}
          onResolve={props.onResolve}
        />
        {entry.table === 'items' && (
          <ActionButton
            action="both"
            label={t('conflictKeepBoth')}
            hint={bothHint ?? t('conflictKeepBothHint')}
            enabled={props.available('both')}
            onResolve={props.onResolve}
          />
        )}
      </div>
    </section>
  );
}

function ActionButton(props: {
  action: Action;
  label: string;
  hint: string;
  enabled: boolean;
  onResolve: (action: Action) => void;
}) {
  const hintId = useId();
  const key = SHORTCUTS[props.action];
  return (
    <div className="conflict-action">
      <button
        type="button"
        data-action={`keep-${props.action}`}
        aria-keyshortcuts={key}
        aria-describedby={hintId}
        disabled={!props.enabled}
        title={`${props.label} (${key})`}
        onClick={() => props.onResolve(props.action)}
      >
        {props.label} <kbd>{key}</kbd>
      </button>
      <p id={hintId} className="muted hint">
        {props.hint}
      </p>
    </div>
  );
}

function Value({ value }: { value: Shown }) {
  const { t } = useI18n();
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return <span className="muted empty-value">{t('conflictEmptyValue')}</span>;
  if (Array.isArray(value)) {
    return (
      <ul className="value-list" lang="zh">
        {value.map((v, i) => (
          <li key={i}>{v}</li>
        ))}
      </ul>
    );
  }
  return (
    <span className="value" lang="zh">
      {value}
    </span>
  );
}

/** Fields named differently for one kind of record. */
const FIELD_LABELS: Partial<Record<SyncTable, Record<string, string>>> = { documents: { kind: 'format' } };

const fieldLabel = (table: SyncTable, field: string, t: Translate): string =>
  known(t, `conflictField_${FIELD_LABELS[table]?.[field] ?? field}`, field);
