// `dossier inspect FILE… [--json]`: runs the app's import (shared/ingest) on files and shows
// what it detected and kept — for checking the cleaning rules on real pages from a terminal.
// PDFs go through pdf.js in Node (open-pdf.ts), as the app's import worker does in the browser.
import { readFileSync } from 'node:fs';
import { importFile } from '../../shared/ingest/import-file';
import type { OpenPdf } from '../../shared/ingest/pdf/import-pdf';
import type { IngestOutcome } from '../../shared/ingest/types';

/** pdf.js is loaded on the first PDF only, so the command starts as fast as before on text files. */
const openPdf: OpenPdf = async (data, password) => (await import('./open-pdf')).openPdfInNode(data, password);

export const INSPECT_USAGE = `Usage: dossier inspect FILE… [--json] [--max-bytes N] [--password P]

Imports each file the way the app does and prints the detected title, publication date,
source and authors, followed by the cleaned text block by block (for a PDF, also its pages
and how many of them have text).

Options:
  --json          print a JSON array, one object per file:
                  {file, ok, title, published, publishedStatus, source, authors, text, blocks, refusal, …}
                  (PDFs also: pages, textPages)
  --max-bytes N   refuse files larger than N bytes (default as in the app: 20 MB, 100 MB for a PDF)
  --password P    the password of protected PDFs
  -h, --help      show this help

Exit status: 0 when every file was imported, 1 when any was refused, 2 on a usage error.`;

interface Report {
  file: string;
  ok: boolean;
  title: string | null;
  /** YYYY-MM-DD or null. */
  published: string | null;
  publishedStatus: string | null;
  /** The publishing site or outlet. */
  source: string | null;
  authors: string[];
  text: string | null;
  blocks: { type: string; start: number; end: number; text: string; level?: number }[];
  refusal: { code: string; message: string } | null;
  host?: string | null;
  editor?: string | null;
  url?: string | null;
  originalSource?: string | null;
  kind?: string;
  encoding?: string;
  contentHash?: string;
  articles?: { firstBlock: number; title: string; authors: string[] }[];
  dropped?: string[];
  /** PDFs only: page count, and pages with a text layer (0 for a scan). */
  pages?: number;
  textPages?: number;
}

interface InspectOptions {
  maxBytes?: number;
  password?: string;
}

async function inspect(file: string, { maxBytes, password }: InspectOptions): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `${file} does not exist.`
        : `${file} could not be read: ${(error as Error).message}`;
    return refused(file, { code: 'unreadable', message });
  }
  const outcome: IngestOutcome = await importFile({ name: file, bytes }, { openPdf, maxBytes, password });
  if (!outcome.ok) return refused(file, outcome.refusal);
  const d = outcome.doc;
  return {
    file,
    ok: true,
    title: d.title,
    published: d.published?.from ?? null,
    publishedStatus: d.published?.status ?? null,
    source: d.source.site,
    authors: d.source.authors,
    text: d.text,
    blocks: d.blocks.map((b) => ({ ...b, text: d.text.slice(b.start, b.end) })),
    refusal: null,
    host: d.source.host,
    editor: d.source.editor,
    url: d.source.url,
    originalSource: d.originalSource,
    kind: d.kind,
    encoding: d.original.encoding,
    contentHash: d.contentHash,
    articles: d.articles,
    dropped: d.dropped,
    ...(d.pdf ? { pages: d.pdf.summary.pages, textPages: d.pdf.summary.textPages } : {}),
  };
}

const refused = (file: string, refusal: { code: string; message: string }): Report => ({
  file,
  ok: false,
  title: null,
  published: null,
  publishedStatus: null,
  source: null,
  authors: [],
  text: null,
  blocks: [],
  refusal,
});

function human(r: Report): string {
  if (!r.ok) return `== ${r.file}\nREFUSED (${r.refusal!.code}): ${r.refusal!.message}\n`;
  const lines = [
    `== ${r.file}`,
    `title:      ${r.title}`,
    `published:  ${r.published ?? 'null'}${r.publishedStatus === 'inferred' ? ' (inferred — to confirm)' : ''}`,
    `source:     ${r.source ?? 'null'}${r.host ? `  (hosted on ${r.host})` : ''}${r.originalSource ? `  (originally ${r.originalSource})` : ''}`,
    `authors:    ${r.authors.length ? r.authors.join(', ') : '—'}`,
  ];
  if (r.editor) lines.push(`editor:     ${r.editor}`);
  if (r.url) lines.push(`url:        ${r.url}`);
  lines.push(`kind:       ${r.kind} (${r.encoding}), ${r.blocks.length} blocks, ${r.text!.length} characters`);
  if (r.pages !== undefined) {
    const scan = r.textPages === 0 ? ' — no text layer (a scan?)' : '';
    lines.push(`pages:      ${r.pages}, ${r.textPages} with text${scan}`);
  }
  if (r.articles?.length) {
    lines.push('articles:');
    r.articles.forEach((a, i) =>
      lines.push(
        `  ${i + 1}. [block ${a.firstBlock}] ${a.title}${a.authors.length ? ` — ${a.authors.join(', ')}` : ''}`,
      ),
    );
  }
  if (r.dropped?.length) {
    lines.push(`dropped (${r.dropped.length}):`);
    for (const d of r.dropped) lines.push(`  - ${d.length > 100 ? `${d.slice(0, 100)}…` : d}`);
  }
  lines.push('--- text');
  r.blocks.forEach((b, i) => lines.push(`[${i}] ${b.type}${b.level ? ` ${b.level}` : ''}: ${b.text}`));
  return `${lines.join('\n')}\n`;
}

/** `dossier inspect …` with the arguments after the command; returns the exit status. */
export async function inspectCommand(rest: string[]): Promise<number> {
  let json = false;
  let maxBytes: number | undefined;
  let password: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--max-bytes') {
      maxBytes = Number(rest[++i]);
      if (!Number.isFinite(maxBytes) || maxBytes < 0) {
        process.stderr.write('dossier: --max-bytes needs a number of bytes.\n');
        return 2;
      }
    } else if (a === '--password') {
      password = rest[++i];
      if (password === undefined) {
        process.stderr.write('dossier: --password needs a password.\n');
        return 2;
      }
    } else if (a.startsWith('--')) {
      process.stderr.write(`dossier: unknown option ${a}.\n\n${INSPECT_USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    process.stderr.write(`dossier inspect: no files given.\n\n${INSPECT_USAGE}\n`);
    return 2;
  }
  const reports: Report[] = [];
  for (const file of files) reports.push(await inspect(file, { maxBytes, password }));
  process.stdout.write(json ? `${JSON.stringify(reports, null, 2)}\n` : reports.map(human).join('\n'));
  return reports.every((r) => r.ok) ? 0 : 1;
}
