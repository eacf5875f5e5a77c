// The PDF reading surface: pdf.js's own viewer (pages rendered lazily as they scroll into
// view, a text layer for selection, zoom, find, link targets) with Dossier's highlights drawn
// on each page from the rects stored with the annotations. Rects are in PDF points and placed
// as percentages of the page, so they stay aligned at every zoom without recomputation.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { AnnotationRecord, PdfPageMap, PdfRect } from '../../../shared/model/types';
import { pdfAssetsBase } from '../../pdf/assets';
import { documentOptions, pdfjs } from '../../pdf/pdfjs';
import { EventBus, FindState, PDFFindController, PDFLinkService, PDFViewer } from './viewer-components';
import 'pdfjs-dist/web/pdf_viewer.css';

export type ZoomValue = 'page-width' | 'page-fit' | number;

export const ZOOM_STEPS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3, 4];

export interface OutlineEntry {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineEntry[];
}

export interface PdfReaderEvents {
  onPage(page: number, pages: number): void;
  onScale(scale: number): void;
  onFind(state: 'found' | 'not-found' | 'pending', current: number, total: number): void;
}

export interface DrawnHighlight {
  id: string;
  color: string;
  rects: PdfRect[];
  active: boolean;
  /** Tagged as an item. */
  item: boolean;
}

/** pdf.js asks its localiser for page labels; Dossier's UI has its own strings, so it gets the fallbacks. */
const quietL10n = {
  getLanguage: () => document.documentElement.lang || 'en',
  getDirection: () => 'ltr',
  get: async (_ids: unknown, _args?: unknown, fallback?: string) => fallback ?? '',
  translate: async () => undefined,
  translateOnce: async () => undefined,
  pause: () => undefined,
  resume: () => undefined,
  destroy: async () => undefined,
};

export class PdfReader {
  private readonly eventBus = new EventBus();
  private readonly linkService = new PDFLinkService({ eventBus: this.eventBus });
  private readonly findController = new PDFFindController({ eventBus: this.eventBus, linkService: this.linkService });
  private readonly viewer: PDFViewer;
  private doc: PDFDocumentProxy | null = null;
  private highlights = new Map<number, DrawnHighlight[]>();
  private destroyed = false;
  /** Fit-to-width and fit-to-page follow the space the pages have (the outline opening, the window resizing). */
  private readonly resizes = new ResizeObserver(() => {
    const value = this.viewer.currentScaleValue;
    if (this.doc && (value === 'page-width' || value === 'page-fit')) this.viewer.currentScaleValue = value;
  });

  constructor(
    private readonly container: HTMLDivElement,
    viewerDiv: HTMLDivElement,
    /** Page sizes in PDF points, the unit of the stored rects. */
    private readonly pageMap: PdfPageMap,
    private readonly events: PdfReaderEvents,
  ) {
    this.viewer = new PDFViewer({
      container,
      viewer: viewerDiv,
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      textLayerMode: 1,
      // Links and forms inside an untrusted PDF stay inert: no navigation, no scripts.
      annotationMode: pdfjs.AnnotationMode.DISABLE,
      l10n: quietL10n as never,
    });
    this.linkService.setViewer(this.viewer);
    this.resizes.observe(container);
    this.eventBus.on('pagesinit', () => {
      this.viewer.currentScaleValue = 'page-width';
    });
    this.eventBus.on('pagechanging', (e: { pageNumber: number }) => events.onPage(e.pageNumber, this.pageCount));
    this.eventBus.on('scalechanging', (e: { scale: number }) => events.onScale(e.scale));
    this.eventBus.on('pagerendered', (e: { pageNumber: number }) => this.drawPage(e.pageNumber));
    this.eventBus.on('textlayerrendered', (e: { pageNumber: number }) => this.drawPage(e.pageNumber));
    this.eventBus.on('updatefindmatchescount', (e: { matchesCount: { current: number; total: number } }) =>
      events.onFind('found', e.matchesCount.current, e.matchesCount.total),
    );
    this.eventBus.on(
      'updatefindcontrolstate',
      (e: { state: number; matchesCount: { current: number; total: number } }) => {
        const state =
          e.state === FindState.NOT_FOUND ? 'not-found' : e.state === FindState.PENDING ? 'pending' : 'found';
        events.onFind(state, e.matchesCount?.current ?? 0, e.matchesCount?.total ?? 0);
      },
    );
  }

  async open(bytes: Uint8Array): Promise<void> {
    // pdf.js takes over the buffer it is given; the database copy stays intact.
    const doc = await pdfjs.getDocument(documentOptions(bytes.slice(), pdfAssetsBase())).promise;
    if (this.destroyed) {
      await doc.destroy();
      return;
    }
    this.doc = doc;
    this.viewer.setDocument(doc);
    this.linkService.setDocument(doc);
    this.events.onPage(1, doc.numPages);
  }

  get pageCount(): number {
    return this.doc?.numPages ?? 0;
  }

  async outline(): Promise<OutlineEntry[]> {
    const outline = ((await this.doc?.getOutline()) ?? []) as OutlineEntry[];
    const simplify = (entries: OutlineEntry[]): OutlineEntry[] =>
      entries.map((e) => ({ title: e.title, dest: e.dest, items: simplify(e.items ?? []) }));
    return simplify(outline);
  }

  goToDestination(dest: OutlineEntry['dest']): void {
    if (dest) void this.linkService.goToDestination(dest as never);
  }

  goToPage(page: number): void {
    if (page >= 1 && page <= this.pageCount) this.viewer.currentPageNumber = page;
  }

  zoom(value: ZoomValue): void {
    this.viewer.currentScaleValue = String(value);
  }

  /** The next zoom step in or out from the current scale. */
  zoomStep(direction: 1 | -1): void {
    const scale = this.viewer.currentScale;
    const next =
      direction > 0
        ? ZOOM_STEPS.find((s) => s > scale + 0.01)
        : [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.01);
    if (next) this.zoom(next);
  }

  find(query: string, again: boolean, previous: boolean): void {
    this.eventBus.dispatch('find', {
      source: this,
      type: again ? 'again' : '',
      query,
      caseSensitive: false,
      entireWord: false,
      highlightAll: true,
      findPrevious: previous,
      matchDiacritics: false,
    });
  }

  clearFind(): void {
    this.eventBus.dispatch('findbarclose', { source: this });
  }

  /** Replaces the highlights drawn (all pages) and redraws the rendered pages. */
  setHighlights(
    annotations: readonly AnnotationRecord[],
    activeId: string | null,
    itemIds: ReadonlySet<string> = new Set(),
  ): void {
    this.highlights = new Map();
    for (const a of annotations) {
      if (a.orphaned || !a.target.rects) continue;
      for (const r of a.target.rects) {
        const onPage = this.highlights.get(r.page) ?? [];
        let drawn = onPage.find((d) => d.id === a.id);
        if (!drawn) {
          drawn = { id: a.id, color: a.color, rects: [], active: a.id === activeId, item: itemIds.has(a.id) };
          onPage.push(drawn);
        }
        drawn.rects.push(r);
        this.highlights.set(r.page, onPage);
      }
    }
    for (let page = 1; page <= this.pageCount; page++) this.drawPage(page);
  }

  /** Scrolls so the rect is in the middle of the view. */
  scrollToRect(rect: PdfRect): void {
    const pageView = this.viewer.getPageView(rect.page - 1);
    const size = this.pageMap.pages[rect.page - 1];
    if (!pageView?.div || !size) return;
    const div = pageView.div as HTMLDivElement;
    const top = div.offsetTop + (rect.y / size.height) * div.clientHeight - this.container.clientHeight / 2;
    this.container.scrollTo({ top: Math.max(0, top), behavior: 'smooth' });
  }

  private drawPage(page: number): void {
    const pageDiv = this.viewer.getPageView(page - 1)?.div as HTMLDivElement | undefined;
    const size = this.pageMap.pages[page - 1];
    if (!pageDiv || !size || !this.doc) return;
    pageDiv.querySelector(':scope > .dossier-highlights')?.remove();
    const drawn = this.highlights.get(page);
    if (!drawn?.length) return;
    const { width: pageWidth, height: pageHeight } = size;
    const layer = document.createElement('div');
    layer.className = 'dossier-highlights';
    for (const h of drawn) {
      for (const r of h.rects) {
        const box = document.createElement('div');
        box.className = `pdf-highlight hl-${h.color}${h.active ? ' active' : ''}${h.item ? ' item' : ''}`;
        box.dataset.ids = h.id;
        box.style.left = `${(100 * r.x) / pageWidth}%`;
        box.style.top = `${(100 * r.y) / pageHeight}%`;
        box.style.width = `${(100 * r.width) / pageWidth}%`;
        box.style.height = `${(100 * r.height) / pageHeight}%`;
        layer.append(box);
      }
    }
    // Under the text layer, so selecting and clicking still reach the text.
    const textLayer = pageDiv.querySelector(':scope > .textLayer');
    if (textLayer) pageDiv.insertBefore(layer, textLayer);
    else pageDiv.append(layer);
  }

  destroy(): void {
    this.destroyed = true;
    this.resizes.disconnect();
    this.viewer.setDocument(null as never);
    this.linkService.setDocument(null);
    void this.doc?.destroy();
    this.doc = null;
  }
}
