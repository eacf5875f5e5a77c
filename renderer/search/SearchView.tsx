// The search screen (#/search?q=…): words over the whole library — documents, notes, items —
// ranked, each hit with its words marked in a snippet; filters by kind, source, publication
// date and tag. The search box keeps the focus: ↑ ↓ move through the hits, Enter opens the
// active one at its passage. The words and filters live in the address, so Back from a hit
// returns to the same list.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { UnitKind } from '../../shared/search/segment';
import { useRepository } from '../app/repository-context';
import { routeHash, useAddress } from '../app/route';
import { useLive } from '../db/live';
import type { Facets, SearchHit, SearchResponse, SearchStatus } from '../db/search-index';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { kindDefinition, kindLabel } from '../reader/items/kinds';
import { Marked, SnippetText } from './Highlighted';
import { openHit } from './open-hit';
import { searchClient } from './search-client';
import {
  EMPTY_SEARCH,
  formatSearchQuery,
  hasFilters,
  parseSearchQuery,
  SEARCH_KINDS,
  searchFilters,
  type SearchQuery,
} from './search-query';

const PAGE = 50;
/** Typing pauses this long before the search runs. */
const DEBOUNCE_MS = 120;

/** The search screen where the analyst left it (kept for the window's life). */
export const searchViewMemory = { query: '' };

/** The index's state as the worker last reported it. */
export function useSearchStatus(): SearchStatus | null {
  const client = searchClient();
  const [status, setStatus] = useState<SearchStatus | null>(() => client.status());
  useEffect(() => {
    const stop = client.subscribe(setStatus);
    void client.open().then(setStatus, () => {});
    return stop;
  }, [client]);
  return status;
}

export function SearchView({ query: initialQuery }: { query?: string }) {
  const { t } = useI18n();
  const repository = useRepository();
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);
  const status = useSearchStatus();
  const ids = { list: useId(), status: useId() };
  const input = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const [query, setQuery] = useState<SearchQuery>(() => parseSearchQuery(initialQuery));
  const [limit, setLimit] = useState(PAGE);
  const [response, setResponse] = useState<SearchResponse | null>(null);
  /** Milliseconds from asking the index to its answer, for the question asked (shown next to the count, read by the benchmark). */
  const [answered, setAnswered] = useState<{ question: string; ms: number } | null>(null);
  const [active, setActive] = useState(0);
  const [facets, setFacets] = useState<Facets>({ sites: [], tags: [] });

  // The words and filters live in the address: a reload or Back brings them back.
  const formatted = useMemo(() => formatSearchQuery(query), [query]);
  useEffect(() => {
    searchViewMemory.query = formatted;
  }, [formatted]);
  useAddress(routeHash({ screen: 'search', query: formatted }));

  useEffect(() => {
    input.current?.focus();
  }, []);

  // The filter lists follow the library (sources and tags in the index).
  const indexed = status ? `${status.units.document}/${status.units.note}/${status.units.item}/${status.segments}` : '';
  useEffect(() => {
    void searchClient()
      .facets()
      .then(setFacets, () => {});
  }, [indexed]);

  // Search as the analyst types (after a short pause); only the latest answer is shown. An
  // answer given while the index was still catching up is asked again once it has.
  const active_ = query.q.trim() !== '' || hasFilters(query);
  useEffect(() => {
    if (!active_) return;
    const client = searchClient();
    let cancelled = false;
    let stop: (() => void) | null = null;
    const question = questionKey(query, limit);
    const run = () => {
      const started = performance.now();
      return client.search({ q: query.q, filters: searchFilters(query), limit }).then(
        (next) => {
          if (cancelled) return;
          setAnswered({ question, ms: Math.round(performance.now() - started) });
          setResponse(next);
          setActive(0);
          if (next.partial && !stop) {
            stop = client.subscribe((s) => {
              if (s.building || s.pending > 0) return;
              stop?.();
              stop = null;
              void run();
            });
          }
        },
        () => {},
      );
    };
    const timer = setTimeout(() => void run(), DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      stop?.();
    };
  }, [query, limit, active_]);

  const hits = useMemo(() => (active_ ? (response?.hits ?? []) : []), [active_, response]);
  const took = answered && answered.question === questionKey(query, limit) ? answered.ms : null;
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1));
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const update = (patch: Partial<SearchQuery>) => {
    setQuery((q) => ({ ...q, ...patch }));
    setLimit(PAGE);
    setActive(0);
  };
  const toggleKind = (kind: UnitKind | null) =>
    update({ kinds: kind === null ? [] : query.kinds.includes(kind) ? query.kinds.filter((k) => k !== kind) : [kind] });

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      setActive((i) => Math.max(0, Math.min(hits.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Home' && event.target !== input.current) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && event.target !== input.current) {
      event.preventDefault();
      setActive(hits.length - 1);
    } else if (event.key === 'Enter' && hits[activeIndex]) {
      event.preventDefault();
      openHit(hits[activeIndex]!);
    } else if (event.key === 'Escape' && query.q) {
      event.preventDefault();
      update({ q: '' });
    }
  };

  const kindName = (hit: SearchHit) =>
    hit.kind === 'item' && hit.itemKind
      ? kindLabel(kindDefinition(kinds ?? [], hit.itemKind), t)
      : t(`searchKindOne_${hit.kind}` as StringKey);

  const total = response?.total ?? 0;
  return (
    <section
      className="search-view"
      aria-label={t('search')}
      data-index-builds={status?.builds ?? ''}
      data-index-loaded={status?.loadedFrom ?? ''}
      data-index-indexed={status?.indexedSinceOpen ?? ''}
    >
      <div className="search-bar" role="search">
        <input
          ref={input}
          type="search"
          data-find
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={ids.list}
          aria-activedescendant={hits.length ? `${ids.list}-${activeIndex}` : undefined}
          aria-describedby={ids.status}
          aria-label={t('searchPlaceholder')}
          placeholder={t('searchPlaceholder')}
          value={query.q}
          onChange={(e) => update({ q: e.target.value })}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="search-filters">
        <div className="segmented" role="group" aria-label={t('searchKinds')}>
          <button type="button" aria-pressed={query.kinds.length === 0} onClick={() => toggleKind(null)}>
            {t('searchKindAll')}
          </button>
          {SEARCH_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              data-kind={kind}
              aria-pressed={query.kinds.includes(kind)}
              onClick={() => toggleKind(kind)}
            >
              {t(`searchKind_${kind}` as StringKey)}
            </button>
          ))}
        </div>
        <select aria-label={t('colSource')} value={query.site} onChange={(e) => update({ site: e.target.value })}>
          <option value="">{t('allSources')}</option>
          {[...new Set([...facets.sites.map((s) => s.value), ...(query.site ? [query.site] : [])])].map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
        <fieldset className="search-dates">
          <legend>{t('searchFrom')}</legend>
          <input
            type="date"
            aria-label={t('searchFrom')}
            value={query.from}
            max={query.to || undefined}
            onChange={(e) => update({ from: e.target.value })}
          />
          <span aria-hidden>–</span>
          <input
            type="date"
            aria-label={t('searchTo')}
            value={query.to}
            min={query.from || undefined}
            onChange={(e) => update({ to: e.target.value })}
          />
        </fieldset>
        <select aria-label={t('searchTag')} value={query.tag} onChange={(e) => update({ tag: e.target.value })}>
          <option value="">{t('searchAllTags')}</option>
          {[...new Set([...facets.tags.map((s) => s.value), ...(query.tag ? [query.tag] : [])])].map((tag) => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </select>
        {hasFilters(query) && (
          <button type="button" className="link" onClick={() => update({ ...EMPTY_SEARCH, q: query.q })}>
            {t('searchClearFilters')}
          </button>
        )}
      </div>

      <div className="search-status" id={ids.status} role="status" aria-live="polite">
        {active_ && response && (
          <>
            <span className="count">
              {total > hits.length
                ? t('searchResultsBest', { shown: hits.length, count: total })
                : t('searchResults', { count: total })}
            </span>
            {took !== null && (
              <span className="took muted" data-took-ms={took}>
                {t('searchTook', { ms: took })}
              </span>
            )}
            {response.partial && <span className="partial">{t('searchPartial')}</span>}
            {hits.length > 0 && <span className="keys muted">{t('searchKeys')}</span>}
          </>
        )}
      </div>

      {!active_ ? (
        <div className="search-empty">
          <p>{t('searchHint')}</p>
          <IndexStatus status={status} />
        </div>
      ) : response && hits.length === 0 ? (
        <div className="search-empty" data-empty="no-results">
          <p>
            {query.q.trim()
              ? t(hasFilters(query) ? 'searchNoResultsFiltered' : 'searchNoResults', { q: query.q.trim() })
              : t('searchNoneFiltered')}
          </p>
          {hasFilters(query) && (
            <button type="button" onClick={() => update({ ...EMPTY_SEARCH, q: query.q })}>
              {t('searchClearFilters')}
            </button>
          )}
        </div>
      ) : (
        <>
          <ul className="search-results" id={ids.list} role="listbox" aria-label={t('search')} ref={listRef}>
            {hits.map((hit, i) => (
              <li
                key={hit.key}
                id={`${ids.list}-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                className="search-hit"
                data-index={i}
                data-kind={hit.kind}
                data-hit={hit.key}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                onClick={() => openHit(hit)}
              >
                <div className="hit-head">
                  <span className={`hit-kind kind-${hit.kind}`}>{kindName(hit)}</span>
                  <span className="hit-title" lang="zh">
                    <Marked text={hit.title} marks={hit.titleMarks} />
                  </span>
                  {hit.status && <span className="hit-state muted">{t(`status_${hit.status}` as StringKey)}</span>}
                </div>
                {(hit.field !== 'title' || hit.kind === 'document') && hit.snippet.text && (
                  <p className="hit-snippet" lang="zh">
                    <SnippetText snippet={hit.snippet} />
                  </p>
                )}
                <div className="hit-meta">
                  {hit.documentTitle && (
                    <span className="hit-doc" lang="zh">
                      {t('searchIn', { title: hit.documentTitle })}
                    </span>
                  )}
                  {hit.site && <span lang="zh">{hit.site}</span>}
                  {hit.published && (
                    <span className="date">
                      {hit.published.from === hit.published.to
                        ? hit.published.from
                        : `${hit.published.from} – ${hit.published.to}`}
                    </span>
                  )}
                  {hit.tags.length > 0 && (
                    <span className="hit-tags" lang="zh">
                      {hit.tags.map((tag) => `#${tag}`).join(' ')}
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {total > hits.length && (
            <button type="button" className="search-more" onClick={() => setLimit((l) => l + PAGE)}>
              {t('searchMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function IndexStatus({ status }: { status: SearchStatus | null }) {
  const { t } = useI18n();
  if (!status) return null;
  return (
    <p className="search-index muted" data-index-status>
      {status.building || status.pending > 0
        ? t('searchIndexing')
        : t('searchIndexStatus', {
            documents: status.units.document,
            notes: status.units.note,
            items: status.units.item,
          })}{' '}
      <button type="button" className="link" onClick={() => void searchClient().rebuild()}>
        {t('searchRebuild')}
      </button>
    </p>
  );
}

/** One question to the index: its words, filters and how many hits were asked for. */
const questionKey = (query: SearchQuery, limit: number): string =>
  JSON.stringify([query.q, searchFilters(query), limit]);
