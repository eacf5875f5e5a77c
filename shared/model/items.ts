// Items (tasks, commitments, kinds of the analyst's own): their defaults, how a status
// change is recorded, and when an item is overdue. Pure; the repository stores the results.
import type { Candidate, OwnerMention, TemporalMention } from '../extract/types';
import { newRecordBase, touched } from './records';
import type { DateRange, ItemDeadline, ItemKindDefinition, ItemRecord, ItemStatus, QuantityTarget } from './types';

/** The kinds every library starts with; the analyst can add their own (settings 'itemKinds'). */
export const DEFAULT_ITEM_KINDS: readonly ItemKindDefinition[] = [
  {
    id: 'task',
    label: '',
    color: 'blue',
    shortcut: 't',
    fields: ['owners', 'deadline', 'status', 'category', 'tags', 'note'],
  },
  {
    id: 'commitment',
    label: '',
    color: 'green',
    shortcut: 'c',
    fields: ['owners', 'deadline', 'targets', 'status', 'category', 'tags', 'note'],
  },
];

/** The fields of an item the analyst (or a suggestion) supplies; the rest is bookkeeping. */
export type ItemFields = Pick<
  ItemRecord,
  'kind' | 'title' | 'owners' | 'deadline' | 'milestones' | 'targets' | 'category' | 'tags' | 'origin'
> &
  Partial<Pick<ItemRecord, 'status' | 'note' | 'noteText'>>;

/** Longest title kept on an item; the full passage stays on its annotation. */
const TITLE_LENGTH = 80;

/** A short label for an item from its passage: whitespace collapsed, cut at a clause end when long. */
export function itemTitle(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= TITLE_LENGTH) return flat;
  return `${flat.slice(0, TITLE_LENGTH - 1)}…`;
}

/** A new item record, its status history starting with its first status. */
export function newItem(
  fields: ItemFields,
  link: { documentId: string | null; annotationIds: string[] },
  now: Date = new Date(),
): ItemRecord {
  const status = fields.status ?? 'open';
  const base = newRecordBase(now);
  return {
    ...base,
    kind: fields.kind,
    title: fields.title,
    annotationIds: link.annotationIds,
    documentId: link.documentId,
    owners: fields.owners,
    deadline: fields.deadline,
    milestones: fields.milestones,
    targets: fields.targets,
    status,
    statusHistory: [{ status, at: base.createdAt }],
    category: fields.category,
    tags: fields.tags,
    note: fields.note ?? null,
    noteText: fields.noteText ?? '',
    origin: fields.origin,
  };
}

/** The item with a new status, the change appended to its history (unchanged when the status is the same). */
export function withStatus(item: ItemRecord, status: ItemStatus, now: Date = new Date()): ItemRecord {
  if (item.status === status) return item;
  const next = touched(item, now);
  return { ...next, status, statusHistory: [...item.statusHistory, { status, at: next.updatedAt }] };
}

/** Still to be done: an item that is open, in progress or of unknown status. */
export const isPending = (item: Pick<ItemRecord, 'status'>): boolean =>
  item.status === 'open' || item.status === 'in-progress' || item.status === 'unknown';

/** Past its deadline and not done or missed, on `today` (YYYY-MM-DD, the analyst's local date). */
export function isOverdue(item: Pick<ItemRecord, 'status' | 'deadline'>, today: string): boolean {
  return isPending(item) && item.deadline !== null && item.deadline.to < today;
}

/** The analyst's local calendar date as YYYY-MM-DD (not UTC: "overdue" is judged on their own day). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A temporal mention as a model date range (from defaults to to: a point is a one-unit range). */
export function mentionRange(mention: TemporalMention): DateRange | null {
  const { from, to, precision } = mention.normalized;
  if (!to) return null;
  return { from: from ?? startOfUnit(to, precision), to, precision, text: mention.text };
}

/** The first day of the year, half, quarter or month that ends on `to` (a day is itself). */
function startOfUnit(to: string, precision: DateRange['precision']): string {
  const year = to.slice(0, 4);
  const month = Number(to.slice(5, 7));
  if (precision === 'year') return `${year}-01-01`;
  if (precision === 'half') return `${year}-${month <= 6 ? '01' : '07'}-01`;
  if (precision === 'quarter') return `${year}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  if (precision === 'month') return `${to.slice(0, 7)}-01`;
  return to;
}

/** Owners as an item stores them. */
export const itemOwners = (owners: readonly OwnerMention[]): ItemRecord['owners'] =>
  owners.map((o) => ({ asWritten: o.text, normalized: o.normalized, role: o.role }));

/** Targets as an item stores them. */
export const itemTargets = (targets: Candidate['targets']): QuantityTarget[] =>
  targets.map((t) => ({ value: t.value, unit: t.unit, text: t.text }));

/** A passage tagged by hand: the fields the rules read from it (describePassage), the kind the analyst chose. */
export const manualFields = (kind: string, passage: Candidate): ItemFields => ({
  ...candidateFields(passage),
  kind,
  origin: 'manual',
});

/** The fields a suggestion proposes for its item; the analyst may edit them before accepting. */
export function candidateFields(candidate: Candidate): ItemFields {
  const deadlineRange = candidate.deadline ? mentionRange(candidate.deadline) : null;
  const deadline: ItemDeadline | null =
    deadlineRange && candidate.deadline ? { ...deadlineRange, origin: candidate.deadline.source } : null;
  return {
    kind: candidate.kind,
    title: itemTitle(candidate.quote),
    owners: itemOwners(candidate.owners),
    deadline,
    milestones: candidate.milestones.map(mentionRange).filter((r): r is DateRange => r !== null),
    targets: itemTargets(candidate.targets),
    category: candidate.category,
    tags: [],
    origin: 'suggested',
  };
}
