// Links: typed edges between any two of annotation, item, event and document (DESIGN.md
// "The data"). What makes a link sound (no self-link, no second link of the same type between
// the same two records, both ends existing), how a record sees its links from both sides
// (fulfils ↔ fulfilled by), what becomes of links when a record they touch is deleted
// (re-pointed to a record that stays, or removed — never left dangling), the history of an
// item across documents (its chain of updates, fulfils and contradicts links, by date), and
// the plain matching the link picker searches with. Pure.
import { newRecordBase, touched } from './records';
import type { LinkEndKind, LinkRecord, LinkType } from './types';

export type LinkEnd = LinkRecord['from'];

export const LINK_TYPES: readonly LinkType[] = [
  'relates',
  'updates',
  'fulfils',
  'contradicts',
  'duplicates',
  'on-timeline',
] as const;

/** The types an analyst picks between; `on-timeline` is made by the timeline. */
export const PICKABLE_LINK_TYPES: readonly LinkType[] = ['relates', 'updates', 'fulfils', 'contradicts', 'duplicates'];

/** The types an item's history follows across documents. */
export const CHAIN_LINK_TYPES: readonly LinkType[] = ['updates', 'fulfils', 'contradicts'];

/** Types that read the same from either end ("relates to"). */
const SYMMETRIC: ReadonlySet<LinkType> = new Set<LinkType>(['relates', 'on-timeline']);

export const LINK_END_KINDS: readonly LinkEndKind[] = ['annotation', 'item', 'event', 'document'];

export const isLinkType = (value: unknown): value is LinkType => LINK_TYPES.includes(value as LinkType);

export const endKey = (end: LinkEnd): string => `${end.kind}:${end.id}`;
/** The end an endKey names (kinds and ULIDs hold no colon). */
export function parseEndKey(key: string): LinkEnd {
  const at = key.indexOf(':');
  return { kind: key.slice(0, at) as LinkEndKind, id: key.slice(at + 1) };
}
export const sameEnd = (a: LinkEnd, b: LinkEnd): boolean => a.kind === b.kind && a.id === b.id;

/**
 * The end a drag carries (`{"kind":"item","id":"01H…"}`, what a drop reads back), or null for
 * anything else: data from another application is never trusted to name a record.
 */
export function linkEndFromJson(text: string): LinkEnd | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { kind, id } = value as { kind?: unknown; id?: unknown };
  if (!LINK_END_KINDS.includes(kind as LinkEndKind)) return null;
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || /[\s:]/.test(id)) return null;
  return { kind: kind as LinkEndKind, id };
}

/** Whether two sets of ends stand for one record (a highlight and the item it is tagged as): a self-link. */
export const sameRecord = (a: readonly LinkEnd[], b: readonly LinkEnd[]): boolean =>
  a.some((x) => b.some((y) => sameEnd(x, y)));

/** Whether a link touches this record (at either end). */
export const touches = (link: Pick<LinkRecord, 'from' | 'to'>, end: LinkEnd): boolean =>
  sameEnd(link.from, end) || sameEnd(link.to, end);

/**
 * The key two links share when they are "the same link": same type, same two records. The
 * ends are taken in either order, so `A fulfils B` and `B fulfils A` count as one link (a
 * record cannot both fulfil and be fulfilled by the same other record).
 */
export function pairKey(link: Pick<LinkRecord, 'type' | 'from' | 'to'>): string {
  const [a, b] = [endKey(link.from), endKey(link.to)].sort();
  return `${link.type}|${a}|${b}`;
}

export type LinkProblem = 'type' | 'self' | 'duplicate' | 'missing-from' | 'missing-to';

export type LinkInput = Pick<LinkRecord, 'type' | 'from' | 'to'> & { note?: string | null };

/**
 * What is wrong with a link, or null: an unknown type, both ends the same record, another link
 * of the same type between the same two records (`existing`: the links already touching either
 * end; the link itself, when `ignoreId` names it, is left out), or an end that does not exist.
 */
export function linkProblem(
  link: LinkInput,
  existing: readonly LinkRecord[],
  exists: (end: LinkEnd) => boolean,
  ignoreId?: string,
): LinkProblem | null {
  if (!isLinkType(link.type)) return 'type';
  if (!LINK_END_KINDS.includes(link.from.kind) || !LINK_END_KINDS.includes(link.to.kind)) return 'type';
  if (sameEnd(link.from, link.to)) return 'self';
  const key = pairKey(link);
  if (existing.some((other) => other.id !== ignoreId && pairKey(other) === key)) return 'duplicate';
  if (!exists(link.from)) return 'missing-from';
  if (!exists(link.to)) return 'missing-to';
  return null;
}

/** A new link record (validate it with linkProblem first). */
export function newLink(input: LinkInput, now: Date = new Date()): LinkRecord {
  return {
    ...newRecordBase(now),
    type: input.type,
    from: { kind: input.from.kind, id: input.from.id },
    to: { kind: input.to.kind, id: input.to.id },
    note: input.note?.trim() ? input.note.trim() : null,
  };
}

export type LinkDirection = 'out' | 'in';

/** A link as one of its ends sees it: which way it points and the record at the other end. */
export interface LinkSide {
  link: LinkRecord;
  /** 'out': this record is the link's `from` (it fulfils the other); 'in': its `to` (it is fulfilled by the other). */
  direction: LinkDirection;
  /** The end this view is of (one of the records asked about). */
  self: LinkEnd;
  other: LinkEnd;
}

/**
 * The links of a record from both sides: outgoing and incoming, each with the record at its
 * other end. `ends` are the records that stand for one thing (a highlight and the item it is
 * tagged as); a link between two of them is shown once, from its `from` side.
 */
export function linkSides(ends: readonly LinkEnd[], links: readonly LinkRecord[]): LinkSide[] {
  const own = (end: LinkEnd) => ends.some((e) => sameEnd(e, end));
  const seen = new Set<string>();
  const sides: LinkSide[] = [];
  for (const link of links) {
    if (seen.has(link.id)) continue;
    if (own(link.from)) {
      seen.add(link.id);
      sides.push({ link, direction: 'out', self: link.from, other: link.to });
    } else if (own(link.to)) {
      seen.add(link.id);
      sides.push({ link, direction: 'in', self: link.to, other: link.from });
    }
  }
  // Oldest first: the order they were made in.
  return sides.sort((a, b) => (a.link.createdAt < b.link.createdAt ? -1 : a.link.createdAt > b.link.createdAt ? 1 : 0));
}

/**
 * The label of a link seen from one end, as a key for the UI's strings: `fulfils` from the
 * report, `fulfilled-by` from the commitment. Symmetric types read the same both ways.
 */
export type LinkLabel =
  | 'relates'
  | 'updates'
  | 'updated-by'
  | 'fulfils'
  | 'fulfilled-by'
  | 'contradicts'
  | 'contradicted-by'
  | 'duplicates'
  | 'duplicated-by'
  | 'on-timeline';

export function linkLabel(type: LinkType, direction: LinkDirection): LinkLabel {
  if (direction === 'out' || SYMMETRIC.has(type)) return type;
  switch (type) {
    case 'updates':
      return 'updated-by';
    case 'fulfils':
      return 'fulfilled-by';
    case 'contradicts':
      return 'contradicted-by';
    case 'duplicates':
      return 'duplicated-by';
    default:
      return type;
  }
}

/** Every label in the order a picker offers them, with the type and direction each one makes. */
export const LINK_CHOICES: readonly { label: LinkLabel; type: LinkType; direction: LinkDirection }[] =
  PICKABLE_LINK_TYPES.flatMap((type) => {
    const out = { label: linkLabel(type, 'out'), type, direction: 'out' as const };
    return SYMMETRIC.has(type) ? [out] : [out, { label: linkLabel(type, 'in'), type, direction: 'in' as const }];
  });

/** The link `self —label→ other` as a record's `from`/`to`. */
export function orientLink(
  self: LinkEnd,
  other: LinkEnd,
  choice: { type: LinkType; direction: LinkDirection },
): Pick<LinkRecord, 'type' | 'from' | 'to'> {
  return choice.direction === 'out'
    ? { type: choice.type, from: self, to: other }
    : { type: choice.type, from: other, to: self };
}

// ————— Integrity: deleting a record that links touch —————

/** Links with an end that does not exist: there must never be any. */
export const danglingLinks = (links: readonly LinkRecord[], exists: (end: LinkEnd) => boolean): LinkRecord[] =>
  links.filter((link) => !exists(link.from) || !exists(link.to));

/** What deleting records does to the links that touch them, for the repository to write (and undo). */
export interface LinkDetachment {
  /** Links deleted with the records, as they were. */
  removed: LinkRecord[];
  /** Links kept by re-pointing them to `keepOn`: their new versions, to write. */
  updated: LinkRecord[];
  /** The same links as they were before, to put back on undo. */
  retargeted: LinkRecord[];
}

/**
 * What becomes of `links` (those touching the records in `gone`) when those records are
 * deleted. With `keepOn` null every one of them is removed. With a record to keep them on
 * (the document of a deleted highlight, the highlight of an untagged item…), each end in
 * `gone` is re-pointed to it — unless that makes a self-link, repeats a link that exists
 * (`others`: links touching `keepOn` that are not being changed) or repeats another re-pointed
 * one, or the other end is also going: then the link is removed. No link is ever left with an
 * end in `gone`.
 */
export function detachLinks(
  links: readonly LinkRecord[],
  gone: readonly LinkEnd[],
  keepOn: LinkEnd | null,
  others: readonly LinkRecord[] = [],
  now: Date = new Date(),
): LinkDetachment {
  const isGone = (end: LinkEnd) => gone.some((g) => sameEnd(g, end));
  const result: LinkDetachment = { removed: [], updated: [], retargeted: [] };
  const changing = new Set(links.map((l) => l.id));
  const taken = new Set(others.filter((o) => !changing.has(o.id)).map(pairKey));
  for (const link of links) {
    if (!isGone(link.from) && !isGone(link.to)) continue;
    if (!keepOn || isGone(keepOn)) {
      result.removed.push(link);
      continue;
    }
    const from = isGone(link.from) ? keepOn : link.from;
    const to = isGone(link.to) ? keepOn : link.to;
    const moved = { ...touched(link, now), from: { ...from }, to: { ...to } };
    const key = pairKey(moved);
    if (sameEnd(from, to) || taken.has(key)) {
      result.removed.push(link);
      continue;
    }
    taken.add(key);
    result.updated.push(moved);
    result.retargeted.push(link);
  }
  return result;
}

// ————— An item's history across documents —————

/** One record of a history chain and how it is linked into it. */
export interface ChainStep {
  end: LinkEnd;
  /** The day it is dated by (its document's publication, an event's date), YYYY-MM-DD; null when unknown. */
  date: string | null;
  /**
   * How it joined the chain: the link that reached it, as seen from this record ('out': this
   * record fulfils / updates / contradicts the one before; 'in': it is fulfilled… by it). Null
   * for the record the chain was asked about.
   */
  via: { link: LinkRecord; direction: LinkDirection; label: LinkLabel } | null;
}

export interface ChainOptions {
  /** The day a record is dated by, or null. */
  dateOf: (end: LinkEnd) => string | null;
  /**
   * The record that stands for this one in a chain: a highlight tagged as an item is its item,
   * so links made on either count as the item's. Defaults to the record itself.
   */
  canonical?: (end: LinkEnd) => LinkEnd;
  /** Link types to follow (default: updates, fulfils, contradicts). */
  types?: readonly LinkType[];
}

/**
 * The history of a record across documents: every record reachable from it through updates,
 * fulfils and contradicts links (either way, transitively), each once, oldest first (undated
 * last, then in the order they were reached). A 2019 commitment, the 2021 progress report
 * that updates it, the 2022 completion report that fulfils it.
 */
export function historyChain(start: LinkEnd, links: readonly LinkRecord[], options: ChainOptions): ChainStep[] {
  const types = new Set(options.types ?? CHAIN_LINK_TYPES);
  const canonical = options.canonical ?? ((end: LinkEnd) => end);
  const first = canonical(start);
  const adjacent = new Map<string, { link: LinkRecord; other: LinkEnd; direction: LinkDirection }[]>();
  const add = (key: string, entry: { link: LinkRecord; other: LinkEnd; direction: LinkDirection }) => {
    const list = adjacent.get(key);
    if (list) list.push(entry);
    else adjacent.set(key, [entry]);
  };
  for (const link of links) {
    if (!types.has(link.type)) continue;
    const from = canonical(link.from);
    const to = canonical(link.to);
    if (sameEnd(from, to)) continue;
    // The direction is the neighbour's: it is the link's `from` ('out') or its `to` ('in').
    add(endKey(from), { link, other: to, direction: 'in' });
    add(endKey(to), { link, other: from, direction: 'out' });
  }
  const steps: ChainStep[] = [{ end: first, date: options.dateOf(first), via: null }];
  const seen = new Set([endKey(first)]);
  for (let i = 0; i < steps.length; i++) {
    for (const next of adjacent.get(endKey(steps[i]!.end)) ?? []) {
      const key = endKey(next.other);
      if (seen.has(key)) continue;
      seen.add(key);
      steps.push({
        end: next.other,
        date: options.dateOf(next.other),
        via: { link: next.link, direction: next.direction, label: linkLabel(next.link.type, next.direction) },
      });
    }
  }
  const order = new Map(steps.map((s, i) => [s, i]));
  return steps.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? -1 : 1;
    }
    return order.get(a)! - order.get(b)!;
  });
}

// ————— The link picker's matching —————

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function bigrams(text: string): string[] {
  if (text.length < 2) return text ? [text] : [];
  const grams: string[] = [];
  for (let i = 0; i < text.length - 1; i++) grams.push(text.slice(i, i + 2));
  return grams;
}

/**
 * How well `text` matches what the analyst typed, 0–1 (0: not at all): the whole query found
 * in the text ranks highest (earlier is better); else the share of the query's character pairs
 * the text holds, so 京张铁路通车 still finds 京张铁路年底建成通车. Whitespace and case are ignored.
 */
export function matchScore(query: string, text: string): number {
  const q = fold(query);
  if (!q) return 0;
  const t = fold(text);
  if (!t) return 0;
  const at = t.indexOf(q);
  if (at !== -1) return 0.75 + 0.25 / (1 + at / 20);
  const grams = bigrams(q);
  if (grams.length < 2) return 0;
  let found = 0;
  for (const gram of grams) if (t.includes(gram)) found++;
  const share = found / grams.length;
  return share >= 0.6 ? share * 0.7 : 0;
}
