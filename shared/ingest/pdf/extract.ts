// Reads what the import needs out of a PDF opened by pdf.js: each page's size and text items,
// and the document's info dictionary. Written against the few pdf.js calls it makes (not the
// library itself) so shared/ stays free of it; the browser worker and Node pass their own
// pdf.js document in.

/** A text item as pdf.js's getTextContent() returns it (marked-content markers have no `str`). */
export interface PdfTextItem {
  str: string;
  /** Text space → PDF user space: [a, b, c, d, e, f]. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export interface ExtractedPage {
  width: number;
  height: number;
  /** PDF user space → page space at zoom 1 (top-left origin, rotation applied). */
  viewportTransform: number[];
  items: PdfTextItem[];
}

export interface PdfInfo {
  title: string | null;
  author: string | null;
  subject: string | null;
  /** The info dictionary's CreationDate as written ("D:20190606093000+08'00'"). */
  creationDate: string | null;
}

export interface ExtractedPdf {
  pages: ExtractedPage[];
  info: PdfInfo;
}

/** The slice of pdf.js's PDFDocumentProxy used here. */
export interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<PdfPageLike>;
  getMetadata(): Promise<{ info: unknown }>;
}

interface PdfPageLike {
  getViewport(options: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(options: { disableNormalization: boolean }): Promise<{ items: unknown[] }>;
  cleanup(): unknown;
}

export interface ExtractOptions {
  /** Called after each page, for progress. */
  onPage?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Extracts every page in order. Text is taken unnormalised, exactly as pdf.js's text layer
 * shows it, so the page map's character offsets line up with the spans of that layer.
 */
export async function extractPdf(doc: PdfDocumentLike, options: ExtractOptions = {}): Promise<ExtractedPdf> {
  const pages: ExtractedPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    options.signal?.throwIfAborted();
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ disableNormalization: true });
    pages.push({
      width: viewport.width,
      height: viewport.height,
      viewportTransform: [...viewport.transform],
      items: content.items.filter(isTextItem).map((i) => ({
        str: i.str,
        transform: [...i.transform],
        width: i.width,
        height: i.height,
        hasEOL: i.hasEOL,
      })),
    });
    page.cleanup();
    options.onPage?.(n, doc.numPages);
  }
  const { info } = await doc.getMetadata().catch(() => ({ info: {} }));
  return { pages, info: readInfo(info) };
}

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && typeof (item as PdfTextItem).str === 'string';
}

function readInfo(info: unknown): PdfInfo {
  const dict = (typeof info === 'object' && info !== null ? info : {}) as Record<string, unknown>;
  const text = (key: string): string | null => {
    const value = dict[key];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  return { title: text('Title'), author: text('Author'), subject: text('Subject'), creationDate: text('CreationDate') };
}
