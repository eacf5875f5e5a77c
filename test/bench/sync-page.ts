// The browser half of the sync benchmark (test/bench/sync.bench.ts bundles it with esbuild and
// runs it in Chromium): real IndexedDB, the app's own database and sync repository. Bundles are
// read and written on the page's thread here (the app uses a worker), so their time is counted.
import Dexie from 'dexie';
import { readBundle, writeBundle } from '../../shared/sync/bundle';
import type { AnnotationRecord, DocumentMeta, ItemRecord } from '../../shared/model/types';
import { openDatabase, type DocumentBody, type DocumentOriginal } from '../../renderer/db/database';
import { createSyncRepository } from '../../renderer/db/sync';

interface Seed {
  documents: { meta: DocumentMeta; body: DocumentBody; original: DocumentOriginal }[];
  annotations: AnnotationRecord[];
  items: ItemRecord[];
}

const codec = {
  read: async (b: Uint8Array) => readBundle(b),
  write: async (i: Parameters<typeof writeBundle>[0]) => writeBundle(i),
};
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
};

let bundle: Uint8Array | null = null;

const bench = {
  /** Stores the library through the app's database (every record stamped by the sync middleware). */
  async seed(seed: Seed) {
    const db = openDatabase('bench-source');
    const [, ms] = await time(() =>
      db.transaction('rw', [db.documents, db.bodies, db.originals, db.annotations, db.items], async () => {
        await db.documents.bulkPut(seed.documents.map((d) => d.meta));
        await db.bodies.bulkPut(seed.documents.map((d) => d.body));
        await db.originals.bulkPut(seed.documents.map((d) => d.original));
        await db.annotations.bulkPut(seed.annotations);
        await db.items.bulkPut(seed.items);
      }),
    );
    db.close();
    return { ms };
  },

  async exportAll() {
    const db = openDatabase('bench-source');
    const sync = createSyncRepository(db, codec).sync;
    await sync.setAnalyst('张三');
    const [exported, ms] = await time(() => sync.exportBundle({}));
    bundle = exported.bytes;
    db.close();
    return { ms, bytes: exported.bytes.byteLength, counts: exported.counts };
  },

  /** Imports the bundle into an empty library: preview (read, check, plan) then apply. */
  async importInto(name: string) {
    const db = openDatabase(name);
    const sync = createSyncRepository(db, codec).sync;
    const [preview, previewMs] = await time(() => sync.preview(bundle!));
    if (!preview.ok) throw new Error(preview.error.message);
    const [outcome, applyMs] = await time(() => sync.apply(preview.preview));
    db.close();
    return { previewMs, applyMs, written: outcome.written };
  },

  /** The same records (as the bundle carries them) put with a plain Dexie bulkPut, same indexes, no sync. */
  async plainBulkPut() {
    const read = readBundle(bundle!);
    if (!read.ok) throw new Error(read.error.message);
    const { records, texts } = read.value;
    const db = new Dexie('bench-plain');
    db.version(1).stores({
      documents: 'id, contentHash, title, importedAt, published.from, source.site',
      bodies: 'id',
      annotations: 'id, documentId, updatedAt, *tags',
      items: 'id, documentId, kind, status, deadline.to, category, *annotationIds, *tags',
      links: 'id, from.id, to.id, type',
    });
    const byHash = new Map([...texts.values()].map((t) => [t.contentHash, t]));
    const [, ms] = await time(() =>
      db.transaction('rw', ['documents', 'bodies', 'annotations', 'items', 'links'], async () => {
        await db.table('documents').bulkPut(records.documents);
        await db.table('bodies').bulkPut(
          records.documents.map((d) => ({
            id: d.id,
            text: byHash.get(d.contentHash)?.text,
            blocks: byHash.get(d.contentHash)?.blocks,
          })),
        );
        await db.table('annotations').bulkPut(records.annotations);
        await db.table('items').bulkPut(records.items);
        await db.table('links').bulkPut(records.links);
      }),
    );
    db.close();
    return { ms };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
