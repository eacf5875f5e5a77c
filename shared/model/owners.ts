// Owners under the current alias table. Items keep the owner names they were tagged with
// (as written, and as the table knew them then); the items view and its filters look each
// one up again in today's table, so an alias the analyst adds merges owners at once, without
// rewriting a single item. Also: what the alias dialog needs (which owners no table knows,
// which owner a name most likely stands for, whether a new alias is sound), and the key an
// extraction stores of the aliases it was read with. Pure.
import { aliasTable, normalizeOwner, type AliasTable } from '../extract/aliases';
import type { ItemOwner, ItemRecord } from './types';

const squeeze = (name: string) => name.replace(/\s+/g, '');

// The canonical names of a table, computed once per table.
const canonicalNames = new WeakMap<AliasTable, ReadonlySet<string>>();
function canonicals(table: AliasTable): ReadonlySet<string> {
  let names = canonicalNames.get(table);
  if (!names) canonicalNames.set(table, (names = new Set(table.values())));
  return names;
}

/** Whether the table knows the name: as an alias (with or without the city), or as a canonical name. */
export function isKnownOwner(name: string, table: AliasTable): boolean {
  const written = squeeze(name);
  return normalizeOwner(written, table) !== written || canonicals(table).has(written);
}

/**
 * The name an owner goes by under `table`. A name as written that the table knows is looked up
 * again (so a new alias, or an analyst's entry replacing a built-in one, applies at once);
 * otherwise the name stored with the item stands — a person's name read from their title
 * (常务副市长李士祥 → 李士祥), or a colleague's alias that came with a shared item — followed
 * through the table in case the analyst renamed it.
 */
export function currentOwnerName(owner: Pick<ItemOwner, 'asWritten' | 'normalized'>, table: AliasTable): string {
  const written = squeeze(owner.asWritten);
  if (written) {
    const known = normalizeOwner(written, table);
    if (known !== written) return known;
  }
  const stored = squeeze(owner.normalized) || written;
  return stored ? normalizeOwner(stored, table) : owner.normalized || owner.asWritten;
}

/**
 * The items with each owner's `normalized` name as `table` has it now. Items whose owners keep
 * their names are returned as they are (the same objects), so caches keyed by item stay valid.
 */
export function withAliases<T extends Pick<ItemRecord, 'owners'>>(items: readonly T[], table: AliasTable): T[] {
  const names = new Map<string, string>();
  const nameOf = (owner: ItemOwner) => {
    const key = `${owner.asWritten}\u0000${owner.normalized}`;
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = currentOwnerName(owner, table)));
    return name;
  };
  return items.map((item) => {
    let changed = false;
    const owners = item.owners.map((owner) => {
      const normalized = nameOf(owner);
      if (normalized === owner.normalized) return owner;
      changed = true;
      return { ...owner, normalized };
    });
    return changed ? { ...item, owners } : item;
  });
}

/** One owner of the library under the current table. */
export interface OwnerSummary {
  /** The name it goes by (the table's canonical name, else the name as written). */
  name: string;
  /** How many items name it. */
  items: number;
  /** True when no table knows it: every mention is written this way and no alias maps it. */
  unknown: boolean;
}

const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true });

/**
 * The owners the items name, under `table`: most used first, then in collation order. An owner
 * is `unknown` when the table knows none of the ways it is written — what the alias dialog
 * suggests mapping to another owner.
 */
export function summarizeOwners(items: readonly Pick<ItemRecord, 'owners'>[], table: AliasTable): OwnerSummary[] {
  const byName = new Map<string, { items: number; unknown: boolean; last: number }>();
  const names = new Map<string, { name: string; unknown: boolean }>();
  items.forEach((item, index) => {
    for (const owner of item.owners) {
      const key = `${owner.asWritten}\u0000${owner.normalized}`;
      let seen = names.get(key);
      if (!seen) {
        const name = currentOwnerName(owner, table);
        const written = squeeze(owner.asWritten);
        seen = { name, unknown: !!written && name === written && !isKnownOwner(written, table) };
        names.set(key, seen);
      }
      if (!seen.name) continue;
      const entry = byName.get(seen.name);
      if (!entry) byName.set(seen.name, { items: 1, unknown: seen.unknown, last: index });
      else {
        if (entry.last !== index) entry.items += 1;
        entry.last = index;
        entry.unknown &&= seen.unknown;
      }
    }
  });
  return [...byName]
    .map(([name, e]) => ({ name, items: e.items, unknown: e.unknown }))
    .sort((a, b) => b.items - a.items || collator.compare(a.name, b.name));
}

function bigrams(name: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < name.length - 1; i++) {
    const gram = name.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/**
 * How alike two owner names are, 0–1: the overlap of their character pairs (Dice), so
 * 市政府督查室 and 北京市人民政府督查室 (政府, 督查, 查室 in common) rank above 市财政局.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(squeeze(a));
  const y = bigrams(squeeze(b));
  let total = 0;
  let common = 0;
  for (const n of x.values()) total += n;
  for (const [gram, n] of y) {
    total += n;
    common += Math.min(n, x.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * common) / total;
}

/** The owners `name` could stand for, likeliest first (most alike, then most used); `name` itself left out. */
export function rankTargets(name: string, owners: readonly OwnerSummary[]): OwnerSummary[] {
  const scored = owners.filter((o) => o.name !== name).map((o) => ({ o, score: nameSimilarity(name, o.name) }));
  scored.sort((a, b) => b.score - a.score || b.o.items - a.o.items || collator.compare(a.o.name, b.o.name));
  return scored.map((s) => s.o);
}

/** An alias and the name it stands for, tidied as they are stored: the alias without spaces (it is matched so). */
export function tidyAlias(alias: string, canonical: string): { alias: string; canonical: string } {
  return { alias: squeeze(alias), canonical: canonical.trim().replace(/\s+/g, ' ') };
}

export type AliasProblem = 'empty' | 'same' | 'exists' | 'loop';

/**
 * What is wrong with adding `alias → canonical` to the analyst's entries (replacing the entry
 * `replacing`, when editing one), or null: both names are needed, they must differ, an alias
 * is listed once, and no chain of aliases (theirs and the built-in ones) may lead back to
 * where it started.
 */
export function aliasProblem(
  entries: Readonly<Record<string, string>>,
  alias: string,
  canonical: string,
  replacing?: string,
): AliasProblem | null {
  const tidy = tidyAlias(alias, canonical);
  if (!tidy.alias || !tidy.canonical) return 'empty';
  if (tidy.alias === squeeze(tidy.canonical)) return 'same';
  if (tidy.alias !== replacing && Object.hasOwn(entries, tidy.alias)) return 'exists';
  const next = new Map(aliasTable(Object.fromEntries(Object.entries(entries).filter(([key]) => key !== replacing))));
  next.set(tidy.alias, tidy.canonical);
  const seen = new Set([tidy.alias]);
  for (let name = squeeze(tidy.canonical); next.has(name); name = squeeze(next.get(name)!)) {
    if (seen.has(name)) return 'loop';
    seen.add(name);
  }
  return null;
}

/**
 * A short key of the analyst's aliases, the same whatever order they were added in, stored
 * with an extraction so that suggestions read with other aliases are read again; '' for none
 * (so extractions stored before aliases existed stay current while there are none).
 */
export function aliasesKey(entries: Readonly<Record<string, string>> | undefined): string {
  const pairs = Object.entries(entries ?? {})
    .map(([alias, canonical]) => [alias.trim(), canonical.trim()] as const)
    .filter(([alias, canonical]) => alias && canonical)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (pairs.length === 0) return '';
  // cyrb53: a 53-bit string hash, plenty to tell one set of aliases from the next.
  const text = JSON.stringify(pairs);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${pairs.length}:${hash.toString(36)}`;
}
