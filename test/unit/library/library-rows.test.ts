import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../shared/model/types';
import { libraryRows, librarySources } from '../../../renderer/library/library-rows';

function doc(id: string, title: string, site: string | null, date: string | null, importedAt: string): DocumentMeta {
  return {
    id,
    title,
    createdAt: importedAt,
    updatedAt: importedAt,
    rev: importedAt,
    baseRev: null,
    kind: 'text',
    source: { site, url: null, authors: [], host: null, editor: null },
    published: date ? { from: date, to: date, precision: 'day', text: date, status: 'detected' } : null,
    importedAt,
    contentHash: id,
    length: 100,
  };
}

const docs = [
  doc('a', '北京市设九工作组', '北京青年报', '2016-01-28', '2026-01-03'),
  doc('b', '2019年工作要点', '北京市发展和改革委员会', '2019-06-06', '2026-01-01'),
  doc('c', 'Untitled note', null, null, '2026-01-02'),
];

describe('library rows', () => {
  it('sorts by publication date, newest first, undated last', () => {
    expect(libraryRows(docs, new Map(), { text: '', source: '' }, 'date').map((r) => r.meta.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
  });

  it('sorts by highlight count and by import time', () => {
    const counts = new Map([
      ['c', 5],
      ['a', 2],
    ]);
    expect(libraryRows(docs, counts, { text: '', source: '' }, 'highlights').map((r) => r.highlights)).toEqual([
      5, 2, 0,
    ]);
    expect(libraryRows(docs, counts, { text: '', source: '' }, 'imported').map((r) => r.meta.id)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it('filters by words in the title or source, and by source', () => {
    expect(libraryRows(docs, new Map(), { text: '工作', source: '' }, 'date').map((r) => r.meta.id)).toEqual([
      'b',
      'a',
    ]);
    expect(libraryRows(docs, new Map(), { text: '青年报', source: '' }, 'date').map((r) => r.meta.id)).toEqual(['a']);
    expect(libraryRows(docs, new Map(), { text: '', source: '北京青年报' }, 'date').map((r) => r.meta.id)).toEqual([
      'a',
    ]);
  });

  it('lists distinct sources', () => {
    expect(librarySources(docs)).toHaveLength(2);
  });
});
