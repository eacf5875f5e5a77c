// The reader's surface for PDFs: a toolbar (outline, page, zoom, find) over pdf.js's viewer,
// with Dossier's highlights drawn on the pages. The reader asks it for the selected passage
// and tells it which annotation to scroll to, through the handle.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { AnnotationRecord, PdfPageMap, PdfRect, PdfSummary } from '../../../shared/model/types';
import { useI18n } from '../../i18n/i18n';
import { PdfReader, ZOOM_STEPS, type OutlineEntry, type ZoomValue } from './pdf-reader';
import { offsetAtPoint, pdfSelectedRange } from './pdf-selection';

export interface PdfViewHandle {
  selectedRange(): { start: number; end: number } | null;
  scrollToAnnotation(annotation: AnnotationRecord): void;
  /** Scrolls a passage that is not a highlight (a suggestion) into view. */
  scrollToRect(rect: PdfRect): void;
  focusFind(): void;
}

interface Props {
  bytes: Uint8Array;
  pageMap: PdfPageMap;
  summary: PdfSummary | undefined;
  annotations: readonly AnnotationRecord[];
  activeId: string | null;
  /** Highlights tagged as items, drawn with a mark of their own. */
  itemIds?: ReadonlySet<string>;
  onActivate(id: string): void;
}

type FindStatus = { state: 'found' | 'not-found' | 'pending'; current: number; total: number } | null;

export const PdfView = forwardRef<PdfViewHandle, Props>(function PdfView(props, ref) {
  const { t } = useI18n();
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const readerRef = useRef<PdfReader | null>(null);
  const [page, setPage] = useState(1);
  const [pages, setPages] = useState(0);
  const [pageInput, setPageInput] = useState('1');
  const [scale, setScale] = useState(1);
  const [zoomChoice, setZoomChoice] = useState<string>('page-width');
  const [outline, setOutline] = useState<OutlineEntry[] | null>(null);
  const [showOutline, setShowOutline] = useState(false);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<FindStatus>(null);
  const [error, setError] = useState<string | null>(null);
  const { bytes, pageMap, annotations, activeId, itemIds } = props;

  useEffect(() => {
    const reader = new PdfReader(containerRef.current!, viewerRef.current!, pageMap, {
      onPage: (n, total) => {
        setPage(n);
        setPageInput(String(n));
        setPages(total);
      },
      onScale: setScale,
      onFind: (state, current, total) => setFound({ state, current, total }),
    });
    readerRef.current = reader;
    reader
      .open(bytes)
      .then(() => reader.outline())
      .then(setOutline)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      reader.destroy();
      readerRef.current = null;
    };
  }, [bytes, pageMap]);

  useEffect(() => {
    readerRef.current?.setHighlights(annotations, activeId, itemIds);
  }, [annotations, activeId, itemIds, pages]);

  useImperativeHandle(
    ref,
    () => ({
      selectedRange: () => (containerRef.current ? pdfSelectedRange(containerRef.current, pageMap) : null),
      scrollToAnnotation: (annotation) => {
        const rect = annotation.target.rects?.[0];
        if (rect) readerRef.current?.scrollToRect(rect);
      },
      scrollToRect: (rect) => readerRef.current?.scrollToRect(rect),
      focusFind: () => findRef.current?.focus(),
    }),
    [pageMap],
  );

  const zoom = (value: ZoomValue) => {
    setZoomChoice(String(value));
    readerRef.current?.zoom(value);
  };
  const step = (direction: 1 | -1) => {
    setZoomChoice('custom');
    readerRef.current?.zoomStep(direction);
  };

  // Ctrl/Cmd + "+", "-", "0" zoom the pages (not the whole window) while the PDF has focus.
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.key === '+' || event.key === '=') step(1);
    else if (event.key === '-') step(-1);
    else if (event.key === '0') zoom('page-width');
    else return;
    event.preventDefault();
  };

  const find = (again: boolean, previous = false) => {
    if (query.trim()) readerRef.current?.find(query, again, previous);
  };

  const textless = props.summary ? props.summary.pages - props.summary.textPages : 0;

  return (
    <div className="pdf-view" onKeyDown={onKeyDown}>
      <div className="pdf-toolbar" role="toolbar" aria-label="PDF">
        <button
          aria-pressed={showOutline}
          onClick={() => setShowOutline(!showOutline)}
          disabled={!outline?.length}
          title={outline?.length ? undefined : t('pdfNoOutline')}
        >
          {t('pdfOutline')}
        </button>
        <form
          className="pdf-page"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(pageInput);
            if (Number.isInteger(n)) readerRef.current?.goToPage(n);
            else setPageInput(String(page));
          }}
        >
          <label>
            {t('pdfPage')}{' '}
            <input
              className="page-input"
              inputMode="numeric"
              value={pageInput}
              onChange={(e) => setPageInput(e.target.value)}
              onBlur={() => setPageInput(String(page))}
              aria-label={t('pdfPage')}
            />
          </label>{' '}
          <span>{t('pdfPageOf', { pages })}</span>
        </form>
        <div className="pdf-zoom">
          <button onClick={() => step(-1)} aria-label={t('pdfZoomOut')} title={t('pdfZoomOut')}>
            −
          </button>
          <select
            aria-label={t('pdfZoom')}
            value={zoomChoice}
            onChange={(e) =>
              zoom(
                e.target.value === 'page-width' || e.target.value === 'page-fit'
                  ? e.target.value
                  : Number(e.target.value),
              )
            }
          >
            <option value="page-width">{t('pdfFitWidth')}</option>
            <option value="page-fit">{t('pdfFitPage')}</option>
            {zoomChoice === 'custom' && <option value="custom">{Math.round(scale * 100)}%</option>}
            {ZOOM_STEPS.map((s) => (
              <option key={s} value={String(s)}>
                {Math.round(s * 100)}%
              </option>
            ))}
          </select>
          <button onClick={() => step(1)} aria-label={t('pdfZoomIn')} title={t('pdfZoomIn')}>
            +
          </button>
        </div>
        <form
          className="pdf-find"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            find(true);
          }}
        >
          <input
            ref={findRef}
            type="search"
            value={query}
            placeholder={t('findPlaceholder')}
            aria-label={t('findPlaceholder')}
            onChange={(e) => {
              setQuery(e.target.value);
              if (e.target.value.trim()) readerRef.current?.find(e.target.value, false, false);
              else {
                readerRef.current?.clearFind();
                setFound(null);
              }
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && e.shiftKey) {
                e.preventDefault();
                find(true, true);
              } else if (e.key === 'Escape') {
                setQuery('');
                setFound(null);
                readerRef.current?.clearFind();
              }
            }}
          />
          <button
            type="button"
            onClick={() => find(true, true)}
            aria-label={t('findPrevious')}
            title={t('findPrevious')}
          >
            ↑
          </button>
          <button type="submit" aria-label={t('findNext')} title={t('findNext')}>
            ↓
          </button>
          <span className="find-status" role="status">
            {query.trim() && found?.state === 'not-found' && t('findNone')}
            {query.trim() && found?.state === 'found' && found.total > 0 && t('findCount', found)}
          </span>
        </form>
      </div>
      {error && <p className="banner error">{t('pdfLoadFailed', { error })}</p>}
      {props.summary && textless === props.summary.pages && <p className="banner">{t('pdfScanned')}</p>}
      {props.summary && textless > 0 && textless < props.summary.pages && (
        <p className="banner">{t('pdfPartlyScanned', { count: textless, total: props.summary.pages })}</p>
      )}
      <div className="pdf-body">
        {showOutline && outline && (
          <nav className="pdf-outline" aria-label={t('pdfOutline')}>
            <OutlineList entries={outline} onOpen={(dest) => readerRef.current?.goToDestination(dest)} />
          </nav>
        )}
        <div className="pdf-stage">
          <div
            ref={containerRef}
            className="pdf-container"
            tabIndex={0}
            lang="zh"
            onClick={(e) => {
              const selection = window.getSelection();
              if (selection && !selection.isCollapsed) return;
              const offset = offsetAtPoint(e.clientX, e.clientY, pageMap);
              if (offset === null) return;
              const hit = annotations.find(
                (a) => !a.orphaned && a.target.position.start <= offset && offset < a.target.position.end,
              );
              if (hit) props.onActivate(hit.id);
            }}
          >
            <div ref={viewerRef} className="pdfViewer" />
          </div>
        </div>
      </div>
    </div>
  );
});

function OutlineList(props: { entries: OutlineEntry[]; onOpen(dest: OutlineEntry['dest']): void }) {
  return (
    <ul>
      {props.entries.map((entry, i) => (
        <li key={i}>
          <button className="link" onClick={() => props.onOpen(entry.dest)}>
            {entry.title}
          </button>
          {entry.items.length > 0 && <OutlineList entries={entry.items} onOpen={props.onOpen} />}
        </li>
      ))}
    </ul>
  );
}
