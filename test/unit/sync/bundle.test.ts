import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle, writeBundle } from '../../../shared/sync/bundle';
import { RECORD_SCHEMAS } from '../../../shared/sync/schemas';
import { createVersion } from '../../../shared/sync/write';
import { documentText, item, REPLICA_A, T0, TestClock, annotation, brief, event, itemKind, link } from './records';
import { sampleBundle, sampleInput, TEXT } from './forge';

describe('writing and reading a bundle', () => {
  it('reads back what was written', () => {
    const clock = new TestClock(REPLICA_A);
    const stamped = createVersion(item('I2', { tags: ['energy', '能源'] }), ...clock.next()).version;
    const pdf = new TextEncoder().encode('%PDF-1.7\n…');
    const input = sampleInput({
      records: {
        ...sampleInput().records,
        items: [item('I1'), stamped],
        annotations: [annotation('A1', 'D1')],
        links: [link('L1', { kind: 'item', id: 'I1' }, { kind: 'annotation', id: 'A1' })],
        events: [event('E1')],
        briefs: [brief('B1')],
        itemKinds: [itemKind('risk')],
      },
      pdfs: [{ contentHash: documentText(TEXT).contentHash, bytes: pdf }],
      filter: { scope: 'selection', tags: ['energy'], recipient: '李四' },
    });
    const read = readBundle(writeBundle(input));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { manifest, records, texts, pdfs } = read.value;
    expect(manifest).toMatchObject({
      format: 'dossier-bundle',
      formatVersion: 1,
      replicaId: REPLICA_A,
      analyst: '张三',
      counts: {
        records: { items: 2, documents: 1, annotations: 1, links: 1, events: 1, briefs: 1, itemKinds: 1 },
        texts: 1,
        pdfs: 1,
      },
      filter: { scope: 'selection', tags: ['energy'], recipient: '李四' },
    });
    expect(records.items).toEqual([item('I1'), stamped]);
    expect(records.itemKinds).toEqual([itemKind('risk')]);
    expect(texts.get(documentText(TEXT).contentHash)).toEqual(documentText(TEXT));
    expect([...pdfs.values()]).toEqual([pdf]);
  });

  it('is a plain zip with the manifest first, and the same bytes for the same input', () => {
    const bytes = sampleBundle();
    expect(Object.keys(unzipSync(bytes))[0]).toBe('manifest.json');
    expect(Object.keys(unzipSync(bytes)).sort()).toEqual([
      'manifest.json',
      'records/annotations.json',
      'records/briefs.json',
      'records/documents.json',
      'records/events.json',
      'records/itemKinds.json',
      'records/items.json',
      'records/links.json',
      `texts/${documentText(TEXT).contentHash}.json`,
    ]);
    expect(sampleBundle()).toEqual(bytes);
  });

  it('refuses to write a record it would refuse to read', () => {
    const bad = { ...item('I1'), color: 'red' } as unknown as ReturnType<typeof item>;
    expect(() => writeBundle(sampleInput({ records: { items: [bad] } }))).toThrow(/items record 0 \(I1\) is invalid/);
    const wrongHash = { ...documentText(TEXT), text: 'other' };
    expect(() => writeBundle(sampleInput({ texts: [wrongHash] }))).toThrow(/does not hash/);
  });
});

describe('record schemas', () => {
  it('accept the records the app makes, with and without lineage', () => {
    const clock = new TestClock(REPLICA_A);
    for (const record of [item('I1'), createVersion(item('I1'), ...clock.next()).version]) {
      expect(RECORD_SCHEMAS.items.safeParse(record).success).toBe(true);
    }
    expect(RECORD_SCHEMAS.annotations.safeParse(annotation('A1', 'D1', { orphaned: true })).success).toBe(true);
  });

  it('refuse junk', () => {
    const valid = createVersion(item('I1'), ...new TestClock(REPLICA_A).next()).version;
    const cases: [string, unknown][] = [
      ['unknown field', { ...valid, extra: 1 }],
      ['missing field', { ...valid, title: undefined }],
      ['bad status', { ...valid, status: 'finished' }],
      ['bad rev', { ...valid, rev: 'yesterday' }],
      ['bad date', { ...valid, deadline: { ...valid.deadline, to: '30 June' } }],
      ['control character in id', { ...valid, id: 'I\u00001' }],
      ['not an object', 'item'],
      ['self-superseding lineage', { ...valid, lineage: { seq: 1, seen: { [REPLICA_A]: [[1, 1]] } } }],
      [
        'unsorted ranges',
        {
          ...valid,
          lineage: {
            seq: 3,
            seen: {
              [REPLICA_A]: [
                [2, 2],
                [1, 1],
              ],
            },
          },
        },
      ],
      ['lineage on a legacy rev', { ...valid, rev: new Date(T0).toISOString() }],
      ['NaN target', { ...valid, targets: [{ value: Number.NaN, unit: '元', text: '' }] }],
    ];
    for (const [label, record] of cases) expect(RECORD_SCHEMAS.items.safeParse(record).success, label).toBe(false);
  });
});
