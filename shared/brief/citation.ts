// A quote's citation as every export writes it: 《标题》，首都之窗，2019年6月6日，第3页。 or
// “Title”, 首都之窗, 6 June 2019, p. 3. — followed by a locator, dossier://doc/ID?at=START-END,
// that names the passage by its offsets in the document's canonical text, so a reader (or
// Dossier, through its #/doc/ID?at=START-END route) finds the very words. Pure.
import { formatDate, type BriefLanguage } from './dates';
import { briefLabels } from './labels';
import type { QuoteCitation } from './serialized';
import { safeLinkUrl } from './safe-link';

/** A passage of a document: its offsets in the canonical text. */
export interface PassageLocation {
  documentId: string;
  start: number;
  end: number;
}

/** A citation in pieces, so each format can link its title: the text is `open + title + close`. */
export interface CitationParts {
  open: string;
  title: string;
  close: string;
  /** Where the title links: the source's web address, else the passage in Dossier. */
  href: string;
  /** The source's web address, when it has one that may be linked. */
  url?: string;
  /** The passage's locator (dossier://doc/ID?at=START-END). */
  locator: string;
}

const LOCATOR = /^dossier:\/\/doc\/([^/?#\s]+)\?(?:[^#\s]*&)?at=(\d+)-(\d+)/;

/** dossier://doc/ID?at=START-END: the passage a citation points at. */
export function passageLocator(citation: Pick<QuoteCitation, 'documentId' | 'position'>): string {
  const { start, end } = citation.position;
  return `dossier://doc/${encodeURIComponent(citation.documentId)}?at=${start}-${end}`;
}

/** The passage a locator names, or null when the text is not one. */
export function parsePassageLocator(text: string): PassageLocation | null {
  const match = LOCATOR.exec(text.trim());
  if (!match) return null;
  try {
    return { documentId: decodeURIComponent(match[1]!), start: Number(match[2]), end: Number(match[3]) };
  } catch {
    return null; // a malformed %-escape
  }
}

/** The app's route to a located passage (renderer/app/route.ts reads `#/doc/ID?at=START-END`). */
export const locationRoute = (location: PassageLocation): string =>
  `#/doc/${encodeURIComponent(location.documentId)}?at=${location.start}-${location.end}`;

/**
 * A title as it stands inside title marks: in Chinese a title within 《》 takes 〈〉 for the titles
 * it names itself (《本市发布〈…要点〉》, GB/T 15834). citationsFromMarkdown turns them back.
 */
export function markedTitle(title: string, language: BriefLanguage): string {
  const text = title.trim() || briefLabels(language).untitled;
  return language === 'zh' ? text.replace(/《/g, '〈').replace(/》/g, '〉') : text;
}

/** The citation in pieces: quote marks, title, the rest (site, date at its precision, page), links. */
export function citationParts(citation: QuoteCitation, language: BriefLanguage): CitationParts {
  const labels = briefLabels(language);
  const rest: string[] = [];
  if (citation.site?.trim()) rest.push(citation.site.trim());
  if (citation.published?.date) rest.push(formatDate(citation.published.date, citation.published.precision, language));
  if (citation.page !== undefined) rest.push(labels.page(citation.page));
  const locator = passageLocator(citation);
  const url = safeLinkUrl(citation.url);
  return {
    open: labels.titleOpen,
    title: markedTitle(citation.title, language),
    close: labels.titleClose + rest.map((part) => labels.partSeparator + part).join('') + labels.citationEnd,
    href: url ?? locator,
    ...(url && { url }),
    locator,
  };
}

/** The citation as one line of plain text, without its links. */
export function citationText(citation: QuoteCitation, language: BriefLanguage): string {
  const { open, title, close } = citationParts(citation, language);
  return open + title + close;
}
