// The Sources panel beside a brief: the library's highlights, found by words and by document,
// each dragged into the brief (a quote lands where it is dropped) or inserted at the caret with
// Enter or its button. ↓ from the search box walks the list; Esc returns to the box.
import { useRef, useState } from 'react';
import type { QuoteSource } from '../db/briefs';
import { useRepository } from '../app/repository-context';
import { formatPublished } from '../app/format';
import { useI18n } from '../i18n/i18n';
import { startLinkDrag, stopLinkDrag } from '../links/drag-link';
import { useQuoteSources } from './sources-query';

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** A highlight as a source: its words, and where they come from. */
export function SourceSummary({ source }: { source: QuoteSource }) {
  const { t } = useI18n();
  const { annotation, document } = source;
  return (
    <>
      <blockquote className={`quote source-quote hl-border-${annotation.color}`} lang="zh">
        {clip(annotation.target.quote.exact, 160)}
      </blockquote>
      {annotation.noteText && <p className="source-note">{clip(annotation.noteText, 100)}</p>}
      <p className="source-meta">
        <span lang="zh">《{document?.title ?? t('briefUntitled')}》</span>
        {document?.published && <span className="source-date">{formatPublished(document.published)}</span>}
        {annotation.orphaned && <span className="badge">{t('briefSourceOrphan')}</span>}
      </p>
    </>
  );
}

/** Drag handlers of a source: it carries its highlight as a link end, and its words for other programs. */
export function sourceDrag(source: QuoteSource) {
  return {
    draggable: true,
    onDragStart: (event: React.DragEvent<HTMLElement>) => {
      const { annotation } = source;
      startLinkDrag(
        { end: { kind: 'annotation', id: annotation.id }, also: [], label: annotation.target.quote.exact },
        event.dataTransfer,
      );
      event.dataTransfer.setData('text/plain', annotation.target.quote.exact);
      event.dataTransfer.effectAllowed = 'copyLink';
    },
    onDragEnd: () => stopLinkDrag(),
  };
}

export function SourcesPanel({ onInsert }: { onInsert: (source: QuoteSource) => void }) {
  const { t } = useI18n();
  const repository = useRepository();
  const [q, setQ] = useState('');
  const [inDocument, setInDocument] = useState<{ id: string; title: string } | null>(null);
  const sources = useQuoteSources(repository, { q, documentId: inDocument?.id ?? null });
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const focusItem = (index: number) => {
    const items = list.current?.querySelectorAll<HTMLElement>(':scope > li');
    if (!items?.length) return;
    items[Math.max(0, Math.min(index, items.length - 1))]!.focus();
  };

  const onItemKey = (event: React.KeyboardEvent<HTMLLIElement>, index: number, source: QuoteSource) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      onInsert(source);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (event.key === 'ArrowUp' && index === 0) input.current?.focus();
      else focusItem(index + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Escape') {
      input.current?.focus();
    }
  };

  const heading = q.trim() || inDocument ? t('briefSourcesFound') : t('briefSourcesRecent');
  return (
    <aside className="brief-sources" aria-label={t('briefSources')}>
      <h2>{t('briefSources')}</h2>
      <input
        ref={input}
        type="search"
        className="brief-sources-search"
        data-sources-search
        placeholder={t('briefSourcesPlaceholder')}
        aria-label={t('briefSourcesPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            focusItem(0);
          }
        }}
      />
      {inDocument && (
        <p className="brief-sources-filter">
          <span lang="zh">{t('briefSourcesIn', { title: clip(inDocument.title, 40) })}</span>
          <button
            type="button"
            className="icon"
            aria-label={t('briefSourcesAllDocuments')}
            title={t('briefSourcesAllDocuments')}
            onClick={() => setInDocument(null)}
          >
            ×
          </button>
        </p>
      )}
      <h3 className="brief-sources-heading">
        {heading}
        {sources && <span className="count"> · {sources.length}</span>}
      </h3>
      <p className="brief-sources-hint muted">{t('briefSourcesHint')}</p>
      {sources === undefined ? (
        <p className="muted">{t('briefSourcesSearching')}</p>
      ) : sources.length === 0 ? (
        <p className="muted">{q.trim() ? t('briefSourcesNone', { q: q.trim() }) : t('briefSourcesEmpty')}</p>
      ) : (
        <ul ref={list} className="brief-source-list">
          {sources.map((source, index) => (
            <li
              key={source.annotation.id}
              className="brief-source"
              tabIndex={0}
              data-annotation-id={source.annotation.id}
              aria-description={t('briefSourceHint')}
              {...sourceDrag(source)}
              onKeyDown={(e) => onItemKey(e, index, source)}
            >
              <SourceSummary source={source} />
              <div className="brief-source-actions">
                <button type="button" data-action="insert-source" onClick={() => onInsert(source)}>
                  {t('briefInsert')}
                </button>
                {!inDocument && source.document && (
                  <button
                    type="button"
                    className="link"
                    data-action="filter-document"
                    onClick={() => setInDocument({ id: source.document!.id, title: source.document!.title })}
                  >
                    {t('briefSourcesThisDocument')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
