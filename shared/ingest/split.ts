// Splitting a page that holds several articles (a newspaper page) into self-contained
// documents. Each part's text is one contiguous slice of the page's canonical text, so an
// annotation moves across by subtracting the part's startOffset.
import type { Block, DocumentSource, PublishedDate } from '../model/types';
import type { DocumentPart, RawBlock } from './types';
import { contentHash } from './canonical';
import { findAuthors } from './authors';
import { partTitle } from './articles';

/** The parts of a stored or freshly ingested document that splitting needs. */
export interface SplittableDocument {
  text: string;
  blocks: readonly Block[];
  title: string;
  source: DocumentSource;
  published: PublishedDate | null;
}

/** Valid, sorted, unique part starts, always beginning with block 0. */
function normalizeStarts(firstBlocks: readonly number[], count: number): number[] {
  const set = new Set<number>([0]);
  for (const i of firstBlocks) if (Number.isInteger(i) && i > 0 && i < count) set.add(i);
  return [...set].sort((a, b) => a - b);
}

/**
 * Cuts `doc` into parts starting at the given block indices. A part whose first block is a
 * heading takes it as its title (and leaves it out of its text, as an import does); an
 * untitled part is named by its first sentence. Every part keeps the page's date and source,
 * with the part's own writers as authors.
 */
export function splitDocument(doc: SplittableDocument, firstBlocks: readonly number[]): DocumentPart[] {
  if (doc.blocks.length === 0) return [];
  const starts = normalizeStarts(firstBlocks, doc.blocks.length);
  return starts.map((first, k) => {
    const end = starts[k + 1] ?? doc.blocks.length;
    const all = doc.blocks.slice(first, end);
    const raw: RawBlock[] = all.map((b) => ({ type: b.type, text: doc.text.slice(b.start, b.end) }));
    const titled = all.length > 1 && all[0]!.type === 'heading';
    const title = partTitle(raw) || doc.title;
    const body = titled ? all.slice(1) : all;
    const startOffset = body[0]!.start;
    const text = doc.text.slice(startOffset, body[body.length - 1]!.end);
    const tables = new Map<number, number>();
    const blocks = body.map((b) => {
      const out: Block = { ...b, start: b.start - startOffset, end: b.end - startOffset };
      if (b.table !== undefined) {
        if (!tables.has(b.table)) tables.set(b.table, tables.size);
        out.table = tables.get(b.table)!;
      }
      return out;
    });
    const authors = findAuthors(raw.map((b) => b.text));
    return {
      title,
      text,
      blocks,
      contentHash: contentHash(text),
      authors,
      startOffset,
      firstBlock: first,
      published: doc.published,
      source: { ...doc.source, authors },
    };
  });
}
