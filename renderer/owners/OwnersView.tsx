// The owners view (#/owners): every responsible unit and person the library's items name,
// under the current alias table (built-in and the analyst's own), with their items by status,
// the next deadline still to meet and how many are overdue. Select an owner to see who
// promised what, by when, with what status, and open each item's passage; merge an owner into
// another (an alias, saved like the Owner names dialog's, with Undo); see its items on the
// timeline (#/timeline?owner=…).
import { useId, useMemo, useRef, useState } from 'react';
import { aliasTable } from '../../shared/extract/aliases';
import { isOverdue, localDate } from '../../shared/model/items';
import { filterOwners, itemsOfOwner, ownerStats, type OwnerStats } from '../../shared/model/owner-stats';
import { aliasProblem, tidyAlias, withAliases, type AliasProblem } from '../../shared/model/owners';
import type { ItemKindDefinition, ItemRecord, ItemStatus } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { navigate, routeHash, useAddress } from '../app/route';
import { useLive } from '../db/live';
import { useI18n, type Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { deadlineTooltip, formatDeadline, kindName } from '../items/item-format';
import { OpenIcon } from '../ui/icons';
import { useToast } from '../ui/toasts';
import { moveFocusInList } from '../ui/list-keys';

const STATUS_COLUMNS: readonly ItemStatus[] = ['open', 'in-progress', 'done', 'missed'];
const statusLabel = (status: ItemStatus, t: Translate) => t(`status_${status}` as StringKey);

function problemText(problem: AliasProblem, alias: string, aliases: Readonly<Record<string, string>>, t: Translate) {
  switch (problem) {
    case 'empty':
      return t('ownerAliasErrorEmpty');
    case 'same':
      return t('ownerAliasErrorSame');
    case 'exists':
      return t('ownerAliasErrorExists', { alias, canonical: aliases[alias] ?? '' });
    case 'loop':
      return t('ownerAliasErrorLoop', { alias });
  }
}

/** The address of an owner's items on the timeline (the timeline reads its `owner` filter). */
export const timelineHash = (owner: string): string => `#/timeline?owner=${encodeURIComponent(owner)}`;

export function OwnersView(props: { owner?: string }) {
  const { t } = useI18n();
  const repository = useRepository();
  const stored = useLive(() => repository.items.list(), [repository]);
  const aliases = useLive(() => repository.ownerAliases.get(), [repository]);
  const documents = useLive(() => repository.documents.list(), [repository]);
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);
  const table = useMemo(() => (aliases === undefined ? undefined : aliasTable(aliases)), [aliases]);
  const items = useMemo(
    () => (stored === undefined || table === undefined ? undefined : withAliases(stored, table)),
    [stored, table],
  );
  const today = localDate();
  const stats = useMemo(() => (items ? ownerStats(items, today) : []), [items, today]);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterOwners(stats, query), [stats, query]);
  const [selected, setSelected] = useState<string | null>(props.owner ?? null);
  const current = stats.find((s) => s.name === selected) ?? null;
  const listRef = useRef<HTMLTableSectionElement | null>(null);
  const ids = { title: useId(), list: useId() };

  // The selected owner lives in the address (#/owners?owner=…): a reload or Back keeps it.
  useAddress(routeHash({ screen: 'owners', owner: selected ?? undefined }));

  const titles = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d.title])), [documents]);
  const kindById = useMemo(() => new Map((kinds ?? []).map((k) => [k.id, k])), [kinds]);

  if (items === undefined) return <div className="owners-view" aria-busy="true" />;
  if (stats.length === 0) {
    return (
      <div className="empty-state owners-empty">
        <h1>{t('ownersEmpty')}</h1>
        <p>{t('ownersEmptyHint')}</p>
        <button className="primary" onClick={() => navigate({ screen: 'library' })}>
          {t('itemsGoToLibrary')}
        </button>
      </div>
    );
  }

  // ↑↓ move between owners (and select), Home/End to the ends of the list.
  const onListKey = (event: React.KeyboardEvent) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button.owner-name') ?? [])];
    const button = moveFocusInList(event, buttons);
    if (!button) return;
    setSelected(button.dataset.owner ?? null);
  };

  return (
    <div className="owners-view">
      <section className="owners-list" aria-labelledby={ids.title}>
        <header className="owners-head">
          <h1 id={ids.title}>{t('ownersTitle')}</h1>
          <span className="muted">
            {stats.length === 1 ? t('ownersCountOne') : t('ownersCount', { count: stats.length.toLocaleString() })}
          </span>
        </header>
        <p className="muted owners-intro">{t('ownersIntro')}</p>
        <input
          type="search"
          data-find
          lang="zh"
          placeholder={t('ownersFilter')}
          aria-label={t('ownersFilter')}
          aria-controls={ids.list}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <div className="owners-table-wrap">
          <table className="owners-table" id={ids.list}>
            <thead>
              <tr>
                <th scope="col">{t('ownersColName')}</th>
                <th scope="col" className="num">
                  {t('ownersColItems')}
                </th>
                {STATUS_COLUMNS.map((status) => (
                  <th key={status} scope="col" className={`num status-${status}`}>
                    {statusLabel(status, t)}
                  </th>
                ))}
                <th scope="col">{t('ownersColNext')}</th>
                <th scope="col" className="num">
                  {t('ownersColOverdue')}
                </th>
              </tr>
            </thead>
            <tbody ref={listRef} onKeyDown={onListKey}>
              {shown.map((owner) => (
                <OwnerRow
                  key={owner.name}
                  owner={owner}
                  selected={owner.name === selected}
                  onSelect={() => setSelected(owner.name)}
                />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="muted">{t('ownerAliasesNoOwner')}</p>}
        </div>
        <p className="muted hint">{t('ownersKeyboardHint')}</p>
      </section>
      {current ? (
        <OwnerDetail
          key={current.name}
          owner={current}
          owners={stats}
          items={items}
          aliases={aliases ?? {}}
          titles={titles}
          kinds={kindById}
          today={today}
          onSelect={setSelected}
        />
      ) : (
        <section className="owner-detail empty">
          <p className="muted">{t('ownersSelectHint')}</p>
        </section>
      )}
    </div>
  );
}

function OwnerRow(props: { owner: OwnerStats; selected: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  const { owner } = props;
  return (
    <tr
      className={props.selected ? 'selected' : undefined}
      aria-selected={props.selected}
      data-owner={owner.name}
      onClick={props.onSelect}
    >
      <th scope="row">
        <button
          type="button"
          className="owner-name"
          lang="zh"
          data-owner={owner.name}
          aria-current={props.selected || undefined}
          title={owner.byStatus.unknown ? `${statusLabel('unknown', t)}: ${owner.byStatus.unknown}` : undefined}
          onClick={(e) => {
            e.stopPropagation();
            props.onSelect();
          }}
        >
          {owner.name}
        </button>
      </th>
      <td className="num">{owner.items}</td>
      {STATUS_COLUMNS.map((status) => (
        <td key={status} className={`num status-${status}${owner.byStatus[status] ? '' : ' zero'}`}>
          {owner.byStatus[status]}
        </td>
      ))}
      <td className="next-deadline">{owner.nextDeadline ?? '—'}</td>
      <td className={`num overdue${owner.overdue ? '' : ' zero'}`}>{owner.overdue}</td>
    </tr>
  );
}

function OwnerDetail(props: {
  owner: OwnerStats;
  owners: readonly OwnerStats[];
  items: readonly ItemRecord[];
  aliases: Readonly<Record<string, string>>;
  titles: ReadonlyMap<string, string>;
  kinds: ReadonlyMap<string, ItemKindDefinition>;
  today: string;
  onSelect: (name: string) => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const { owner, aliases } = props;
  const ids = { title: useId(), merge: useId(), targets: useId(), items: useId() };
  const owned = useMemo(() => itemsOfOwner(props.items, owner.name), [props.items, owner.name]);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const others = props.owners.filter((o) => o.name !== owner.name);

  const merge = async (event: React.FormEvent) => {
    event.preventDefault();
    const problem = aliasProblem(aliases, owner.name, target);
    const tidy = tidyAlias(owner.name, target);
    if (problem) {
      setError(problemText(problem, tidy.alias, aliases, t));
      return;
    }
    const before = aliases;
    await repository.ownerAliases.save({ ...aliases, [tidy.alias]: tidy.canonical });
    setError(null);
    setTarget('');
    props.onSelect(tidy.canonical);
    toast(t('ownersMerged', tidy), async () => {
      await repository.ownerAliases.save(before);
      props.onSelect(owner.name);
    });
  };

  const open = (item: ItemRecord) => {
    if (!item.documentId) return;
    navigate({ screen: 'reader', documentId: item.documentId, annotationId: item.annotationIds[0] });
  };

  return (
    <section className="owner-detail" aria-labelledby={ids.title} data-owner={owner.name}>
      <header className="owner-detail-head">
        <h2 id={ids.title} lang="zh">
          {owner.name}
        </h2>
        <a className="button timeline-link" href={timelineHash(owner.name)} data-action="owner-timeline">
          {t('ownersShowOnTimeline')}
        </a>
      </header>
      <div className="owner-facts">
        {owner.written.length > 0 && (
          <p>
            <span className="muted">{t('ownersWrittenAs')}:</span> <span lang="zh">{owner.written.join('、')}</span>
          </p>
        )}
        <p className="owner-pills">
          {owner.lead > 0 && <span className="pill">{t('ownersLeads', { count: owner.lead })}</span>}
          {(['open', 'in-progress', 'done', 'missed', 'unknown'] as const)
            .filter((s) => owner.byStatus[s] > 0)
            .map((s) => (
              <span key={s} className={`pill status-pill status-${s}`}>
                {statusLabel(s, t)} {owner.byStatus[s]}
              </span>
            ))}
          {owner.overdue > 0 && (
            <span className="pill overdue">
              {t('itemsOverdue')} {owner.overdue}
            </span>
          )}
          {owner.nextDeadline && (
            <span className="pill">
              {t('ownersColNext')} {owner.nextDeadline}
            </span>
          )}
        </p>
      </div>
      <form className="owner-merge" onSubmit={(e) => void merge(e)} noValidate>
        <label htmlFor={ids.merge}>{t('ownersMergeLabel', { name: owner.name })}</label>
        <input
          id={ids.merge}
          lang="zh"
          list={ids.targets}
          value={target}
          placeholder={others[0]?.name ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${ids.merge}-hint`}
          onChange={(e) => {
            setTarget(e.target.value);
            setError(null);
          }}
        />
        <datalist id={ids.targets}>
          {others.map((o) => (
            <option key={o.name} value={o.name} />
          ))}
        </datalist>
        <button type="submit" data-action="merge-owner" disabled={!target.trim()}>
          {t('ownersMergeSubmit')}
        </button>
        <p className="muted hint" id={`${ids.merge}-hint`}>
          {t('ownersMergeHint', { name: owner.name })}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <h3 id={ids.items}>{t('ownersItemsOf', { name: owner.name, count: owned.length })}</h3>
      <table className="owner-items" aria-labelledby={ids.items}>
        <thead>
          <tr>
            <th scope="col">{t('itemsColItem')}</th>
            <th scope="col">{t('deadline')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('itemsOpenPassage')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {owned.map(({ item, role }) => {
            const overdue = isOverdue(item, props.today);
            const document = (item.documentId && props.titles.get(item.documentId)) || t('itemsNoDocument');
            return (
              <tr key={item.id} data-item-id={item.id} className={overdue ? 'overdue' : undefined}>
                <td className="title">
                  <span className="item-title" lang="zh" title={item.title}>
                    {item.title}
                  </span>
                  <span className="item-meta">
                    <span className="kind">{kindName(props.kinds.get(item.kind), item.kind, t)}</span>
                    {' · '}
                    <span className={`role role-${role}`} title={t('ownersRole')}>
                      {t(`role_${role}` as StringKey)}
                    </span>
                    {' · '}
                    <span className="document" lang="zh" title={document}>
                      {document}
                    </span>
                  </span>
                </td>
                <td className="deadline" title={item.deadline ? deadlineTooltip(item.deadline, t) : undefined}>
                  {item.deadline ? formatDeadline(item.deadline, t) : '—'}
                  {overdue && <span className="badge overdue">{t('itemsOverdue')}</span>}
                </td>
                <td>
                  <span className={`status-pill status-${item.status}`}>{statusLabel(item.status, t)}</span>
                </td>
                <td>
                  <button
                    type="button"
                    className="icon"
                    data-action="open-item"
                    disabled={!item.documentId}
                    aria-label={t('itemsOpenPassageOf', { title: item.title })}
                    title={t('itemsOpenPassage')}
                    onClick={() => open(item)}
                  >
                    <OpenIcon />
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
