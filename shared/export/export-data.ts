// What the data exports read: plain records and lookups, gathered by the renderer (through the
// repository) and handed over whole. Helpers every export shares: an item's passage, its owners,
// the link back into Dossier.
import type { AnnotationRecord, DocumentMeta, ItemOwner, ItemRecord } from '../model/types';

/** The part of a document the exports write. */
export type ExportDocument = Pick<DocumentMeta, 'id' | 'title' | 'source' | 'published' | 'importedAt'>;

export interface ExportLookups {
  annotations: ReadonlyMap<string, AnnotationRecord>;
  documents: ReadonlyMap<string, ExportDocument>;
  /** The name of each item kind as the analyst sees it (their label, or the built-in kind's name in the UI language). */
  kindNames: ReadonlyMap<string, string>;
  /** The app's address before the '#' (app://dossier/index.html, or the web build's page), for links to passages. */
  appUrl?: string;
}

/** The kind's name, or its id for a kind the lookups do not know. */
export const kindLabel = (lookups: Pick<ExportLookups, 'kindNames'>, kind: string): string =>
  lookups.kindNames.get(kind) || kind;

/** The passage an item comes from: its highlights' words (several joined by " … "), else its title. */
export function itemPassage(item: ItemRecord, annotations: ReadonlyMap<string, AnnotationRecord>): string {
  const quotes = item.annotationIds
    .map((id) => annotations.get(id)?.target.quote.exact)
    .filter((quote): quote is string => !!quote);
  return quotes.length > 0 ? quotes.join(' … ') : item.title;
}

/** Lead units first, then the others, each in its given order. */
export const leadFirst = (owners: readonly ItemOwner[]): ItemOwner[] => [
  ...owners.filter((o) => o.role === 'lead'),
  ...owners.filter((o) => o.role !== 'lead'),
];

/** Owners by their normalised names with their roles: "北京市发展和改革委员会 (lead); 北京市通州区人民政府 (responsible)". */
export const ownersText = (owners: readonly ItemOwner[]): string =>
  leadFirst(owners)
    .map((o) => `${o.normalized || o.asWritten} (${o.role})`)
    .join('; ');

/** The address of a passage in Dossier: #/doc/ID/a/ANNOTATION (the reader's route), after `appUrl`. */
export function passageLink(appUrl: string | undefined, documentId: string, annotationId?: string): string {
  const hash = `#/doc/${encodeURIComponent(documentId)}${annotationId ? `/a/${encodeURIComponent(annotationId)}` : ''}`;
  return `${appUrl ?? ''}${hash}`;
}

/** A publication date as a day, or a range of days for a month or year ("2019-06-01/2019-06-30", ISO 8601). */
export const publishedText = (published: ExportDocument['published']): string =>
  !published ? '' : published.from === published.to ? published.from : `${published.from}/${published.to}`;

/** Whitespace collapsed, cut to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('')}…`;
}
