// Importing one PDF file end to end, given a way to open it with pdf.js (the browser worker
// and Node configure pdf.js differently: where CMaps and fonts live, which build). Every
// failure becomes a refusal naming the problem; nothing here throws for a bad file.
import { formatBytes } from '../ingest';
import type { IngestOutcome, Refusal } from '../types';
import { extractPdf, type ExtractOptions, type PdfDocumentLike } from './extract';
import { ingestPdf } from './ingest-pdf';

/** Largest PDF accepted: a 300-page plan is a few MB; beyond this it is likely a scan archive. */
export const MAX_PDF_BYTES = 100 * 1024 * 1024;

export interface OpenedPdf extends PdfDocumentLike {
  destroy(): Promise<void>;
}

/** Opens PDF bytes with pdf.js (`getDocument({ data, password, … }).promise`). */
export type OpenPdf = (data: Uint8Array, password: string | undefined) => Promise<OpenedPdf>;

export interface PdfFile {
  name: string;
  bytes: Uint8Array;
  password?: string;
}

const refuse = (code: Refusal['code'], message: string): IngestOutcome => ({ ok: false, refusal: { code, message } });

/** Whether the bytes open like a PDF: "%PDF-" within the first KB, as readers accept. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export interface ImportPdfOptions extends ExtractOptions {
  /** Largest PDF accepted, in bytes, when the caller sets one (else MAX_PDF_BYTES). */
  maxBytes?: number;
}

export async function importPdf(file: PdfFile, open: OpenPdf, options: ImportPdfOptions = {}): Promise<IngestOutcome> {
  const { name, bytes } = file;
  const maxBytes = options.maxBytes ?? MAX_PDF_BYTES;
  if (bytes.byteLength > maxBytes) {
    return refuse(
      'too-large',
      `${name} is ${formatBytes(bytes.byteLength)}, over the ${formatBytes(maxBytes)} limit for PDFs.`,
    );
  }
  if (bytes.byteLength === 0) return refuse('empty', `${name} is empty.`);
  if (!looksLikePdf(bytes)) return refuse('corrupt-pdf', `${name} is not a PDF (it does not start like one).`);
  let doc: OpenedPdf | null = null;
  try {
    // pdf.js may take over the buffer it is given; the document keeps the original bytes.
    doc = await open(bytes.slice(), file.password);
    const extracted = await extractPdf(doc, options);
    return ingestPdf(name, bytes, extracted);
  } catch (error) {
    options.signal?.throwIfAborted();
    return pdfRefusal(name, error, file.password !== undefined);
  } finally {
    await doc?.destroy().catch(() => undefined);
  }
}

/** pdf.js errors, by name, as sentences the analyst can act on. */
export function pdfRefusal(name: string, error: unknown, triedPassword: boolean): IngestOutcome {
  const kind = error instanceof Error || (typeof error === 'object' && error) ? (error as Error).name : '';
  if (kind === 'PasswordException') {
    return triedPassword
      ? refuse('wrong-password', `${name} is password-protected and the password given is not right.`)
      : refuse('password-required', `${name} is password-protected: enter its password to import it.`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return refuse('corrupt-pdf', `${name} is damaged or truncated and cannot be read as a PDF (${detail}).`);
}
