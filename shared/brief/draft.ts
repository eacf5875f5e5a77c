// "Draft a brief": a structured first draft the analyst then edits, from a document, a set of
// items or a range of the timeline. The draft is a Lexical editor state as plain JSON (the
// shapes Lexical's own nodes write, and Dossier's nodes of serialized.ts): a summary, the key
// commitments as an item table, their deadlines as a list, the passages they come from as
// quotes, and for a range its timeline section. Headings in the analyst's language. Pure.
import type { AliasTable } from '../extract/aliases';
import type { EventRecord, ItemRecord } from '../model/types';
import { formatDate, type BriefLanguage } from './dates';
import {
  blockSnapshot,
  EMPTY_TABLE_FILTER,
  itemTableRows,
  quoteCitation,
  type CitedDocument,
  type CitedPassage,
} from './item-rows';
import type {
  ItemTableFilter,
  ItemTableRow,
  SerializedItemTableNode,
  SerializedQuoteNode,
  SerializedTimelineSectionNode,
} from './serialized';
import { timelineSectionEntries, type SectionRange } from './timeline-entries';

export type { BriefLanguage };

/** What a brief is drafted from. */
export type DraftSource =
  | { kind: 'document'; documentId: string }
  /** Items chosen by a filter (the items view's, or its selection: `filter.itemIds`). */
  | { kind: 'items'; filter: ItemTableFilter }
  /** A range of days on the timeline, under the timeline's filters. */
  | { kind: 'timeline'; range: SectionRange; filter?: ItemTableFilter };

/** What a draft reads of the library (the repository narrows it to what the source needs). */
export interface DraftLibrary {
  items: readonly ItemRecord[];
  /** The highlights of the items (and, for a document, all of its highlights). */
  annotations: readonly CitedPassage[];
  documents: readonly CitedDocument[];
  /** Events, for a timeline range. */
  events?: readonly EventRecord[];
  aliases?: AliasTable;
}

export interface DraftOptions {
  language: BriefLanguage;
  /** When the draft is made: its blocks are "as of" this time. */
  now: Date;
  /** The analyst's local date (YYYY-MM-DD), for what is overdue. */
  today: string;
}

// ---- Lexical's serialized shapes (as exportJSON writes them in lexical 0.52) -------------

export interface SerializedText {
  type: 'text';
  version: 1;
  text: string;
  /** Bit flags: 1 bold, 2 italic. */
  format: number;
  detail: 0;
  mode: 'normal';
  style: '';
}

interface ElementBase {
  version: 1;
  direction: null;
  format: '';
  indent: 0;
}

export interface SerializedParagraph extends ElementBase {
  type: 'paragraph';
  children: SerializedText[];
  textFormat: 0;
  textStyle: '';
}

export interface SerializedHeading extends ElementBase {
  type: 'heading';
  tag: 'h1' | 'h2' | 'h3';
  children: SerializedText[];
}

export interface SerializedListItem extends ElementBase {
  type: 'listitem';
  value: number;
  children: SerializedText[];
}

export interface SerializedList extends ElementBase {
  type: 'list';
  listType: 'bullet';
  start: 1;
  tag: 'ul';
  children: SerializedListItem[];
}

export type SerializedBriefBlock =
  | SerializedParagraph
  | SerializedHeading
  | SerializedList
  | SerializedItemTableNode
  | SerializedTimelineSectionNode
  | SerializedQuoteNode;

export interface SerializedBriefState {
  root: ElementBase & { type: 'root'; children: SerializedBriefBlock[] };
}

export interface BriefDraft {
  title: string;
  content: SerializedBriefState;
}

const ELEMENT: ElementBase = { version: 1, direction: null, format: '', indent: 0 };
const BOLD = 1;

const textNode = (text: string, format = 0): SerializedText => ({
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text,
  type: 'text',
  version: 1,
});
const paragraph = (...children: SerializedText[]): SerializedParagraph => ({
  ...ELEMENT,
  children,
  textFormat: 0,
  textStyle: '',
  type: 'paragraph',
});
const heading = (text: string, tag: SerializedHeading['tag'] = 'h2'): SerializedHeading => ({
  ...ELEMENT,
  children: [textNode(text)],
  tag,
  type: 'heading',
});
const bulletList = (items: SerializedText[][]): SerializedList => ({
  ...ELEMENT,
  children: items.map((children, i) => ({ ...ELEMENT, children, type: 'listitem', value: i + 1 })),
  listType: 'bullet',
  start: 1,
  tag: 'ul',
  type: 'list',
});

// ---- Words ---------------------------------------------------------------------------------

const WORDS = {
  en: {
    summary: 'Summary',
    commitments: 'Key commitments',
    deadlines: 'Deadlines',
    quotes: 'Quotes',
    timeline: 'Timeline',
    noDeadlines: 'None of these items has a deadline.',
    noItems: 'No tasks or commitments yet.',
    noQuotes: 'No passages to quote.',
    more: '… and {count} more in the table above.',
    titleDocument: 'Brief: {title}',
    titleOwners: 'Brief: {owners}',
    titleItems: 'Brief: {count} items',
    titleTimeline: 'Brief: timeline {from} to {to}',
    fromDocument: 'Drafted from «{title}»{about}: {count} items, {dated} with a deadline{overdue}.',
    fromItems: 'Drafted from {count} items{owners}: {dated} with a deadline{overdue}.',
    fromTimeline: 'Drafted from the timeline, {from} to {to}: {entries} entries; {count} items fall due{overdue}.',
    ownersOf: ' of {owners}',
    overdue: ', {count} overdue',
    separator: ', ',
    dash: ' — ',
  },
  zh: {
    summary: '摘要',
    commitments: '主要承诺与任务',
    deadlines: '时间节点',
    quotes: '原文摘录',
    timeline: '时间线',
    noDeadlines: '这些事项均无期限。',
    noItems: '暂无任务或承诺。',
    noQuotes: '暂无可摘录的原文。',
    more: '……另有 {count} 项，见上表。',
    titleDocument: '简报：{title}',
    titleOwners: '简报：{owners}',
    titleItems: '简报：{count} 个事项',
    titleTimeline: '简报：时间线 {from} 至 {to}',
    fromDocument: '据《{title}》{about}起草：共 {count} 个事项，其中 {dated} 项有期限{overdue}。',
    fromItems: '据 {count} 个事项{owners}起草：其中 {dated} 项有期限{overdue}。',
    fromTimeline: '据时间线 {from} 至 {to} 起草：共 {entries} 条记录，其中 {count} 个事项在此期间到期{overdue}。',
    ownersOf: '（责任单位：{owners}）',
    overdue: '，{count} 项逾期',
    separator: '、',
    dash: ' — ',
  },
} as const;

type Words = (typeof WORDS)[BriefLanguage];

const fill = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));

/** Longest deadline list and number of quotes a draft writes; the table holds every item. */
export const DRAFT_LIST_LIMIT = 50;

// ---- Blocks --------------------------------------------------------------------------------

function itemTable(filter: ItemTableFilter, rows: ItemTableRow[], now: Date): SerializedItemTableNode {
  const snapshot = blockSnapshot(rows);
  return {
    type: 'dossier-item-table',
    version: 1,
    filter,
    rows: snapshot.rows,
    ...(snapshot.total !== undefined && { total: snapshot.total }),
    refreshedAt: now.toISOString(),
  };
}

function deadlineList(rows: readonly ItemTableRow[], words: Words, language: BriefLanguage): SerializedBriefBlock[] {
  const dated = rows.filter((r) => r.deadline !== null);
  if (dated.length === 0) return [paragraph(textNode(rows.length === 0 ? words.noItems : words.noDeadlines))];
  const lines = dated.slice(0, DRAFT_LIST_LIMIT).map((row) => {
    const rest = [row.text, ...(row.owners.length > 0 ? [row.owners.join('、')] : [])].join(words.dash);
    return [
      textNode(formatDate(row.deadline!.to, row.deadline!.precision, language), BOLD),
      textNode(`${words.dash}${rest}`),
    ];
  });
  const blocks: SerializedBriefBlock[] = [bulletList(lines)];
  if (dated.length > DRAFT_LIST_LIMIT) {
    blocks.push(paragraph(textNode(fill(words.more, { count: dated.length - DRAFT_LIST_LIMIT }))));
  }
  return blocks;
}

function quoteNode(passage: CitedPassage, document: CitedDocument): SerializedQuoteNode {
  return {
    type: 'dossier-quote',
    version: 1,
    annotationId: passage.id,
    quote: passage.target.quote.exact,
    citation: quoteCitation(passage, document),
  };
}

/** Quotes of the rows' passages, in row order, then (for a document) its other highlights in text order. */
function quotes(
  rows: readonly ItemTableRow[],
  extra: readonly CitedPassage[],
  passages: ReadonlyMap<string, CitedPassage>,
  documents: ReadonlyMap<string, CitedDocument>,
  words: Words,
): SerializedBriefBlock[] {
  const chosen: CitedPassage[] = [];
  const seen = new Set<string>();
  const add = (passage: CitedPassage | undefined) => {
    if (!passage || seen.has(passage.id) || !documents.has(passage.documentId)) return;
    seen.add(passage.id);
    chosen.push(passage);
  };
  for (const row of rows) add(row.annotationId ? passages.get(row.annotationId) : undefined);
  for (const passage of extra) if (!passage.orphaned) add(passage);
  if (chosen.length === 0) return [paragraph(textNode(words.noQuotes))];
  const blocks: SerializedBriefBlock[] = chosen
    .slice(0, DRAFT_LIST_LIMIT)
    .map((p) => quoteNode(p, documents.get(p.documentId)!));
  if (chosen.length > DRAFT_LIST_LIMIT) {
    blocks.push(paragraph(textNode(fill(words.more, { count: chosen.length - DRAFT_LIST_LIMIT }))));
  }
  return blocks;
}

function counts(rows: readonly ItemTableRow[], today: string, words: Words) {
  const dated = rows.filter((r) => r.deadline !== null);
  const overdue = dated.filter(
    (r) => r.deadline!.to < today && (r.status === 'open' || r.status === 'in-progress' || r.status === 'unknown'),
  ).length;
  return {
    count: rows.length,
    dated: dated.length,
    overdue: overdue > 0 ? fill(words.overdue, { count: overdue }) : '',
  };
}

/**
 * A first draft of a brief from `source`, over the library data it needs. The item table's
 * filter is the source's (a document's items; the items chosen; the items falling due in the
 * range), so Refresh in the brief reads the same items again.
 */
export function draftBrief(source: DraftSource, library: DraftLibrary, options: DraftOptions): BriefDraft {
  const { language, now, today } = options;
  const words = WORDS[language];
  const documents = new Map(library.documents.map((d) => [d.id, d]));
  const passages = new Map(library.annotations.map((a) => [a.id, a]));
  const filter: ItemTableFilter =
    source.kind === 'document'
      ? { ...EMPTY_TABLE_FILTER, documentIds: [source.documentId] }
      : source.kind === 'items'
        ? source.filter
        : { ...(source.filter ?? EMPTY_TABLE_FILTER), deadlineFrom: source.range.from, deadlineTo: source.range.to };
  const rows = itemTableRows(
    filter,
    { items: library.items, annotations: passages, documents, aliases: library.aliases },
    today,
  );
  const tally = counts(rows, today, words);

  let title: string;
  let about: string;
  const blocks: SerializedBriefBlock[] = [];
  let extraQuotes: CitedPassage[] = [];
  if (source.kind === 'document') {
    const document = documents.get(source.documentId);
    const name = document?.title ?? '';
    const facts = [
      document?.source.site,
      document?.published ? formatDate(document.published.from, document.published.precision, language) : null,
    ].filter(Boolean);
    const aboutDocument =
      facts.length > 0 ? (language === 'zh' ? `（${facts.join('，')}）` : ` (${facts.join(', ')})`) : '';
    title = fill(words.titleDocument, { title: name });
    about = fill(words.fromDocument, { title: name, about: aboutDocument, ...tally });
    extraQuotes = library.annotations
      .filter((a) => a.documentId === source.documentId)
      .sort((a, b) => a.target.position.start - b.target.position.start);
  } else if (source.kind === 'items') {
    const owners = source.filter.owners.join(words.separator);
    title = owners ? fill(words.titleOwners, { owners }) : fill(words.titleItems, { count: rows.length });
    about = fill(words.fromItems, { ...tally, owners: owners ? fill(words.ownersOf, { owners }) : '' });
  } else {
    const { range } = source;
    const entries = timelineSectionEntries(
      range,
      { items: library.items, events: library.events ?? [], documents: library.documents },
      { filter: source.filter, today, aliases: library.aliases },
    );
    title = fill(words.titleTimeline, { from: range.from, to: range.to });
    about = fill(words.fromTimeline, { ...range, ...tally, entries: entries.length });
    const snapshot = blockSnapshot(entries);
    const section: SerializedTimelineSectionNode = {
      type: 'dossier-timeline',
      version: 1,
      range: { from: range.from, to: range.to },
      ...(source.filter && { filter: source.filter }),
      entries: snapshot.rows,
      ...(snapshot.total !== undefined && { total: snapshot.total }),
      refreshedAt: now.toISOString(),
    };
    blocks.push(heading(words.timeline), section);
  }

  return {
    title,
    content: {
      root: {
        ...ELEMENT,
        type: 'root',
        children: [
          heading(words.summary),
          paragraph(textNode(about)),
          ...blocks,
          heading(words.commitments),
          itemTable(filter, rows, now),
          heading(words.deadlines),
          ...deadlineList(rows, words, language),
          heading(words.quotes),
          ...quotes(rows, extraQuotes, passages, documents, words),
          // Somewhere to go on writing after the last block.
          paragraph(),
        ],
      },
    },
  };
}
