import { describe, expect, it } from 'vitest';
import {
  danglingLinks,
  detachLinks,
  historyChain,
  LINK_CHOICES,
  linkEndFromJson,
  linkLabel,
  linkProblem,
  linkSides,
  matchScore,
  newLink,
  orientLink,
  pairKey,
  sameRecord,
  type LinkEnd,
} from '../../../shared/model/links';
import type { LinkRecord, LinkType } from '../../../shared/model/types';

const a = (id: string): LinkEnd => ({ kind: 'annotation', id });
const item = (id: string): LinkEnd => ({ kind: 'item', id });
const doc = (id: string): LinkEnd => ({ kind: 'document', id });
const event = (id: string): LinkEnd => ({ kind: 'event', id });

let clock = 0;
function link(type: LinkType, from: LinkEnd, to: LinkEnd, id = `L${clock}`): LinkRecord {
  const at = new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)).toISOString();
  return { ...newLink({ type, from, to }), id, createdAt: at, updatedAt: at, rev: at };
}

const all = () => true;

describe('linkProblem', () => {
  it('accepts a link between two existing records', () => {
    expect(linkProblem({ type: 'fulfils', from: a('r'), to: item('c') }, [], all)).toBeNull();
  });

  it('refuses a link of a record to itself', () => {
    expect(linkProblem({ type: 'relates', from: item('c'), to: item('c') }, [], all)).toBe('self');
  });

  it('refuses a second link of the same type between the same two records, either way round', () => {
    const existing = [link('fulfils', a('r'), item('c'), 'L1')];
    expect(linkProblem({ type: 'fulfils', from: a('r'), to: item('c') }, existing, all)).toBe('duplicate');
    expect(linkProblem({ type: 'fulfils', from: item('c'), to: a('r') }, existing, all)).toBe('duplicate');
    // Another type between the same two is another link.
    expect(linkProblem({ type: 'updates', from: a('r'), to: item('c') }, existing, all)).toBeNull();
    // Editing the link itself is no duplicate of it.
    expect(linkProblem({ type: 'fulfils', from: a('r'), to: item('c') }, existing, all, 'L1')).toBeNull();
  });

  it('refuses an end that does not exist, and an unknown type or kind', () => {
    const exists = (end: LinkEnd) => end.id !== 'gone';
    expect(linkProblem({ type: 'relates', from: a('gone'), to: doc('d') }, [], exists)).toBe('missing-from');
    expect(linkProblem({ type: 'relates', from: a('x'), to: doc('gone') }, [], exists)).toBe('missing-to');
    expect(linkProblem({ type: 'likes' as LinkType, from: a('x'), to: doc('d') }, [], all)).toBe('type');
    expect(linkProblem({ type: 'relates', from: { kind: 'brief' as 'item', id: 'x' }, to: doc('d') }, [], all)).toBe(
      'type',
    );
  });

  it('makes a record with a trimmed note, or none', () => {
    expect(newLink({ type: 'relates', from: a('x'), to: doc('d'), note: '  见第二段 ' }).note).toBe('见第二段');
    expect(newLink({ type: 'relates', from: a('x'), to: doc('d'), note: '  ' }).note).toBeNull();
  });
});

describe('both sides of a link', () => {
  it('labels a link from each end: fulfils ↔ fulfilled by; relates reads the same both ways', () => {
    expect(linkLabel('fulfils', 'out')).toBe('fulfils');
    expect(linkLabel('fulfils', 'in')).toBe('fulfilled-by');
    expect(linkLabel('updates', 'in')).toBe('updated-by');
    expect(linkLabel('contradicts', 'in')).toBe('contradicted-by');
    expect(linkLabel('duplicates', 'in')).toBe('duplicated-by');
    expect(linkLabel('relates', 'in')).toBe('relates');
    expect(LINK_CHOICES.map((c) => c.label)).toEqual([
      'relates',
      'updates',
      'updated-by',
      'fulfils',
      'fulfilled-by',
      'contradicts',
      'contradicted-by',
      'duplicates',
      'duplicated-by',
    ]);
  });

  it('turns a choice made from one record into from/to', () => {
    expect(orientLink(a('r'), item('c'), { type: 'fulfils', direction: 'out' })).toEqual({
      type: 'fulfils',
      from: a('r'),
      to: item('c'),
    });
    expect(orientLink(item('c'), a('r'), { type: 'fulfils', direction: 'in' })).toEqual({
      type: 'fulfils',
      from: a('r'),
      to: item('c'),
    });
  });

  it('lists outgoing and incoming links with the record at the other end', () => {
    const out = link('fulfils', a('r'), item('c'));
    const incoming = link('updates', a('later'), a('r'));
    const unrelated = link('relates', doc('x'), doc('y'));
    const sides = linkSides([a('r')], [incoming, unrelated, out]);
    expect(sides.map((s) => [s.link.id, s.direction, s.other.id])).toEqual([
      [out.id, 'out', 'c'],
      [incoming.id, 'in', 'later'],
    ]);
  });

  it('shows a link between a highlight and its own item once', () => {
    const inner = link('relates', a('r'), item('c'));
    const sides = linkSides([a('r'), item('c')], [inner]);
    expect(sides).toHaveLength(1);
    expect(sides[0]!.direction).toBe('out');
  });
});

describe('detachLinks (deleting a record its links touch)', () => {
  it('removes every link of the record when nothing is to keep them', () => {
    const l1 = link('fulfils', a('r'), item('c'));
    const l2 = link('relates', doc('d'), a('r'));
    const result = detachLinks([l1, l2], [a('r')], null);
    expect(result.removed.map((l) => l.id)).toEqual([l1.id, l2.id]);
    expect(result.updated).toEqual([]);
  });

  it('re-points the links to the record that keeps them, and remembers them as they were', () => {
    const l1 = link('fulfils', a('r'), item('c'));
    const result = detachLinks([l1], [a('r')], doc('d2'));
    expect(result.updated).toHaveLength(1);
    expect(result.updated[0]).toMatchObject({ id: l1.id, type: 'fulfils', from: doc('d2'), to: item('c') });
    expect(result.updated[0]!.baseRev).toBe(l1.rev);
    expect(result.retargeted).toEqual([l1]);
    expect(result.removed).toEqual([]);
  });

  it('removes what re-pointing would make a self-link or a duplicate, and links between two deleted records', () => {
    const toDoc = link('relates', a('r'), doc('d'));
    const same = link('fulfils', a('r'), item('c'));
    const already = link('fulfils', doc('d'), item('c'));
    const twin1 = link('updates', a('r'), item('z'));
    const twin2 = link('updates', a('s'), item('z'));
    const between = link('relates', a('r'), a('s'));
    const result = detachLinks([toDoc, same, twin1, twin2, between], [a('r'), a('s')], doc('d'), [already]);
    expect(result.removed.map((l) => l.id).sort()).toEqual([toDoc.id, same.id, twin2.id, between.id].sort());
    expect(result.updated.map((l) => l.id)).toEqual([twin1.id]);
    // Nothing left points at a deleted record.
    const left = [...result.updated, already];
    expect(danglingLinks(left, (end) => end.id !== 'r' && end.id !== 's')).toEqual([]);
  });

  it('removes the links when the record to keep them on is itself going', () => {
    const l1 = link('relates', a('r'), item('c'));
    expect(detachLinks([l1], [a('r'), doc('d')], doc('d')).removed).toEqual([l1]);
  });
});

describe('historyChain', () => {
  // A 2019 commitment (an item tagged on a highlight), a 2021 progress report that updates it,
  // a 2022 completion report that fulfils it, and an unrelated "relates" link.
  const published: Record<string, string> = {
    commitment: '2019-06-06',
    progress: '2021-03-01',
    completion: '2022-03-16',
    other: '2020-01-01',
  };
  const itemOf: Record<string, string> = { 'a-commitment': 'commitment' };
  const options = {
    dateOf: (end: LinkEnd) => published[end.id] ?? null,
    canonical: (end: LinkEnd) => (end.kind === 'annotation' && itemOf[end.id] ? item(itemOf[end.id]!) : end),
  };

  it('follows updates and fulfils links from either end, oldest first', () => {
    const updates = link('updates', a('progress'), item('commitment'));
    // Made on the commitment's highlight rather than its item: the same record in the chain.
    const fulfils = link('fulfils', a('completion'), a('a-commitment'));
    const relates = link('relates', a('other'), item('commitment'));
    for (const start of [item('commitment'), a('a-commitment'), a('completion'), a('progress')]) {
      const chain = historyChain(start, [fulfils, relates, updates], options);
      expect(chain.map((s) => [s.end.id, s.date])).toEqual([
        ['commitment', '2019-06-06'],
        ['progress', '2021-03-01'],
        ['completion', '2022-03-16'],
      ]);
    }
    const fromCommitment = historyChain(item('commitment'), [fulfils, relates, updates], options);
    expect(fromCommitment.map((s) => s.via?.label ?? null)).toEqual([null, 'updates', 'fulfils']);
    const fromCompletion = historyChain(a('completion'), [fulfils, updates], options);
    // Seen from the completion report, the commitment "is fulfilled by" it.
    expect(fromCompletion[0]!.via?.label).toBe('fulfilled-by');
  });

  it('goes on transitively, visits each record once, and puts undated records last', () => {
    const l1 = link('updates', a('progress'), item('commitment'));
    const l2 = link('fulfils', a('completion'), a('progress'));
    const l3 = link('contradicts', event('undated'), a('completion'));
    const loop = link('updates', a('completion'), item('commitment'));
    const chain = historyChain(item('commitment'), [l1, l2, l3, loop], options);
    expect(chain.map((s) => s.end.id)).toEqual(['commitment', 'progress', 'completion', 'undated']);
  });

  it('is the record alone when it has no history links', () => {
    const chain = historyChain(doc('other'), [link('relates', doc('other'), doc('x'))], options);
    expect(chain).toHaveLength(1);
    expect(chain[0]!.via).toBeNull();
  });
});

describe('matchScore (the link picker)', () => {
  it('ranks a substring above shared character pairs, and earlier above later', () => {
    const text = '实现京张铁路年底建成通车';
    expect(matchScore('京张铁路', text)).toBeGreaterThan(matchScore('京张铁路通车', text));
    expect(matchScore('京张铁路通车', text)).toBeGreaterThan(0);
    expect(matchScore('京张', '京张铁路')).toBeGreaterThan(matchScore('京张', '实现京张'));
    expect(matchScore('地铁', text)).toBe(0);
    expect(matchScore('', text)).toBe(0);
  });

  it('ignores case, full-width forms and spaces', () => {
    expect(matchScore('beijing plan', 'The BEIJING  Plan')).toBeGreaterThan(0.7);
    expect(matchScore('2019', '２０１９年工作要点')).toBeGreaterThan(0.7);
  });

  it('keys a link by its type and its two records in either order', () => {
    expect(pairKey(link('fulfils', a('x'), item('y')))).toBe(pairKey(link('fulfils', item('y'), a('x'))));
  });
});

describe('a dragged end (drag and drop to link)', () => {
  it('reads back the end a drag carries', () => {
    expect(linkEndFromJson(JSON.stringify(item('01HX')))).toEqual(item('01HX'));
    expect(linkEndFromJson('{"kind":"annotation","id":"a-1","extra":true}')).toEqual(a('a-1'));
  });

  it('refuses anything that does not name a record', () => {
    for (const text of [
      '',
      'not json',
      'null',
      '"item:01HX"',
      '[]',
      '{"kind":"brief","id":"x"}',
      '{"kind":"item"}',
      '{"kind":"item","id":""}',
      '{"kind":"item","id":"a:b"}',
      '{"kind":"item","id":" x"}',
      '{"kind":"item","id":42}',
      JSON.stringify({ kind: 'item', id: 'x'.repeat(201) }),
    ]) {
      expect(linkEndFromJson(text), text).toBeNull();
    }
  });

  it('counts a highlight and the item it is tagged as as one record', () => {
    expect(sameRecord([item('i')], [item('i')])).toBe(true);
    expect(sameRecord([item('i'), a('h')], [a('h')])).toBe(true);
    expect(sameRecord([item('i'), a('h')], [a('other'), doc('i')])).toBe(false);
    expect(sameRecord([event('e')], [])).toBe(false);
  });
});
