// What the data exports (renderer/export) read. Part of the one repository (repository.ts).
// Large libraries are read a chunk at a time, each chunk its own short read with a pause before
// the next, so exporting 100,000 highlights never holds the page (or the database) for long;
// the pause is where a cancelled export stops.
import { surrogatePairEnds } from '../../shared/export/code-points';
import type { AnnotationRecord, DocumentMeta, ItemRecord } from '../../shared/model/types';
import { nextTask } from '../app/next-task';
import type { DossierDatabase } from './database';

/** Records per read. */
const CHUNK = 2_000;
/** Document texts per read: they are far larger than records. */
const TEXT_CHUNK = 50;

/** Lets the page paint and handle input before the next chunk; stops a cancelled export there. */
async function pause(signal?: AbortSignal): Promise<void> {
  await nextTask();
  signal?.throwIfAborted();
}

/** Every record of a table in primary-key order, CHUNK at a time. */
async function readAll<T extends { id: string }>(
  table: DossierDatabase['items'] | DossierDatabase['annotations'],
  signal?: AbortSignal,
): Promise<T[]> {
  const all: T[] = [];
  let last: string | null = null;
  for (;;) {
    const chunk = (await (last === null
      ? table.orderBy(':id').limit(CHUNK).toArray()
      : table.where(':id').above(last).limit(CHUNK).toArray())) as unknown as T[];
    all.push(...chunk);
    if (chunk.length < CHUNK) return all;
    last = chunk[chunk.length - 1]!.id;
    await pause(signal);
  }
}

/** The records with these ids, in that order (missing ones left out), CHUNK at a time. */
async function readMany<T>(
  table: DossierDatabase['items'] | DossierDatabase['annotations'],
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<T[]> {
  const found: T[] = [];
  for (let at = 0; at < ids.length; at += CHUNK) {
    if (at > 0) await pause(signal);
    const chunk = (await table.bulkGet(ids.slice(at, at + CHUNK))) as unknown as (T | undefined)[];
    for (const record of chunk) if (record) found.push(record);
  }
  return found;
}

export function createExportRepository(db: DossierDatabase) {
  const exports = {
    /** How much the library holds, for the export dialog. */
    async counts(): Promise<{ documents: number; highlights: number; items: number; dated: number }> {
      const [documents, highlights, items, dated] = await Promise.all([
        db.documents.count(),
        db.annotations.count(),
        db.items.count(),
        // Items without a deadline are not in the deadline.to index.
        db.items.where('deadline.to').above('').count(),
      ]);
      return { documents, highlights, items, dated };
    },

    /** Every item, or those with these ids (in their order). */
    items: (ids?: readonly string[], signal?: AbortSignal): Promise<ItemRecord[]> =>
      ids ? readMany<ItemRecord>(db.items, ids, signal) : readAll<ItemRecord>(db.items, signal),

    /** Every annotation, or those with these ids (in their order). */
    annotations: (ids?: readonly string[], signal?: AbortSignal): Promise<AnnotationRecord[]> =>
      ids ? readMany<AnnotationRecord>(db.annotations, ids, signal) : readAll<AnnotationRecord>(db.annotations, signal),

    /** Every document's metadata (no texts). */
    documents: (): Promise<DocumentMeta[]> => db.documents.toArray(),

    /**
     * The canonical texts of these documents, TEXT_CHUNK at a time; `onRead` after each chunk
     * (for progress). A document without a stored text is left out.
     */
    async texts(
      documentIds: readonly string[],
      signal?: AbortSignal,
      onRead?: (done: number) => void,
    ): Promise<Map<string, string>> {
      const texts = new Map<string, string>();
      for (let at = 0; at < documentIds.length; at += TEXT_CHUNK) {
        if (at > 0) await pause(signal);
        const bodies = await db.bodies.bulkGet(documentIds.slice(at, at + TEXT_CHUNK));
        for (const body of bodies) if (body) texts.set(body.id, body.text);
        onRead?.(Math.min(at + TEXT_CHUNK, documentIds.length));
      }
      return texts;
    },

    /**
     * Per document, where its text has surrogate pairs (characters beyond the BMP), for exports
     * that count code points; only documents that have any are listed, so the texts themselves
     * are not kept.
     */
    async surrogatePairs(documentIds: readonly string[], signal?: AbortSignal): Promise<Map<string, number[]>> {
      const pairs = new Map<string, number[]>();
      for (let at = 0; at < documentIds.length; at += TEXT_CHUNK) {
        if (at > 0) await pause(signal);
        const bodies = await db.bodies.bulkGet(documentIds.slice(at, at + TEXT_CHUNK));
        for (const body of bodies) {
          const ends = body ? surrogatePairEnds(body.text) : [];
          if (ends.length > 0) pairs.set(body!.id, ends);
        }
      }
      return pairs;
    },
  };
  return { exports };
}
