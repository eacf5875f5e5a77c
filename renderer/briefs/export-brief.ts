// Exports a brief as Markdown, HTML, Word (DOCX) or PDF, through the bridge: the desktop writes
// the file atomically where the analyst chooses, the web build downloads it. Every quote's
// citation is written as the library has it now, and a quote whose passage changed or was
// deleted is marked so (citation.ts decides which).
import type { BriefExportInput } from '../../shared/brief/model';
import { exportFileName } from '../../shared/export/document-markdown';
import { localDate } from '../../shared/model/items';
import type { FileFilter } from '../../shared/ipc/contract';
import { bridge } from '../bridge/bridge';
import type { Repository } from '../db/repository';
import type { Language } from '../i18n/strings';
import { contentForExport, quotedAnnotationIds } from './citation';

export const BRIEF_EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
export type BriefExportFormat = (typeof BRIEF_EXPORT_FORMATS)[number];

const FILTERS: Record<BriefExportFormat, FileFilter> = {
  md: { name: 'Markdown', extensions: ['md'] },
  html: { name: 'HTML', extensions: ['html'] },
  docx: { name: 'Word', extensions: ['docx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

/** What an export is made from: the brief as the editor has it now. */
export interface BriefToExport {
  title: string;
  /** Named on the title page of the Word and PDF exports. */
  author?: string;
  content: string;
}

/** The exporters' input: citations refreshed from the library, each quote's status alongside. */
export async function exportInput(
  repository: Repository,
  brief: BriefToExport,
  language: Language,
  now: Date = new Date(),
): Promise<BriefExportInput> {
  const sources = await repository.quoteSources.many(quotedAnnotationIds(brief.content));
  const { content, quoteStatus } = contentForExport(brief.content, sources);
  return {
    title: brief.title,
    ...(brief.author && { author: brief.author }),
    date: localDate(now),
    content,
    language,
    quoteStatus,
  };
}

/** Where an export went: a file (its location), the browser's print dialog (web PDF), or nowhere (cancelled). */
export type ExportOutcome = { location: string } | { printDialog: true } | null;

/** Saves the brief in one format. */
export async function exportBrief(
  repository: Repository,
  brief: BriefToExport,
  format: BriefExportFormat,
  language: Language,
): Promise<ExportOutcome> {
  const input = await exportInput(repository, brief, language);
  const suggestedName = exportFileName(brief.title, format);
  if (format === 'pdf') {
    const { briefToHtml } = await import('../../shared/brief/html');
    // Chromium's printToPDF of the print HTML on the desktop (a save dialog, an atomic write); the print dialog on the web.
    const result = await bridge.printToPdf({ html: briefToHtml(input, { print: true }), suggestedName });
    if (result.printDialog) return { printDialog: true };
    return result.saved ? { location: result.location ?? suggestedName } : null;
  }
  // The exporters (docx above all) load when first used, not with the app.
  const bytes =
    format === 'docx'
      ? new Uint8Array(await (await import('../../shared/brief/docx')).briefToDocx(input))
      : format === 'md'
        ? new TextEncoder().encode((await import('../../shared/brief/markdown')).briefToMarkdown(input))
        : new TextEncoder().encode((await import('../../shared/brief/html')).briefToHtml(input, { print: false }));
  const result = await bridge.saveFile({ suggestedName, bytes, filters: [FILTERS[format]] });
  return result.saved ? { location: result.location ?? suggestedName } : null;
}
