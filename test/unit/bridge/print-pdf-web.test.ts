// "Save as PDF" in the web build, with a fake iframe: validated like the desktop, printed from a
// sandboxed srcdoc frame without scripts, the frame removed afterwards, and an honest result.
import { describe, expect, it, vi } from 'vitest';
import {
  PRINT_FRAME_LIFETIME_MS,
  PRINT_FRAME_SANDBOX,
  printInBrowser,
  withTitle,
  type PrintFrame,
  type WebPrintDeps,
} from '../../../renderer/bridge/print-pdf-web';

const HTML = '<!doctype html><html><head><style>@page{size:A4}</style></head><body><h1>简报</h1></body></html>';

function fakeBrowser(options: { printFails?: boolean } = {}) {
  const timers: Array<[() => void, number]> = [];
  const afterPrint: Array<() => void> = [];
  const attributes = new Map<string, string>();
  const frame = {
    setAttribute: (name: string, value: string) => attributes.set(name, value),
    srcdoc: '',
    style: { cssText: '' },
    tabIndex: 0,
    contentWindow: {
      print: vi.fn(() => {
        if (options.printFails) throw new Error('blocked');
      }),
      addEventListener: (_type: 'afterprint', listener: () => void) => afterPrint.push(listener),
    },
    onload: null as null | (() => void),
    addEventListener(_type: 'load', listener: () => void) {
      frame.onload = listener;
    },
    remove: vi.fn(),
  };
  const deps: WebPrintDeps = {
    createFrame: () => frame as PrintFrame,
    // The browser loads the srcdoc once the frame is in the page.
    attach: vi.fn(() => queueMicrotask(() => frame.onload?.())),
    setTimeout: (callback, ms) => timers.push([callback, ms]),
  };
  return { deps, frame, attributes, timers, afterPrint };
}

describe('printToPdf in the web build', () => {
  it('prints the document from a hidden sandboxed frame without scripts, and says it opened the print dialog', async () => {
    const { deps, frame, attributes } = fakeBrowser();
    const result = await printInBrowser({ html: HTML, suggestedName: '京津冀简报.pdf' }, deps);
    expect(result).toEqual({ saved: false, printDialog: true, location: 'the browser’s print dialog' });
    expect(attributes.get('sandbox')).toBe(PRINT_FRAME_SANDBOX);
    expect(PRINT_FRAME_SANDBOX.split(' ')).not.toContain('allow-scripts');
    expect(attributes.get('aria-hidden')).toBe('true');
    expect(frame.tabIndex).toBe(-1);
    expect(frame.srcdoc).toBe(HTML.replace('<head>', '<head><title>京津冀简报</title>'));
    expect(frame.contentWindow.print).toHaveBeenCalledTimes(1);
  });

  it('removes the frame after printing, or after a minute when the browser never says', async () => {
    const printed = fakeBrowser();
    await printInBrowser({ html: HTML, suggestedName: 'a.pdf' }, printed.deps);
    expect(printed.frame.remove).not.toHaveBeenCalled();
    printed.afterPrint[0]!();
    const [removeSoon] = printed.timers.filter(([, ms]) => ms === 0);
    removeSoon![0]();
    expect(printed.frame.remove).toHaveBeenCalledTimes(1);
    printed.timers.find(([, ms]) => ms === PRINT_FRAME_LIFETIME_MS)![0]();
    expect(printed.frame.remove).toHaveBeenCalledTimes(1); // once only

    const silent = fakeBrowser();
    await printInBrowser({ html: HTML, suggestedName: 'a.pdf' }, silent.deps);
    silent.timers.find(([, ms]) => ms === PRINT_FRAME_LIFETIME_MS)![0]();
    expect(silent.frame.remove).toHaveBeenCalledTimes(1);
  });

  it('removes the frame and rejects when printing throws', async () => {
    const { deps, frame } = fakeBrowser({ printFails: true });
    await expect(printInBrowser({ html: HTML, suggestedName: 'a.pdf' }, deps)).rejects.toThrow('blocked');
    expect(frame.remove).toHaveBeenCalled();
  });

  it('refuses invalid requests before touching the page', async () => {
    const { deps } = fakeBrowser();
    await expect(printInBrowser({ html: '', suggestedName: 'a.pdf' }, deps)).rejects.toThrow(/invalid request/);
    await expect(printInBrowser({ html: HTML, suggestedName: 'a/b.pdf' }, deps)).rejects.toThrow(/invalid request/);
    expect(deps.attach).not.toHaveBeenCalled();
  });

  it("keeps a document's own title, and escapes a suggested one", () => {
    expect(withTitle('<head><title>Own</title></head>', 'x.pdf')).toBe('<head><title>Own</title></head>');
    expect(withTitle('<p>x</p>', 'a<b>.pdf')).toBe('<head><title>a&lt;b&gt;</title></head><p>x</p>');
  });
});
