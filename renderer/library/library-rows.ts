import type { DocumentMeta } from '../../shared/model/types';

export type LibrarySort = 'date' | 'title' | 'imported' | 'highlights';

export interface LibraryRow {
  meta: DocumentMeta;
  highlights: number;
}

/** The rows the library shows: filtered by words and source, then sorted. Pure, for tests. */
export function libraryRows(
  documents: DocumentMeta[],
  counts: Map<string, number>,
  filter: { text: string; source: string },
  sort: LibrarySort,
): LibraryRow[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const rows = documents
    .filter((d) => !filter.source || (d.source.site ?? d.source.host ?? '') === filter.source)
    .filter((d) => {
      if (words.length === 0) return true;
      const haystack = [d.title, d.source.site, d.source.host, ...d.source.authors].join(' ').toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .map((meta) => ({ meta, highlights: counts.get(meta.id) ?? 0 }));
  const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });
  const compare: Record<LibrarySort, (a: LibraryRow, b: LibraryRow) => number> = {
    date: (a, b) => (b.meta.published?.from ?? '').localeCompare(a.meta.published?.from ?? ''),
    title: (a, b) => collator.compare(a.meta.title, b.meta.title),
    imported: (a, b) => b.meta.importedAt.localeCompare(a.meta.importedAt),
    highlights: (a, b) => b.highlights - a.highlights,
  };
  return rows.sort((a, b) => compare[sort](a, b) || collator.compare(a.meta.title, b.meta.title));
}

/** The distinct sources of the library, for the source filter. */
export function librarySources(documents: DocumentMeta[]): string[] {
  const sources = new Set(documents.map((d) => d.source.site ?? d.source.host ?? '').filter(Boolean));
  return [...sources].sort(new Intl.Collator(['zh-Hans-CN', 'en']).compare);
}
