// The timeline of everything dated in the library (#/timeline): item deadlines at their
// precision, events, publication dates and dates pinned from the text, in lanes by kind,
// category, owner or document; filtered with the items view's filters (kept in the address);
// zoomed from decades to days, panned, fitted; an entry's preview opens its passage.
import { startTransition, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { aliasTable } from '../../shared/extract/aliases';
import { isEmptyFilter, type ItemFilter } from '../../shared/model/item-filters';
import type { LinkEnd } from '../../shared/model/links';
import { localDate } from '../../shared/model/items';
import { withAliases } from '../../shared/model/owners';
import type { EventRecord } from '../../shared/model/types';
import { chainEntries } from '../../shared/timeline/chain';
import { dayNumber, dayString, rangeFor } from '../../shared/timeline/dates';
import {
  EVENT_KIND,
  PUBLICATION_KIND,
  parseEntryKey,
  timelineEntries,
  type TimelineEntry,
} from '../../shared/timeline/entries';
import { LANE_GROUPINGS, layoutTimeline, type LaneGrouping, type LaneLayout } from '../../shared/timeline/layout';
import { LEVEL_SCALE, levelAt, ZOOM_LEVELS, type ZoomLevel } from '../../shared/timeline/scale';
import { useRepository } from '../app/repository-context';
import { navigate, routeHash, useAddress } from '../app/route';
import { useLive } from '../db/live';
import type { ResolvedChainStep } from '../db/links';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { LinkDragStatus } from '../links/drag-link';
import { LinkPicker } from '../links/LinkPicker';
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
} from '../items/filter-controls';
import { useToast } from '../ui/toasts';
import { DraftBriefButton, timelineDraft } from '../briefs/DraftBriefButton';
import { EntryPreview } from './EntryPreview';
import { EventDialog, type EventDraft } from './EventDialog';
import { entryAriaLabel, entryDate, laneName } from './format';
import { TimelineCanvas, type CanvasHandle, type View } from './TimelineCanvas';
import { formatTimelineQuery, parseTimelineQuery, timelineMemory, type TimelineQuery } from './timeline-query';

/** Rows a lane has before its entries overflow into a density strip. */
const MAX_ROWS = 6;
/** Pixels an entry takes in its row at its level's scale, so its label has room. */
const PACK_PX = 120;

type EventForm = { mode: 'new'; draft: EventDraft } | { mode: 'edit'; event: EventRecord };

export function TimelineView({ query: initialQuery }: { query?: string }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const stored = useLive(() => repository.items.list(), [repository]);
  const events = useLive(() => repository.events.list(), [repository]);
  const documents = useLive(() => repository.documents.list(), [repository]);
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);
  const aliases = useLive(() => repository.ownerAliases.get(), [repository]);
  const table = useMemo(() => (aliases === undefined ? undefined : aliasTable(aliases)), [aliases]);
  const items = useMemo(
    () => (stored === undefined || table === undefined ? undefined : withAliases(stored, table)),
    [stored, table],
  );

  const [query, setQuery] = useState<TimelineQuery>(() => parseTimelineQuery(initialQuery));
  const filter = useDeferredValue(query.filter);
  const [active, setActive] = useState<string | null>(() => query.focus ?? timelineMemory.active);
  const [preview, setPreview] = useState<string | null>(() => query.focus ?? timelineMemory.preview);
  const [level, setLevel] = useState<ZoomLevel>(() =>
    timelineMemory.view && !query.focus ? levelAt(timelineMemory.view.pxPerDay) : 'years',
  );
  const [form, setForm] = useState<EventForm | null>(null);
  /** The link picker: from an entry (Link… in its preview), to another when one was dragged onto it. */
  const [linking, setLinking] = useState<{ from: string; to?: string } | null>(null);
  const canvas = useRef<CanvasHandle>(null);
  const ids = { owners: useId(), keys: 'timeline-keys' };

  // The filters and lanes live in the address; a focus is taken once and then dropped from it.
  const formatted = useMemo(() => formatTimelineQuery({ ...query, focus: null }), [query]);
  useEffect(() => {
    timelineMemory.query = formatted;
  }, [formatted]);
  useAddress(routeHash({ screen: 'timeline', query: formatted }));
  useEffect(() => {
    timelineMemory.active = active;
    timelineMemory.preview = preview;
  }, [active, preview]);

  const today = localDate();
  const titles = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d.title])), [documents]);
  const kindById = useMemo(() => new Map((kinds ?? []).map((k) => [k.id, k])), [kinds]);
  const loaded = items !== undefined && events !== undefined && documents !== undefined && kinds !== undefined;

  const { entries, undated } = useMemo(
    () =>
      loaded
        ? timelineEntries({ items, events, documents }, filter, today, titles, table)
        : { entries: [] as TimelineEntry[], undated: 0 },
    [loaded, items, events, documents, filter, today, titles, table],
  );
  const total = useMemo(
    () =>
      (stored ?? []).filter((i) => i.deadline).length +
      (events ?? []).length +
      (documents ?? []).filter((d) => d.published).length,
    [stored, events, documents],
  );

  const lanes = query.lanes;
  const layout = useMemo(
    () =>
      layoutTimeline(entries, lanes, {
        minDays: PACK_PX / LEVEL_SCALE[level],
        maxRows: MAX_ROWS,
        labelOf: lanes === 'document' ? (id) => titles.get(id) ?? id : undefined,
        kindOrder: (kinds ?? []).map((k) => k.id),
      }),
    [entries, lanes, level, titles, kinds],
  );
  const entryByKey = useMemo(() => new Map(entries.map((e) => [e.key, e])), [entries]);
  // A new event is shown once the live query has it.
  const revealNext = useRef<string | null>(null);
  useEffect(() => {
    const key = revealNext.current;
    if (key && entryByKey.has(key)) {
      revealNext.current = null;
      canvas.current?.reveal(key, true);
    }
  }, [entryByKey]);
  const itemById = useMemo(() => new Map((items ?? []).map((i) => [i.id, i])), [items]);
  const eventById = useMemo(() => new Map((events ?? []).map((e) => [e.id, e])), [events]);
  const documentById = useMemo(() => new Map((documents ?? []).map((d) => [d.id, d])), [documents]);

  // The history of the entry in preview (or selected): its updates / fulfils / contradicts links.
  const chainKey = preview ?? active;
  const chainEnd = chainKey ? parseEntryKey(chainKey) : null;
  const steps = useLive(
    () => (chainEnd ? repository.links.chain(chainEnd) : Promise.resolve([] as ResolvedChainStep[])),
    [repository, chainEnd?.kind, chainEnd?.id],
  );
  const byAnnotation = useMemo(() => {
    const map = new Map<string, string[]>();
    const add = (annotationId: string, key: string) => {
      const list = map.get(annotationId);
      if (list) list.push(key);
      else map.set(annotationId, [key]);
    };
    for (const item of items ?? []) for (const a of item.annotationIds) add(a, `item:${item.id}`);
    for (const event of events ?? []) if (event.annotationId) add(event.annotationId, `event:${event.id}`);
    return map;
  }, [items, events]);
  const chain = useMemo(
    () =>
      (steps ?? []).length > 1
        ? chainEntries(
            (steps ?? []).map((s) => ({ kind: s.end.kind, id: s.end.id, documentId: s.record.documentId })),
            { entries: entryByKey, byAnnotation },
          )
        : [],
    [steps, entryByKey, byAnnotation],
  );

  const update = useCallback(
    (patch: Partial<ItemFilter>) => setQuery((q) => ({ ...q, filter: { ...q.filter, ...patch } })),
    [],
  );
  const clearFilters = () => setQuery((q) => ({ ...q, filter: parseTimelineQuery('').filter }));
  const choices = useFilterChoices(items, documents, kinds, t, true);

  // A new zoom level packs the rows again (a few milliseconds for 20,000 entries) and redraws
  // them: in a transition, so a wheel zoom crossing levels keeps its frames.
  const onView = useCallback((view: View, next: ZoomLevel) => {
    timelineMemory.view = view;
    startTransition(() => setLevel(next));
  }, []);
  const onActivate = useCallback((key: string | null) => {
    setActive(key);
    setPreview((p) => (p === null ? p : key));
  }, []);
  const onOpen = useCallback((key: string) => {
    setActive(key);
    setPreview(key);
  }, []);

  const closePreview = useCallback(() => {
    setPreview(null);
    document.querySelector<HTMLElement>('.tl-entry.active > button')?.focus();
  }, []);

  const openPassage = useCallback((entry: TimelineEntry) => {
    if (!entry.documentId) return;
    navigate({ screen: 'reader', documentId: entry.documentId, annotationId: entry.annotationId ?? undefined });
  }, []);
  const openChainStep = useCallback(
    (step: ResolvedChainStep) => {
      const key =
        step.end.kind === 'annotation' ? byAnnotation.get(step.end.id)?.[0] : `${step.end.kind}:${step.end.id}`;
      if (key && entryByKey.has(key)) {
        onOpen(key);
        canvas.current?.reveal(key, true);
      } else if (step.record.documentId) {
        navigate({
          screen: 'reader',
          documentId: step.record.documentId,
          annotationId: step.record.annotationId ?? undefined,
        });
      }
    },
    [byAnnotation, entryByKey, onOpen],
  );

  const deleteEvent = async (event: EventRecord, keepLinks: boolean) => {
    const deleted = await repository.events.remove(event.id, { keepLinks });
    setPreview(null);
    setActive(null);
    if (deleted) toast(t('eventDeleted', { title: event.title }), () => repository.events.restore(deleted));
  };

  /** A new event starts on the day in the middle of the view. */
  const newEventDraft = (): EventDraft => {
    const centre = canvas.current?.centre();
    return { title: '', date: rangeFor(centre === undefined ? today : dayString(centre), 'day'), note: null };
  };

  const kindColor = useCallback(
    (entry: TimelineEntry) => {
      if (entry.kind === 'document') return 'ink-neutral';
      if (entry.kind === 'event') return 'ink-pink';
      return `ink-${kindById.get(entry.itemKind ?? '')?.color ?? 'purple'}`;
    },
    [kindById],
  );
  const entryClass = useCallback(
    (entry: TimelineEntry) =>
      `kind-${entry.kind} ${kindColor(entry)} precision-${entry.precision}${entry.state ? ` state-${entry.state}` : ''}${entry.pinned ? ' pinned' : ''}`,
    [kindColor],
  );
  const entryLabel = useCallback((entry: TimelineEntry) => entryAriaLabel(entry, kindById, t), [kindById, t]);
  const formatEntryDate = useCallback((entry: TimelineEntry) => entryDate(entry, t), [t]);
  const laneLabel = useCallback(
    (lane: LaneLayout) => laneName(lane, lanes, kindById, titles, t),
    [lanes, kindById, titles, t],
  );
  const moreLabel = useCallback((count: number) => t('timelineMore', { count }), [t]);
  const onLink = useCallback((from: string, to: string) => setLinking({ from, to }), []);

  /** An entry as a link's end: an item with its highlights (they stand for it), an event, a document. */
  const linkEndOf = (key: string): { end: LinkEnd; also: LinkEnd[]; label: string } | null => {
    const entry = entryByKey.get(key);
    if (!entry) return null;
    const annotationIds = entry.kind === 'item' ? (itemById.get(entry.id)?.annotationIds ?? []) : [];
    return {
      end: { kind: entry.kind, id: entry.id },
      also: annotationIds.map((id) => ({ kind: 'annotation', id })),
      label: entry.title,
    };
  };
  const linkFrom = linking ? linkEndOf(linking.from) : null;
  const linkTo = linking?.to ? linkEndOf(linking.to) : null;
  const linkPicker = linkFrom && (
    <LinkPicker
      self={linkFrom.end}
      also={linkFrom.also}
      selfLabel={linkFrom.label}
      other={linkTo?.end}
      onClose={() => setLinking(null)}
    />
  );

  const formElement =
    form === null ? null : form.mode === 'new' ? (
      <EventDialog
        heading={t('eventNew')}
        submitLabel={t('eventAdd')}
        initial={form.draft}
        onClose={() => setForm(null)}
        onSubmit={async (fields) => {
          const event = await repository.events.create(fields);
          const key = `event:${event.id}`;
          setActive(key);
          setPreview(key);
          revealNext.current = key;
          toast(t('eventAdded', { title: event.title }));
        }}
      />
    ) : (
      <EventDialog
        heading={t('eventEditTitle')}
        submitLabel={t('save')}
        initial={{ title: form.event.title, date: form.event.date, note: form.event.note }}
        onClose={() => setForm(null)}
        onSubmit={async (fields) => {
          await repository.events.update(form.event.id, fields);
        }}
      />
    );

  if (!loaded) return <div className="timeline-view" aria-busy="true" />;

  const previewEntry = preview ? entryByKey.get(preview) : undefined;
  const { filter: shown } = query;
  const hasFilter = !isEmptyFilter(shown);

  if (total === 0) {
    return (
      <div className="empty-state timeline-empty">
        <h1>{t('timelineEmpty')}</h1>
        <p>{t('timelineEmptyHint')}</p>
        <div className="form-actions">
          <button
            className="primary"
            data-action="new-event"
            onClick={() => setForm({ mode: 'new', draft: newEventDraft() })}
          >
            {t('eventNew')}
          </button>
          <button onClick={() => navigate({ screen: 'library' })}>{t('itemsGoToLibrary')}</button>
        </div>
        {formElement}
      </div>
    );
  }

  return (
    <div className="timeline-view">
      <div className="items-tools timeline-tools">
        <div className="items-filters">
          <TextFilter filter={shown} update={update} placeholder={t('timelineFilterText')} />
          <KindFilter
            filter={shown}
            update={update}
            choices={choices}
            extra={[
              [EVENT_KIND, t('laneEvents')],
              [PUBLICATION_KIND, t('lanePublications')],
            ]}
            t={t}
          />
          <StatusFilter filter={shown} update={update} t={t} />
          <OwnerFilter filter={shown} update={update} choices={choices} listId={ids.owners} t={t} />
          <CategoryFilter filter={shown} update={update} choices={choices} t={t} />
          <DocumentFilter filter={shown} update={update} choices={choices} titles={titles} t={t} />
          <TagFilter filter={shown} update={update} choices={choices} t={t} />
        </div>
        <div className="items-filters">
          <DateRangeFilter filter={shown} update={update} fromLabel={t('timelineFrom')} toLabel={t('timelineTo')} />
          <OverdueFilter filter={shown} update={update} t={t} />
          {hasFilter && (
            <button className="link" data-action="clear-filters" onClick={clearFilters}>
              {t('itemsClearFilters')}
            </button>
          )}
          <span className="spacer" />
          <label>
            {t('timelineLanes')}
            <select
              data-action="lanes"
              value={lanes}
              onChange={(e) => setQuery((q) => ({ ...q, lanes: e.target.value as LaneGrouping }))}
            >
              {LANE_GROUPINGS.map((g) => (
                <option key={g} value={g}>
                  {t(`lanes_${g}` as StringKey)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <div className="items-bar timeline-bar" role="toolbar" aria-label={t('timelineZoomTools')}>
        <span className="count" aria-live="polite">
          {t('timelineCount', { shown: entries.length.toLocaleString(), total: total.toLocaleString() })}
          {undated > 0 && <span className="muted"> · {t('timelineUndated', { count: undated.toLocaleString() })}</span>}
        </span>
        <span className="spacer" />
        <div className="zoom-group" role="group" aria-label={t('timelineZoom')}>
          <button
            type="button"
            className="icon-text"
            data-action="zoom-out"
            aria-label={t('timelineZoomOut')}
            title={`${t('timelineZoomOut')} (−)`}
            disabled={level === ZOOM_LEVELS[0]}
            onClick={() => canvas.current?.zoom(-1)}
          >
            −
          </button>
          <span className="zoom-level" data-level={level} aria-live="polite">
            {t(`zoom_${level}` as StringKey)}
          </span>
          <button
            type="button"
            className="icon-text"
            data-action="zoom-in"
            aria-label={t('timelineZoomIn')}
            title={`${t('timelineZoomIn')} (+)`}
            disabled={level === ZOOM_LEVELS[ZOOM_LEVELS.length - 1]}
            onClick={() => canvas.current?.zoom(1)}
          >
            +
          </button>
        </div>
        <button
          type="button"
          data-action="fit-all"
          title={`${t('timelineFitAll')} (0)`}
          onClick={() => canvas.current?.fitAll()}
        >
          {t('timelineFitAll')}
        </button>
        <button
          type="button"
          data-action="fit-selection"
          title={`${t('timelineFitSelection')} (F)`}
          disabled={!active}
          onClick={() => canvas.current?.fitSelection()}
        >
          {t('timelineFitSelection')}
        </button>
        <button
          type="button"
          data-action="today"
          title={`${t('timelineToday')} (T)`}
          onClick={() => canvas.current?.today()}
        >
          {t('timelineToday')}
        </button>
        <DraftBriefButton
          source={() => timelineDraft(shown, canvas.current?.visible())}
          title={t('briefDraftFromTimeline')}
        />
        <button
          type="button"
          className="primary"
          data-action="new-event"
          onClick={() => setForm({ mode: 'new', draft: newEventDraft() })}
        >
          {t('eventNew')}
        </button>
      </div>
      <div
        className={`timeline-main${previewEntry ? ' with-preview' : ''}`}
        onKeyDown={(e) => {
          // Escape closes the preview and goes back to its entry.
          if (e.key !== 'Escape' || !previewEntry) return;
          e.preventDefault();
          closePreview();
        }}
      >
        <TimelineCanvas
          layout={layout}
          activeKey={active && entryByKey.has(active) ? active : null}
          previewKey={previewEntry ? preview : null}
          chain={chain}
          today={dayNumber(today)}
          language={language}
          label={t('timelineLabel')}
          laneLabel={laneLabel}
          entryLabel={entryLabel}
          entryDate={formatEntryDate}
          entryClass={entryClass}
          moreLabel={moreLabel}
          todayLabel={t('timelineToday')}
          initialView={query.focus ? null : timelineMemory.view}
          focusKey={query.focus}
          onActivate={onActivate}
          onOpen={onOpen}
          onView={onView}
          onLink={onLink}
          linkHint={t('entryLinkDragHint')}
          handle={canvas}
        />
        {previewEntry && (
          <EntryPreview
            entry={previewEntry}
            item={previewEntry.kind === 'item' ? itemById.get(previewEntry.id) : undefined}
            event={previewEntry.kind === 'event' ? eventById.get(previewEntry.id) : undefined}
            document={previewEntry.kind === 'document' ? documentById.get(previewEntry.id) : undefined}
            documentTitle={previewEntry.documentId ? titles.get(previewEntry.documentId) : undefined}
            kinds={kindById}
            chain={steps ?? []}
            onOpenPassage={openPassage}
            onOpenChainStep={openChainStep}
            onEdit={(event) => setForm({ mode: 'edit', event })}
            onDelete={(event, keepLinks) => void deleteEvent(event, keepLinks)}
            onLink={(entry) => setLinking({ from: entry.key })}
            onLinkDrag={(entry, event) => canvas.current?.beginLink(entry.key, event)}
            onClose={closePreview}
          />
        )}
      </div>
      {entries.length === 0 && (
        <div className="timeline-none" role="status">
          <p>{hasFilter ? t('timelineNoMatch') : t('timelineNothingShown')}</p>
          {hasFilter && <button onClick={clearFilters}>{t('itemsClearFilters')}</button>}
        </div>
      )}
      <p className="muted keys timeline-keys" id={ids.keys}>
        {t('timelineKeyboardHint')}
      </p>
      <LinkDragStatus />
      {formElement}
      {linkPicker}
    </div>
  );
}
