// The items of the whole library in one table (#/items): filter, sort, select many and change
// their status together, open an item's passage. The table is virtualised (fixed row height),
// so only the rows in view are in the DOM, however many items the library holds.
import { memo, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { aliasTable } from '../../shared/extract/aliases';
import {
  filterItems,
  isEmptyFilter,
  ITEM_SORT_KEYS,
  sortItems,
  type ItemFilter,
  type ItemSortKey,
} from '../../shared/model/item-filters';
import { isOverdue, localDate } from '../../shared/model/items';
import { withAliases } from '../../shared/model/owners';
import { ITEM_STATUSES, type ItemKindDefinition, type ItemRecord, type ItemStatus } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { navigate, routeHash, useAddress } from '../app/route';
import { useLive } from '../db/live';
import { useI18n, type Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { OpenIcon } from '../ui/icons';
import { useToast } from '../ui/toasts';
import {
  CategoryFilter,
  DateRangeFilter,
  DocumentFilter,
  KindFilter,
  OverdueFilter,
  OwnerFilter,
  StatusFilter,
  TagFilter,
  TextFilter,
  useFilterChoices,
} from './filter-controls';
import { clickRow, moveTo, selectAll, selectedInView, toggleActive, type GridSelection } from './grid-selection';
import { deadlineTooltip, formatDeadline, kindName, ownersLeadFirst, ownersTooltip, targetsText } from './item-format';
import { formatItemsQuery, itemsViewMemory, parseItemsQuery, type ItemsQuery } from './items-query';
import { OwnerAliasesDialog } from './OwnerAliasesDialog';
import { ExportDataButton } from '../export/ExportDataButton';
import { useVirtualRows } from './use-virtual-rows';
import { OwnerNames } from './OwnerNames';
import { DraftBriefButton, itemsDraft } from '../briefs/DraftBriefButton';

/** Row and header heights in pixels; styles.css sizes .items-row to match. */
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 36;
const COLUMN_COUNT = 10;

const statusLabel = (status: ItemStatus, t: Translate) => t(`status_${status}` as StringKey);
const rowId = (id: string) => `item-row-${id}`;

export function ItemsView({ query: initialQuery }: { query?: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const stored = useLive(() => repository.items.list(), [repository]);
  const aliases = useLive(() => repository.ownerAliases.get(), [repository]);
  // Owners are named under the current alias table (built-in and the analyst's own), so an
  // alias added in the Owner names dialog merges owners at once; the items are not rewritten.
  const table = useMemo(() => (aliases === undefined ? undefined : aliasTable(aliases)), [aliases]);
  const items = useMemo(
    () => (stored === undefined || table === undefined ? undefined : withAliases(stored, table)),
    [stored, table],
  );
  const [aliasesOpen, setAliasesOpen] = useState(false);
  const documents = useLive(() => repository.documents.list(), [repository]);
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);

  const [query, setQuery] = useState<ItemsQuery>(() => parseItemsQuery(initialQuery));
  // Filtering 50,000 items takes a few tens of milliseconds: typing stays responsive meanwhile.
  const deferred = useDeferredValue(query);
  const [selection, setSelection] = useState<GridSelection>(() => ({
    selected: itemsViewMemory.selected,
    anchor: null,
    active: itemsViewMemory.activeId,
  }));

  // The filters live in the address (#/items?status=open…): a reload or Back brings them back.
  const formatted = useMemo(() => formatItemsQuery(query), [query]);
  useEffect(() => {
    itemsViewMemory.query = formatted;
  }, [formatted]);
  useAddress(routeHash({ screen: 'items', query: formatted }));
  useEffect(() => {
    itemsViewMemory.selected = selection.selected;
    itemsViewMemory.activeId = selection.active;
  }, [selection]);

  const today = localDate();
  const titles = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d.title])), [documents]);
  // Sorted once per order, then filtered (which keeps the order): typing a filter does not re-sort.
  const sorted = useMemo(
    () => sortItems(items ?? [], deferred.sort, deferred.direction, titles),
    [items, deferred.sort, deferred.direction, titles],
  );
  const rows = useMemo(
    () => filterItems(sorted, deferred.filter, today, titles, table),
    [sorted, deferred.filter, today, titles, table],
  );
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const kindById = useMemo(() => new Map((kinds ?? []).map((k) => [k.id, k])), [kinds]);

  const virtual = useVirtualRows(rows.length, {
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    initialScrollTop: itemsViewMemory.scrollTop,
  });
  const grid = useRef<HTMLDivElement | null>(null);
  const attachGrid = virtual.ref;
  const gridRef = useCallback(
    (el: HTMLDivElement | null) => {
      grid.current = el;
      const detach = attachGrid(el);
      return () => {
        grid.current = null;
        detach();
      };
    },
    [attachGrid],
  );

  // A new filter or sort starts at the top of the list.
  const shown = useRef(deferred);
  useEffect(() => {
    if (shown.current === deferred) return;
    shown.current = deferred;
    if (grid.current) grid.current.scrollTop = 0;
  }, [deferred]);

  const update = useCallback(
    (patch: Partial<ItemFilter>) => setQuery((q) => ({ ...q, filter: { ...q.filter, ...patch } })),
    [],
  );
  const sortBy = (sort: ItemSortKey) =>
    setQuery((q) => ({
      ...q,
      sort,
      direction: q.sort === sort ? (q.direction === 'asc' ? 'desc' : 'asc') : 'asc',
    }));

  // A bulk change of thousands of items takes a moment: the bar says so meanwhile.
  const [busy, setBusy] = useState(false);
  const setStatus = useCallback(
    async (targets: readonly string[], status: ItemStatus) => {
      const wanted = new Set(targets);
      // What each changed item was, grouped by status, for Undo.
      const previous = new Map<ItemStatus, string[]>();
      for (const item of items ?? []) {
        if (!wanted.has(item.id) || item.status === status) continue;
        const group = previous.get(item.status);
        if (group) group.push(item.id);
        else previous.set(item.status, [item.id]);
      }
      const changed = [...previous.values()].reduce((n, ids) => n + ids.length, 0);
      setBusy(true);
      try {
        await repository.items.setStatus(targets, status);
      } finally {
        setBusy(false);
      }
      if (targets.length < 2 || changed === 0) return;
      const label = statusLabel(status, t);
      toast(
        changed === 1
          ? t('itemsStatusChangedOne', { status: label })
          : t('itemsStatusChanged', { count: changed.toLocaleString(), status: label }),
        // Undo is a change of its own (dated in each item's history, and a new revision for
        // sync), not a rewind to the old records, which a merge would rank below the change.
        async () => {
          for (const [was, ids] of previous) await repository.items.setStatus(ids, was);
        },
      );
    },
    [items, repository, toast, t],
  );

  const open = useCallback((item: ItemRecord) => {
    if (!item.documentId) return;
    itemsViewMemory.activeId = item.id;
    navigate({ screen: 'reader', documentId: item.documentId, annotationId: item.annotationIds[0] });
  }, []);

  const focusGrid = useCallback(() => grid.current?.focus({ preventScroll: true }), []);
  const onRowClick = useCallback(
    (event: React.MouseEvent, index: number, viaCheckbox: boolean) => {
      const mods = { range: event.shiftKey, toggle: viaCheckbox || event.ctrlKey || event.metaKey };
      setSelection((s) => clickRow(s, ids, index, mods));
      focusGrid();
    },
    [ids, focusGrid],
  );
  const onStatus = useCallback((id: string, status: ItemStatus) => void setStatus([id], status), [setStatus]);

  // One scan of the ids (a few ms at 20,000 rows) only when a row is active: cheaper than a map rebuilt per keystroke.
  const activeIndex = useMemo(
    () => (selection.active === null ? -1 : ids.indexOf(selection.active)),
    [ids, selection.active],
  );
  const bulk = useMemo(() => selectedInView(selection, ids), [selection, ids]);

  const onGridKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    const move = (index: number) => {
      event.preventDefault();
      const to = Math.max(0, Math.min(index, rows.length - 1));
      setSelection((s) => moveTo(s, ids, to, event.shiftKey));
      virtual.scrollToIndex(to);
    };
    const from = activeIndex;
    switch (event.key) {
      case 'ArrowDown':
        return move(from < 0 ? 0 : from + 1);
      case 'ArrowUp':
        return move(from < 0 ? 0 : from - 1);
      case 'PageDown':
        return move(from + virtual.pageSize);
      case 'PageUp':
        return move(from - virtual.pageSize);
      case 'Home':
        return move(0);
      case 'End':
        return move(rows.length - 1);
      case ' ':
        event.preventDefault();
        if (from < 0) {
          setSelection((s) => toggleActive(moveTo(s, ids, 0, false)));
          virtual.scrollToIndex(0);
        } else setSelection(toggleActive);
        return;
      case 'Enter':
        if (from >= 0) {
          event.preventDefault();
          open(rows[from]!);
        }
        return;
      case 'Escape':
        if (selection.selected.size > 0) {
          event.preventDefault();
          setSelection((s) => ({ ...s, selected: new Set() }));
        }
        return;
    }
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setSelection((s) => selectAll(s, ids));
    }
  };

  // Filter choices: what the library's items hold.
  const choices = useFilterChoices(items, documents, kinds, t);
  const ownersListId = useId();

  if (items === undefined) return <div className="items-view" aria-busy="true" />;

  if (items.length === 0) {
    return (
      <div className="empty-state items-empty">
        <h1>{t('itemsEmpty')}</h1>
        <p>{t('itemsEmptyHint')}</p>
        <button className="primary" onClick={() => navigate({ screen: 'library' })}>
          {t('itemsGoToLibrary')}
        </button>
      </div>
    );
  }

  const { filter } = query;
  const allSelected = bulk.length > 0 && bulk.length === rows.length;
  const activeVisible = activeIndex >= virtual.first && activeIndex < virtual.last;

  const header = (label: string, sort?: ItemSortKey, className = '') => {
    const sorted = sort !== undefined && query.sort === sort;
    return (
      <div
        role="columnheader"
        className={className}
        aria-sort={sorted ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        {sort ? (
          <button className="sort" onClick={() => sortBy(sort)}>
            {label}
            <span aria-hidden className="sort-mark">
              {sorted ? (query.direction === 'asc' ? '▲' : '▼') : ''}
            </span>
          </button>
        ) : (
          label
        )}
      </div>
    );
  };

  return (
    <div className="items-view">
      <div className="items-tools">
        <div className="items-filters">
          <TextFilter filter={filter} update={update} placeholder={t('itemsFilterText')} />
          <KindFilter filter={filter} update={update} choices={choices} t={t} />
          <StatusFilter filter={filter} update={update} t={t} />
          <OwnerFilter filter={filter} update={update} choices={choices} listId={ownersListId} t={t} />
          <CategoryFilter filter={filter} update={update} choices={choices} t={t} />
          <DocumentFilter filter={filter} update={update} choices={choices} titles={titles} t={t} />
          <TagFilter filter={filter} update={update} choices={choices} t={t} />
        </div>
        <div className="items-filters">
          <DateRangeFilter filter={filter} update={update} fromLabel={t('itemsDueFrom')} toLabel={t('itemsDueTo')} />
          <OverdueFilter filter={filter} update={update} t={t} />
          {!isEmptyFilter(filter) && (
            <button className="link" onClick={() => setQuery((q) => ({ ...q, filter: parseItemsQuery('').filter }))}>
              {t('itemsClearFilters')}
            </button>
          )}
          <span className="spacer" />
          <label>
            {t('sortBy')}
            <select
              value={query.sort}
              onChange={(e) => setQuery((q) => ({ ...q, sort: e.target.value as ItemSortKey }))}
            >
              {ITEM_SORT_KEYS.map((key) => (
                <option key={key} value={key}>
                  {t(`itemsSort_${key}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            className="icon direction"
            aria-label={query.direction === 'asc' ? t('itemsAscending') : t('itemsDescending')}
            title={query.direction === 'asc' ? t('itemsAscending') : t('itemsDescending')}
            onClick={() => setQuery((q) => ({ ...q, direction: q.direction === 'asc' ? 'desc' : 'asc' }))}
          >
            {query.direction === 'asc' ? '↑' : '↓'}
          </button>
          <button
            className="owner-aliases-open"
            data-action="owner-aliases"
            aria-haspopup="dialog"
            onClick={() => setAliasesOpen(true)}
          >
            {t('ownerAliasesButton')}
          </button>
          <ExportDataButton items={{ shown: rows, all: items }} />
        </div>
      </div>
      {aliasesOpen && (
        <OwnerAliasesDialog items={stored ?? []} aliases={aliases ?? {}} onClose={() => setAliasesOpen(false)} />
      )}

      <div className="items-bar" role="toolbar" aria-label={t('itemsSetStatus')}>
        <span className="count" aria-live="polite">
          {t('itemsCount', { shown: rows.length.toLocaleString(), total: items.length.toLocaleString() })}
        </span>
        {bulk.length > 0 ? (
          <>
            <strong className="selected-count">{t('itemsSelected', { count: bulk.length.toLocaleString() })}</strong>
            <select
              aria-label={t('itemsSetStatus')}
              data-action="bulk-status"
              disabled={busy}
              value=""
              onChange={(e) => {
                if (e.target.value) void setStatus(bulk, e.target.value as ItemStatus);
              }}
            >
              <option value="">{t('itemsSetStatus')}</option>
              {ITEM_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s, t)}
                </option>
              ))}
            </select>
            {busy ? (
              <span className="muted" role="status">
                {t('itemsUpdating')}
              </span>
            ) : (
              <button className="link" onClick={() => setSelection((s) => ({ ...s, selected: new Set() }))}>
                {t('itemsClearSelection')}
              </button>
            )}
          </>
        ) : (
          <span className="muted">{t('itemsNoneSelected')}</span>
        )}
        <span className="spacer" />
        <DraftBriefButton source={() => itemsDraft(filter, bulk)} title={t('briefDraftFromItems')} />
        <span className="muted keys">{t('itemsKeyboardHint')}</span>
      </div>

      {rows.length === 0 ? (
        <div className="items-none">
          <p>{t('itemsNoMatch')}</p>
          <button onClick={() => setQuery((q) => ({ ...q, filter: parseItemsQuery('').filter }))}>
            {t('itemsClearFilters')}
          </button>
        </div>
      ) : (
        <div
          ref={gridRef}
          className="items-grid"
          role="grid"
          tabIndex={0}
          aria-label={t('itemsGridLabel')}
          aria-rowcount={rows.length + 1}
          aria-colcount={COLUMN_COUNT}
          aria-multiselectable="true"
          aria-activedescendant={activeVisible ? rowId(selection.active!) : undefined}
          onKeyDown={onGridKey}
          onScroll={(e) => (itemsViewMemory.scrollTop = e.currentTarget.scrollTop)}
        >
          <div role="rowgroup" className="items-head">
            <div role="row" aria-rowindex={1} className="items-row items-header-row">
              <div role="columnheader" className="cell-check">
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-label={t('itemsSelectAll')}
                  checked={allSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = bulk.length > 0 && !allSelected;
                  }}
                  onChange={() =>
                    setSelection((s) => (allSelected ? { ...s, selected: new Set() } : selectAll(s, ids)))
                  }
                />
              </div>
              {header(t('itemKind'), 'kind')}
              {header(t('itemsColItem'))}
              {header(t('owners'), 'owner')}
              {header(t('deadline'), 'deadline')}
              {header(t('targets'))}
              {header(t('status'), 'status')}
              {header(t('category'))}
              {header(t('itemsColDocument'), 'document')}
              <div role="columnheader">
                <span className="visually-hidden">{t('itemsOpenPassage')}</span>
              </div>
            </div>
          </div>
          <div role="rowgroup" className="items-body" style={{ height: rows.length * ROW_HEIGHT }}>
            {rows.slice(virtual.first, virtual.last).map((item, k) => {
              const index = virtual.first + k;
              return (
                <ItemRow
                  key={item.id}
                  item={item}
                  index={index}
                  selected={selection.selected.has(item.id)}
                  active={index === activeIndex}
                  overdue={isOverdue(item, today)}
                  kind={kindById.get(item.kind)}
                  documentTitle={item.documentId ? titles.get(item.documentId) : undefined}
                  t={t}
                  onClick={onRowClick}
                  onOpen={open}
                  onStatus={onStatus}
                  onFocusGrid={focusGrid}
                />
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

interface ItemRowProps {
  item: ItemRecord;
  index: number;
  selected: boolean;
  active: boolean;
  overdue: boolean;
  kind: ItemKindDefinition | undefined;
  documentTitle: string | undefined;
  t: Translate;
  onClick(event: React.MouseEvent, index: number, viaCheckbox: boolean): void;
  onOpen(item: ItemRecord): void;
  onStatus(id: string, status: ItemStatus): void;
  onFocusGrid(): void;
}

const stop = (event: React.SyntheticEvent) => event.stopPropagation();

const ItemRow = memo(function ItemRow(props: ItemRowProps) {
  const { item, index, selected, active, overdue, kind, documentTitle, t } = props;
  const owners = ownersLeadFirst(item.owners);
  const canOpen = item.documentId !== null && documentTitle !== undefined;
  return (
    <div
      role="row"
      id={rowId(item.id)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-item-id={item.id}
      className={`items-row${selected ? ' selected' : ''}${active ? ' active' : ''}${overdue ? ' overdue' : ''}`}
      style={{ top: index * ROW_HEIGHT }}
      onMouseDown={(e) => {
        // Shift/Ctrl+click select rows, not text.
        if (e.shiftKey || e.ctrlKey || e.metaKey) e.preventDefault();
      }}
      onClick={(e) => props.onClick(e, index, false)}
      onDoubleClick={() => canOpen && props.onOpen(item)}
    >
      <div role="gridcell" className="cell-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t('itemsSelectRow', { title: item.title })}
          checked={selected}
          onMouseDown={(e) => {
            e.preventDefault(); // keep the keyboard focus on the grid
            e.stopPropagation();
          }}
          onClick={(e) => {
            e.stopPropagation();
            props.onClick(e, index, true);
          }}
          onChange={() => {}}
        />
      </div>
      <div role="gridcell" className="cell-kind">
        <span className={`kind-chip hl-${kind?.color ?? 'purple'}`}>{kindName(kind, item.kind, t)}</span>
      </div>
      <div role="gridcell" className="cell-title" lang="zh" title={item.title}>
        {item.title}
      </div>
      <div role="gridcell" className="cell-owners" lang="zh" title={ownersTooltip(owners, t)}>
        <OwnerNames owners={owners} />
      </div>
      <div role="gridcell" className="cell-deadline">
        {item.deadline ? (
          <span title={deadlineTooltip(item.deadline, t)}>{formatDeadline(item.deadline, t)}</span>
        ) : (
          <span className="muted">{t('noDeadline')}</span>
        )}
        {overdue && <span className="overdue-flag">{t('itemsOverdue')}</span>}
      </div>
      <div role="gridcell" className="cell-targets" lang="zh" title={targetsText(item.targets)}>
        {targetsText(item.targets)}
      </div>
      <div role="gridcell" className="cell-status" onClick={stop} onMouseDown={stop} onDoubleClick={stop}>
        <select
          className={`status-select status-${item.status}`}
          tabIndex={-1}
          aria-label={t('itemsStatusOf', { title: item.title })}
          value={item.status}
          onChange={(e) => props.onStatus(item.id, e.target.value as ItemStatus)}
        >
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s, t)}
            </option>
          ))}
        </select>
      </div>
      <div role="gridcell" className="cell-category" lang="zh">
        {item.category ?? <span className="muted">—</span>}
      </div>
      <div role="gridcell" className="cell-document" lang="zh" title={documentTitle}>
        {documentTitle ?? <span className="muted">{t('itemsNoDocument')}</span>}
      </div>
      <div role="gridcell" className="cell-open" onClick={stop} onDoubleClick={stop}>
        <button
          className="icon"
          tabIndex={-1}
          disabled={!canOpen}
          aria-label={t('itemsOpenPassageOf', { title: item.title })}
          title={t('itemsOpenPassage')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            props.onFocusGrid();
            props.onOpen(item);
          }}
        >
          <OpenIcon />
        </button>
      </div>
    </div>
  );
});
