// Sync storage: bundles out (a selection of the library with the texts it stands on), bundles
// in (read and checked off the main thread, planned against the library, applied in one
// transaction), and the conflicts merges keep. The merge itself is shared/sync; what each
// write does to revisions, tombstones and the change log is ./sync-revisions.ts.
import type { Transaction } from 'dexie';
import { reanchorAnnotations } from '../../shared/anchoring/reanchor-annotations';
import { DEFAULT_ITEM_KINDS } from '../../shared/model/items';
import { newId } from '../../shared/model/records';
import type { AnnotationRecord, ItemKindDefinition, Revision } from '../../shared/model/types';
import { kindRecords, kindsToAdd } from '../../shared/sync/item-kinds';
import type { BundleContents, BundleInput } from '../../shared/sync/bundle';
import type { BundleResult } from '../../shared/sync/bundle-errors';
import {
  matchDocuments,
  redirectDocuments,
  withAliases,
  type DocumentAliases,
  type DocumentMatch,
} from '../../shared/sync/document-match';
import {
  clockFrom,
  compareRevisions,
  formatRevision,
  newReplicaId,
  receive,
  replicaOf,
  tick,
} from '../../shared/sync/hlc';
import { planMerge, type IncomingSet, type LibrarySnapshot, type MergePlan } from '../../shared/sync/library-merge';
import { versionsOf, type RecordState } from '../../shared/sync/merge';
import { isSelection, recordKey, selectVersions } from '../../shared/sync/selection';
import {
  emptyStates,
  type DocumentText,
  type SyncRecord,
  type SyncTable,
  type TableStates,
} from '../../shared/sync/tables';
import { resolveConflicts } from '../../shared/sync/write';
import type { DocumentBody, DocumentOriginal, DossierDatabase } from './database';
import type {
  BundleSelection,
  Colleague,
  ConflictEntry,
  ExportChoices,
  ExportedBundle,
  ImportOutcome,
  ImportPreview,
  PreviewResult,
  ReplicaIdentity,
  SentMark,
  SyncProgress,
} from './sync-api';
import {
  CLOCK_KEY,
  REPLICA_KEY,
  setVerbatim,
  STORED_SYNC_TABLES,
  type ConflictRow,
  type StoredSyncTable,
  type TombstoneRow,
} from './sync-revisions';
import { readSetting } from './settings';

export interface SyncTaskOptions {
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
}

/** Reading and writing bundle files: in a worker in the app, directly in Node tests. */
export interface BundleCodec {
  read(bytes: Uint8Array): Promise<BundleResult<BundleContents>>;
  write(input: BundleInput): Promise<Uint8Array>;
}

/** Settings keys: the analyst's name (shared with briefs' author) and what we know of colleagues. */
const ANALYST_KEY = 'briefAuthor';
const COLLEAGUES_KEY = 'syncColleagues';
/** Colleagues' ids of documents we hold under our own (shared/sync/document-match.ts). */
const ALIASES_KEY = 'documentAliases';
/** The analyst's item kinds (renderer/db/items.ts). */
const KINDS_KEY = 'itemKinds';

/**
 * A colleague as stored. What we last sent them is marked by our clock then (every local write
 * since has a newer revision) and our last import then (what others sent us since).
 */
interface ColleagueRow extends Colleague {
  sentClock: Revision | null;
  sentImport: number;
}

const newColleague = (replicaId: string, analyst: string): ColleagueRow => ({
  replicaId,
  analyst,
  lastReceived: null,
  lastSent: null,
  sentClock: null,
  sentImport: 0,
});

const isStored = (table: SyncTable): table is StoredSyncTable =>
  (STORED_SYNC_TABLES as readonly string[]).includes(table);

const abortIf = (signal: AbortSignal | undefined) => {
  if (signal?.aborted) throw new DOMException('Cancelled', 'AbortError');
};

const newestFirst = (a: SyncRecord, b: SyncRecord) => compareRevisions(b.rev, a.rev);

/** What the analyst sees of a record, for the preview and the conflicts view. */
export function recordLabel(table: SyncTable, record: SyncRecord): string {
  switch (table) {
    case 'items':
      return (record as SyncRecord<'items'>).title;
    case 'annotations':
      return (record as SyncRecord<'annotations'>).target.quote.exact;
    case 'documents':
      return (record as SyncRecord<'documents'>).title;
    case 'events':
      return (record as SyncRecord<'events'>).title;
    case 'briefs':
      return (record as SyncRecord<'briefs'>).title;
    case 'itemKinds':
      return (record as SyncRecord<'itemKinds'>).label || record.id;
    case 'links': {
      const link = record as SyncRecord<'links'>;
      return `${link.from.kind} → ${link.to.kind} (${link.type})`;
    }
  }
}

export function createSyncRepository(db: DossierDatabase, codec: BundleCodec = defaultCodec()) {
  const setting = <T>(key: string, fallback: T) => readSetting(db, key, fallback);
  /** What an import or a resolution writes: the records, document texts and the sync bookkeeping. */
  const syncTables = () => [
    ...STORED_SYNC_TABLES.map((t) => db.table(t)),
    db.bodies,
    db.originals,
    db.tombstones,
    db.conflicts,
    db.syncLog,
    db.settings,
  ];
  const lastImport = async () => (await db.syncLog.orderBy('seq').last())?.seq ?? 0;
  /**
   * A cheap value that changes whenever the library may have changed, read without looking at
   * a record: the import preview compares it to plan again, the shared folder to skip a
   * scheduled write. Every local write to a synced table goes through the SyncRevisions
   * middleware, which ticks and saves the clock in the same transaction (a record saved
   * unchanged keeps its version and the clock). An import writes verbatim (no tick) and its
   * sender's clock may be ignored, but it logs itself in `syncLog`. The mark can move without a
   * change (an import that wrote nothing still moves the clock): a moved mark means "look".
   */
  const libraryMark = (): Promise<string> =>
    db.transaction(
      'r',
      db.settings,
      db.syncLog,
      async () => `${await setting<string>(CLOCK_KEY, '')}|${await lastImport()}`,
    );
  const colleagues = () => setting<Record<string, ColleagueRow>>(COLLEAGUES_KEY, {});

  async function replicaId(): Promise<string> {
    const stored = await setting<string>(REPLICA_KEY, '');
    if (stored) return stored;
    // The middleware gives the installation its id on its first synced write; a library with none yet gets one now.
    return db.transaction('rw', db.settings, async () => {
      const again = await setting<string>(REPLICA_KEY, '');
      if (again) return again;
      const id = newReplicaId();
      await db.settings.put({ key: REPLICA_KEY, value: id });
      return id;
    });
  }

  /** Every record's state: live records, tombstones and kept conflicts. */
  async function readStates(): Promise<TableStates> {
    const states = emptyStates() as Record<SyncTable, Map<string, RecordState<SyncRecord>>>;
    for (const table of STORED_SYNC_TABLES) {
      for (const record of (await db.table(table).toArray()) as SyncRecord[]) {
        states[table].set(record.id, { current: record, conflicts: [] });
      }
    }
    for (const row of await db.tombstones.toArray()) {
      states[row.table].set(row.id, { current: row.version, conflicts: [] });
    }
    for (const row of await db.conflicts.toArray()) states[row.table].get(row.id)?.conflicts.push(row.version);
    for (const map of Object.values(states)) {
      for (const state of map.values()) if (state.conflicts.length > 1) state.conflicts.sort(newestFirst);
    }
    return states as TableStates;
  }

  async function readSnapshot(): Promise<LibrarySnapshot> {
    const records = await readStates();
    const texts = new Set<string>();
    for (const state of records.documents.values()) if (!state.current.deleted) texts.add(state.current.contentHash);
    return { records, texts };
  }

  /** Records with a version written after `clock`, or changed by an import after `importSeq`. */
  async function changedAfter(states: TableStates, clock: Revision, importSeq: number): Promise<Set<string>> {
    const changed = new Set<string>();
    for (const [table, map] of Object.entries(states) as [SyncTable, ReadonlyMap<string, RecordState<SyncRecord>>][]) {
      for (const [id, state] of map) {
        if (versionsOf(state).some((v) => compareRevisions(v.rev, clock) > 0)) changed.add(recordKey(table, id));
      }
    }
    for (const row of await db.syncLog.where('seq').above(importSeq).toArray()) row.keys.forEach((k) => changed.add(k));
    return changed;
  }

  async function identity(): Promise<ReplicaIdentity> {
    return { replicaId: await replicaId(), analyst: await setting<string>(ANALYST_KEY, '') };
  }

  /** The texts (and PDFs) of the documents among `documents`, once per content hash. */
  async function textsOf(documents: readonly SyncRecord<'documents'>[], withPdfs: boolean) {
    const live = documents.filter((d) => !d.deleted);
    const ids = [...new Set(live.map((d) => d.id))];
    const [bodies, originals] = await Promise.all([db.bodies.bulkGet(ids), db.originals.bulkGet(ids)]);
    const bodyOf = new Map(ids.map((id, i) => [id, bodies[i]]));
    const originalOf = new Map(ids.map((id, i) => [id, originals[i]?.original]));
    const texts = new Map<string, DocumentText>();
    const pdfs = new Map<string, Uint8Array>();
    for (const doc of live) {
      const body = bodyOf.get(doc.id);
      // A conflict version with another text: only the current text is stored here.
      if (!body || texts.has(doc.contentHash) || body.text.length !== doc.length) continue;
      const original = originalOf.get(doc.id);
      const text: DocumentText = { contentHash: doc.contentHash, text: body.text, blocks: body.blocks };
      if (body.pageMap) text.pageMap = body.pageMap;
      if (original) {
        text.original = { name: original.name, encoding: original.encoding, size: original.size, text: original.text };
        if (withPdfs && doc.kind === 'pdf' && original.bytes) pdfs.set(doc.contentHash, original.bytes);
      }
      texts.set(doc.contentHash, text);
    }
    return {
      texts: [...texts.values()],
      pdfs: [...pdfs].map(([contentHash, bytes]) => ({ contentHash, bytes })),
    };
  }

  async function exportBundle(selection: BundleSelection, options: SyncTaskOptions = {}): Promise<ExportedBundle> {
    const { onProgress, signal } = options;
    onProgress?.({ phase: 'reading', done: 0, total: 1 });
    const me = await identity();
    const known = await colleagues();
    const importNow = await lastImport();
    let changedSince: Revision | undefined;
    const colleague = selection.changedSinceExchangeWith ? known[selection.changedSinceExchangeWith] : undefined;
    abortIf(signal);
    const clock = clockFrom(me.replicaId, await setting<string | null>(CLOCK_KEY, null));
    const createdAt = new Date().toISOString();
    const sentClock = tick(clock, Date.now()).rev;
    const stored = await readStates();
    // The analyst's own item kinds go with every bundle (shared/sync/item-kinds.ts).
    const ownKinds = kindRecords(await localKinds(), sentClock, createdAt);
    const states: TableStates = {
      ...stored,
      itemKinds: new Map(ownKinds.map((k) => [k.id, { current: k, conflicts: [] }])),
    };
    let changed: Set<string> | undefined;
    if (colleague?.sentClock) {
      changed = await changedAfter(states, colleague.sentClock, colleague.sentImport);
      changedSince = colleague.sentClock;
    }
    const records = selectVersions(states, {
      tags: selection.tags,
      itemKinds: selection.itemKinds,
      documentIds: selection.documentIds,
      owners: selection.owners,
      changed,
    });
    const { texts, pdfs } = await textsOf(records.documents, selection.includePdfs ?? false);
    abortIf(signal);
    onProgress?.({ phase: 'writing', done: 0, total: 1 });
    const selected = isSelection({ ...selection, changed });
    const recipient = selection.recipient?.trim() || colleague?.analyst || undefined;
    const bytes = await codec.write({
      replicaId: me.replicaId,
      analyst: me.analyst,
      createdAt,
      appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
      clock: sentClock,
      filter: {
        scope: selected ? 'selection' : 'all',
        ...(selection.tags?.length && { tags: selection.tags }),
        ...(selection.itemKinds?.length && { itemKinds: selection.itemKinds }),
        ...(selection.documentIds?.length && { documentIds: selection.documentIds }),
        ...(selection.owners?.length && { owners: selection.owners }),
        ...(changedSince && { changedSince }),
        ...(recipient && { recipient }),
      },
      records,
      texts,
      pdfs,
    });
    abortIf(signal);
    onProgress?.({ phase: 'writing', done: 1, total: 1 });
    const who = (me.analyst || 'dossier').replace(/[\\/:*?"<>|\s]+/g, '-');
    const counts = {
      records: Object.fromEntries(
        Object.entries(records).map(([t, v]) => [t, v.length]),
      ) as ExportedBundle['counts']['records'],
      texts: texts.length,
      pdfs: pdfs.length,
    };
    const sent: SentMark | undefined = selection.changedSinceExchangeWith
      ? { colleagueId: selection.changedSinceExchangeWith, at: createdAt, clock: sentClock, importSeq: importNow }
      : undefined;
    return {
      bytes: bytes as Uint8Array<ArrayBuffer>,
      fileName: `${who}-${createdAt.slice(0, 10)}.dossier`,
      counts,
      ...(sent && { sent }),
    };
  }

  /** Records a bundle as sent to a colleague, once it is saved: the next "changed since" bundle starts after it. */
  async function noteSent(mark: SentMark): Promise<void> {
    await db.transaction('rw', db.settings, async () => {
      const all = await colleagues();
      const row = all[mark.colleagueId] ?? newColleague(mark.colleagueId, '');
      // A later bundle already noted (two saves finishing out of order) is not moved back.
      if (row.sentClock && compareRevisions(row.sentClock, mark.clock) >= 0) return;
      all[mark.colleagueId] = { ...row, lastSent: mark.at, sentClock: mark.clock, sentImport: mark.importSeq };
      await db.settings.put({ key: COLLEAGUES_KEY, value: all });
    });
  }

  async function exportChoices(): Promise<ExportChoices> {
    const [items, annotations, documents, kinds, known] = await Promise.all([
      db.items.toArray(),
      db.annotations.toArray(),
      db.documents.toArray(),
      setting<{ id: string; label: string }[]>('itemKinds', []),
      colleagues(),
    ]);
    const tags = new Set<string>();
    const owners = new Set<string>();
    const kindIds = new Set<string>();
    for (const item of items) {
      item.tags.forEach((t) => tags.add(t));
      item.owners.forEach((o) => owners.add(o.normalized || o.asWritten));
      kindIds.add(item.kind);
    }
    for (const annotation of annotations) annotation.tags.forEach((t) => tags.add(t));
    const labels = new Map(kinds.map((k) => [k.id, k.label]));
    const byText = (a: string, b: string) => a.localeCompare(b, 'zh');
    return {
      tags: [...tags].sort(byText),
      owners: [...owners].sort(byText),
      itemKinds: [...new Set([...kinds.map((k) => k.id), ...kindIds])].map((id) => ({
        id,
        label: labels.get(id) ?? '',
      })),
      documents: documents.map((d) => ({ id: d.id, title: d.title })).sort((a, b) => byText(a.title, b.title)),
      colleagues: Object.values(known).map(({ sentClock: _clock, sentImport: _import, ...colleague }) => colleague),
    };
  }

  const aliases = () => setting<DocumentAliases>(ALIASES_KEY, {});
  const localKinds = () => setting<ItemKindDefinition[]>(KINDS_KEY, [...DEFAULT_ITEM_KINDS]);

  /**
   * The merge of a bundle into the library: the bundle's documents we hold under another id
   * matched first (their records redirected to ours), then the plan; a matched document whose
   * text differs from ours has our highlights re-anchored.
   */
  async function planImport(
    contents: BundleContents,
  ): Promise<{ plan: MergePlan; matched: DocumentMatch[]; kinds: ItemKindDefinition[] }> {
    const snapshot = await readSnapshot();
    const matched = matchDocuments(snapshot, contents.records, await aliases());
    // Kinds are configuration, added rather than merged (shared/sync/item-kinds.ts).
    const incoming: IncomingSet = {
      records: { ...redirectDocuments(contents.records, matched), itemKinds: [] },
      texts: new Set(contents.texts.keys()),
    };
    const plan = planMerge(snapshot, incoming);
    const local = await localKinds();
    const kinds = kindsToAdd(local, contents.records.itemKinds, contents.manifest.analyst);
    const known = new Set([...local, ...kinds].map((k) => k.id));
    plan.dangling = plan.dangling.filter((d) => d.reference.field !== 'kind' || !known.has(d.reference.id));
    for (const match of matched) {
      if (match.sameText || plan.reanchor.some((r) => r.documentId === match.local)) continue;
      const hash = snapshot.records.documents.get(match.local)!.current.contentHash;
      plan.reanchor.push({ documentId: match.local, from: hash, to: hash });
    }
    return { plan, matched, kinds };
  }

  async function preview(bytes: Uint8Array, options: SyncTaskOptions = {}): Promise<PreviewResult> {
    const { onProgress, signal } = options;
    onProgress?.({ phase: 'checking', done: 0, total: 1 });
    const read = await codec.read(bytes);
    if (!read.ok) return { ok: false, error: read.error };
    abortIf(signal);
    onProgress?.({ phase: 'planning', done: 0, total: 1 });
    const contents = read.value;
    const basedOn = await libraryMark();
    const { plan, matched, kinds } = await planImport(contents);
    const me = await replicaId();
    const clock = clockFrom(me, await setting<string | null>(CLOCK_KEY, null));
    const documentsAdded = plan.add.filter((c) => c.table === 'documents').length;
    return {
      ok: true,
      preview: {
        manifest: contents.manifest,
        plan,
        matched,
        kinds,
        summary: {
          add: plan.add.length,
          update: plan.update.length,
          conflicts: plan.conflicts.length,
          deletions: plan.deletions.length,
          unchanged: plan.unchanged,
          documentsToAdd: documentsAdded,
          documentsMatched: matched.length,
          kindsToAdd: kinds.length,
          documentsToReanchor: plan.reanchor.length,
          textsMissing: plan.texts.missing.filter((m) => m.current).length,
          dangling: plan.dangling.length,
        },
        clockAhead: receive(clock, contents.manifest.clock, Date.now()).ignored === 'ahead',
        ownBundle: contents.manifest.replicaId === me,
        contents,
        basedOn,
      },
    };
  }

  /**
   * Writes records' merged states as they are: each current version (live, or a tombstone) and
   * its conflicts. In bulk per table: an import of 100,000 records is a few dozen requests.
   */
  async function storeStates(
    changes: readonly {
      table: SyncTable;
      id: string;
      before: RecordState<SyncRecord> | null;
      after: RecordState<SyncRecord>;
    }[],
    keptAt: string,
  ) {
    const live = new Map<StoredSyncTable, { put: SyncRecord[]; remove: string[] }>();
    const buried: TombstoneRow[] = [];
    const unburied: [string, string][] = [];
    const conflictRows: ConflictRow[] = [];
    const cleared: [string, string][] = [];
    for (const { table, id, before, after } of changes) {
      if (!isStored(table)) continue;
      let writes = live.get(table);
      if (!writes) live.set(table, (writes = { put: [], remove: [] }));
      if (after.current.deleted) {
        if (!before || !before.current.deleted) writes.remove.push(id);
        buried.push({ table, id, version: after.current });
      } else {
        writes.put.push(after.current);
        if (before?.current.deleted) unburied.push([table, id]);
      }
      if (before?.conflicts.length) cleared.push([table, id]);
      for (const version of after.conflicts) conflictRows.push({ table, id, rev: version.rev, version, keptAt });
    }
    for (const [table, writes] of live) {
      if (writes.put.length) await db.table(table).bulkPut(writes.put);
      if (writes.remove.length) await db.table(table).bulkDelete(writes.remove);
    }
    if (unburied.length) await db.tombstones.bulkDelete(unburied);
    if (buried.length) await db.tombstones.bulkPut(buried);
    for (const key of cleared) await db.conflicts.where('[table+id]').equals(key).delete();
    if (conflictRows.length) await db.conflicts.bulkPut(conflictRows);
  }

  /** Our clock, moved past `seen` (the sender's clock), saved last in the transaction. */
  async function saveClock(seen: Revision | null, now: number) {
    const me = await replicaId();
    let clock = clockFrom(me, await setting<string | null>(CLOCK_KEY, null));
    if (seen) clock = receive(clock, seen, now).clock;
    await db.settings.put({ key: CLOCK_KEY, value: formatRevision(clock) });
  }

  async function apply(preview: ImportPreview, options: SyncTaskOptions = {}): Promise<ImportOutcome> {
    const { onProgress } = options;
    const { contents } = preview;
    const now = Date.now();
    const keptAt = new Date(now).toISOString();
    return db.transaction('rw', syncTables(), async (tx: Transaction) => {
      setVerbatim(tx.idbtrans, true);
      try {
        // The library moved on since the preview: plan again, against what is there now.
        let { plan, matched } = preview;
        if ((await libraryMark()) !== preview.basedOn) ({ plan, matched } = await planImport(contents));
        // Against the kinds as they are now (the analyst may have edited them since the preview).
        const kinds = await localKinds();
        const newKinds = kindsToAdd(kinds, contents.records.itemKinds, contents.manifest.analyst);
        if (newKinds.length) await db.settings.put({ key: KINDS_KEY, value: [...kinds, ...newKinds] });
        const outcome: ImportOutcome = {
          written: plan.writes.length,
          documentsAdded: plan.add.filter((c) => c.table === 'documents').length,
          conflicts: plan.conflicts.length,
          reanchored: 0,
          orphaned: 0,
        };
        onProgress?.({ phase: 'writing', done: 0, total: plan.writes.length });
        await storeStates(plan.writes, keptAt);
        await storeTexts(plan, contents);

        // Re-anchoring is the analyst's own edit of their highlights: ordinary (stamped) writes.
        setVerbatim(tx.idbtrans, false);
        for (const { documentId } of plan.reanchor) {
          const body = await db.bodies.get(documentId);
          if (!body) continue;
          const stored = await db.annotations.where('documentId').equals(documentId).toArray();
          const { annotations, report } = reanchorAnnotations(stored, body, new Date(now));
          const changed = annotations.filter((a, i) => a !== stored[i]);
          if (changed.length) await db.annotations.bulkPut(changed as AnnotationRecord[]);
          outcome.reanchored += report.moved;
          outcome.orphaned += report.orphaned;
        }
        if (plan.writes.length) {
          await db.syncLog.add({ at: keptAt, keys: plan.writes.map((c) => recordKey(c.table, c.id)) });
        }
        const known = await aliases();
        const grown = withAliases(known, matched);
        if (grown !== known) await db.settings.put({ key: ALIASES_KEY, value: grown });
        await noteReceived(contents, keptAt);
        await saveClock(contents.manifest.clock, now);
        onProgress?.({ phase: 'writing', done: plan.writes.length, total: plan.writes.length });
        return outcome;
      } finally {
        setVerbatim(tx.idbtrans, false);
      }
    });
  }

  /** Bodies (and originals) for documents whose current text came with the bundle. */
  async function storeTexts(plan: MergePlan, contents: BundleContents) {
    const documents = plan.writes
      .filter((c) => c.table === 'documents' && !c.after.current.deleted)
      .map((c) => c.after.current as SyncRecord<'documents'>)
      .filter((doc) => contents.texts.has(doc.contentHash));
    const bodies = await db.bodies.bulkGet(documents.map((d) => d.id));
    const newBodies: DocumentBody[] = [];
    const newOriginals: DocumentOriginal[] = [];
    documents.forEach((doc, i) => {
      const text = contents.texts.get(doc.contentHash)!;
      if (bodies[i]?.text === text.text) return;
      newBodies.push({
        id: doc.id,
        text: text.text,
        blocks: text.blocks,
        ...(text.pageMap && { pageMap: text.pageMap }),
      });
      const bytes = contents.pdfs.get(doc.contentHash);
      if (text.original) newOriginals.push({ id: doc.id, original: { ...text.original, ...(bytes && { bytes }) } });
    });
    if (newBodies.length) await db.bodies.bulkPut(newBodies);
    if (newOriginals.length) await db.originals.bulkPut(newOriginals);
  }

  async function noteReceived(contents: BundleContents, at: string) {
    const { replicaId: id, analyst } = contents.manifest;
    const all = await colleagues();
    const row = all[id] ?? newColleague(id, analyst);
    all[id] = { ...row, analyst: analyst || row.analyst, lastReceived: at };
    await db.settings.put({ key: COLLEAGUES_KEY, value: all });
  }

  async function stateOf(table: StoredSyncTable, id: string): Promise<RecordState<SyncRecord> | null> {
    const current =
      ((await db.table(table).get(id)) as SyncRecord | undefined) ?? (await db.tombstones.get([table, id]))?.version;
    if (!current) return null;
    const rows = await db.conflicts.where('[table+id]').equals([table, id]).toArray();
    return { current, conflicts: rows.map((r) => r.version).sort(newestFirst) };
  }

  /** Resolves a record's conflicts by keeping `rev`, as a new version that supersedes all of them. */
  async function keep(table: SyncTable, id: string, rev: Revision, tx: Transaction, now: number) {
    if (!isStored(table)) throw new Error(`Conflicts of ${table} are not stored here`);
    const state = await stateOf(table, id);
    if (!state) throw new Error(`No ${table} record ${id}`);
    const me = await replicaId();
    const clock = clockFrom(me, await setting<string | null>(CLOCK_KEY, null));
    const result = resolveConflicts(state, rev, clock, now);
    setVerbatim(tx.idbtrans, true);
    try {
      await storeStates([{ table, id, before: state, after: result.state }], new Date(now).toISOString());
    } finally {
      setVerbatim(tx.idbtrans, false);
    }
    await db.settings.put({ key: CLOCK_KEY, value: formatRevision(result.clock) });
    return state;
  }

  const conflicts = {
    /** Records with unresolved conflicts. */
    count: async (): Promise<number> => (await db.conflicts.orderBy('[table+id]').uniqueKeys()).length,

    async list(): Promise<ConflictEntry[]> {
      const rows = await db.conflicts.toArray();
      const byRecord = new Map<string, ConflictRow[]>();
      for (const row of rows) {
        const key = recordKey(row.table, row.id);
        byRecord.set(key, [...(byRecord.get(key) ?? []), row]);
      }
      const names = await colleagues();
      const me = await identity();
      const entries: ConflictEntry[] = [];
      for (const group of byRecord.values()) {
        const { table, id } = group[0]!;
        if (!isStored(table)) continue;
        const state = await stateOf(table, id);
        if (!state) continue;
        const authors: Record<Revision, string> = {};
        for (const version of versionsOf(state)) {
          const replica = replicaOf(version.rev);
          const name = replica === me.replicaId ? me.analyst : names[replica]?.analyst;
          if (name) authors[version.rev] = name;
        }
        entries.push({
          table,
          id,
          label: recordLabel(table, state.current),
          current: state.current,
          conflicts: state.conflicts,
          authors,
        });
      }
      return entries.sort((a, b) => compareRevisions(b.current.rev, a.current.rev));
    },

    keep: async (table: SyncTable, id: string, rev: Revision): Promise<void> => {
      await db.transaction('rw', syncTables(), async (tx: Transaction) => {
        await keep(table, id, rev, tx, Date.now());
      });
    },

    /** Keeps the current item, and the conflict version `rev` as a new item of its own. */
    keepBoth: async (table: SyncTable, id: string, rev: Revision): Promise<void> => {
      if (table !== 'items') throw new Error('Only items can be kept both');
      await db.transaction('rw', syncTables(), async (tx: Transaction) => {
        const now = Date.now();
        const before = await stateOf('items', id);
        const other = before?.conflicts.find((c) => c.rev === rev);
        if (!before || !other) throw new Error(`No conflict ${rev} of item ${id}`);
        await keep('items', id, before.current.rev, tx, now);
        const at = new Date(now).toISOString();
        const { lineage: _lineage, deleted: _deleted, ...content } = other as SyncRecord<'items'>;
        await db.items.add({ ...content, id: newId(), createdAt: at, updatedAt: at, rev: at, baseRev: null });
      });
    },
  };

  return {
    sync: {
      identity,
      setAnalyst: async (name: string): Promise<void> => {
        await db.settings.put({ key: ANALYST_KEY, value: name.trim() });
      },
      exportChoices,
      exportBundle,
      noteSent,
      libraryMark,
      preview,
      apply,
      conflicts,
    },
  };
}

/** Bundles are read and written in a worker: a big bundle takes seconds to check or pack. */
function defaultCodec(): BundleCodec {
  if (typeof Worker === 'undefined') {
    return {
      read: async (bytes) => (await import('../../shared/sync/bundle')).readBundle(bytes),
      write: async (input) => (await import('../../shared/sync/bundle')).writeBundle(input),
    };
  }
  return {
    read: async (bytes) => (await import('../sync/bundle-client')).bundleWorker().read(bytes),
    write: async (input) => (await import('../sync/bundle-client')).bundleWorker().write(input),
  };
}
