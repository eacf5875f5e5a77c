import type { DocumentSource, PublishedDate } from '../../shared/model/types';

/** A date range as the analyst reads it: the day, month or year its precision allows. */
export function formatPublished(date: PublishedDate | null): string {
  if (!date) return '';
  switch (date.precision) {
    case 'year':
      return date.from.slice(0, 4);
    case 'month':
      return date.from.slice(0, 7);
    case 'day':
      return date.from;
    default:
      return date.from === date.to ? date.from : `${date.from} – ${date.to}`;
  }
}

export function formatSource(source: DocumentSource): string {
  return source.site ?? source.host ?? '';
}
