import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { passageTarget } from '../../shared/anchoring/passage';
import type { Candidate } from '../../shared/extract/types';
import type { HighlightColor, ItemKindDefinition, ItemRecord } from '../../shared/model/types';
import { splitDocument } from '../../shared/ingest/split';
import { documentsFromParts } from '../../shared/model/document';
import { formatPublished, formatSource } from '../app/format';
import { bridge } from '../bridge/bridge';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import type { IngestClient } from '../import/ingest-client';
import { useToast } from '../ui/toasts';
import { AnnotationSidebar, ColorPicker } from './AnnotationSidebar';
import { DetailsPanel } from './DetailsPanel';
import { exportDocument } from './export-document';
import { DocumentText, type MarkedKind } from './DocumentText';
import { kindDefinition, kindForShortcut, kindLabel } from './items/kinds';
import { SuggestionsPanel } from './items/SuggestionsPanel';
import { suggestionStates } from './items/suggestions';
import { TagButtons } from './items/TagButtons';
import { useExtraction } from './items/use-extraction';
import { useTagging } from './items/use-tagging';
import { useAddToTimeline } from '../timeline/add-to-timeline';
import { previewPassage, scrollToRange } from './preview';
import { rangeOfOffsets, selectedRange } from './selection';
import { SidebarTabs, type SidebarTab } from './SidebarTabs';
import { SplitDialog } from './SplitDialog';
import { useReaderLinkDrop } from './link-drop';
import type { PdfViewHandle } from './pdf/PdfView';
import { DraftBriefButton } from '../briefs/DraftBriefButton';

// pdf.js is large: it loads when the first PDF is opened, not with the app.
const PdfView = lazy(() => import('./pdf/PdfView').then((m) => ({ default: m.PdfView })));

interface PendingSelection {
  start: number;
  end: number;
  top: number;
  left: number;
}

export function ReaderView(props: {
  documentId: string;
  focusAnnotationId?: string;
  /** A passage to show on opening (a search hit): offsets into the canonical text. */
  at?: { start: number; end: number };
  sidebarHidden: boolean;
  ingestClient: () => IngestClient;
}) {
  const { documentId } = props;
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const meta = useLive(() => repository.documents.get(documentId), [repository, documentId]);
  const body = useLive(() => repository.documents.body(documentId), [repository, documentId]);
  const annotations = useLive(() => repository.annotations.forDocument(documentId), [repository, documentId]);
  const items = useLive(() => repository.items.forDocument(documentId), [repository, documentId]);
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);
  const extraction = useExtraction(documentId, meta);
  const { tagSelection, tagHighlight } = useTagging({ documentId, meta, body });
  const addToTimeline = useAddToTimeline({
    documentId,
    meta,
    body,
    mentions: extraction.stored?.extraction.temporal,
  });
  const isPdf = meta?.kind === 'pdf';
  // A PDF is shown from its original bytes; other documents from their canonical text.
  const pdfFile = useLive(
    () => (isPdf ? repository.documents.original(documentId) : Promise.resolve(null)),
    [repository, documentId, isPdf],
  );
  const pdfRef = useRef<PdfViewHandle>(null);
  const [activeId, setActiveId] = useState<string | null>(props.focusAnnotationId ?? null);
  // Following a link to another passage of this document (#/doc/…/a/…) makes it the active one.
  const [focused, setFocused] = useState(props.focusAnnotationId);
  if (props.focusAnnotationId !== focused) {
    setFocused(props.focusAnnotationId);
    if (props.focusAnnotationId) setActiveId(props.focusAnnotationId);
  }
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>('yellow');
  const [panel, setPanel] = useState<'none' | 'details' | 'original' | 'split'>('none');
  const [original, setOriginal] = useState<{ text: string; dropped: string[] } | null>(null);
  /** An orphan waiting for the analyst to select its passage ("Re-attach"). */
  const [reattachId, setReattachId] = useState<string | null>(null);
  const [tab, setTab] = useState<SidebarTab>('highlights');
  const articleRef = useRef<HTMLElement>(null);
  // Drag a highlight card onto another card, or onto a highlight in the text, to link them.
  const linkDrop = useReaderLinkDrop({ annotations, items, articleRef });

  /** The item each highlight is tagged as. */
  const itemOf = useMemo(() => {
    const map = new Map<string, ItemRecord>();
    for (const item of items ?? []) for (const id of item.annotationIds) if (!map.has(id)) map.set(id, item);
    return map;
  }, [items]);
  const markedKinds = useMemo(() => {
    const map = new Map<string, MarkedKind>();
    for (const [id, item] of itemOf) {
      const kind = kindDefinition(kinds ?? [], item.kind);
      map.set(id, { label: kindLabel(kind, t), color: kind.color });
    }
    return map;
  }, [itemOf, kinds, t]);
  const itemIds = useMemo(() => new Set(itemOf.keys()), [itemOf]);
  const suggestions = useMemo(
    () =>
      extraction.stored
        ? suggestionStates(
            extraction.stored.extraction.candidates,
            extraction.stored.dismissed,
            annotations ?? [],
            items ?? [],
          )
        : [],
    [extraction.stored, annotations, items],
  );

  const scrollTo = useCallback(
    (id: string) => {
      if (isPdf) {
        const annotation = annotations?.find((a) => a.id === id);
        if (annotation) pdfRef.current?.scrollToAnnotation(annotation);
        return;
      }
      const mark = articleRef.current?.querySelector(`mark[data-ids~="${CSS.escape(id)}"]`);
      mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [isPdf, annotations],
  );

  const select = useCallback(
    (id: string) => {
      setActiveId(id);
      scrollTo(id);
    },
    [scrollTo],
  );

  useEffect(() => {
    if (props.focusAnnotationId && body) scrollTo(props.focusAnnotationId);
  }, [props.focusAnnotationId, body, scrollTo]);

  // Re-attaching: the selected passage becomes the annotation's new target (same id, note, tags, colour).
  const reattach = useCallback(
    async (range: { start: number; end: number }) => {
      if (!reattachId || !body) return;
      // The selection is taken before the write: clearing it afterwards would clear one the
      // analyst made meanwhile (the new highlight shows before this continues).
      window.getSelection()?.removeAllRanges();
      setPending(null);
      await repository.annotations.reattach(reattachId, range.start, range.end, body);
      setReattachId(null);
      setActiveId(reattachId);
      toast(t('reattached'));
    },
    [reattachId, body, repository, toast, t],
  );

  const cancelReattach = useCallback(() => {
    if (!reattachId) return;
    setReattachId(null);
    document
      .querySelector<HTMLElement>(`[data-annotation-id="${CSS.escape(reattachId)}"] [data-action="reattach"]`)
      ?.focus();
  }, [reattachId]);

  const readSelection = useCallback(
    (how: 'mouse' | 'key') => {
      const root = articleRef.current;
      if (!root || !body) return;
      const range = isPdf ? (pdfRef.current?.selectedRange() ?? null) : selectedRange(root, body.text);
      if (!range) return setPending(null);
      // A drag ends with the mouse-up, so it re-attaches at once; a keyboard selection waits for H or Enter.
      if (reattachId && how === 'mouse') return void reattach(range);
      const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      const box = root.getBoundingClientRect();
      setPending({ ...range, top: rect.top - box.top - 44, left: Math.max(0, rect.left - box.left) });
    },
    [body, reattachId, reattach, isPdf],
  );

  const highlight = useCallback(
    async (color: HighlightColor) => {
      if (!pending || !body) return;
      setLastColor(color);
      // Taken at once, as in tagPending: a selection made while the highlight is written stays.
      window.getSelection()?.removeAllRanges();
      setPending(null);
      const record = await repository.annotations.create(
        { documentId, start: pending.start, end: pending.end, color },
        body,
      );
      setActiveId(record.id);
    },
    [pending, body, repository, documentId],
  );

  /** Tags the selection as an item of this kind: highlight and item in one step. */
  const tagPending = useCallback(
    async (kind: ItemKindDefinition) => {
      if (!pending) return;
      // The selection is taken at once, so a second key press cannot tag it twice while the fields are read.
      window.getSelection()?.removeAllRanges();
      setPending(null);
      const id = await tagSelection(pending, kind);
      if (id) {
        setActiveId(id);
        setTab('highlights');
      }
    },
    [pending, tagSelection],
  );

  /** Tags the active highlight (or changes the kind of its item). */
  const tagActive = useCallback(
    (kind: ItemKindDefinition) => {
      const annotation = annotations?.find((a) => a.id === activeId);
      if (!annotation) return;
      setTab('highlights');
      void tagHighlight(annotation, kind, itemOf.get(annotation.id));
    },
    [annotations, activeId, tagHighlight, itemOf],
  );

  /** Scrolls to a passage that is no highlight (a suggestion) and shows where it is. */
  const showPassage = useCallback(
    (candidate: Pick<Candidate, 'start' | 'end'>, behavior: ScrollBehavior = 'smooth') => {
      if (!body) return;
      if (isPdf) {
        const rect = passageTarget(body, candidate.start, candidate.end).rects?.[0];
        if (rect) pdfRef.current?.scrollToRect(rect);
        return;
      }
      const range = articleRef.current && rangeOfOffsets(articleRef.current, candidate.start, candidate.end);
      if (!range) return;
      previewPassage(range);
      scrollToRange(range, behavior);
    },
    [body, isPdf],
  );
  useEffect(() => () => previewPassage(null), []);
  // Opened at a passage (a search hit): shown once the text is laid out (fonts loaded), once per passage.
  const shownAt = useRef<string | null>(null);
  useEffect(() => {
    const at = props.at;
    const key = at && `${at.start}-${at.end}`;
    if (!at || !body || shownAt.current === key) return;
    let cancelled = false;
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() => {
        if (cancelled) return;
        shownAt.current = key!;
        showPassage(at, 'instant');
      }),
    );
    return () => {
      cancelled = true;
    };
  }, [props.at, body, showPassage]);

  // H highlights the selection in the last colour used; Alt+T, Alt+C… tag it (or the active
  // highlight) as an item; Escape drops the selection.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Find in a PDF works from anywhere in the reader, even from a field.
      if (isPdf && (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        pdfRef.current?.focusFind();
        return;
      }
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      const enter = event.key === 'Enter' && !target.closest('button, a');
      const kind = kindForShortcut(kinds ?? [], event);
      if (kind && !reattachId && (pending || activeId)) {
        event.preventDefault();
        if (pending) void tagPending(kind);
        else tagActive(kind);
      } else if (reattachId && pending && plain && (event.key.toLowerCase() === 'h' || enter)) {
        event.preventDefault();
        void reattach(pending);
      } else if (event.key.toLowerCase() === 'h' && plain && pending) {
        event.preventDefault();
        void highlight(lastColor);
      } else if (event.key === 'Escape') {
        setPending(null);
        setPanel('none');
        previewPassage(null);
        cancelReattach();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    pending,
    highlight,
    lastColor,
    reattachId,
    reattach,
    cancelReattach,
    isPdf,
    kinds,
    activeId,
    tagPending,
    tagActive,
  ]);

  // The original as imported, and what cleaning removes from it (cleaned again on demand, so
  // the list always reflects the current rules).
  const showOriginal = async () => {
    const stored = await repository.documents.original(documentId);
    if (!stored) return;
    setOriginal({ text: stored.original.text, dropped: [] });
    setPanel('original');
    const outcome = await props.ingestClient().reclean(stored.original);
    if (outcome.ok) setOriginal({ text: stored.original.text, dropped: outcome.doc.dropped });
  };

  const openOriginal = async () => {
    // The bytes the reader already shows: no second read of a file that may be 100 MB.
    const file = pdfFile?.original;
    if (!file?.bytes) return;
    const result = await bridge.openOriginal({ name: file.name, bytes: file.bytes });
    if (!result.ok) toast(t(`openOriginal_${result.code.replace(/-/g, '_')}` as StringKey));
  };

  const reclean = async () => {
    const stored = await repository.documents.original(documentId);
    if (!stored) return;
    const outcome = await props.ingestClient().reclean(stored.original);
    if (!outcome.ok) return toast(outcome.refusal.message);
    const report = await repository.documents.replaceText(documentId, outcome.doc);
    setPanel('none');
    toast(t('recleaned', { ...report }));
  };

  const split = async (firstBlocks: number[]) => {
    if (!meta || !body) return;
    const parts = splitDocument({ ...meta, text: body.text, blocks: body.blocks }, firstBlocks);
    const stored = await repository.documents.original(documentId);
    const records = documentsFromParts(meta, parts, stored?.original);
    const metas = await repository.documents.replaceWithParts(
      documentId,
      records,
      parts.map((p) => p.startOffset),
    );
    setPanel('none');
    navigate({ screen: 'reader', documentId: metas[0]!.id });
  };

  if (meta === undefined || body === undefined) return <div className="loading" aria-busy />;
  if (!meta || !body) {
    return (
      <div className="empty-state">
        <p>{t('emptyLibrary')}</p>
        <button onClick={() => navigate({ screen: 'library' })}>{t('back')}</button>
      </div>
    );
  }

  return (
    <div className={`reader${props.sidebarHidden ? ' sidebar-hidden' : ''}`}>
      <div className={`reader-main${isPdf ? ' pdf' : ''}`}>
        {reattachId && (
          <p className="banner reattach-banner" role="status">
            {t('reattachBanner')}{' '}
            <button className="link" onClick={cancelReattach}>
              {t('cancel')}
            </button>
          </p>
        )}
        <header className="doc-header">
          <h1 lang="zh">{meta.title}</h1>
          <p className="doc-meta">
            <span lang="zh">{formatSource(meta.source) || t('unknownSource')}</span>
            {meta.published && (
              <span className="date">
                {formatPublished(meta.published)}
                {meta.published.status === 'inferred' && (
                  <>
                    <span className="badge" title={t('inferredHint')}>
                      {t('inferred')}
                    </span>
                    <button
                      className="link"
                      onClick={() =>
                        void repository.documents.update(documentId, {
                          published: { ...meta.published!, status: 'confirmed' },
                        })
                      }
                    >
                      {t('confirm')}
                    </button>
                  </>
                )}
              </span>
            )}
            {meta.source.authors.length > 0 && <span lang="zh">{meta.source.authors.join('、')}</span>}
          </p>
          <div className="doc-actions">
            <button
              onClick={() => setPanel(panel === 'details' ? 'none' : 'details')}
              aria-expanded={panel === 'details'}
            >
              {t('details')}
            </button>
            {isPdf ? (
              <button data-action="open-original" onClick={() => void openOriginal()}>
                {t('openOriginal')}
              </button>
            ) : (
              <>
                <button onClick={() => (panel === 'original' ? setPanel('none') : void showOriginal())}>
                  {panel === 'original' ? t('viewCleaned') : t('viewOriginal')}
                </button>
                <button onClick={() => void reclean()}>{t('reclean')}</button>
              </>
            )}
            <button
              data-action="export"
              onClick={() =>
                void exportDocument(repository, documentId).then(
                  (location) => location && toast(t('exported', { location })),
                )
              }
            >
              {t('export')}
            </button>
            <DraftBriefButton source={() => ({ kind: 'document', documentId })} title={t('briefDraftFromDocument')} />
            {!isPdf && body.blocks.length > 1 && <button onClick={() => setPanel('split')}>{t('split')}</button>}
          </div>
          {meta.proposedSplit && meta.proposedSplit.length > 1 && panel !== 'split' && (
            <p className="banner">
              {t('splitPrompt', { count: meta.proposedSplit.length })}{' '}
              <button className="link" onClick={() => setPanel('split')}>
                {t('split')}
              </button>
            </p>
          )}
          {panel === 'details' && (
            <DetailsPanel meta={meta} onClose={() => setPanel('none')} ingestClient={props.ingestClient} />
          )}
        </header>
        {panel === 'original' ? (
          <div className="original">
            {original && original.dropped.length > 0 && (
              <details className="dropped">
                <summary>{t('dropped', { count: original.dropped.length })}</summary>
                <ul lang="zh">
                  {original.dropped.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              </details>
            )}
            <pre className="original-text" lang="zh">
              {original?.text}
            </pre>
          </div>
        ) : (
          <article
            ref={articleRef}
            className={isPdf ? 'pdf-article' : 'doc-text'}
            lang="zh"
            onMouseUp={() => readSelection('mouse')}
            onKeyUp={() => readSelection('key')}
            {...(isPdf ? {} : linkDrop.textHandlers)}
            onClick={(e) => {
              const mark = (e.target as HTMLElement).closest<HTMLElement>('mark[data-ids]');
              const selection = window.getSelection();
              if (mark && (!selection || selection.isCollapsed)) setActiveId(mark.dataset.ids!.split(' ').pop()!);
            }}
          >
            {isPdf ? (
              pdfFile?.original.bytes &&
              body.pageMap && (
                <Suspense fallback={<div className="loading" aria-busy />}>
                  <PdfView
                    ref={pdfRef}
                    bytes={pdfFile.original.bytes}
                    pageMap={body.pageMap}
                    summary={meta.pdf}
                    annotations={annotations ?? []}
                    activeId={activeId}
                    itemIds={itemIds}
                    onActivate={setActiveId}
                  />
                </Suspense>
              )
            ) : (
              <DocumentText
                text={body.text}
                blocks={body.blocks}
                annotations={annotations ?? []}
                activeId={activeId}
                kinds={markedKinds}
              />
            )}
            {pending && (
              <div
                className="selection-toolbar"
                style={{ top: pending.top, left: pending.left }}
                onMouseDown={(e) => e.preventDefault()}
              >
                {reattachId ? (
                  <button className="primary" data-action="reattach-here" onClick={() => void reattach(pending)}>
                    {t('reattachHere')}
                  </button>
                ) : (
                  <>
                    <ColorPicker label={t('highlight')} onPick={(color) => void highlight(color)} />
                    <span className="toolbar-divider" aria-hidden />
                    <TagButtons kinds={kinds ?? []} onTag={(kind) => void tagPending(kind)} />
                    <span className="toolbar-divider" aria-hidden />
                    <button
                      type="button"
                      data-action="add-to-timeline"
                      onClick={() => {
                        window.getSelection()?.removeAllRanges();
                        setPending(null);
                        void addToTimeline.open(pending);
                      }}
                    >
                      {t('addToTimeline')}
                    </button>
                  </>
                )}
              </div>
            )}
          </article>
        )}
      </div>
      {!props.sidebarHidden && (
        <SidebarTabs
          tab={tab}
          onTab={setTab}
          counts={{
            highlights: annotations?.filter((a) => !a.orphaned).length,
            suggestions: extraction.stored ? suggestions.filter((s) => s.state === 'open').length : '…',
          }}
        >
          {tab === 'highlights' ? (
            <AnnotationSidebar
              annotations={annotations ?? []}
              items={items ?? []}
              kinds={kinds ?? []}
              activeId={activeId}
              onSelect={select}
              onTag={(annotation, kind, item) => void tagHighlight(annotation, kind, item)}
              reattachId={reattachId}
              onLinkDrop={linkDrop.onLinkDrop}
              onReattach={(id) => {
                setPanel('none');
                setPending(null);
                setReattachId(id);
              }}
            />
          ) : (
            <SuggestionsPanel
              documentId={documentId}
              body={body}
              extraction={extraction}
              suggestions={suggestions}
              kinds={kinds ?? []}
              onShow={showPassage}
              onAccepted={(id) => {
                previewPassage(null);
                setActiveId(id);
              }}
              onOpenItem={(id) => {
                setTab('highlights');
                select(id);
              }}
            />
          )}
        </SidebarTabs>
      )}
      {addToTimeline.dialog}
      {linkDrop.picker}
      {panel === 'split' && (
        <SplitDialog
          text={body.text}
          blocks={body.blocks}
          proposed={meta.proposedSplit?.map((p) => p.firstBlock) ?? []}
          onSplit={(starts) => void split(starts)}
          onClose={() => setPanel('none')}
        />
      )}
    </div>
  );
}
