import { useCallback, useMemo, useState } from 'react';
import { formatPublished, formatSource } from '../app/format';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import { TrashIcon } from '../ui/icons';
import { useToast } from '../ui/toasts';
import { libraryRows, librarySources, type LibrarySort } from './library-rows';
import { linkCount } from '../links/link-format';
import { ExportDataButton } from '../export/ExportDataButton';

export function LibraryView({ onImport }: { onImport: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const documents = useLive(() => repository.documents.list(), [repository]);
  const counts = useLive(() => repository.annotations.countByDocument(), [repository]);
  const [text, setText] = useState('');
  const [source, setSource] = useState('');
  const [sort, setSort] = useState<LibrarySort>('date');

  const rows = useMemo(
    () => libraryRows(documents ?? [], counts ?? new Map(), { text, source }, sort),
    [documents, counts, text, source, sort],
  );
  const sources = useMemo(() => librarySources(documents ?? []), [documents]);
  const [shownCount, sentinel] = useProgressiveCount(rows.length);

  const remove = async (id: string) => {
    const deleted = await repository.documents.remove(id);
    if (!deleted) return;
    // A document's links (and its highlights' and items') go with it: nothing is left to keep them on.
    const links = deleted.links?.removed.length ?? 0;
    const message = t('deleted', { title: deleted.meta.title });
    toast(links ? t('linksRemovedNote', { message, links: linkCount(links, t) }) : message, () =>
      repository.documents.restore(deleted),
    );
  };

  if (documents && documents.length === 0) {
    return (
      <div className="empty-state">
        <h1>{t('emptyLibrary')}</h1>
        <p>{t('importHint')}</p>
        <button className="primary" onClick={onImport}>
          {t('import')}
        </button>
      </div>
    );
  }

  return (
    <div className="library">
      <div className="library-tools">
        <input
          type="search"
          data-find
          placeholder={t('filterPlaceholder')}
          aria-label={t('filterPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label={t('colSource')} value={source} onChange={(e) => setSource(e.target.value)}>
          <option value="">{t('allSources')}</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label>
          {t('sortBy')}{' '}
          <select value={sort} onChange={(e) => setSort(e.target.value as LibrarySort)}>
            <option value="date">{t('sortDate')}</option>
            <option value="title">{t('sortTitle')}</option>
            <option value="imported">{t('sortImported')}</option>
            <option value="highlights">{t('sortHighlights')}</option>
          </select>
        </label>
        <ExportDataButton />
      </div>
      <table className="library-table">
        <thead>
          <tr>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('colSource')}</th>
            <th scope="col">{t('colDate')}</th>
            <th scope="col" className="num">
              {t('colHighlights')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shownCount).map(({ meta, highlights }) => (
            <tr
              key={meta.id}
              tabIndex={0}
              data-document-id={meta.id}
              onClick={() => navigate({ screen: 'reader', documentId: meta.id })}
              onKeyDown={(e) => {
                if (e.target !== e.currentTarget) return;
                if (e.key === 'Enter') navigate({ screen: 'reader', documentId: meta.id });
                if (e.key === 'Delete') void remove(meta.id);
              }}
            >
              <td className="doc-title" lang="zh">
                {meta.title}
              </td>
              <td lang="zh">{formatSource(meta.source) || <span className="muted">{t('unknownSource')}</span>}</td>
              <td className="date">
                {meta.published ? formatPublished(meta.published) : <span className="muted">{t('noDate')}</span>}
                {meta.published?.status === 'inferred' && <span className="badge">{t('inferred')}</span>}
              </td>
              <td className="num">{counts ? highlights : '…'}</td>
              <td>
                <button
                  className="icon"
                  aria-label={`${t('delete')} ${meta.title}`}
                  title={t('delete')}
                  onClick={(e) => {
                    e.stopPropagation();
                    void remove(meta.id);
                  }}
                >
                  <TrashIcon />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shownCount < rows.length && (
        <div key={shownCount} ref={sentinel} className="library-more muted" aria-live="polite">
          {t('libraryShowing', { shown: shownCount.toLocaleString(), total: rows.length.toLocaleString() })}
        </div>
      )}
    </div>
  );
}

/** Rows rendered at first, and added each time the end of the list scrolls into view. */
const PAGE = 300;

/**
 * A long library renders its first rows at once and the rest as the analyst scrolls to them,
 * so ten thousand documents open as fast as a few hundred (filters still see every row). The
 * sentinel below the rows is a new element for each page, so it is observed afresh even
 * when it stays in view.
 */
function useProgressiveCount(total: number): [number, (el: HTMLDivElement | null) => () => void] {
  const [count, setCount] = useState(PAGE);
  const sentinel = useCallback((el: HTMLDivElement | null) => {
    if (!el) return () => {};
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setCount((c) => c + PAGE);
      },
      { rootMargin: '800px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [Math.min(count, total), sentinel];
}
