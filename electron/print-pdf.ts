// "Save as PDF" on the desktop: the renderer hands over a whole HTML document (a brief with its
// print stylesheet); main shows it in a hidden window and prints it with Chromium's printToPDF,
// then asks where to save and writes the file atomically.
//
// The hidden window trusts nothing in the HTML: JavaScript off, sandboxed, no preload, no Node,
// its own in-memory session (PRINT_PARTITION) whose requests are all cancelled except the
// document itself and data: URLs (inline images and fonts), every permission denied, and a CSP
// meta tag added in front of the document as a second fence. The document is loaded from a file in
// a fresh private temporary folder rather than a data: URL, which Chromium caps at 2 MB, too
// little for a long brief with images; the folder is removed afterwards, whatever happens.
//
// Electron itself is injected (main.ts wires BrowserWindow and the session), so the tests run
// every step with fakes.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, Session } from 'electron';
import type { PrintToPdfRequest, PrintToPdfResult } from '../shared/ipc/contract';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write';

/** The print windows' session: in memory (no "persist:"), apart from the app's own. */
export const PRINT_PARTITION = 'dossier-print';

/** How long the document may take to load before printing gives up. */
export const PRINT_LOAD_TIMEOUT_MS = 30_000;

/** What the printed page may use: its own inline styles, data: images and fonts. Nothing runs, nothing is fetched. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The hidden window: JavaScript off, sandboxed, no preload, in the print session. A4 at 96 dpi. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      partition: PRINT_PARTITION,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  };
}

/**
 * The page footer: "3 / 12", centred. Chromium fills the pageNumber and totalPages spans; a
 * template's text is 0 px unless it sets a size.
 */
export const PDF_FOOTER_TEMPLATE =
  '<div style="width:100%;font-size:8px;color:#6a6f76;text-align:center;font-family:sans-serif;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/** printToPDF's options: A4, backgrounds (highlight colours), no header, page numbers in the footer. */
export function pdfOptions(): PrintToPDFOptions {
  return {
    pageSize: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    // An empty header, or Chromium prints the date and title there.
    headerTemplate: '<span></span>',
    footerTemplate: PDF_FOOTER_TEMPLATE,
  };
}

/** The document with PRINT_CSP as the first thing in its head (a head is made when it has none). */
export function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}<head>${meta}</head>${html.slice(at)}`;
}

/** The print session lets through only the documents being printed and data: URLs. */
export function isPrintRequestAllowed(url: string, documents: ReadonlySet<string>): boolean {
  return documents.has(url) || url.startsWith('data:');
}

/** The part of a BrowserWindow printing uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: { printToPDF(options: PrintToPDFOptions): Promise<Uint8Array> };
  destroy(): void;
  isDestroyed(): boolean;
}

/** The part of node:fs/promises the temporary document needs. */
export interface PrintTempFs {
  mkdtemp(prefix: string): Promise<string>;
  writeFile(filePath: string, data: string, options: { flag: 'wx'; mode: number; encoding: 'utf8' }): Promise<void>;
  rm(filePath: string, options: { recursive: true; force: true }): Promise<void>;
}

export interface PdfRendererDeps {
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
    webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
  };
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow;
  /** app.getPath('temp'). */
  tempDir: string;
  fs: PrintTempFs;
  loadTimeoutMs?: number;
}

/** Renders HTML to PDF bytes in a hidden window (see the module comment). */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

const timeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });

/** Sets up the print session (once) and returns the renderer that uses it. */
export function createPdfRenderer(deps: PdfRendererDeps): PdfRenderer {
  const documents = new Set<string>();
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
  deps.session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isPrintRequestAllowed(details.url, documents) }),
  );
  return async (html) => {
    // mkdtemp: a new folder with a random name, readable by this user only (0700).
    const folder = await deps.fs.mkdtemp(path.join(deps.tempDir, 'dossier-print-'));
    const file = path.join(folder, 'document.html');
    const url = pathToFileURL(file).href;
    let window: PrintWindow | null = null;
    try {
      await deps.fs.writeFile(file, withPrintPolicy(html), { flag: 'wx', mode: 0o600, encoding: 'utf8' });
      documents.add(url);
      window = deps.createWindow(printWindowOptions());
      await timeout(window.loadURL(url), deps.loadTimeoutMs ?? PRINT_LOAD_TIMEOUT_MS, 'Loading the document');
      return await window.webContents.printToPDF(pdfOptions());
    } finally {
      documents.delete(url);
      if (window && !window.isDestroyed()) window.destroy();
      await deps.fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
    }
  };
}

/** The file name to suggest: the renderer's, ending in .pdf. */
export function pdfFileName(suggestedName: string): string {
  return /\.pdf$/i.test(suggestedName) ? suggestedName : `${suggestedName}.pdf`;
}

/** A PDF starts with "%PDF-" (readers accept it anywhere in the first 1024 bytes; Chromium writes it first). */
const isPdf = (bytes: Uint8Array): boolean =>
  bytes.byteLength > 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

export interface PrintToPdfDeps<S> {
  render: PdfRenderer;
  showSaveDialog(
    sender: S,
    options: { defaultPath: string; filters: { name: string; extensions: string[] }[] },
  ): Promise<{ canceled: boolean; filePath?: string }>;
  fs: AtomicWriteFs;
  /** Where the save dialog starts (the Documents folder). */
  defaultSaveDirectory(): string;
  platform?: NodeJS.Platform;
}

/**
 * Prints the (already validated) request, then asks where to save it; cancelling the dialog
 * writes nothing. The file is written atomically, so a failed write leaves no partial PDF.
 */
export async function printToPdf<S>(
  deps: PrintToPdfDeps<S>,
  sender: S,
  request: PrintToPdfRequest,
): Promise<PrintToPdfResult> {
  const bytes = await deps.render(request.html);
  if (!isPdf(bytes)) throw new Error('printing did not produce a PDF');
  const choice = await deps.showSaveDialog(sender, {
    defaultPath: path.join(deps.defaultSaveDirectory(), pdfFileName(request.suggestedName)),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  if (!path.isAbsolute(choice.filePath)) throw new Error('the save dialog returned a relative path');
  await writeFileAtomic(deps.fs, choice.filePath, bytes, { platform: deps.platform ?? process.platform });
  return { saved: true, location: choice.filePath };
}
