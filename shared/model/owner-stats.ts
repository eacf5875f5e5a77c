// The owners view: every responsible unit and person the items name, under the current alias
// table, with what they promised — how many items of each status, the next deadline still to
// meet, how many are overdue — and each owner's items. Pure: items come in with their owners'
// names already looked up in today's table (withAliases, owners.ts).
import { isOverdue, isPending } from './items';
import { ITEM_STATUSES, type ItemOwner, type ItemRecord, type ItemStatus } from './types';

export interface OwnerStats {
  /** The name it goes by under the current table. */
  name: string;
  /** How many items name it (an item naming it twice counts once). */
  items: number;
  byStatus: Record<ItemStatus, number>;
  /** The earliest deadline (its `to` day) of a pending item due today or later; null if none. */
  nextDeadline: string | null;
  /** Pending items past their deadline. */
  overdue: number;
  /** Items it leads (牵头). */
  lead: number;
  /** The ways the documents write it (as written), most used first. */
  written: string[];
}

/** One item of an owner, with the role the item gives it. */
export interface OwnedItem<T extends ItemRecord = ItemRecord> {
  item: T;
  role: ItemOwner['role'];
}

const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

export const ownerKey = (owner: Pick<ItemOwner, 'normalized' | 'asWritten'>): string =>
  (owner.normalized || owner.asWritten).trim();

const emptyStatus = (): Record<ItemStatus, number> =>
  Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;

/**
 * Every owner of the items with their counts, most items first (then by name). `today` is the
 * analyst's local day (YYYY-MM-DD), against which deadlines are next or overdue.
 */
export function ownerStats(items: readonly ItemRecord[], today: string): OwnerStats[] {
  const stats = new Map<string, OwnerStats & { writtenCounts: Map<string, number> }>();
  for (const item of items) {
    // Each owner once per item: a lead if any mention of it leads.
    const named = new Map<string, { lead: boolean; written: string[] }>();
    for (const owner of item.owners) {
      const name = ownerKey(owner);
      if (!name) continue;
      const mention = named.get(name) ?? { lead: false, written: [] };
      mention.lead ||= owner.role === 'lead';
      if (owner.asWritten.trim()) mention.written.push(owner.asWritten.trim());
      named.set(name, mention);
    }
    for (const [name, mention] of named) {
      let entry = stats.get(name);
      if (!entry) {
        entry = {
          name,
          items: 0,
          byStatus: emptyStatus(),
          nextDeadline: null,
          overdue: 0,
          lead: 0,
          written: [],
          writtenCounts: new Map(),
        };
        stats.set(name, entry);
      }
      for (const written of mention.written)
        entry.writtenCounts.set(written, (entry.writtenCounts.get(written) ?? 0) + 1);
      entry.items += 1;
      entry.byStatus[item.status] += 1;
      if (mention.lead) entry.lead += 1;
      if (isOverdue(item, today)) entry.overdue += 1;
      const due = item.deadline?.to;
      if (due && isPending(item) && due >= today && (entry.nextDeadline === null || due < entry.nextDeadline)) {
        entry.nextDeadline = due;
      }
    }
  }
  return [...stats.values()]
    .map(({ writtenCounts, ...entry }) => ({
      ...entry,
      written: [...writtenCounts].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0])).map(([name]) => name),
    }))
    .sort((a, b) => b.items - a.items || collator.compare(a.name, b.name));
}

/**
 * The items of one owner, with its role in each (lead when any mention of it leads), by
 * deadline (undated last), then title.
 */
export function itemsOfOwner<T extends ItemRecord>(items: readonly T[], name: string): OwnedItem<T>[] {
  const owned: OwnedItem<T>[] = [];
  for (const item of items) {
    const mine = item.owners.filter((o) => ownerKey(o) === name);
    if (mine.length === 0) continue;
    owned.push({ item, role: mine.some((o) => o.role === 'lead') ? 'lead' : 'responsible' });
  }
  return owned.sort((a, b) => {
    const x = a.item.deadline?.to ?? '\uffff';
    const y = b.item.deadline?.to ?? '\uffff';
    return x < y ? -1 : x > y ? 1 : collator.compare(a.item.title, b.item.title);
  });
}

/** Owners whose name, or a way it is written, holds the words typed (spaces and case ignored). */
export function filterOwners(owners: readonly OwnerStats[], query: string): OwnerStats[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return [...owners];
  return owners.filter((o) => o.name.toLowerCase().includes(q) || o.written.some((w) => w.toLowerCase().includes(q)));
}
