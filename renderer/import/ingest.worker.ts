// Parsing and cleaning run here, off the main thread, so the UI never freezes on a large file.
// PDFs are read page by page with pdf.js (itself in a worker of its own), reporting progress.
import { importFile } from '../../shared/ingest/import-file';
import { reclean } from '../../shared/ingest/ingest';
import type { IngestOutcome } from '../../shared/ingest/types';
import { browserPdfOpener } from '../pdf/pdfjs';
import type { IngestWorkerRequest, IngestWorkerResponse } from './protocol';

const post = (response: IngestWorkerResponse, transfer: Transferable[] = []) =>
  self.postMessage(response, { transfer });

self.onmessage = async (event: MessageEvent<IngestWorkerRequest>) => {
  const request = event.data;
  try {
    let outcome: IngestOutcome;
    if (request.type === 'ingest') {
      outcome = await importFile(
        { name: request.name, bytes: request.bytes },
        {
          openPdf: browserPdfOpener(request.pdfAssets),
          password: request.password,
          onPage: (done, total) => post({ id: request.id, progress: { done, total } }),
        },
      );
    } else {
      outcome = reclean(request.original);
    }
    const bytes = outcome.ok ? outcome.doc.original.bytes : undefined;
    post({ id: request.id, outcome }, bytes ? [bytes.buffer as ArrayBuffer] : []);
  } catch (error) {
    post({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
