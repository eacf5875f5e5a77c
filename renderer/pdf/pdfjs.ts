// pdf.js in the browser and the desktop app: one configuration for the import worker and the
// reader. Its CMaps, standard fonts and image decoders are served with the app (see the
// pdfjs-assets plugin in vite.config.ts), so nothing is fetched from the network.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { OpenPdf, OpenedPdf } from '../../shared/ingest/pdf/import-pdf';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
// pdf.js's viewer components (web/pdf_viewer.mjs) find the library through this global.
(globalThis as { pdfjsLib?: typeof pdfjs }).pdfjsLib = pdfjs;

/** Options every document is opened with: offline data, no eval, no font downloads. */
export function documentOptions(data: Uint8Array, assetsBase: string, password?: string) {
  return {
    data,
    password,
    cMapUrl: `${assetsBase}cmaps/`,
    cMapPacked: true,
    // pdf.js's worker fetches this data itself (the page would otherwise decide by looking at `document`, which an import worker lacks).
    useWorkerFetch: true,
    standardFontDataUrl: `${assetsBase}standard_fonts/`,
    wasmUrl: `${assetsBase}wasm/`,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
}

export const browserPdfOpener =
  (assetsBase: string): OpenPdf =>
  async (data, password) => {
    const task = pdfjs.getDocument(documentOptions(data, assetsBase, password));
    try {
      return (await task.promise) as unknown as OpenedPdf;
    } catch (error) {
      await task.destroy();
      throw error;
    }
  };

export { pdfjs };
