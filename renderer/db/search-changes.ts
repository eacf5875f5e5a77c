// Which records the search index must read again. A Dexie middleware sees every write to the
// tables search covers (documents and their bodies, annotations, items) — whichever
// repository or screen made it — and, in the same transaction, puts the record's key in
// `searchQueue`. The change and its queue entry commit together or not at all, so the index
// (renderer/db/search-index.ts, in a worker) never misses an edit, even if the app stops
// before it has read it. Listeners hear of each committed write, to wake the index up.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { captureZone, inZone, type DexieZone } from './dexie-zone';

export const SEARCH_QUEUE = 'searchQueue';

/** Tables search covers, and the prefix of their records' keys in the index (shared/search/units.ts). */
const WATCHED: Readonly<Record<string, string>> = { documents: 'd:', bodies: 'd:', annotations: 'n:', items: 'i:' };

/**
 * A queue entry: the unit's key and a stamp unique to the write, so an entry re-queued while it
 * was being read is kept. A bulk write (an import) queues one batch entry instead, its key unique
 * to the write and its units in `keys`: one row per record would cost an import about as much
 * as writing the records themselves.
 */
export interface SearchQueueRow {
  key: string;
  stamp: string;
  keys?: string[];
}

/** Writes queuing more units than this queue them as one batch entry. */
export const QUEUE_BATCH_FROM = 32;
export const BATCH_PREFIX = 'batch:';

const listeners = new Set<() => void>();

/** Calls `listener` after every committed write to the tables search covers; returns the unsubscribe. */
export function onSearchChanges(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let counter = 0;
const newStamp = () =>
  `${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random().toString(36).slice(2, 8)}`;

export const searchChangeLog: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SearchChangeLog',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === SEARCH_QUEUE)) return {};
    const queued = new WeakMap<DBCoreTransaction, Set<string>>();
    const queue = down.table(SEARCH_QUEUE);

    async function enqueue(
      trans: DBCoreTransaction,
      zone: DexieZone,
      prefix: string,
      ids: readonly unknown[],
    ): Promise<void> {
      let seen = queued.get(trans);
      if (!seen) {
        queued.set(trans, (seen = new Set()));
        // One notice per committed transaction.
        (trans as unknown as EventTarget).addEventListener?.('complete', () => {
          for (const listener of listeners) listener();
        });
      }
      const stamp = newStamp();
      const keys: string[] = [];
      for (const id of ids) {
        if (typeof id !== 'string') continue;
        const key = prefix + id;
        if (seen.has(key)) continue;
        seen.add(key);
        keys.push(key);
      }
      if (!keys.length) return;
      const values: SearchQueueRow[] =
        keys.length < QUEUE_BATCH_FROM
          ? keys.map((key) => ({ key, stamp }))
          : [{ key: BATCH_PREFIX + stamp, stamp, keys }];
      await inZone(zone, () => queue.mutate({ type: 'put', trans, values }));
    }

    return {
      transaction(stores, mode, options) {
        // A write to a watched table also writes its queue entries, in the same transaction.
        const widen = mode === 'readwrite' && stores.some((s) => s in WATCHED) && !stores.includes(SEARCH_QUEUE);
        return down.transaction(widen ? [...stores, SEARCH_QUEUE] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const prefix = WATCHED[name];
        if (!prefix) return table;
        const primaryKeys = async (req: DBCoreMutateRequest & { type: 'deleteRange' }) =>
          (
            await table.query({
              trans: req.trans,
              values: false,
              query: { index: table.schema.primaryKey, range: req.range },
            })
          ).result;
        const wrapped: DBCoreTable = {
          ...table,
          async mutate(req) {
            const zone = captureZone();
            if (req.type === 'deleteRange') {
              const keys = await primaryKeys(req);
              const response = await table.mutate(req);
              await enqueue(req.trans, zone, prefix, keys);
              return response;
            }
            const response = await table.mutate(req);
            const keys =
              req.type === 'delete'
                ? req.keys
                : (response.results ??
                  req.keys ??
                  req.values.map((v: unknown) => table.schema.primaryKey.extractKey?.(v)));
            await enqueue(req.trans, zone, prefix, keys);
            return response;
          },
        };
        return wrapped;
      },
    };
  },
};
