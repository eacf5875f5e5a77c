// Reads one file the way the app imports it and runs extraction on it. For text formats the
// offsets are those of the file as read (the gold files' convention), with markup and site
// furniture skipped; a PDF has no raw text, so its canonical text is used.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { extractDocument } from '../../shared/extract/extract';
import { extractionReport, type ExtractionReport } from '../../shared/extract/gold';
import { rawSkipRanges } from '../../shared/extract/raw-text';
import { importFile } from '../../shared/ingest/import-file';
import type { OpenPdf } from '../../shared/ingest/pdf/import-pdf';

const openPdf: OpenPdf = async (data, password) => (await import('./open-pdf')).openPdfInNode(data, password);

export type FileExtraction = { ok: true; report: ExtractionReport; text: string } | { ok: false; message: string };

export async function extractFile(file: string, options: { published?: string } = {}): Promise<FileExtraction> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `${file} does not exist.` : `${file} could not be read.` };
  }
  const outcome = await importFile({ name: file, bytes }, { openPdf });
  if (!outcome.ok) return { ok: false, message: outcome.refusal.message };
  const doc = outcome.doc;
  const published = options.published ?? doc.published?.from ?? null;
  // UTF-8 files keep their BOM, as fs.readFileSync(path, 'utf8') does; other encodings as decoded.
  const raw =
    doc.kind === 'pdf' ? null : /^utf-?8/i.test(doc.original.encoding) ? readFileSync(file, 'utf8') : doc.original.text;
  const text = raw ?? doc.text;
  const skip = raw === null ? [] : rawSkipRanges(raw, doc.furniture ?? []);
  const extraction = extractDocument(text, { published, skip });
  return {
    ok: true,
    text,
    report: extractionReport({ name: basename(file), title: doc.title, published }, extraction),
  };
}
