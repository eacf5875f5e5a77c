// The sample brief of the exporter tests (test/fixtures/briefs/sample-brief.json: its standard
// nodes written by Lexical 0.52 itself, Dossier's nodes in the shapes of serialized.ts), and
// small builders of Lexical node JSON for the cases the sample does not hold.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BriefExportInput } from '../../../shared/brief/model';
import type { QuoteCitation, SerializedQuoteNode } from '../../../shared/brief/serialized';

export const SAMPLE_CONTENT = readFileSync(
  resolve(import.meta.dirname, '../../fixtures/briefs/sample-brief.json'),
  'utf8',
);

type NodeJSON = Record<string, unknown> & { type: string };
export const sampleState = (): { root: { children: NodeJSON[] } & NodeJSON } => JSON.parse(SAMPLE_CONTENT);

/** The sample's quotes, item rows and timeline, as stored. */
const nodes = sampleState().root.children;
export const QUOTES = nodes.filter((n) => n.type === 'dossier-quote') as unknown as SerializedQuoteNode[];
export const ITEM_ROWS = (nodes.find((n) => n.type === 'dossier-item-table') as unknown as { rows: ItemRowJSON[] })
  .rows;
type ItemRowJSON = { text: string; owners: string[]; source: QuoteCitation | null };

/** Every citation of the sample in reading order: its two quotes, then its item rows' sources. */
export const SAMPLE_CITATIONS: QuoteCitation[] = [
  ...QUOTES.map((q) => q.citation),
  ...ITEM_ROWS.flatMap((r) => (r.source ? [r.source] : [])),
];

export const [RAILWAY, PLAN] = QUOTES as [SerializedQuoteNode, SerializedQuoteNode];

export function sampleInput(overrides: Partial<BriefExportInput> = {}): BriefExportInput {
  return {
    title: '京津冀协同发展2019年进展简报',
    author: '李明',
    date: '2019-07-01',
    content: SAMPLE_CONTENT,
    language: 'zh',
    quoteStatus: { [PLAN.annotationId]: 'changed' },
    ...overrides,
  };
}

// Lexical's node JSON, in its full form.
export const text = (value: string, format = 0): NodeJSON => ({
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: value,
  type: 'text',
  version: 1,
});
const element = (type: string, children: NodeJSON[], extra: Record<string, unknown> = {}): NodeJSON => ({
  children,
  direction: null,
  format: '',
  indent: 0,
  type,
  version: 1,
  ...extra,
});
export const paragraph = (...children: NodeJSON[]) => element('paragraph', children, { textFormat: 0, textStyle: '' });
export const heading = (tag: string, ...children: NodeJSON[]) => element('heading', children, { tag });
export const link = (url: string, ...children: NodeJSON[]) =>
  element('link', children, { url, rel: null, target: null, title: null });
export const listItem = (...children: NodeJSON[]) => element('listitem', children, { value: 1 });
export const list = (listType: string, items: NodeJSON[], start = 1) =>
  element('list', items, { listType, start, tag: listType === 'number' ? 'ol' : 'ul' });
export const tableCell = (headerState: number, ...children: NodeJSON[]) =>
  element('tablecell', children, { headerState, colSpan: 1, rowSpan: 1, backgroundColor: null });
export const table = (rows: string[][], headerRow = true) =>
  element(
    'table',
    rows.map((cells, r) =>
      element(
        'tablerow',
        cells.map((c) => tableCell(headerRow && r === 0 ? 1 : 0, paragraph(text(c)))),
      ),
    ),
  );

export function quoteNode(quote: string, citation: Partial<QuoteCitation> = {}, annotationId = 'a-1'): NodeJSON {
  return {
    type: 'dossier-quote',
    version: 1,
    annotationId,
    quote,
    citation: { ...RAILWAY.citation, ...citation },
  };
}

/** A brief's content (the stored JSON string) holding these blocks. */
export const briefOf = (...children: NodeJSON[]): string => JSON.stringify({ root: element('root', children) });
