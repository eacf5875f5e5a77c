// Links between annotations, items, events and documents. Part of the one repository
// (repository.ts): screens call these functions and never touch the tables.
//
// Integrity: no link ever points at a record that does not exist. A link is refused unless
// both its ends exist (and it is no self-link or repeat, shared/model/links.ts). Every path
// that deletes a record takes the links touching it along in the same transaction
// (`detachStoredLinks`), in one of two ways the analyst chooses:
//   - remove them: they are deleted with the record;
//   - keep them: each is re-pointed to the record that stays closest to the deleted one
//     (`keepTarget`: a highlight's item when the item stays, else its document; an item's
//     highlight, else its document; an event's passage, else its document). A document has
//     nothing above it, so deleting a document always removes its links (and those of its
//     highlights and items). A link that re-pointing would make a self-link or a repeat is
//     removed.
// Undo puts back the links as they were (`restoreStoredLinks`), each one only when both its
// ends exist again and it repeats no link made since.
import {
  detachLinks,
  endKey,
  historyChain,
  linkProblem,
  newLink,
  pairKey,
  sameEnd,
  touches,
  CHAIN_LINK_TYPES,
  type ChainStep,
  type LinkEnd,
  type LinkInput,
  type LinkProblem,
} from '../../shared/model/links';
import { touched } from '../../shared/model/records';
import type {
  AnnotationRecord,
  DocumentMeta,
  EventRecord,
  ItemRecord,
  LinkEndKind,
  LinkRecord,
  LinkType,
} from '../../shared/model/types';
import type { EntityTable, IDType, Table } from 'dexie';
import type { DossierDatabase } from './database';

/** The links a deletion took with it, as they were, so Undo can put them back. */
export interface DeletedLinks {
  /** Deleted with the record. */
  removed: LinkRecord[];
  /** Kept by re-pointing them to another record: their versions before that. */
  retargeted: LinkRecord[];
}

export const NO_DELETED_LINKS: DeletedLinks = { removed: [], retargeted: [] };

/** A link refused by the repository, with what is wrong with it. */
export class LinkError extends Error {
  constructor(readonly problem: LinkProblem) {
    super(`Link refused: ${problem}`);
    this.name = 'LinkError';
  }
}

/**
 * The tables a transaction needs to change links and check their ends. A transaction that
 * deletes a record includes these as well as the record's own tables.
 */
export const linkTables = (db: DossierDatabase) => [db.links, db.annotations, db.items, db.events, db.documents];

/** A deleting transaction's tables: its own and linkTables(db), each once. */
export function withLinkTables(db: DossierDatabase, tables: readonly Table[]): Table[] {
  const byName = new Map<string, Table>();
  for (const table of [...tables, ...linkTables(db)]) byName.set(table.name, table as Table);
  return [...byName.values()];
}

/** A record a link can point at, as the UI shows it. */
export interface ResolvedEnd {
  end: LinkEnd;
  /** False when the record is gone (never the case for a stored link; kept for callers' safety). */
  exists: boolean;
  /** The quote of a highlight, the title of an item, event or document. */
  label: string;
  documentId: string | null;
  documentTitle: string | null;
  /** The passage to open it at: a highlight itself, an item's or event's first passage. */
  annotationId: string | null;
  /** The day it is dated by (see dateOf), YYYY-MM-DD. */
  date: string | null;
  /** Items: their kind and status. */
  itemKind?: string;
  status?: ItemRecord['status'];
}

export interface ResolvedChainStep extends ChainStep {
  record: ResolvedEnd;
}

/** What the link picker searches over. */
export interface LinkCandidates {
  documents: DocumentMeta[];
  annotations: AnnotationRecord[];
  items: ItemRecord[];
  events: EventRecord[];
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** The links with an end among `ends` (either direction). Reads the from.id and to.id indexes. */
export async function linksTouching(db: DossierDatabase, ends: readonly LinkEnd[]): Promise<LinkRecord[]> {
  if (ends.length === 0) return [];
  const ids = unique(ends.map((e) => e.id));
  const [from, to] = await Promise.all([
    db.links.where('from.id').anyOf(ids).toArray(),
    db.links.where('to.id').anyOf(ids).toArray(),
  ]);
  const byId = new Map<string, LinkRecord>();
  for (const link of [...from, ...to]) if (ends.some((end) => touches(link, end))) byId.set(link.id, link);
  return [...byId.values()];
}

/** Whether the record at a link's end is stored. */
export async function endExists(db: DossierDatabase, end: LinkEnd): Promise<boolean> {
  switch (end.kind) {
    case 'annotation':
      return (await db.annotations.get(end.id)) !== undefined;
    case 'item':
      return (await db.items.get(end.id)) !== undefined;
    case 'event':
      return (await db.events.get(end.id)) !== undefined;
    case 'document':
      return (await db.documents.get(end.id)) !== undefined;
    default:
      return false;
  }
}

/**
 * Where "keep links" puts the links of a record about to be deleted: the stored record closest
 * to it that is not deleted with it (`gone`). A highlight: the item it is tagged as, if that
 * stays, else its document. An item: its first highlight that stays, else its document. An
 * event: its passage, else its document. A document: nothing (its links go with it).
 * Call before deleting, inside the deleting transaction.
 */
export async function keepTarget(
  db: DossierDatabase,
  end: LinkEnd,
  gone: readonly LinkEnd[] = [end],
): Promise<LinkEnd | null> {
  const going = (candidate: LinkEnd) => sameEnd(candidate, end) || gone.some((g) => sameEnd(g, candidate));
  const stays = async (candidate: LinkEnd | null) =>
    candidate && !going(candidate) && (await endExists(db, candidate)) ? candidate : null;
  const documentEnd = (id: string | null | undefined): LinkEnd | null => (id ? { kind: 'document', id } : null);
  switch (end.kind) {
    case 'annotation': {
      const annotation = await db.annotations.get(end.id);
      if (!annotation) return null;
      const items = await db.items.where('annotationIds').equals(end.id).toArray();
      for (const item of items) {
        const kept = await stays({ kind: 'item', id: item.id });
        if (kept) return kept;
      }
      return stays(documentEnd(annotation.documentId));
    }
    case 'item': {
      const item = await db.items.get(end.id);
      if (!item) return null;
      for (const id of item.annotationIds) {
        const kept = await stays({ kind: 'annotation', id });
        if (kept) return kept;
      }
      return stays(documentEnd(item.documentId));
    }
    case 'event': {
      const event = await db.events.get(end.id);
      if (!event) return null;
      return (
        (await stays(event.annotationId ? { kind: 'annotation', id: event.annotationId } : null)) ??
        (await stays(documentEnd(event.documentId)))
      );
    }
    default:
      return null;
  }
}

/**
 * Takes the links of records being deleted along with them: removed, or (with `keepOn`)
 * re-pointed to that record. Run inside the deleting transaction, which must include
 * linkTables(db). Returns what Undo needs.
 */
export async function detachStoredLinks(
  db: DossierDatabase,
  gone: readonly LinkEnd[],
  keepOn: LinkEnd | null,
  now: Date = new Date(),
): Promise<DeletedLinks> {
  const links = await linksTouching(db, gone);
  if (links.length === 0) return { removed: [], retargeted: [] };
  const target = keepOn && !gone.some((g) => sameEnd(g, keepOn)) && (await endExists(db, keepOn)) ? keepOn : null;
  const others = target ? await linksTouching(db, [target]) : [];
  const result = detachLinks(links, gone, target, others, now);
  await db.links.bulkDelete(result.removed.map((l) => l.id));
  await db.links.bulkPut(result.updated);
  return { removed: result.removed, retargeted: result.retargeted };
}

/**
 * Puts back the links a deletion took (Undo), after the deleted records are back, inside a
 * transaction over linkTables(db). A re-pointed link gets its old ends back (unless the analyst
 * deleted it since); a removed one is added again. Either only when both its ends exist and no
 * link made since repeats it — so Undo never makes a dangling link either.
 */
export async function restoreStoredLinks(db: DossierDatabase, deleted: DeletedLinks | undefined): Promise<void> {
  if (!deleted) return;
  const bothExist = async (link: LinkRecord) => (await endExists(db, link.from)) && (await endExists(db, link.to));
  const repeated = async (link: LinkRecord) => {
    const key = pairKey(link);
    return (await linksTouching(db, [link.from])).some((other) => other.id !== link.id && pairKey(other) === key);
  };
  for (const link of deleted.retargeted) {
    if (!(await db.links.get(link.id))) continue;
    if ((await bothExist(link)) && !(await repeated(link))) await db.links.put(link);
  }
  for (const link of deleted.removed) {
    if (await db.links.get(link.id)) continue;
    if ((await bothExist(link)) && !(await repeated(link))) await db.links.put(link);
  }
}

/**
 * Deletes one record that links can point at (an item, an event), its links removed or —
 * with `keepLinks` — kept on the nearest record that stays, all in one transaction.
 */
export async function deleteWithLinks<T extends { id: string }>(
  db: DossierDatabase,
  table: EntityTable<T, 'id'>,
  end: LinkEnd,
  keepLinks: boolean,
): Promise<{ record: T; links: DeletedLinks } | undefined> {
  return db.transaction('rw', withLinkTables(db, [table as Table]), async () => {
    const id = end.id as IDType<T, 'id'>;
    const record = await table.get(id);
    if (!record) return undefined;
    const keepOn = keepLinks ? await keepTarget(db, end) : null;
    const links = await detachStoredLinks(db, [end], keepOn);
    await table.delete(id);
    return { record, links };
  });
}

/** Undoes deleteWithLinks: the record, then its links as restoreStoredLinks allows. */
export async function restoreWithLinks<T extends { id: string }>(
  db: DossierDatabase,
  table: EntityTable<T, 'id'>,
  record: T,
  links: DeletedLinks,
): Promise<void> {
  await db.transaction('rw', withLinkTables(db, [table as Table]), async () => {
    await table.put(record);
    await restoreStoredLinks(db, links);
  });
}

/** The day a record is dated by in a history: its document's publication, an event's date. */
function publishedDay(meta: DocumentMeta | undefined): string | null {
  return meta?.published?.from ?? null;
}

export function createLinkRepository(db: DossierDatabase) {
  /** The records at the given ends, as the UI shows them (read in one go). */
  async function resolve(ends: readonly LinkEnd[]): Promise<Map<string, ResolvedEnd>> {
    const byKind = (kind: LinkEndKind) => unique(ends.filter((e) => e.kind === kind).map((e) => e.id));
    const [annotations, items, events] = await Promise.all([
      db.annotations.bulkGet(byKind('annotation')),
      db.items.bulkGet(byKind('item')),
      db.events.bulkGet(byKind('event')),
    ]);
    const documentIds = unique([
      ...byKind('document'),
      ...annotations.flatMap((a) => (a ? [a.documentId] : [])),
      ...items.flatMap((i) => (i?.documentId ? [i.documentId] : [])),
      ...events.flatMap((e) => (e?.documentId ? [e.documentId] : [])),
    ]);
    const documents = new Map(
      (await db.documents.bulkGet(documentIds)).flatMap((d) => (d ? [[d.id, d] as const] : [])),
    );
    const title = (id: string | null) => (id ? (documents.get(id)?.title ?? null) : null);
    const resolved = new Map<string, ResolvedEnd>();
    const missing = (end: LinkEnd): ResolvedEnd => ({
      end,
      exists: false,
      label: '',
      documentId: null,
      documentTitle: null,
      annotationId: null,
      date: null,
    });
    for (const end of ends) resolved.set(endKey(end), missing(end));
    for (const a of annotations) {
      if (!a) continue;
      resolved.set(endKey({ kind: 'annotation', id: a.id }), {
        end: { kind: 'annotation', id: a.id },
        exists: true,
        label: a.target.quote.exact,
        documentId: a.documentId,
        documentTitle: title(a.documentId),
        annotationId: a.id,
        date: publishedDay(documents.get(a.documentId)),
      });
    }
    for (const i of items) {
      if (!i) continue;
      resolved.set(endKey({ kind: 'item', id: i.id }), {
        end: { kind: 'item', id: i.id },
        exists: true,
        label: i.title,
        documentId: i.documentId,
        documentTitle: title(i.documentId),
        annotationId: i.annotationIds[0] ?? null,
        date: (i.documentId && publishedDay(documents.get(i.documentId))) || i.createdAt.slice(0, 10),
        itemKind: i.kind,
        status: i.status,
      });
    }
    for (const e of events) {
      if (!e) continue;
      resolved.set(endKey({ kind: 'event', id: e.id }), {
        end: { kind: 'event', id: e.id },
        exists: true,
        label: e.title,
        documentId: e.documentId,
        documentTitle: title(e.documentId),
        annotationId: e.annotationId,
        date: e.date.from,
      });
    }
    for (const id of byKind('document')) {
      const d = documents.get(id);
      if (!d) continue;
      resolved.set(endKey({ kind: 'document', id }), {
        end: { kind: 'document', id },
        exists: true,
        label: d.title,
        documentId: id,
        documentTitle: d.title,
        annotationId: null,
        date: publishedDay(d),
      });
    }
    return resolved;
  }

  /** Checks a link against the stored ones (inside a transaction over linkTables). */
  async function problemOf(input: LinkInput, ignoreId?: string): Promise<LinkProblem | null> {
    const existing = await linksTouching(db, [input.from, input.to]);
    const present = new Set<string>();
    for (const end of [input.from, input.to]) if (await endExists(db, end)) present.add(endKey(end));
    return linkProblem(input, existing, (end) => present.has(endKey(end)), ignoreId);
  }

  const links = {
    list: (): Promise<LinkRecord[]> => db.links.toArray(),
    get: (id: string) => db.links.get(id),

    /** Every link of a record, in both directions. */
    forRecord: (kind: LinkEndKind, id: string): Promise<LinkRecord[]> => linksTouching(db, [{ kind, id }]),
    /** Every link of any of these records (a highlight and its item, say), in both directions. */
    forRecords: (ends: readonly LinkEnd[]): Promise<LinkRecord[]> => linksTouching(db, ends),
    /** How many links each of these records has, for a delete prompt. */
    count: async (ends: readonly LinkEnd[]): Promise<number> => (await linksTouching(db, ends)).length,

    /** What is wrong with this link, or null if it can be made. */
    check: (input: LinkInput): Promise<LinkProblem | null> =>
      // Async callbacks: Dexie keeps a transaction open across their awaits (not a plain function's promise).
      db.transaction('r', linkTables(db), async () => await problemOf(input)),

    /** Makes a link; refused (LinkError) when it is a self-link, a repeat, or an end does not exist. */
    async create(input: LinkInput, now: Date = new Date()): Promise<LinkRecord> {
      return db.transaction('rw', linkTables(db), async () => {
        const problem = await problemOf(input);
        if (problem) throw new LinkError(problem);
        const record = newLink(input, now);
        await db.links.add(record);
        return record;
      });
    },

    /** Changes a link's type (and direction) or note; refused when it would repeat another link. */
    async update(
      id: string,
      patch: { type?: LinkType; note?: string | null; from?: LinkEnd; to?: LinkEnd },
      now: Date = new Date(),
    ): Promise<LinkRecord> {
      return db.transaction('rw', linkTables(db), async () => {
        const current = await db.links.get(id);
        if (!current) throw new Error(`No link ${id}`);
        const next: LinkRecord = {
          ...touched(current, now),
          type: patch.type ?? current.type,
          from: patch.from ?? current.from,
          to: patch.to ?? current.to,
          note: patch.note === undefined ? current.note : patch.note?.trim() ? patch.note.trim() : null,
        };
        const problem = await problemOf(next, id);
        if (problem) throw new LinkError(problem);
        await db.links.put(next);
        return next;
      });
    },

    async remove(id: string): Promise<LinkRecord | undefined> {
      return db.transaction('rw', db.links, async () => {
        const current = await db.links.get(id);
        if (current) await db.links.delete(id);
        return current;
      });
    },

    /** Undoes `remove`: puts the link back if both its ends still exist and nothing repeats it. */
    restore: async (link: LinkRecord): Promise<void> => {
      await db.transaction('rw', linkTables(db), async () => {
        await restoreStoredLinks(db, { removed: [link], retargeted: [] });
      });
    },

    resolve,

    /**
     * The links of these records (both directions) and the records at their other ends, in one
     * read: what a reader sidebar shows for all its highlights and items at once.
     */
    async around(ends: readonly LinkEnd[]): Promise<{ links: LinkRecord[]; records: Map<string, ResolvedEnd> }> {
      const found = await linksTouching(db, ends);
      const others = new Map<string, LinkEnd>();
      for (const link of found) for (const end of [link.from, link.to]) others.set(endKey(end), end);
      return { links: found, records: await resolve([...others.values()]) };
    },

    /**
     * The history of a record across documents: the records its updates, fulfils and
     * contradicts links reach (transitively, either way), oldest first. A highlight tagged as
     * an item and the item are one record here, so links made on either count.
     */
    async chain(start: LinkEnd, limit = 200): Promise<ResolvedChainStep[]> {
      return db.transaction('r', linkTables(db), async () => {
        const canonical = new Map<string, LinkEnd>();
        const seen = new Set<string>();
        const found = new Map<string, LinkRecord>();
        let frontier: LinkEnd[] = [start];
        while (frontier.length > 0 && seen.size < limit) {
          const ends: LinkEnd[] = [];
          for (const end of frontier) {
            if (seen.has(endKey(end))) continue;
            seen.add(endKey(end));
            ends.push(end);
            // A highlight and the item it is tagged as stand for one record.
            if (end.kind === 'annotation') {
              const item = await db.items.where('annotationIds').equals(end.id).first();
              if (item) {
                const itemEnd: LinkEnd = { kind: 'item', id: item.id };
                canonical.set(endKey(end), itemEnd);
                ends.push(itemEnd);
                seen.add(endKey(itemEnd));
              }
            } else if (end.kind === 'item') {
              const item = await db.items.get(end.id);
              for (const id of item?.annotationIds ?? []) {
                const annotationEnd: LinkEnd = { kind: 'annotation', id };
                canonical.set(endKey(annotationEnd), end);
                ends.push(annotationEnd);
              }
            }
          }
          const next: LinkEnd[] = [];
          for (const link of await linksTouching(db, ends)) {
            if (!CHAIN_LINK_TYPES.includes(link.type) || found.has(link.id)) continue;
            found.set(link.id, link);
            for (const end of [link.from, link.to]) if (!seen.has(endKey(end))) next.push(end);
          }
          frontier = next;
        }
        const canonicalOf = (end: LinkEnd) => canonical.get(endKey(end)) ?? end;
        const nodes = new Map<string, LinkEnd>();
        for (const end of [start, ...[...found.values()].flatMap((l) => [l.from, l.to])].map(canonicalOf)) {
          nodes.set(endKey(end), end);
        }
        const records = await resolve([...nodes.values()]);
        const steps = historyChain(start, [...found.values()], {
          canonical: canonicalOf,
          dateOf: (end) => records.get(endKey(end))?.date ?? null,
        });
        return steps.map((step) => ({ ...step, record: records.get(endKey(step.end))! }));
      });
    },

    /** Everything the link picker searches over. */
    candidates: async (): Promise<LinkCandidates> =>
      db.transaction('r', [db.documents, db.annotations, db.items, db.events], async () => ({
        documents: await db.documents.toArray(),
        annotations: await db.annotations.toArray(),
        items: await db.items.toArray(),
        events: await db.events.toArray(),
      })),
  };

  return { links };
}
