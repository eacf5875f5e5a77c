// The library's search index, kept in IndexedDB so that opening the app loads it instead of
// building it again. It is a set of immutable segments (shared/search/segment.ts), each stored
// as one row ('seg:<n>', a few typed arrays), the units deleted from each since it was written
// ('del:<n>'), and a state row ('meta': format version, how many full builds there have been,
// a generation counter bumped by every write, the next segment number, and where a build in
// progress has got to). Every write to documents, bodies, annotations or items queues its
// record (search-changes.ts); `sync` reads the queued records, indexes them into a new segment
// and stores it, its deletions and the consumed queue entries in one transaction, then merges
// segments of about the same size. A full build happens only when the stored index is missing
// or of another version (SEARCH_INDEX_VERSION), or when asked for, and it resumes where it
// stopped if the app closes half-way. It runs in a worker (renderer/search/search.worker.ts).
import { SEARCH_INDEX_VERSION, SearchEngine, type SearchFilters, type UnitInput } from '../../shared/search/engine';
import { fuzzyRank } from '../../shared/search/fuzzy';
import { Segment, type SerializedSegment, type UnitInfo, type UnitKind } from '../../shared/search/segment';
import { snippet, type Snippet } from '../../shared/search/snippet';
import { parseQuery } from '../../shared/search/tokenize';
import { documentUnit, isNote, itemUnit, noteUnit, parseUnitKey, unitKey } from '../../shared/search/units';
import type { AnnotationRecord, DocumentMeta, ItemRecord } from '../../shared/model/types';
import { nextTask } from '../app/next-task';
import type { DossierDatabase } from './database';
import type { SearchQueueRow } from './search-changes';

/** Where a full build has got to: the next records after `after` (by id) of `table`. */
export interface BuildCursor {
  table: 'documents' | 'annotations' | 'items';
  after: string | null;
}

export interface SearchMeta {
  version: number;
  /** Full builds of the index so far (the first one included). */
  builds: number;
  /** Bumped by every write, so a window sees when another one changed the index. */
  generation: number;
  nextSegment: number;
  build: BuildCursor | null;
}

/** A row of the index: its state ('meta'), a segment ('seg:<n>') or a segment's deleted units ('del:<n>'). */
export interface SearchIndexRow {
  key: string;
  meta?: SearchMeta;
  segment?: SerializedSegment;
  deleted?: number[];
}

export interface SearchRequest {
  q: string;
  filters?: SearchFilters;
  limit?: number;
}

export interface SearchHit {
  key: string;
  kind: UnitKind;
  id: string;
  title: string;
  score: number;
  documentId: string | null;
  /** The document's title, for notes and items. */
  documentTitle: string | null;
  annotationId: string | null;
  site: string | null;
  published: { from: string; to: string } | null;
  tags: string[];
  itemKind?: string;
  status?: string;
  color?: string;
  /** Which of the unit's fields the snippet is from (documents: 'text' or 'title'). */
  field: 'text' | 'title' | 'note' | 'quote' | 'owners' | 'tags';
  snippet: Snippet;
  /** The matched words of the title, as offsets into it. */
  titleMarks: [number, number][];
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  /** Milliseconds the index took to answer (without reading the hits' text). */
  took: number;
  /** The index was still being built or catching up: hits may be missing. */
  partial: boolean;
}

export interface QuickOpenEntry {
  kind: 'document' | 'item' | 'owner';
  /** Document or item id; an owner's (normalised) name. */
  id: string;
  title: string;
  /** Documents: source; items: their document's title; owners: how many items. */
  detail: string;
  documentId: string | null;
  annotationId: string | null;
  /** Owners: how many items they have. */
  count?: number;
}

export interface SearchStatus {
  ready: boolean;
  version: number;
  builds: number;
  /** 'stored': loaded from IndexedDB; 'built': built from the library (there was no usable index). */
  loadedFrom: 'stored' | 'built' | null;
  /** Time to load the stored index, in ms. */
  loadMs: number;
  building: boolean;
  /** Records queued for indexing (at the last look). */
  pending: number;
  /** Units indexed since the index was opened (a full build counts them all). */
  indexedSinceOpen: number;
  units: Record<UnitKind, number>;
  segments: number;
}

export interface Facets {
  sites: { value: string; count: number }[];
  tags: { value: string; count: number }[];
}

/** Records read per step of a full build, by table (documents carry their text). */
const BUILD_BATCH = { documents: 100, annotations: 2000, items: 1000 } as const;
/** Queued records read per step. */
const QUEUE_BATCH = 200;
const WAIT_MS = 1500;
const NEXT_TABLE = { documents: 'annotations', annotations: 'items', items: null } as const;

const META = 'meta';
/** Longest a merge holds the worker before it lets queued searches run. */
const MERGE_SLICE_MS = 8;

class Conflict extends Error {}

/**
 * Up to `limit` unit keys from queue entries, in order: single entries whole, a batch entry
 * (an import's) in slices; `rest` is what is left of a batch entry read in part.
 */
export function takeUnits(
  rows: readonly SearchQueueRow[],
  limit: number,
): { keys: string[]; consumed: SearchQueueRow[]; rest?: SearchQueueRow } {
  const keys: string[] = [];
  const consumed: SearchQueueRow[] = [];
  for (const row of rows) {
    const room = limit - keys.length;
    if (room <= 0) break;
    const units = row.keys ?? [row.key];
    if (units.length > room) {
      keys.push(...units.slice(0, room));
      return { keys, consumed, rest: { ...row, keys: units.slice(room) } };
    }
    keys.push(...units);
    consumed.push(row);
  }
  return { keys, consumed };
}

export class SearchIndex {
  private readonly engine = new SearchEngine();
  private meta: SearchMeta | null = null;
  private loadedFrom: SearchStatus['loadedFrom'] = null;
  private loadMs = 0;
  private indexed = 0;
  private pending = 0;
  private chain: Promise<unknown> = Promise.resolve();
  private syncing: Promise<void> | null = null;
  private again = false;
  /** Sync requests so far (each write to the library sends one), and how many of them the index has caught up with. */
  private requested = 0;
  private caughtUp = 0;
  private readonly waiters: { upTo: number; resolve: () => void }[] = [];

  /** Called after every stored step (indexing progress, a merge, a load). */
  onChange: (status: SearchStatus) => void = () => {};

  constructor(
    private readonly db: DossierDatabase,
    /** How long a search waits for the index to catch up before it answers from what is indexed so far. */
    private readonly waitMs = WAIT_MS,
  ) {}

  /** Runs `task` after every task before it: the index is changed by one step at a time. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Loads the stored index (or starts a full build when there is none of this version). */
  open(): Promise<SearchStatus> {
    return this.exclusive(async () => {
      if (!this.meta) await this.load();
      return this.status();
    });
  }

  status(): SearchStatus {
    return {
      ready: !!this.meta,
      version: SEARCH_INDEX_VERSION,
      builds: this.meta?.builds ?? 0,
      loadedFrom: this.loadedFrom,
      loadMs: Math.round(this.loadMs),
      building: !!this.meta?.build,
      pending: this.pending,
      indexedSinceOpen: this.indexed,
      units: this.engine.countByKind(),
      segments: this.engine.segmentCount,
    };
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const rows = await this.db.searchIndex.toArray();
    const meta = rows.find((r) => r.key === META)?.meta;
    this.engine.clear();
    if (!meta || meta.version !== SEARCH_INDEX_VERSION) {
      await this.reset(meta);
      return;
    }
    const deleted = new Map<number, number[]>();
    for (const row of rows) if (row.deleted) deleted.set(Number(row.key.slice(4)), row.deleted);
    for (const row of rows) {
      if (row.segment) this.engine.addSegment(new Segment(row.segment), deleted.get(row.segment.id));
    }
    this.meta = meta;
    this.loadedFrom ??= meta.build ? 'built' : 'stored';
    this.loadMs = performance.now() - started;
    if (!meta.build) await this.reconcile();
    this.changed();
  }

  /**
   * Queues the documents and items the index lacks or holds in excess: records written past
   * the app's database layer (by hand, or by a tool writing IndexedDB directly) never queued
   * themselves. Reads keys only (10,000 documents and 20,000 items: a few tens of ms).
   */
  private async reconcile(): Promise<void> {
    const [documents, items] = await Promise.all([
      this.db.documents.toCollection().primaryKeys(),
      this.db.items.toCollection().primaryKeys(),
    ]);
    const stored = new Set([
      ...documents.map((id) => unitKey('document', id)),
      ...items.map((id) => unitKey('item', id)),
    ]);
    const differ: string[] = [];
    for (const key of stored) if (!this.engine.has(key)) differ.push(key);
    for (const info of this.engine.infos()) {
      if (info.kind === 'note') continue;
      const key = unitKey(info.kind, info.id);
      if (!stored.has(key)) differ.push(key);
    }
    if (differ.length) await this.db.searchQueue.bulkPut(differ.map((key) => ({ key, stamp: `reconcile:${key}` })));
  }

  /** Drops the stored index and starts a full build from the first document. */
  private async reset(previous: SearchMeta | undefined): Promise<void> {
    const meta: SearchMeta = {
      version: SEARCH_INDEX_VERSION,
      builds: (previous?.builds ?? 0) + 1,
      generation: (previous?.generation ?? 0) + 1,
      nextSegment: 1,
      build: { table: 'documents', after: null },
    };
    // What is queued so far, the build reads anyway.
    await this.db.transaction('rw', this.db.searchIndex, this.db.searchQueue, async () => {
      await this.db.searchIndex.clear();
      await this.db.searchQueue.clear();
      await this.db.searchIndex.put({ key: META, meta });
    });
    this.engine.clear();
    this.meta = meta;
    this.loadedFrom = 'built';
    this.changed();
  }

  /** Builds the whole index again (the analyst asked; the queue is read afterwards as usual). */
  rebuild(): Promise<SearchStatus> {
    return this.exclusive(async () => {
      if (!this.meta) await this.load();
      if (!this.meta!.build) await this.reset(this.meta!);
      return this.status();
    }).then(async (status) => {
      await this.sync();
      return status;
    });
  }

  /**
   * Brings the index up to date: loads another window's changes, continues a full build, then
   * indexes every queued record and merges segments. Calls during a run share it.
   */
  sync(): Promise<void> {
    this.requested++;
    // A call during a run makes the run look again at the end: what was queued meanwhile is read too.
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    this.syncing = this.exclusive(async () => {
      try {
        do {
          this.again = false;
          const requested = this.requested;
          if (!this.meta) await this.load();
          await this.catchUp();
          while (this.meta!.build) await this.buildStep();
          while (await this.queueStep());
          this.caughtUpWith(requested);
          await this.compact();
        } while (this.again);
      } finally {
        this.syncing = null;
      }
    });
    return this.syncing;
  }

  /** Reloads when another window (another worker) stored a newer generation. */
  private async catchUp(): Promise<void> {
    const stored = (await this.db.searchIndex.get(META))?.meta;
    if (!stored || stored.generation !== this.meta!.generation) await this.load();
  }

  private async buildStep(): Promise<void> {
    const cursor = this.meta!.build!;
    const table = this.db.table<{ id: string }, string>(cursor.table);
    const collection = cursor.after === null ? table.orderBy(':id') : table.where(':id').above(cursor.after);
    const records = await collection.limit(BUILD_BATCH[cursor.table]).toArray();
    const units = await this.unitsOf(cursor.table, records);
    const last = records.at(-1)?.id;
    const next: BuildCursor | null =
      records.length === BUILD_BATCH[cursor.table] && last !== undefined
        ? { table: cursor.table, after: last }
        : NEXT_TABLE[cursor.table]
          ? { table: NEXT_TABLE[cursor.table]!, after: null }
          : null;
    await this.store(units, [], { build: next }, []);
  }

  /** Indexes one batch of queued records; false when the queue was empty. */
  private async queueStep(): Promise<boolean> {
    const rows = await this.db.searchQueue.limit(QUEUE_BATCH).toArray();
    const { keys, consumed, rest } = takeUnits(rows, QUEUE_BATCH);
    const queued = rows.reduce((n, row) => n + (row.keys?.length ?? 1), 0);
    this.pending = rows.length < QUEUE_BATCH ? queued : queued + (await this.db.searchQueue.count()) - rows.length;
    if (rows.length === 0) return false;
    const ids: Record<UnitKind, string[]> = { document: [], note: [], item: [] };
    for (const key of keys) {
      const parsed = parseUnitKey(key);
      if (parsed) ids[parsed.kind].push(parsed.id);
    }
    const [documents, notes, items] = await Promise.all([
      this.db.documents.bulkGet(ids.document),
      this.db.annotations.bulkGet(ids.note),
      this.db.items.bulkGet(ids.item),
    ]);
    const units = [
      ...(await this.unitsOf(
        'documents',
        documents.filter((d) => !!d),
      )),
      ...(await this.unitsOf(
        'annotations',
        notes.filter((n) => !!n),
      )),
      ...(await this.unitsOf(
        'items',
        items.filter((i) => !!i),
      )),
    ];
    const kept = new Set(units.map((u) => u.key));
    const removed = keys.filter((key) => !kept.has(key));
    await this.store(units, removed, {}, consumed, rest);
    this.pending = Math.max(0, this.pending - keys.length);
    return true;
  }

  /** The index units of documents (with their text). */
  private async documentUnits(metas: readonly DocumentMeta[]): Promise<UnitInput[]> {
    const bodies = await this.db.bodies.bulkGet(metas.map((m) => m.id));
    return metas.flatMap((meta, i) => (bodies[i] ? [documentUnit(meta, bodies[i]!.text)] : []));
  }

  /** The index units of records of one table: highlights only with a note or tags. */
  private async unitsOf(table: BuildCursor['table'], records: readonly object[]): Promise<UnitInput[]> {
    // Tombstones (records kept deleted, for sync) are not searched.
    const live = records.filter((r) => !(r as { deleted?: boolean }).deleted);
    if (table === 'documents') return this.documentUnits(live as DocumentMeta[]);
    if (table === 'annotations') return (live as AnnotationRecord[]).filter(isNote).map(noteUnit);
    return (live as ItemRecord[]).map(itemUnit);
  }

  /**
   * Indexes `units` and removes `removed` (in memory), then stores the new segment, the changed
   * deletions, the state and the consumed queue entries (and what is left of a batch entry read
   * in part) in one transaction. If another window
   * wrote first, or the write fails, the stored index is loaded again (and the queue entries
   * stay, to be read again).
   */
  private async store(
    units: UnitInput[],
    removed: string[],
    patch: Partial<SearchMeta>,
    consumed: SearchQueueRow[],
    rest?: SearchQueueRow,
  ): Promise<void> {
    const meta = this.meta!;
    const id = meta.nextSegment;
    const touched = new Set(this.engine.remove(removed));
    const { segment, touched: replaced } = this.engine.upsert(id, units);
    for (const s of replaced) touched.add(s);
    if (segment) touched.delete(segment);
    const next: SearchMeta = {
      ...meta,
      ...patch,
      nextSegment: segment ? id + 1 : id,
      generation: meta.generation + 1,
    };
    try {
      await this.db.transaction('rw', this.db.searchIndex, this.db.searchQueue, async () => {
        const stored = (await this.db.searchIndex.get(META))?.meta;
        if (!stored || stored.generation !== meta.generation) throw new Conflict();
        if (segment) await this.db.searchIndex.put({ key: `seg:${segment.id}`, segment: segment.serialize() });
        for (const s of touched) await this.db.searchIndex.put({ key: `del:${s.id}`, deleted: [...s.deleted] });
        await this.db.searchIndex.put({ key: META, meta: next });
        if (consumed.length || rest) {
          // An entry queued again while its record was being read is kept, to be read again.
          const now = await this.db.searchQueue.bulkGet([...consumed, ...(rest ? [rest] : [])].map((r) => r.key));
          const done = consumed.filter((r, i) => now[i]?.stamp === r.stamp).map((r) => r.key);
          await this.db.searchQueue.bulkDelete(done);
          // A batch entry cleared meanwhile (a reset) is not put back.
          if (rest && now[consumed.length]?.stamp === rest.stamp) await this.db.searchQueue.put(rest);
        }
      });
    } catch (error) {
      await this.load();
      if (!(error instanceof Conflict)) throw error;
      return;
    }
    this.meta = next;
    this.indexed += units.length;
    this.changed();
  }

  /** Every write up to the `requested`-th sync request is indexed: searches waiting for them may answer. */
  private caughtUpWith(requested: number): void {
    this.caughtUp = Math.max(this.caughtUp, requested);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i]!.upTo > this.caughtUp) continue;
      this.waiters[i]!.resolve();
      this.waiters.splice(i, 1);
    }
  }

  /** Records are queued, or another window stored a newer index: what this one answers from is behind. */
  private async behind(): Promise<boolean> {
    const [queued, stored] = await this.db.transaction('r', this.db.searchIndex, this.db.searchQueue, () =>
      Promise.all([this.db.searchQueue.count(), this.db.searchIndex.get(META)]),
    );
    return queued > 0 || stored?.meta?.generation !== this.meta!.generation;
  }

  /** Resolves once the index has caught up with every write requested so far. */
  private whenCaughtUp(): Promise<void> {
    if (this.caughtUp >= this.requested) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ upTo: this.requested, resolve }));
  }

  /**
   * Merges segments of about the same size (and ones mostly deleted), each merge in one
   * transaction. A merge of large segments takes about a second, so it runs in slices with the
   * worker free in between to answer searches; a write arriving meanwhile stops it (the merge is
   * done again after the write is indexed), so a search never waits for a merge.
   */
  private async compact(): Promise<void> {
    for (let plan = this.engine.planMerge(); plan; plan = this.engine.planMerge()) {
      const meta = this.meta!;
      const steps = this.engine.mergeInSteps(meta.nextSegment, plan);
      let step = steps.next();
      for (let slice = performance.now(); !step.done; step = steps.next()) {
        if (performance.now() - slice < MERGE_SLICE_MS) continue;
        await nextTask();
        if (this.requested > this.caughtUp) return;
        slice = performance.now();
      }
      const merged = step.value;
      const next: SearchMeta = { ...meta, nextSegment: meta.nextSegment + 1, generation: meta.generation + 1 };
      try {
        await this.db.transaction('rw', this.db.searchIndex, async () => {
          const stored = (await this.db.searchIndex.get(META))?.meta;
          if (!stored || stored.generation !== meta.generation) throw new Conflict();
          if (merged.units.length) {
            await this.db.searchIndex.put({ key: `seg:${merged.id}`, segment: merged.serialize() });
          }
          await this.db.searchIndex.bulkDelete(plan.flatMap((s) => [`seg:${s.id}`, `del:${s.id}`]));
          await this.db.searchIndex.put({ key: META, meta: next });
        });
      } catch (error) {
        await this.load();
        if (!(error instanceof Conflict)) throw error;
        return;
      }
      this.meta = next;
      this.changed();
    }
  }

  private changed(): void {
    this.onChange(this.status());
  }

  /**
   * Ranked hits with snippets. Waits for the index to catch up first (an edit just made is
   * found), but not long: during a full build or a large import it answers from what is
   * indexed so far, and says so (`partial`); the build goes on.
   */
  async search(request: SearchRequest): Promise<SearchResponse> {
    if (!this.meta) await this.open();
    // Only a build and writes not indexed yet are waited for (an edit just made is found), never
    // a merge. Writes queue themselves in the same transaction, so an empty queue and the stored
    // generation this index has loaded (no other window indexed meanwhile) mean nothing to wait for.
    if (this.meta!.build || (this.caughtUp >= this.requested && (await this.behind()))) {
      void this.sync().catch(() => undefined);
    }
    const caughtUp = this.whenCaughtUp().then(() => true);
    const partial = !(await Promise.race([
      caughtUp,
      new Promise<false>((r) => setTimeout(() => r(false), this.waitMs)),
    ]));
    const started = performance.now();
    const query = parseQuery(request.q);
    const result = this.engine.search(query, request.filters ?? {}, { limit: request.limit ?? 50, prefix: true });
    const took = performance.now() - started;
    const hits = await this.hydrate(result.hits, query);
    return { hits, total: result.total, took, partial };
  }

  /** The hits with their snippets (reading the documents' text, the notes and the items they show). */
  private async hydrate(
    hits: { key: string; info: UnitInfo; score: number }[],
    query: ReturnType<typeof parseQuery>,
  ): Promise<SearchHit[]> {
    const of = (kind: UnitKind) => hits.filter((h) => h.info.kind === kind).map((h) => h.info.id);
    const [bodies, notes, items] = await Promise.all([
      this.db.bodies.bulkGet(of('document')),
      this.db.annotations.bulkGet(of('note')),
      this.db.items.bulkGet(of('item')),
    ]);
    const body = new Map(bodies.flatMap((b) => (b ? [[b.id, b] as const] : [])));
    const note = new Map(notes.flatMap((n) => (n ? [[n.id, n] as const] : [])));
    const item = new Map(items.flatMap((i) => (i ? [[i.id, i] as const] : [])));
    const marked = (s: Snippet) => s.marks.length > 0;
    return hits.map(({ key, info, score }) => {
      const doc =
        info.kind === 'document'
          ? info
          : info.documentId
            ? this.engine.info(unitKey('document', info.documentId))
            : undefined;
      let field: SearchHit['field'] = 'text';
      let shown: Snippet;
      if (info.kind === 'document') {
        const b = body.get(info.id);
        const passages = b?.blocks.map(({ start, end }) => ({ start, end }));
        shown = snippet(b?.text ?? '', query, { passages });
        // Only the title matched: the snippet shows the text's beginning.
        if (!marked(shown)) field = 'title';
      } else if (info.kind === 'note') {
        const n = note.get(info.id);
        const candidates: [SearchHit['field'], string][] = [
          ['note', n?.noteText ?? ''],
          ['tags', (n?.tags ?? []).join('、')],
          ['quote', n?.target.quote.exact ?? ''],
        ];
        [field, shown] = firstMarked(candidates, query, 'quote');
      } else {
        const i = item.get(info.id);
        const candidates: [SearchHit['field'], string][] = [
          ['title', i?.title ?? info.title],
          ['owners', (info.owners ?? []).flatMap((o) => [o.name, ...o.written]).join('、')],
          ['tags', [...(i?.tags ?? []), i?.category ?? ''].filter(Boolean).join('、')],
          ['note', i?.noteText ?? ''],
        ];
        [field, shown] = firstMarked(candidates, query, 'title');
      }
      return {
        key,
        kind: info.kind,
        id: info.id,
        title: info.title,
        score,
        documentId: info.documentId,
        documentTitle: info.kind === 'document' ? null : (doc?.title ?? null),
        annotationId: info.annotationId ?? null,
        site: doc?.site ?? null,
        published: doc?.published ?? null,
        tags: info.tags ?? [],
        ...(info.itemKind !== undefined && { itemKind: info.itemKind }),
        ...(info.status !== undefined && { status: info.status }),
        ...(info.color !== undefined && { color: info.color }),
        field,
        snippet: shown,
        titleMarks: snippet(info.title, query, { width: info.title.length }).marks,
      };
    });
  }

  /** Documents, items and owners whose names match the query loosely (Ctrl/⌘+K). */
  async quickOpen(q: string, limit = 12): Promise<QuickOpenEntry[]> {
    if (!this.meta) await this.open();
    const documents: UnitInfo[] = [];
    const items: UnitInfo[] = [];
    const owners = new Map<string, { written: Set<string>; count: number }>();
    for (const info of this.engine.infos()) {
      if (info.kind === 'document') documents.push(info);
      else if (info.kind === 'item') {
        items.push(info);
        for (const owner of info.owners ?? []) {
          const entry = owners.get(owner.name) ?? { written: new Set<string>(), count: 0 };
          for (const w of owner.written) entry.written.add(w);
          entry.count++;
          owners.set(owner.name, entry);
        }
      }
    }
    const docTitle = (id: string | null) => (id ? (this.engine.info(unitKey('document', id))?.title ?? '') : '');
    const toDocument = (info: UnitInfo): QuickOpenEntry => ({
      kind: 'document',
      id: info.id,
      title: info.title,
      detail: [info.site, info.published?.from].filter(Boolean).join(' · '),
      documentId: info.id,
      annotationId: null,
    });
    if (!q.trim()) {
      // Nothing typed yet: the newest documents.
      return documents
        .sort((a, b) => (b.published?.from ?? '').localeCompare(a.published?.from ?? ''))
        .slice(0, limit)
        .map(toDocument);
    }
    const scored = [
      ...fuzzyRank(documents, (d) => [d.title], q, limit).map(({ entry, score }) => ({
        score,
        entry: toDocument(entry),
      })),
      ...fuzzyRank(items, (i) => [i.title], q, limit).map(({ entry, score }) => ({
        score: score - 1,
        entry: {
          kind: 'item' as const,
          id: entry.id,
          title: entry.title,
          detail: docTitle(entry.documentId),
          documentId: entry.documentId,
          annotationId: entry.annotationId ?? null,
        },
      })),
      ...fuzzyRank(owners, ([name, o]) => [name, ...o.written], q, limit).map(({ entry: [name, o], score }) => ({
        score: score - 0.5,
        entry: {
          kind: 'owner' as const,
          id: name,
          title: name,
          detail: [...o.written].join('、'),
          documentId: null,
          annotationId: null,
          count: o.count,
        },
      })),
    ];
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, limit).map((s) => s.entry);
  }

  /** Sources and tags in the index, most frequent first, for the filters. */
  async facets(): Promise<Facets> {
    if (!this.meta) await this.open();
    const sites = new Map<string, number>();
    const tags = new Map<string, number>();
    for (const info of this.engine.infos()) {
      if (info.kind === 'document' && info.site) sites.set(info.site, (sites.get(info.site) ?? 0) + 1);
      for (const tag of info.tags ?? []) tags.set(tag, (tags.get(tag) ?? 0) + 1);
    }
    const list = (m: Map<string, number>) =>
      [...m]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
    return { sites: list(sites), tags: list(tags) };
  }
}

/** The snippet of the first field holding a matched word; else of `fallback`. */
function firstMarked(
  fields: [SearchHit['field'], string][],
  query: ReturnType<typeof parseQuery>,
  fallback: SearchHit['field'],
): [SearchHit['field'], Snippet] {
  for (const [field, text] of fields) {
    if (!text) continue;
    const s = snippet(text, query);
    if (s.marks.length) return [field, s];
  }
  const text = fields.find(([f]) => f === fallback)?.[1] ?? '';
  return [fallback, snippet(text, query)];
}
