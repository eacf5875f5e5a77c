// The one module through which the app reads and writes its library. Screens call
// these functions; they never touch Dexie tables. Every multi-record change runs in
// one transaction, so nothing is ever half-written.
import { describeRange } from '../../shared/anchoring/describe';
import { reanchor } from '../../shared/anchoring/reanchor';
import { documentFromIngest, documentMeta } from '../../shared/model/document';
import { newRecordBase, touched } from '../../shared/model/records';
import type { IngestedDocument } from '../../shared/ingest/types';
import type { AnnotationRecord, DocumentMeta, DocumentRecord, HighlightColor } from '../../shared/model/types';
import type { DocumentBody, DocumentOriginal, DossierDatabase } from './database';

/** What became of each parsed file of a batch, in the batch's order. */
export type ImportedDraft =
  { status: 'added'; meta: DocumentMeta } | { status: 'duplicate'; existingId: string; existingTitle: string };

/** Everything a deleted document took with it, so the deletion can be undone. */
export interface DeletedDocument {
  meta: DocumentMeta;
  body: DocumentBody | undefined;
  original: DocumentOriginal | undefined;
  annotations: AnnotationRecord[];
}

export interface NewAnnotation {
  documentId: string;
  start: number;
  end: number;
  color: HighlightColor;
  author?: string;
}

export type AnnotationPatch = Partial<
  Pick<AnnotationRecord, 'color' | 'note' | 'noteText' | 'tags' | 'target' | 'orphaned'>
>;
export type DocumentPatch = Partial<Pick<DocumentMeta, 'title' | 'source' | 'published'>>;

/** A document's new text, e.g. after re-running cleaning; annotations are re-anchored onto it. */
export interface ReplacementText {
  text: string;
  blocks: DocumentBody['blocks'];
  contentHash: string;
}

export interface ReanchorReport {
  kept: number;
  moved: number;
  orphaned: number;
}

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
        const results: ImportedDraft[] = [];
        const records: DocumentRecord[] = [];
        for (const draft of drafts) {
          const existing = known.get(draft.contentHash);
          if (existing) {
            results.push({ status: 'duplicate', existingId: existing.id, existingTitle: existing.title });
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
      await db.documents.put({ ...touched(meta), ...patch });
    },

    async remove(id: string): Promise<DeletedDocument | undefined> {
      return db.transaction('rw', [db.documents, db.bodies, db.originals, db.annotations], async () => {
        const meta = await db.documents.get(id);
        if (!meta) return undefined;
        const deleted: DeletedDocument = {
          meta,
          body: await db.bodies.get(id),
          original: await db.originals.get(id),
          annotations: await db.annotations.where('documentId').equals(id).toArray(),
        };
        await db.annotations.bulkDelete(deleted.annotations.map((a) => a.id));
        await Promise.all([db.documents.delete(id), db.bodies.delete(id), db.originals.delete(id)]);
        return deleted;
      });
    },

    async restore(deleted: DeletedDocument): Promise<void> {
      await db.transaction('rw', [db.documents, db.bodies, db.originals, db.annotations], async () => {
        await db.documents.put(deleted.meta);
        if (deleted.body) await db.bodies.put(deleted.body);
        if (deleted.original) await db.originals.put(deleted.original);
        await db.annotations.bulkPut(deleted.annotations);
      });
    },

    /** Replaces a document's text and re-anchors its annotations; orphans are kept, never dropped. */
    async replaceText(id: string, replacement: ReplacementText): Promise<ReanchorReport> {
      return db.transaction('rw', [db.documents, db.bodies, db.annotations], async () => {
        const meta = await db.documents.get(id);
        const body = await db.bodies.get(id);
        if (!meta || !body) throw new Error(`No document ${id}`);
        const report: ReanchorReport = { kept: 0, moved: 0, orphaned: 0 };
        const annotations = await db.annotations.where('documentId').equals(id).toArray();
        const updated = annotations.map((a) => {
          const result = reanchor(replacement.text, a.target);
          report[result.outcome]++;
          if (result.outcome === 'kept') return a;
          return result.target
            ? { ...touched(a), target: result.target, orphaned: false }
            : { ...touched(a), orphaned: true };
        });
        await db.annotations.bulkPut(updated);
        await db.bodies.put({ id, text: replacement.text, blocks: replacement.blocks });
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
      return db.transaction('rw', [db.documents, db.bodies, db.originals, db.annotations], async () => {
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
        await Promise.all([db.documents.delete(id), db.bodies.delete(id), db.originals.delete(id)]);
        return metas;
      });
    },
  };

  async function storeDocuments(
    records: DocumentRecord[],
    metas: DocumentMeta[] = records.map(documentMeta),
  ): Promise<DocumentMeta[]> {
    await db.documents.bulkAdd(metas);
    await db.bodies.bulkAdd(records.map((r) => ({ id: r.id, text: r.text, blocks: r.blocks })));
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

    async create(input: NewAnnotation, text: string, now: Date = new Date()): Promise<AnnotationRecord> {
      const record: AnnotationRecord = {
        ...newRecordBase(now),
        documentId: input.documentId,
        target: describeRange(text, input.start, input.end),
        color: input.color,
        note: null,
        noteText: '',
        tags: [],
        author: input.author ?? '',
      };
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

    async remove(id: string): Promise<AnnotationRecord | undefined> {
      return db.transaction('rw', db.annotations, async () => {
        const current = await db.annotations.get(id);
        if (current) await db.annotations.delete(id);
        return current;
      });
    },

    restore: async (record: AnnotationRecord): Promise<void> => {
      await db.annotations.put(record);
    },
  };

  const settings = {
    async get<T>(key: string, fallback: T): Promise<T> {
      const row = await db.settings.get(key);
      return row === undefined ? fallback : (row.value as T);
    },
    set: async (key: string, value: unknown): Promise<void> => {
      await db.settings.put({ key, value });
    },
  };

  return { documents, annotations, settings };
}

export type Repository = ReturnType<typeof createRepository>;
