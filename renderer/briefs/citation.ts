// Quotes and their citations, as plain data: the node a highlight becomes in a brief, the
// citation as the library has it now (a corrected title or date shows at once), and whether
// the quoted words still match their source. The quote node (nodes/QuoteNode.tsx), the
// exports and "Add to brief" all read these, so they agree on one rule.
import { quoteCitation } from '../../shared/brief/item-rows';
import type { QuoteStatus } from '../../shared/brief/model';
import type { QuoteCitation, SerializedQuoteNode } from '../../shared/brief/serialized';
import type { AnnotationRecord, DocumentMeta } from '../../shared/model/types';
import type { QuoteSource } from '../db/briefs';

export type { QuoteStatus };

export const QUOTE_NODE_TYPE = 'dossier-quote';

/** The citation of a highlight: where it is (offsets, PDF page) and what its document is called. */
export function citationFor(annotation: AnnotationRecord, document: DocumentMeta | undefined): QuoteCitation {
  if (document) return quoteCitation(annotation, document);
  const { start, end } = annotation.target.position;
  return { documentId: annotation.documentId, title: '', position: { start, end } };
}

/** The serialized quote node a highlight becomes (the words as they are now, the citation as a snapshot). */
export function quoteNodeJSON(annotation: AnnotationRecord, document: DocumentMeta | undefined): SerializedQuoteNode {
  return {
    type: QUOTE_NODE_TYPE,
    version: 1,
    annotationId: annotation.id,
    quote: annotation.target.quote.exact,
    citation: citationFor(annotation, document),
  };
}

/**
 * Whether a quote still matches its source: 'missing' when the highlight or its document was
 * deleted; 'changed' when the highlight's words are no longer the quoted ones (the document was
 * updated and the passage re-anchored on other words) or the passage was lost (an orphan);
 * `current` is the words to offer instead, when there are any.
 */
export function quoteStatus(
  quote: string,
  source: QuoteSource | undefined | null,
): { status: QuoteStatus; current?: string } {
  if (!source || !source.document) return { status: 'missing' };
  if (source.annotation.orphaned) return { status: 'changed' };
  const current = source.annotation.target.quote.exact;
  return current === quote ? { status: 'matches' } : { status: 'changed', current };
}

/** The citation as the library has it now: current title, source and date; the stored one when the source is gone. */
export function liveCitation(stored: QuoteCitation, source: QuoteSource | undefined | null): QuoteCitation {
  if (!source || !source.document) return stored;
  return citationFor(source.annotation, source.document);
}

type NodeJSON = { type?: string; children?: NodeJSON[] } & Record<string, unknown>;

const isQuote = (node: NodeJSON): node is NodeJSON & SerializedQuoteNode => node.type === QUOTE_NODE_TYPE;

function walk(node: NodeJSON, visit: (node: NodeJSON) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** The highlights a brief's content quotes (its quote nodes, anywhere in the tree). */
export function quotedAnnotationIds(content: string): string[] {
  if (!content) return [];
  const ids = new Set<string>();
  walk((JSON.parse(content) as { root: NodeJSON }).root, (node) => {
    if (isQuote(node)) ids.add(node.annotationId);
  });
  return [...ids];
}

/** How many quotes a brief's content holds (a highlight quoted twice counts twice). */
export function quoteCount(content: string): number {
  if (!content) return 0;
  let count = 0;
  walk((JSON.parse(content) as { root: NodeJSON }).root, (node) => {
    if (isQuote(node)) count++;
  });
  return count;
}

/**
 * A brief's content for export: every quote's citation as the library has it now (its words
 * stay as quoted), and each quote's status by highlight id, for the exporters to mark.
 */
export function contentForExport(
  content: string,
  sources: ReadonlyMap<string, QuoteSource>,
): { content: string; quoteStatus: Record<string, QuoteStatus> } {
  const quoteStatuses: Record<string, QuoteStatus> = {};
  if (!content) return { content, quoteStatus: quoteStatuses };
  const state = JSON.parse(content) as { root: NodeJSON };
  walk(state.root, (node) => {
    if (!isQuote(node)) return;
    const source = sources.get(node.annotationId);
    quoteStatuses[node.annotationId] = quoteStatus(node.quote, source).status;
    node.citation = liveCitation(node.citation, source);
  });
  return { content: JSON.stringify(state), quoteStatus: quoteStatuses };
}

/** A citation as one line: «title», site, date, page or position. */
export function citationParts(
  citation: QuoteCitation,
  labels: { page: (page: number) => string; position: (start: number) => string },
): string[] {
  const parts: string[] = [];
  if (citation.site) parts.push(citation.site);
  if (citation.published) parts.push(formatCitedDate(citation.published));
  parts.push(citation.page !== undefined ? labels.page(citation.page) : labels.position(citation.position.start + 1));
  return parts;
}

/** A publication date as precisely as it is known: 2019, 2019 H1, 2019 Q2, 2019-06, 2019-06-06. */
export function formatCitedDate(published: NonNullable<QuoteCitation['published']>): string {
  if (published.precision === 'year') return published.date.slice(0, 4);
  if (published.precision === 'month') return published.date.slice(0, 7);
  const month = Number(published.date.slice(5, 7));
  if (published.precision === 'quarter') return `${published.date.slice(0, 4)} Q${Math.ceil(month / 3)}`;
  if (published.precision === 'half') return `${published.date.slice(0, 4)} H${month <= 6 ? 1 : 2}`;
  return published.date;
}
