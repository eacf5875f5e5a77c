// Small valid records of every table for the sync tests, and a replica that writes them the
// way the app will: through shared/sync/write.ts, with its own clock.
import { contentHash } from '../../../shared/ingest/canonical';
import { newClock, type Clock, type ReplicaId } from '../../../shared/sync/hlc';
import type { RecordState } from '../../../shared/sync/merge';
import type { DocumentText, SyncRecord } from '../../../shared/sync/tables';

export const REPLICA_A = '01HV0000000000000000000AAA';
export const REPLICA_B = '01HV0000000000000000000BBB';
export const REPLICA_C = '01HV0000000000000000000CCC';

export const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

const base = (id: string, at = T0) => ({
  id,
  createdAt: iso(at),
  updatedAt: iso(at),
  rev: iso(at),
  baseRev: null,
});

export function item(id: string, patch: Partial<SyncRecord<'items'>> = {}): SyncRecord<'items'> {
  return {
    ...base(id),
    kind: 'task',
    title: `Item ${id}`,
    annotationIds: [],
    documentId: null,
    owners: [{ asWritten: '市发改委', normalized: '北京市发展和改革委员会', role: 'lead' }],
    deadline: { from: '2024-06-30', to: '2024-06-30', precision: 'day', text: '6月底', origin: 'explicit' },
    milestones: [],
    targets: [{ value: 1.7e12, unit: '元', text: '1.7万亿元' }],
    status: 'open',
    statusHistory: [{ status: 'open', at: iso(T0) }],
    category: null,
    tags: ['energy'],
    note: null,
    noteText: '',
    origin: 'manual',
    ...patch,
  };
}

export function annotation(id: string, documentId: string, patch: Partial<SyncRecord<'annotations'>> = {}) {
  const record: SyncRecord<'annotations'> = {
    ...base(id),
    documentId,
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: 4 },
      quote: { type: 'TextQuoteSelector', exact: '加快建设', prefix: '', suffix: '新型电力系统' },
    },
    color: 'yellow',
    note: null,
    noteText: '',
    tags: [],
    author: 'Analyst',
    ...patch,
  };
  return record;
}

export function link(id: string, from: SyncRecord<'links'>['from'], to: SyncRecord<'links'>['to']) {
  const record: SyncRecord<'links'> = { ...base(id), type: 'relates', from, to, note: null };
  return record;
}

export function documentText(text: string): DocumentText {
  return { contentHash: contentHash(text), text, blocks: [{ type: 'paragraph', start: 0, end: text.length }] };
}

export function documentMeta(id: string, text: string, patch: Partial<SyncRecord<'documents'>> = {}) {
  const record: SyncRecord<'documents'> = {
    ...base(id),
    title: `Document ${id}`,
    kind: 'text',
    source: { site: '北京日报', url: null, authors: [], host: null, editor: null },
    published: { from: '2019-06-06', to: '2019-06-06', precision: 'day', text: '2019年6月6日', status: 'detected' },
    importedAt: iso(T0),
    contentHash: contentHash(text),
    length: text.length,
    ...patch,
  };
  return record;
}

export const brief = (id: string): SyncRecord<'briefs'> => ({ ...base(id), title: 'Brief', content: '{}' });
export const event = (id: string): SyncRecord<'events'> => ({
  ...base(id),
  title: 'Meeting',
  date: { from: '2024-05-01', to: '2024-05-01', precision: 'day', text: '5月1日' },
  documentId: null,
  annotationId: null,
  note: null,
});
export const itemKind = (id: string): SyncRecord<'itemKinds'> => ({
  ...base(id),
  label: 'Risk',
  color: 'pink',
  shortcut: 'r',
  fields: ['owners', 'note'],
});

/** A clock for tests: a replica, and a physical time that moves one second per write. */
export class TestClock {
  clock: Clock;
  now: number;
  constructor(replica: ReplicaId, now = T0) {
    this.clock = newClock(replica);
    this.now = now;
  }
  next(): [Clock, number] {
    this.now += 1000;
    return [this.clock, this.now];
  }
}

export const revsOf = (state: RecordState | null | undefined): string[] =>
  state ? [state.current.rev, ...state.conflicts.map((c) => c.rev)] : [];
