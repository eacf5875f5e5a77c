// Two analysts who import the same article on their own hold it under two document ids. When a
// bundle brings a document this library does not know by id, but already holds by text (the
// same content hash), it is the same document: the bundle's records on it are redirected to
// ours, and its own record is not stored. The pair is remembered (an alias), so later bundles
// naming that id land on our document even after either side's text has changed. Each side
// keeps its own id; what the analysts see — one document with everyone's highlights and
// items — is the same on both. Pure: snapshot and bundle records in, matches and records out.
import { isVisible, mergeVersions } from './merge';
import type { LibrarySnapshot } from './library-merge';
import type { SyncRecord, TableVersions } from './tables';

/** Document ids of colleagues' copies, mapped to ours (kept in settings, grown by each import). */
export type DocumentAliases = Readonly<Record<string, string>>;

export interface DocumentMatch {
  /** The bundle's document id. */
  incoming: string;
  /** Ours. */
  local: string;
  /** Title of our document, for the preview. */
  title: string;
  /** False when the texts differ (one side updated it): highlights on ours are re-anchored. */
  sameText: boolean;
}

/** The bundle's documents that are ours under another id: by a remembered alias, else by text. */
export function matchDocuments(
  local: LibrarySnapshot,
  incoming: TableVersions,
  aliases: DocumentAliases,
): DocumentMatch[] {
  const ours = local.records.documents;
  let byHash: Map<string, string> | null = null;
  const versionsById = new Map<string, SyncRecord<'documents'>[]>();
  for (const version of incoming.documents) {
    if (ours.has(version.id)) continue;
    const list = versionsById.get(version.id);
    if (list) list.push(version);
    else versionsById.set(version.id, [version]);
  }
  const matches: DocumentMatch[] = [];
  for (const [id, versions] of versionsById) {
    const current = mergeVersions(versions).state!.current;
    let target = aliases[id];
    if (target === undefined || !isVisible(ours.get(target))) {
      if (current.deleted) continue;
      byHash ??= visibleByHash(local);
      target = byHash.get(current.contentHash);
    }
    if (target === undefined) continue;
    const mine = ours.get(target)!.current;
    matches.push({
      incoming: id,
      local: target,
      title: mine.title,
      sameText: mine.contentHash === current.contentHash,
    });
  }
  return matches;
}

/** The aliases after an import: the known ones and these matches. */
export function withAliases(aliases: DocumentAliases, matches: readonly DocumentMatch[]): DocumentAliases {
  if (matches.every((m) => aliases[m.incoming] === m.local)) return aliases;
  return { ...aliases, ...Object.fromEntries(matches.map((m) => [m.incoming, m.local])) };
}

/** The bundle's records with matched documents left out and every reference to them pointed at ours. */
export function redirectDocuments(records: TableVersions, matches: readonly DocumentMatch[]): TableVersions {
  if (matches.length === 0) return records;
  const to = new Map(matches.map((m) => [m.incoming, m.local]));
  const onDocument = <T extends { documentId: string | null }>(record: T): T =>
    record.documentId !== null && to.has(record.documentId)
      ? { ...record, documentId: to.get(record.documentId)! }
      : record;
  const end = <E extends { kind: string; id: string }>(e: E): E =>
    e.kind === 'document' && to.has(e.id) ? { ...e, id: to.get(e.id)! } : e;
  return {
    ...records,
    documents: records.documents.filter((d) => !to.has(d.id)),
    annotations: records.annotations.map(onDocument),
    items: records.items.map(onDocument),
    events: records.events.map(onDocument),
    links: records.links.map((link) => {
      const from = end(link.from);
      const toEnd = end(link.to);
      return from === link.from && toEnd === link.to ? link : { ...link, from, to: toEnd };
    }),
  };
}

function visibleByHash(local: LibrarySnapshot): Map<string, string> {
  const byHash = new Map<string, string>();
  // The smallest id of several (a library can hold one text twice), so the choice is stable.
  const ids = [...local.records.documents.keys()].sort();
  for (const id of ids) {
    const state = local.records.documents.get(id)!;
    if (isVisible(state) && !byHash.has(state.current.contentHash)) byHash.set(state.current.contentHash, id);
  }
  return byHash;
}
