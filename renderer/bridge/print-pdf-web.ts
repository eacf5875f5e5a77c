// "Save as PDF" in the web build: the document goes into a hidden, sandboxed iframe (srcdoc; no
// allow-scripts, so nothing in it runs; allow-same-origin so the page can call its print();
// allow-modals so the frame may open the print dialog) and the browser's print dialog opens on
// it, where the analyst chooses "Save as PDF". The page cannot learn whether a file was saved,
// printed or nothing at all, so the result says saved: false, printDialog: true, and the UI words
// it as "opened the print dialog", never as a saved file. The frame is removed after printing.
// DOM access is injected so a Node test can drive it.
import { printToPdfRequestSchema, type PrintToPdfResult } from '../../shared/ipc/contract';

/** How long the frame stays when the browser never says printing ended (headless browsers). */
export const PRINT_FRAME_LIFETIME_MS = 60_000;

/** The frame's sandbox: no scripts, no forms, no popups, no navigation of the app. */
export const PRINT_FRAME_SANDBOX = 'allow-modals allow-same-origin';

/** The part of an iframe printing uses. */
export interface PrintFrame {
  setAttribute(name: string, value: string): void;
  srcdoc: string;
  style: { cssText: string };
  tabIndex: number;
  contentWindow: { print(): void; addEventListener(type: 'afterprint', listener: () => void): void } | null;
  addEventListener(type: 'load', listener: () => void, options: { once: true }): void;
  remove(): void;
}

export interface WebPrintDeps {
  createFrame(): PrintFrame;
  attach(frame: PrintFrame): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

export function browserPrintDeps(): WebPrintDeps {
  return {
    createFrame: () => document.createElement('iframe') as unknown as PrintFrame,
    attach: (frame) => document.body.append(frame as unknown as HTMLIFrameElement),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  };
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The document with a <title> (Chromium offers it as the PDF's file name), taken from the name
 * the renderer suggested when the document has none.
 */
export function withTitle(html: string, suggestedName: string): string {
  if (/<title[\s>]/i.test(html)) return html;
  const title = `<title>${escapeText(suggestedName.replace(/\.pdf$/i, ''))}</title>`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + title + html.slice(head.index + head[0].length);
  return `<head>${title}</head>${html}`;
}

/** Validates like the desktop's main process, then opens the browser's print dialog on the document. */
export async function printInBrowser(request: unknown, deps: WebPrintDeps): Promise<PrintToPdfResult> {
  const parsed = printToPdfRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new Error(`printToPdf: invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const frame = deps.createFrame();
  frame.setAttribute('sandbox', PRINT_FRAME_SANDBOX);
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;opacity:0;pointer-events:none;';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = withTitle(parsed.data.html, parsed.data.suggestedName);
  deps.attach(frame);
  await loaded;
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    frame.remove();
  };
  const view = frame.contentWindow;
  if (!view) {
    remove();
    throw new Error('printToPdf: the print frame has no window');
  }
  view.addEventListener('afterprint', () => deps.setTimeout(remove, 0));
  deps.setTimeout(remove, PRINT_FRAME_LIFETIME_MS);
  try {
    view.print();
  } catch (error) {
    remove();
    throw error;
  }
  return { saved: false, printDialog: true, location: 'the browser’s print dialog' };
}
