// The dialogs of the brief's data blocks: which items an item table shows (the items view's
// filter controls: kind, status, owner, document, deadline range and the rest), and which days
// a timeline section covers. Each reports what was chosen; the block refreshes with it.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { itemFilterOf, tableFilterOf } from '../../../shared/brief/item-rows';
import type { ItemTableFilter } from '../../../shared/brief/serialized';
import type { SectionRange } from '../../../shared/brief/timeline-entries';
import type { ItemFilter } from '../../../shared/model/item-filters';
import { isDay } from '../../../shared/timeline/dates';
import { useRepository } from '../../app/repository-context';
import { useLive } from '../../db/live';
import { useI18n } from '../../i18n/i18n';
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
} from '../../items/filter-controls';

/** Several owners may be given at once, separated by 、 , or ;. */
const OWNER_SEPARATORS = /[、,，;；]/;

/** A table's filter as the controls edit it: the owners in one field, one document. */
export function editableFilter(filter: ItemTableFilter): ItemFilter {
  return {
    ...itemFilterOf(filter),
    owner: filter.owners.join('、'),
    documentId: filter.documentIds[0] ?? '',
  };
}

/** What the controls hold as a table's filter; `itemIds` is kept when the chosen items still limit the table. */
export function tableFilterFrom(
  edited: ItemFilter,
  previous: ItemTableFilter,
  itemIds: readonly string[] | undefined,
): ItemTableFilter {
  const filter = tableFilterOf(edited, itemIds);
  const owners = edited.owner
    .split(OWNER_SEPARATORS)
    .map((o) => o.trim())
    .filter(Boolean);
  // A table drafted over several documents keeps them while the document control is left alone.
  const documentIds =
    previous.documentIds.length > 1 && edited.documentId === previous.documentIds[0]
      ? previous.documentIds
      : filter.documentIds;
  return { ...filter, owners, documentIds };
}

/**
 * A modal dialog over the whole window (not inside the editor, whose keys and input it would
 * otherwise share). Its submit runs `onSubmit`; the dialog closes when that succeeds (the focus
 * goes back where it was) and stays open with the reason when it throws.
 */
function BlockDialog(props: {
  heading: string;
  className: string;
  submitLabel: string;
  onSubmit: () => Promise<void> | void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const submit = () => {
    setBusy(true);
    setError(null);
    Promise.resolve()
      .then(props.onSubmit)
      .then(
        () => ref.current?.close(),
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => setBusy(false));
  };
  return createPortal(
    <dialog
      ref={ref}
      className={`form-dialog brief-block-dialog ${props.className}`}
      aria-labelledby={headingId}
      onClose={props.onClose}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 id={headingId}>{props.heading}</h2>
        {props.children}
        {error && (
          <p className="banner error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" onClick={() => ref.current?.close()}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" data-action="apply-block" disabled={busy}>
            {props.submitLabel}
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}

export function ItemFilterDialog(props: {
  initial: ItemTableFilter;
  heading: string;
  submitLabel: string;
  onApply: (filter: ItemTableFilter) => Promise<void> | void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const repository = useRepository();
  const items = useLive(() => repository.items.list(), [repository]);
  const documents = useLive(() => repository.documents.list(), [repository]);
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);
  const choices = useFilterChoices(items, documents, kinds, t);
  const titles = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d.title])), [documents]);
  const ownersList = useId();
  const [filter, setFilter] = useState<ItemFilter>(() => editableFilter(props.initial));
  const chosen = props.initial.itemIds;
  const [onlyChosen, setOnlyChosen] = useState(chosen !== undefined);
  const update = (patch: Partial<ItemFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <BlockDialog
      heading={props.heading}
      className="brief-filter-dialog"
      submitLabel={props.submitLabel}
      onClose={props.onClose}
      onSubmit={() => props.onApply(tableFilterFrom(filter, props.initial, onlyChosen ? chosen : undefined))}
    >
      <div className="brief-filter-fields">
        <label className="event-field">
          <span>{t('itemKind')}</span>
          <KindFilter filter={filter} update={update} choices={choices} t={t} />
        </label>
        <label className="event-field">
          <span>{t('status')}</span>
          <StatusFilter filter={filter} update={update} t={t} />
        </label>
        <label className="event-field">
          <span>{t('owners')}</span>
          <OwnerFilter filter={filter} update={update} choices={choices} listId={ownersList} t={t} />
        </label>
        <label className="event-field">
          <span>{t('itemsColDocument')}</span>
          <DocumentFilter filter={filter} update={update} choices={choices} titles={titles} t={t} />
        </label>
        <label className="event-field">
          <span>{t('category')}</span>
          <CategoryFilter filter={filter} update={update} choices={choices} t={t} />
        </label>
        <label className="event-field">
          <span>{t('tags')}</span>
          <TagFilter filter={filter} update={update} choices={choices} t={t} />
        </label>
        <label className="event-field brief-filter-words">
          <span>{t('briefFilterWords')}</span>
          <TextFilter filter={filter} update={update} placeholder={t('itemsFilterText')} />
        </label>
      </div>
      <div className="brief-filter-dates">
        <DateRangeFilter filter={filter} update={update} fromLabel={t('itemsDueFrom')} toLabel={t('itemsDueTo')} />
        <OverdueFilter filter={filter} update={update} t={t} />
      </div>
      {chosen !== undefined && (
        <label className="check">
          <input
            type="checkbox"
            data-field="only-chosen"
            checked={onlyChosen}
            onChange={(e) => setOnlyChosen(e.target.checked)}
          />
          {t('briefFilterOnlyChosen', { count: chosen.length })}
        </label>
      )}
      <p className="muted">{t('briefFilterHint')}</p>
    </BlockDialog>
  );
}

export function RangeDialog(props: {
  initial: SectionRange;
  heading: string;
  submitLabel: string;
  onApply: (range: SectionRange) => Promise<void> | void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [from, setFrom] = useState(props.initial.from);
  const [to, setTo] = useState(props.initial.to);
  return (
    <BlockDialog
      heading={props.heading}
      className="brief-range-dialog"
      submitLabel={props.submitLabel}
      onClose={props.onClose}
      onSubmit={() => {
        if (!isDay(from) || !isDay(to) || from > to) throw new Error(t('briefRangeInvalid'));
        return props.onApply({ from, to });
      }}
    >
      <div className="event-date-row">
        <label className="event-field">
          <span>{t('briefRangeFrom')}</span>
          <input
            type="date"
            data-field="from"
            value={from}
            max={to || undefined}
            autoFocus
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="event-field">
          <span>{t('briefRangeTo')}</span>
          <input
            type="date"
            data-field="to"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </label>
      </div>
      <p className="muted">{t('briefRangeHint')}</p>
    </BlockDialog>
  );
}
