// The one module through which the app reads and writes its library. Screens call
// these functions; they never touch Dexie tables. Every multi-record change runs in
// one transaction, so nothing is ever half-written.
import { describeRange } from '../../shared/anchoring/describe';
import { passageTarget, type AnchorText } from '../../shared/anchoring/passage';
import { reanchorAnnotations, type ReanchorReport } from '../../shared/anchoring/reanchor-annotations';
import { documentFromIngest, documentMeta } from '../../shared/model/document';
import { refreshedMeta, VersionIndex } from '../../shared/model/versions';
import { newHighlight, type NewHighlight } from '../../shared/model/highlights';
import { touched } from '../../shared/model/records';
import type { IngestedDocument } from '../../shared/ingest/types';
import type { AnnotationRecord, DocumentMeta, EventRecord, DocumentRecord, ItemRecord } from '../../shared/model/types';
import type { DocumentBody, DocumentExtraction, DocumentOriginal, DossierDatabase } from './database';
import { createBriefDataRepository } from './brief-data';
import { createBriefRepository } from './briefs';
import { createEventRepository } from './events';
import { createExportRepository } from './exports';
import { createItemRepository } from './items';
import { createSyncRepository } from './sync';
import {
  createLinkRepository,
  detachStoredLinks,
  keepTarget,
  restoreStoredLinks,
  withLinkTables,
  type DeletedLinks,
} from './links';
import { readSetting } from './settings';

/**
 * What became of each parsed file of a batch, in the batch's order. A 'new-version' draft
 * (new text, but the address or title of a stored document) is not stored: the analyst
 * chooses to update that document (documents.updateFromDraft) or to add it (documents.addAsNew).
 */
export type ImportedDraft =
  | { status: 'added'; meta: DocumentMeta }
  | { status: 'duplicate'; existingId: string; existingTitle: string }
  | { status: 'new-version'; existingId: string; existingTitle: string };

/** The outcome of replacing a document by a newer version of it. */
export type VersionUpdate =
  | { status: 'updated'; report: ReanchorReport }
  /** The new text is already in the library as another document; nothing was changed. */
  | { status: 'duplicate'; existingId: string; existingTitle: string };

/** Everything a deleted document took with it, so the deletion can be undone. */
export interface DeletedDocument {
  meta: DocumentMeta;
  body: DocumentBody | undefined;
  original: DocumentOriginal | undefined;
  annotations: AnnotationRecord[];
  /** The document's items: they lose their passages with it. */
  items: ItemRecord[];
  extraction: DocumentExtraction | undefined;
  /** Events made from the document (dates pinned from its text): they go with it. */
  events: EventRecord[];
  /** The links of the document, its highlights, items and events: a document's links go with it. */
  links?: DeletedLinks;
}

/** A deleted highlight and its items as they were, so the deletion can be undone. */
export interface DeletedAnnotation {
  annotation: AnnotationRecord;
  items: ItemRecord[];
  /** Its links (and its deleted items'), removed or re-pointed (renderer/db/links.ts). */
  links?: DeletedLinks;
}

export type NewAnnotation = NewHighlight;

export type AnnotationPatch = Partial<
  Pick<AnnotationRecord, 'color' | 'note' | 'noteText' | 'tags' | 'target' | 'orphaned'>
>;
export type DocumentPatch = Partial<Pick<DocumentMeta, 'title' | 'source' | 'published'>>;

/** A document's new text, e.g. after re-running cleaning; annotations are re-anchored onto it. */
export interface ReplacementText {
  text: string;
  blocks: DocumentBody['blocks'];
  contentHash: string;
  /** A PDF's page map for the new text (a new version of a PDF). */
  pageMap?: DocumentBody['pageMap'];
}

/** The text to anchor on: the document's body (a PDF's carries its page map) or plain text. */
const anchorText = (doc: string | AnchorText): AnchorText => (typeof doc === 'string' ? { text: doc } : doc);

export type { ReanchorReport };

export function createRepository(db: DossierDatabase) {
  const documents = {
    list: (): Promise<DocumentMeta[]> => db.documents.toArray(),
    get: (id: string) => db.documents.get(id),
    body: (id: string) => db.bodies.get(id),
    original: (id: string) => db.originals.get(id),

    /**
     * Stores a parsed batch in one transaction: all of it or, if anything fails, none of it.
     * Content the library already holds (same hash), or that the batch repeats, is skipped.
     */
    async importBatch(drafts: IngestedDocument[], now: Date = new Date()): Promise<ImportedDraft[]> {
      return db.transaction('rw', db.documents, db.bodies, db.originals, async () => {
        // Hashes looked up in parallel (an anyOf() walk is slower as the library grows), one bulk write per table.
        const hashes = [...new Set(drafts.map((d) => d.contentHash))];
        const found = await Promise.all(hashes.map((contentHash) => db.documents.get({ contentHash })));
        const known = new Map<string, DocumentMeta>();
        for (const meta of found) if (meta) known.set(meta.contentHash, meta);
        // New text under a stored document's address or title: a changed version, held for the analyst.
        const versions = drafts.some((d) => !known.has(d.contentHash))
          ? new VersionIndex(await db.documents.toArray())
          : null;
        const results: ImportedDraft[] = [];
        const records: DocumentRecord[] = [];
        for (const draft of drafts) {
          const existing = known.get(draft.contentHash);
          if (existing) {
            results.push({ status: 'duplicate', existingId: existing.id, existingTitle: existing.title });
            continue;
          }
          const previous = versions?.find(draft);
          if (previous) {
            results.push({ status: 'new-version', existingId: previous.id, existingTitle: previous.title });
            continue;
          }
          const record = documentFromIngest(draft, now);
          const meta = documentMeta(record);
          known.set(meta.contentHash, meta);
          records.push(record);
          results.push({ status: 'added', meta });
        }
        await storeDocuments(
          records,
          results.flatMap((r) => (r.status === 'added' ? [r.meta] : [])),
        );
        return results;
      });
    },

    async update(id: string, patch: DocumentPatch): Promise<void> {
      const meta = await db.documents.get(id);
      if (!meta) throw new Error(`No document ${id}`);
      // Fields the analyst changed are remembered, so a newer version of the document leaves them alone.
      const edited = new Set(meta.edited ?? []);
      if (patch.title !== undefined && patch.title !== meta.title) edited.add('title');
      if (patch.source) {
        if ((patch.source.site ?? null) !== (meta.source.site ?? null)) edited.add('site');
        if ((patch.source.url ?? null) !== (meta.source.url ?? null)) edited.add('url');
        if (JSON.stringify(patch.source.authors) !== JSON.stringify(meta.source.authors)) edited.add('authors');
      }
      await db.documents.put({ ...touched(meta), ...patch, ...(edited.size > 0 && { edited: [...edited] }) });
    },

    /**
     * Replaces a document by a newer version of it, in one transaction: its text (annotations
     * re-anchored, ids kept, orphans kept), its stored original, and the metadata the analyst
     * has not edited or confirmed. Refused, changing nothing, when the new text is another document's.
     */
    async updateFromDraft(id: string, draft: IngestedDocument): Promise<VersionUpdate> {
      return db.transaction('rw', [db.documents, db.bodies, db.originals, db.annotations], async () => {
        const owner = await db.documents.get({ contentHash: draft.contentHash });
        if (owner && owner.id !== id) {
          return { status: 'duplicate', existingId: owner.id, existingTitle: owner.title } as const;
        }
        const { text, blocks, contentHash } = draft;
        const report = await documents.replaceText(id, { text, blocks, contentHash, pageMap: draft.pdf?.pageMap });
        const meta = (await db.documents.get(id))!;
        await db.documents.put(refreshedMeta(meta, draft));
        await db.originals.put({ id, original: draft.original });
        return { status: 'updated', report } as const;
      });
    },

    /** Adds a parsed document the analyst chose to keep apart from the stored one it resembles. */
    async addAsNew(draft: IngestedDocument, now: Date = new Date()): Promise<ImportedDraft> {
      return db.transaction('rw', [db.documents, db.bodies, db.originals], async () => {
        const existing = await db.documents.get({ contentHash: draft.contentHash });
        if (existing) return { status: 'duplicate', existingId: existing.id, existingTitle: existing.title } as const;
        const [meta] = await storeDocuments([documentFromIngest(draft, now)]);
        return { status: 'added', meta: meta! } as const;
      });
    },

    async remove(id: string): Promise<DeletedDocument | undefined> {
      const tables = [db.documents, db.bodies, db.originals, db.annotations, db.items, db.extractions, db.events];
      return db.transaction('rw', withLinkTables(db, tables), async () => {
        const meta = await db.documents.get(id);
        if (!meta) return undefined;
        const deleted: DeletedDocument = {
          meta,
          body: await db.bodies.get(id),
          original: await db.originals.get(id),
          annotations: await db.annotations.where('documentId').equals(id).toArray(),
          items: await db.items.where('documentId').equals(id).toArray(),
          extraction: await db.extractions.get(id),
          events: await db.events.where('documentId').equals(id).toArray(),
        };
        // Nothing is left to keep its links on: they go with it, in this transaction.
        deleted.links = await detachStoredLinks(
          db,
          [
            { kind: 'document', id },
            ...deleted.annotations.map((a) => ({ kind: 'annotation' as const, id: a.id })),
            ...deleted.items.map((i) => ({ kind: 'item' as const, id: i.id })),
            ...deleted.events.map((e) => ({ kind: 'event' as const, id: e.id })),
          ],
          null,
        );
        await db.annotations.bulkDelete(deleted.annotations.map((a) => a.id));
        await db.events.bulkDelete(deleted.events.map((e) => e.id));
        await db.items.bulkDelete(deleted.items.map((i) => i.id));
        await Promise.all([
          db.documents.delete(id),
          db.bodies.delete(id),
          db.originals.delete(id),
          db.extractions.delete(id),
        ]);
        return deleted;
      });
    },

    async restore(deleted: DeletedDocument): Promise<void> {
      const tables = [db.documents, db.bodies, db.originals, db.annotations, db.items, db.extractions, db.events];
      await db.transaction('rw', withLinkTables(db, tables), async () => {
        await db.documents.put(deleted.meta);
        if (deleted.body) await db.bodies.put(deleted.body);
        if (deleted.original) await db.originals.put(deleted.original);
        await db.annotations.bulkPut(deleted.annotations);
        await db.items.bulkPut(deleted.items);
        if (deleted.extraction) await db.extractions.put(deleted.extraction);
        await db.events.bulkPut(deleted.events ?? []);
        await restoreStoredLinks(db, deleted.links);
      });
    },

    /** Replaces a document's text and re-anchors its annotations; orphans are kept, never dropped. */
    async replaceText(id: string, replacement: ReplacementText): Promise<ReanchorReport> {
      return db.transaction('rw', [db.documents, db.bodies, db.annotations], async () => {
        const meta = await db.documents.get(id);
        const body = await db.bodies.get(id);
        if (!meta || !body) throw new Error(`No document ${id}`);
        const stored = await db.annotations.where('documentId').equals(id).toArray();
        const { annotations: updated, report } = reanchorAnnotations(stored, replacement);
        await db.annotations.bulkPut(updated);
        const nextBody: DocumentBody = { id, text: replacement.text, blocks: replacement.blocks };
        if (replacement.pageMap) nextBody.pageMap = replacement.pageMap;
        await db.bodies.put(nextBody);
        await db.documents.put({
          ...touched(meta),
          contentHash: replacement.contentHash,
          length: replacement.text.length,
        });
        return report;
      });
    },

    /**
     * Replaces a page by the articles it holds. Each part keeps the page's date and source;
     * annotations move to the part holding them, with offsets re-based.
     */
    async replaceWithParts(id: string, parts: DocumentRecord[], partStarts: number[]): Promise<DocumentMeta[]> {
      const tables = [db.documents, db.bodies, db.originals, db.annotations, db.items, db.extractions];
      return db.transaction('rw', withLinkTables(db, tables), async () => {
        const annotations = await db.annotations.where('documentId').equals(id).toArray();
        const metas = await storeDocuments(parts);
        const moved = annotations.map((a) => {
          let index = 0;
          while (index + 1 < partStarts.length && partStarts[index + 1]! <= a.target.position.start) index++;
          const part = parts[index]!;
          const start = Math.max(0, a.target.position.start - partStarts[index]!);
          const end = Math.min(a.target.position.end - partStarts[index]!, part.text.length);
          const base = { ...touched(a), documentId: part.id };
          // A passage on a line the split left out (a part's headline became its title) is kept as an orphan.
          if (end <= start) return { ...base, orphaned: true };
          return { ...base, target: describeRange(part.text, start, end) };
        });
        await db.annotations.bulkPut(moved);
        // An item follows its (first) passage into the part holding it.
        const partOf = new Map(moved.map((a) => [a.id, a.documentId]));
        const items = await db.items.where('documentId').equals(id).toArray();
        await db.items.bulkPut(
          items.map((item) => ({
            ...touched(item),
            documentId: item.annotationIds.map((a) => partOf.get(a)).find(Boolean) ?? parts[0]!.id,
          })),
        );
        // Links to the page now point to its first part.
        await detachStoredLinks(db, [{ kind: 'document', id }], { kind: 'document', id: parts[0]!.id });
        await Promise.all([
          db.documents.delete(id),
          db.bodies.delete(id),
          db.originals.delete(id),
          db.extractions.delete(id),
        ]);
        return metas;
      });
    },
  };

  async function storeDocuments(
    records: DocumentRecord[],
    metas: DocumentMeta[] = records.map(documentMeta),
  ): Promise<DocumentMeta[]> {
    await db.documents.bulkAdd(metas);
    await db.bodies.bulkAdd(
      records.map((r) =>
        r.pageMap
          ? { id: r.id, text: r.text, blocks: r.blocks, pageMap: r.pageMap }
          : { id: r.id, text: r.text, blocks: r.blocks },
      ),
    );
    await db.originals.bulkAdd(records.map((r) => ({ id: r.id, original: r.original })));
    return metas;
  }

  const annotations = {
    forDocument: (documentId: string) => db.annotations.where('documentId').equals(documentId).toArray(),

    /** How many annotations each document has, in one pass over the index. */
    async countByDocument(): Promise<Map<string, number>> {
      const counts = new Map<string, number>();
      await db.annotations.orderBy('documentId').eachKey((key) => {
        const id = String(key);
        counts.set(id, (counts.get(id) ?? 0) + 1);
      });
      return counts;
    },

    async create(input: NewAnnotation, doc: string | AnchorText, now: Date = new Date()): Promise<AnnotationRecord> {
      const record = newHighlight(input, anchorText(doc), now);
      await db.annotations.add(record);
      return record;
    },

    async update(id: string, patch: AnnotationPatch): Promise<void> {
      await db.transaction('rw', db.annotations, async () => {
        const current = await db.annotations.get(id);
        if (!current) throw new Error(`No annotation ${id}`);
        await db.annotations.put({ ...touched(current), ...patch });
      });
    },

    /**
     * Places an annotation (typically an orphan) on a passage the analyst selected in the
     * document's current text. The id, note, tags and colour stay, so what cites it keeps working.
     */
    async reattach(id: string, start: number, end: number, doc: string | AnchorText): Promise<AnnotationRecord> {
      return db.transaction('rw', db.annotations, async () => {
        const current = await db.annotations.get(id);
        if (!current) throw new Error(`No annotation ${id}`);
        const target = passageTarget(anchorText(doc), start, end);
        const next: AnnotationRecord = { ...touched(current), target, orphaned: false };
        await db.annotations.put(next);
        return next;
      });
    },

    /**
     * Deletes a highlight. Its items are deleted with it (`withItems`) or kept as items of
     * their own, without this passage; either way in one transaction, undone by `restore`.
     * Its links (and those of items deleted with it) are removed, or with `keepLinks` kept on
     * what remains: the item it was tagged as when that stays, else its document.
     */
    async remove(
      id: string,
      options: { withItems?: boolean; keepLinks?: boolean } = {},
    ): Promise<DeletedAnnotation | undefined> {
      return db.transaction('rw', withLinkTables(db, [db.annotations, db.items]), async () => {
        const annotation = await db.annotations.get(id);
        if (!annotation) return undefined;
        const items = await db.items.where('annotationIds').equals(id).toArray();
        const gone = [
          { kind: 'annotation' as const, id },
          ...(options.withItems ? items.map((i) => ({ kind: 'item' as const, id: i.id })) : []),
        ];
        const keepOn = options.keepLinks ? await keepTarget(db, gone[0]!, gone) : null;
        const links = await detachStoredLinks(db, gone, keepOn);
        await db.annotations.delete(id);
        if (options.withItems) await db.items.bulkDelete(items.map((i) => i.id));
        else
          await db.items.bulkPut(
            items.map((i) => ({ ...touched(i), annotationIds: i.annotationIds.filter((a) => a !== id) })),
          );
        return { annotation, items, links };
      });
    },

    restore: async (deleted: DeletedAnnotation): Promise<void> => {
      await db.transaction('rw', withLinkTables(db, [db.annotations, db.items]), async () => {
        await db.annotations.put(deleted.annotation);
        await db.items.bulkPut(deleted.items);
        await restoreStoredLinks(db, deleted.links);
      });
    },
  };

  const settings = {
    get: <T>(key: string, fallback: T): Promise<T> => readSetting(db, key, fallback),
    set: async (key: string, value: unknown): Promise<void> => {
      await db.settings.put({ key, value });
    },
  };

  return {
    documents,
    annotations,
    settings,
    ...createItemRepository(db),
    ...createLinkRepository(db),
    ...createEventRepository(db),
    ...createExportRepository(db),
    ...createBriefRepository(db),
    ...createBriefDataRepository(db),
    ...createSyncRepository(db),
  };
}

export type Repository = ReturnType<typeof createRepository>;
