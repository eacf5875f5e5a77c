// Printing to PDF on the desktop, without Electron: the request schema, the hidden window's
// options and footer, the print session's request filter, the renderer's temporary document (on a
// real temp folder, with a fake window), and the print → save dialog → atomic write flow.
import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, type IpcSender } from '../../../electron/ipc';
import {
  createPdfRenderer,
  isPrintRequestAllowed,
  PDF_FOOTER_TEMPLATE,
  pdfFileName,
  pdfOptions,
  PRINT_CSP,
  PRINT_PARTITION,
  printToPdf,
  printWindowOptions,
  withPrintPolicy,
  type PdfRendererDeps,
  type PrintToPdfDeps,
  type PrintWindow,
} from '../../../electron/print-pdf';
import { CHANNELS, MAX_PRINT_HTML_CHARS, printToPdfRequestSchema } from '../../../shared/ipc/contract';

const APP: IpcSender = { url: 'app://dossier/index.html' };
const PDF = new TextEncoder().encode('%PDF-1.7\n…%%EOF');
const HTML =
  '<!doctype html><html><head><title>简报</title><style>@page{size:A4}</style></head><body><h1>京津冀</h1></body></html>';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-print-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('printToPdfRequestSchema', () => {
  it('takes an HTML document and a file name, and nothing else', () => {
    expect(printToPdfRequestSchema.safeParse({ html: HTML, suggestedName: '简报.pdf' }).success).toBe(true);
    for (const bad of [
      { html: '', suggestedName: 'a.pdf' },
      { html: HTML, suggestedName: '' },
      { html: HTML, suggestedName: '../a.pdf' },
      { html: HTML, suggestedName: 'a\\b.pdf' },
      { html: HTML, suggestedName: 'a.pdf', path: '/etc' },
      { html: 42, suggestedName: 'a.pdf' },
    ]) {
      expect(printToPdfRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('caps the HTML length', () => {
    const big = 'x'.repeat(MAX_PRINT_HTML_CHARS + 1);
    const result = printToPdfRequestSchema.safeParse({ html: big, suggestedName: 'a.pdf' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('document too large to print');
  });
});

describe('the print window and its PDF', () => {
  it('runs no JavaScript, sandboxed, without a preload, in its own session, hidden', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      partition: PRINT_PARTITION,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false); // in memory
  });

  it('prints A4 with backgrounds, no header and page numbers in a sized footer', () => {
    expect(pdfOptions()).toEqual({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PDF_FOOTER_TEMPLATE,
    });
    expect(PDF_FOOTER_TEMPLATE).toContain('<span class="pageNumber"></span>');
    expect(PDF_FOOTER_TEMPLATE).toContain('<span class="totalPages"></span>');
    expect(PDF_FOOTER_TEMPLATE).toMatch(/font-size:\s*\d+px/);
  });

  it('puts a content security policy first in the head, making a head when there is none', () => {
    const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;
    expect(withPrintPolicy(HTML)).toBe(HTML.replace('<head>', `<head>${meta}`));
    expect(withPrintPolicy('<!DOCTYPE html><p>x</p>')).toBe(`<!DOCTYPE html><head>${meta}</head><p>x</p>`);
    expect(withPrintPolicy('<HEAD lang="zh"><title>t</title>')).toBe(`<HEAD lang="zh">${meta}<title>t</title>`);
    expect(PRINT_CSP).toContain("default-src 'none'");
    expect(PRINT_CSP).not.toMatch(/script-src|https?:/);
  });

  it('lets the print session load only the document being printed and data: URLs', () => {
    const documents = new Set(['file:///tmp/dossier-print-abc/document.html']);
    expect(isPrintRequestAllowed('file:///tmp/dossier-print-abc/document.html', documents)).toBe(true);
    expect(isPrintRequestAllowed('data:image/png;base64,AAAA', documents)).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'https://example.com/track.gif',
      'http://127.0.0.1:5173/',
      'app://dossier/index.html',
      'file:///tmp/dossier-print-abc/other.html',
    ]) {
      expect(isPrintRequestAllowed(url, documents), url).toBe(false);
    }
  });

  it('names the file .pdf', () => {
    expect(pdfFileName('简报')).toBe('简报.pdf');
    expect(pdfFileName('brief.PDF')).toBe('brief.PDF');
  });
});

/** A fake session and window that record what the renderer does with them. */
function fakeElectron(behaviour: { load?: (url: string) => Promise<void>; print?: () => Promise<Uint8Array> } = {}) {
  let filter: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  const denied: boolean[] = [];
  const session = {
    setPermissionRequestHandler: vi.fn((handler: (...args: unknown[]) => void) =>
      handler({}, 'media', (granted: boolean) => denied.push(granted)),
    ),
    setPermissionCheckHandler: vi.fn((handler: () => boolean) => denied.push(handler())),
    webRequest: { onBeforeRequest: vi.fn((listener: typeof filter) => (filter = listener)) },
  };
  const cancelled = (url: string): boolean => {
    let result = true;
    filter!({ url }, (response) => (result = response.cancel));
    return result;
  };
  const windows: Array<PrintWindow & { options: unknown; loaded: string[]; destroyed: boolean; seen: string }> = [];
  const createWindow = (options: unknown) => {
    const window = {
      options,
      loaded: [] as string[],
      destroyed: false,
      seen: '',
      async loadURL(url: string) {
        window.loaded.push(url);
        window.seen = await readFile(fileURLToPath(url), 'utf8');
        expect(cancelled(url)).toBe(false); // the document may load while it is printed
        expect(cancelled('https://tracker.example/pixel')).toBe(true);
        await behaviour.load?.(url);
      },
      webContents: { printToPDF: vi.fn(async () => (behaviour.print ? behaviour.print() : PDF)) },
      destroy() {
        window.destroyed = true;
      },
      isDestroyed: () => window.destroyed,
    };
    windows.push(window);
    return window;
  };
  const deps: PdfRendererDeps = {
    session: session as unknown as PdfRendererDeps['session'],
    createWindow: createWindow as PdfRendererDeps['createWindow'],
    tempDir: dir,
    fs: { mkdtemp: nodeFs.mkdtemp, writeFile: nodeFs.writeFile, rm: nodeFs.rm },
    loadTimeoutMs: 200,
  };
  return { deps, windows, denied, cancelled };
}

describe('createPdfRenderer', () => {
  it('denies every permission in the print session', () => {
    const { deps, denied } = fakeElectron();
    createPdfRenderer(deps);
    expect(denied).toEqual([false, false]);
  });

  it('prints the document from a private temporary file, then removes it and the window', async () => {
    const { deps, windows, cancelled } = fakeElectron();
    const render = createPdfRenderer(deps);
    expect(await render(HTML)).toBe(PDF);
    const [window] = windows;
    expect(window!.options).toEqual(printWindowOptions());
    expect(window!.loaded[0]).toMatch(/^file:\/\/.*\/dossier-print-[^/]+\/document\.html$/);
    expect(window!.seen).toBe(withPrintPolicy(HTML));
    expect(window!.webContents.printToPDF).toHaveBeenCalledWith(pdfOptions());
    expect(window!.destroyed).toBe(true);
    expect(await readdir(dir)).toEqual([]); // the temporary folder is gone
    expect(cancelled(window!.loaded[0]!)).toBe(true); // and no longer loadable
  });

  it('cleans up when loading fails or takes too long', async () => {
    const failing = fakeElectron({ load: async () => Promise.reject(new Error('ERR_FAILED')) });
    await expect(createPdfRenderer(failing.deps)(HTML)).rejects.toThrow('ERR_FAILED');
    expect(failing.windows[0]!.destroyed).toBe(true);
    const slow = fakeElectron({ load: () => new Promise(() => {}) });
    await expect(createPdfRenderer(slow.deps)(HTML)).rejects.toThrow(/took longer/);
    expect(slow.windows[0]!.destroyed).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('printToPdf', () => {
  function flow(options: { canceled?: boolean; render?: () => Promise<Uint8Array>; target?: string } = {}) {
    const target = options.target ?? path.join(dir, '简报.pdf');
    const deps: PrintToPdfDeps<IpcSender> = {
      render: vi.fn(options.render ?? (async () => PDF)),
      showSaveDialog: vi.fn(async () =>
        options.canceled ? { canceled: true } : { canceled: false, filePath: target },
      ),
      fs: { open: nodeFs.open, rename: nodeFs.rename, unlink: nodeFs.unlink },
      defaultSaveDirectory: () => '/home/analyst/Documents',
    };
    return { deps, target };
  }

  it('prints, asks where to save (suggesting a .pdf in Documents), writes atomically and says where', async () => {
    const { deps, target } = flow();
    const result = await printToPdf(deps, APP, { html: HTML, suggestedName: '简报' });
    expect(result).toEqual({ saved: true, location: target });
    expect(deps.render).toHaveBeenCalledWith(HTML);
    expect(deps.showSaveDialog).toHaveBeenCalledWith(APP, {
      defaultPath: path.join('/home/analyst/Documents', '简报.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(new Uint8Array(await readFile(target))).toEqual(PDF);
    expect(await readdir(dir)).toEqual(['简报.pdf']); // no temporary file left
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { deps } = flow({ canceled: true });
    expect(await printToPdf(deps, APP, { html: HTML, suggestedName: 'a.pdf' })).toEqual({ saved: false });
    expect(await readdir(dir)).toEqual([]);
  });

  it('shows no dialog when printing fails or gives something that is not a PDF', async () => {
    for (const render of [
      async () => Promise.reject(new Error('crashed')),
      async () => new Uint8Array([1, 2, 3, 4, 5, 6]),
    ]) {
      const { deps } = flow({ render });
      await expect(printToPdf(deps, APP, { html: HTML, suggestedName: 'a.pdf' })).rejects.toThrow();
      expect(deps.showSaveDialog).not.toHaveBeenCalled();
    }
    expect(await readdir(dir)).toEqual([]);
  });

  it('leaves no partial file when the write fails', async () => {
    const { deps, target } = flow();
    deps.fs = {
      ...deps.fs,
      rename: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    };
    await expect(printToPdf(deps, APP, { html: HTML, suggestedName: 'a.pdf' })).rejects.toThrow('disk full');
    expect(await readdir(dir)).toEqual([]);
    await expect(readFile(target)).rejects.toThrow();
  });
});

describe('the printToPdf IPC handler', () => {
  function handlers(pdf?: () => Promise<Uint8Array>) {
    const render = vi.fn(pdf ?? (async () => PDF));
    const showSaveDialog = vi.fn(async (_sender: IpcSender, _options: unknown) => ({
      canceled: false,
      filePath: path.join(dir, 'out.pdf'),
    }));
    const ipc = createIpcHandlers({
      dialog: { showOpenDialog: vi.fn(), showSaveDialog },
      fs: { ...nodeFs, readFile: (p: string) => nodeFs.readFile(p) },
      appInfo: () => ({ name: 'Dossier', version: '0', platform: 'desktop' }),
      defaultSaveDirectory: () => dir,
      originals: {
        tempDir: dir,
        openPath: async () => '',
        fs: { ...nodeFs, readdir: (d: string) => nodeFs.readdir(d) },
      },
      pdf: render,
    });
    return { ipc, render, showSaveDialog };
  }

  it('prints a valid request from our page and saves it', async () => {
    const { ipc, showSaveDialog } = handlers();
    expect(await ipc.printToPdf(APP, { html: HTML, suggestedName: 'out.pdf' })).toEqual({
      saved: true,
      location: path.join(dir, 'out.pdf'),
    });
    expect(showSaveDialog.mock.calls[0]![0]).toBe(APP);
  });

  it('refuses foreign senders and invalid requests before printing anything', async () => {
    const { ipc, render } = handlers();
    await expect(
      ipc.printToPdf({ url: 'https://evil.example/' }, { html: HTML, suggestedName: 'a.pdf' }),
    ).rejects.toThrow(/foreign sender/);
    await expect(ipc.printToPdf(APP, { html: HTML, suggestedName: '../a.pdf' })).rejects.toThrow(CHANNELS.printToPdf);
    await expect(ipc.printToPdf(APP, { html: HTML, suggestedName: 'a.pdf' }, 'extra')).rejects.toThrow(
      /expected 1 argument/,
    );
    expect(render).not.toHaveBeenCalled();
  });

  it('is refused where no printer was wired', async () => {
    const ipc = createIpcHandlers({
      dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
      fs: { ...nodeFs, readFile: (p: string) => nodeFs.readFile(p) },
      appInfo: () => ({ name: 'Dossier', version: '0', platform: 'desktop' }),
      defaultSaveDirectory: () => dir,
      originals: {
        tempDir: dir,
        openPath: async () => '',
        fs: { ...nodeFs, readdir: (d: string) => nodeFs.readdir(d) },
      },
    });
    await expect(ipc.printToPdf(APP, { html: HTML, suggestedName: 'a.pdf' })).rejects.toThrow(/not available/);
  });
});
