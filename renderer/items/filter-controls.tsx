// The controls of the items filter (shared/model/item-filters.ts), shared by the items view and
// the timeline: words, kind, status, owner, category, document, tag and a date range. Each is
// controlled: it shows the filter and reports a patch.
import { memo, useMemo } from 'react';
import type { ItemFilter } from '../../shared/model/item-filters';
import {
  ITEM_STATUSES,
  type DocumentMeta,
  type ItemKindDefinition,
  type ItemRecord,
  type ItemStatus,
} from '../../shared/model/types';
import type { Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { kindName, ownerName } from './item-format';

const PENDING: readonly ItemStatus[] = ['open', 'in-progress', 'unknown'];
const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

export type UpdateFilter = (patch: Partial<ItemFilter>) => void;

/** What the filters offer: what the library's items hold. */
export interface FilterChoices {
  /** Kind ids (configured first, then others in use) and their names. */
  kinds: [string, string][];
  owners: string[];
  categories: string[];
  tags: string[];
  /** Documents to filter by, by title. */
  documents: Pick<DocumentMeta, 'id' | 'title'>[];
  /** The owners and documents as options of a list. */
  ownerOptions: { value: string }[];
  documentOptions: { value: string; label: string }[];
}

/**
 * The choices of the filters for these items. `allDocuments`: every document is offered (the
 * timeline draws publications), not only those with items (the items view).
 */
export function useFilterChoices(
  items: readonly ItemRecord[] | undefined,
  documents: readonly DocumentMeta[] | undefined,
  kinds: readonly ItemKindDefinition[] | undefined,
  t: Translate,
  allDocuments = false,
): FilterChoices {
  return useMemo(() => {
    const list = items ?? [];
    const sorted = (values: Iterable<string>) => [...new Set(values)].sort(collator.compare);
    const listed = (kinds ?? []).map((k) => k.id);
    const used = new Set(list.map((i) => i.kind));
    const byId = new Map((kinds ?? []).map((k) => [k.id, k]));
    const kindIds = [...listed, ...[...used].filter((id) => !listed.includes(id)).sort(collator.compare)];
    const withItems = new Set(list.flatMap((i) => (i.documentId ? [i.documentId] : [])));
    const owners = sorted(list.flatMap((i) => i.owners.map(ownerName)));
    const shown = (documents ?? [])
      .filter((d) => allDocuments || withItems.has(d.id))
      .sort((a, b) => collator.compare(a.title, b.title));
    return {
      kinds: kindIds.map((id): [string, string] => [id, kindName(byId.get(id), id, t)]),
      owners,
      categories: sorted(list.flatMap((i) => (i.category ? [i.category] : []))),
      tags: sorted(list.flatMap((i) => i.tags)),
      documents: shown,
      ownerOptions: owners.map((value) => ({ value })),
      documentOptions: shown.map((d) => ({ value: d.id, label: d.title })),
    };
  }, [items, documents, kinds, t, allDocuments]);
}

/**
 * A long list of options (10,000 documents, hundreds of owners), rendered again only when the
 * list changes: typing in another filter re-renders the bar, and reconciling every option
 * each keystroke cost the items view most of its 100 ms budget.
 */
const Options = memo(function Options(props: { options: readonly { value: string; label?: string }[] }) {
  return props.options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
});

const statusLabel = (status: ItemStatus, t: Translate) => t(`status_${status}` as StringKey);

/** The words box (Ctrl/⌘+F focuses it: data-find). */
export function TextFilter(props: { filter: ItemFilter; update: UpdateFilter; placeholder: string }) {
  return (
    <input
      type="search"
      data-find
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      value={props.filter.text}
      onChange={(e) => props.update({ text: e.target.value })}
    />
  );
}

/** Kinds: all, each kind, and `extra` choices (the timeline's events and publications). */
export function KindFilter(props: {
  filter: ItemFilter;
  update: UpdateFilter;
  choices: FilterChoices;
  extra?: [string, string][];
  t: Translate;
}) {
  const { filter, t } = props;
  const value = filter.kinds.join(',');
  const options: [string, string][] = [['', t('itemsAllKinds')], ...props.choices.kinds, ...(props.extra ?? [])];
  if (!options.some(([v]) => v === value)) {
    const names = new Map(options);
    options.push([value, filter.kinds.map((id) => names.get(id) ?? id).join(', ')]);
  }
  return (
    <select
      aria-label={t('itemKind')}
      data-filter="kind"
      value={value}
      onChange={(e) => props.update({ kinds: e.target.value ? e.target.value.split(',') : [] })}
    >
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}

export function StatusFilter(props: { filter: ItemFilter; update: UpdateFilter; t: Translate }) {
  const { filter, t } = props;
  const value = filter.statuses.join(',');
  const options: [string, string][] = [
    ['', t('itemsAllStatuses')],
    [PENDING.join(','), t('itemsPending')],
    ...ITEM_STATUSES.map((s): [string, string] => [s, statusLabel(s, t)]),
  ];
  if (!options.some(([v]) => v === value)) {
    options.push([value, filter.statuses.map((s) => statusLabel(s, t)).join(', ')]);
  }
  return (
    <select
      aria-label={t('status')}
      data-filter="status"
      value={value}
      onChange={(e) => props.update({ statuses: e.target.value ? (e.target.value.split(',') as ItemStatus[]) : [] })}
    >
      {options.map(([v, label]) => (
        <option key={v} value={v}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** An owner's name, as written or normalised (a substring; aliases apply), with the library's owners to pick from. */
export function OwnerFilter(props: {
  filter: ItemFilter;
  update: UpdateFilter;
  choices: FilterChoices;
  listId: string;
  t: Translate;
}) {
  const { t } = props;
  return (
    <>
      <input
        type="search"
        className="owner-filter"
        data-filter="owner"
        list={props.listId}
        placeholder={t('itemsOwnerFilter')}
        aria-label={t('owners')}
        value={props.filter.owner}
        onChange={(e) => props.update({ owner: e.target.value })}
      />
      <datalist id={props.listId}>
        <Options options={props.choices.ownerOptions} />
      </datalist>
    </>
  );
}

export function CategoryFilter(props: {
  filter: ItemFilter;
  update: UpdateFilter;
  choices: FilterChoices;
  t: Translate;
}) {
  const { filter, t } = props;
  const { categories } = props.choices;
  return (
    <select
      aria-label={t('category')}
      data-filter="category"
      value={filter.category}
      onChange={(e) => props.update({ category: e.target.value })}
    >
      <option value="">{t('itemsAllCategories')}</option>
      {categories.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
      {filter.category && !categories.includes(filter.category) && (
        <option value={filter.category}>{filter.category}</option>
      )}
    </select>
  );
}

export function DocumentFilter(props: {
  filter: ItemFilter;
  update: UpdateFilter;
  choices: FilterChoices;
  titles: ReadonlyMap<string, string>;
  t: Translate;
}) {
  const { filter, t } = props;
  const { documents } = props.choices;
  return (
    <select
      aria-label={t('itemsColDocument')}
      className="document-filter"
      data-filter="document"
      value={filter.documentId}
      onChange={(e) => props.update({ documentId: e.target.value })}
    >
      <option value="">{t('itemsAllDocuments')}</option>
      <Options options={props.choices.documentOptions} />
      {filter.documentId && !documents.some((d) => d.id === filter.documentId) && (
        <option value={filter.documentId}>{props.titles.get(filter.documentId) ?? t('itemsNoDocument')}</option>
      )}
    </select>
  );
}

export function TagFilter(props: { filter: ItemFilter; update: UpdateFilter; choices: FilterChoices; t: Translate }) {
  const { filter, t } = props;
  const { tags } = props.choices;
  return (
    <select
      aria-label={t('tags')}
      data-filter="tag"
      value={filter.tag}
      onChange={(e) => props.update({ tag: e.target.value })}
    >
      <option value="">{t('filterAllTags')}</option>
      {tags.map((tag) => (
        <option key={tag} value={tag}>
          {tag}
        </option>
      ))}
      {filter.tag && !tags.includes(filter.tag) && <option value={filter.tag}>{filter.tag}</option>}
    </select>
  );
}

/** A range of days: items due in it (and, on the timeline, entries ending in it). */
export function DateRangeFilter(props: {
  filter: ItemFilter;
  update: UpdateFilter;
  fromLabel: string;
  toLabel: string;
}) {
  const { filter } = props;
  return (
    <>
      <label>
        {props.fromLabel}
        <input
          type="date"
          data-filter="from"
          value={filter.deadlineFrom}
          max={filter.deadlineTo || undefined}
          onChange={(e) => props.update({ deadlineFrom: e.target.value })}
        />
      </label>
      <label>
        {props.toLabel}
        <input
          type="date"
          data-filter="to"
          value={filter.deadlineTo}
          min={filter.deadlineFrom || undefined}
          onChange={(e) => props.update({ deadlineTo: e.target.value })}
        />
      </label>
    </>
  );
}

export function OverdueFilter(props: { filter: ItemFilter; update: UpdateFilter; t: Translate }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        data-filter="overdue"
        checked={props.filter.overdueOnly}
        onChange={(e) => props.update({ overdueOnly: e.target.checked })}
      />
      {props.t('itemsOverdueOnly')}
    </label>
  );
}
