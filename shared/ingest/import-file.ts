// The one entry point for importing a file of any supported format: PDFs go through pdf.js
// (asynchronously, page by page), everything else through the text pipeline.
import { extensionOf } from './formats';
import { ingest } from './ingest';
import { importPdf, type OpenPdf } from './pdf/import-pdf';
import type { ExtractOptions } from './pdf/extract';
import type { IngestInput, IngestOptions, IngestOutcome } from './types';

export interface ImportFileOptions extends ExtractOptions, IngestOptions {
  /** How this environment opens a PDF with pdf.js. */
  openPdf: OpenPdf;
  /** The password for a protected PDF, when the analyst gave one. */
  password?: string;
}

export async function importFile(input: IngestInput, options: ImportFileOptions): Promise<IngestOutcome> {
  if (extensionOf(input.name) === 'pdf') {
    return importPdf({ ...input, password: options.password }, options.openPdf, options);
  }
  return ingest(input, options);
}
