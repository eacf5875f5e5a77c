import { describe, expect, it } from 'vitest';
import { aliasTable, BUILT_IN_ALIASES } from '../../../shared/extract/aliases';
import { EMPTY_ITEM_FILTER, filterItems, primaryOwner, sortItems } from '../../../shared/model/item-filters';
import {
  aliasesKey,
  aliasProblem,
  currentOwnerName,
  isKnownOwner,
  nameSimilarity,
  rankTargets,
  summarizeOwners,
  tidyAlias,
  withAliases,
} from '../../../shared/model/owners';
import type { ItemOwner, ItemRecord } from '../../../shared/model/types';

const owner = (asWritten: string, normalized = asWritten, role: ItemOwner['role'] = 'lead'): ItemOwner => ({
  asWritten,
  normalized,
  role,
});

function item(id: string, owners: ItemOwner[]): ItemRecord {
  const at = '2024-01-01T00:00:00.000Z';
  return {
    id,
    createdAt: at,
    updatedAt: at,
    rev: at,
    baseRev: null,
    kind: 'task',
    title: `事项${id}`,
    annotationIds: [],
    documentId: null,
    owners,
    deadline: null,
    milestones: [],
    targets: [],
    status: 'open',
    statusHistory: [{ status: 'open', at }],
    category: null,
    tags: [],
    note: null,
    noteText: '',
    origin: 'manual',
  };
}

const BUILT_IN = aliasTable({});

describe('an owner’s name under the current alias table', () => {
  it('looks a name as written up again: built-in aliases, with or without the city', () => {
    expect(currentOwnerName(owner('市发改委'), BUILT_IN)).toBe('北京市发展和改革委员会');
    expect(currentOwnerName(owner('北京市发改委'), BUILT_IN)).toBe('北京市发展和改革委员会');
    expect(currentOwnerName(owner(' 市 发改委 '), BUILT_IN)).toBe('北京市发展和改革委员会');
    expect(currentOwnerName(owner('北京市发展和改革委员会'), BUILT_IN)).toBe('北京市发展和改革委员会');
  });

  it('applies an alias the analyst adds, and theirs wins over a built-in one', () => {
    const table = aliasTable({ 市政府督查室: '北京市人民政府督查室', 市经信委: '北京市经济和信息化局' });
    expect(currentOwnerName(owner('市政府督查室'), BUILT_IN)).toBe('市政府督查室');
    expect(currentOwnerName(owner('市政府督查室'), table)).toBe('北京市人民政府督查室');
    // Stored with the built-in name when it was tagged; the analyst's entry applies now.
    expect(currentOwnerName(owner('市经信委', '北京市经济和信息化委员会'), table)).toBe('北京市经济和信息化局');
  });

  it('follows the analyst’s renaming of a canonical name', () => {
    const table = aliasTable({ 北京市发展和改革委员会: '北京市发改委（新）' });
    expect(currentOwnerName(owner('市发改委', '北京市发展和改革委员会'), table)).toBe('北京市发改委（新）');
  });

  it('keeps the stored name of an owner no table knows: a person, a colleague’s alias', () => {
    expect(currentOwnerName(owner('常务副市长李士祥', '李士祥'), BUILT_IN)).toBe('李士祥');
    expect(currentOwnerName(owner('通州区政府', '北京市通州区人民政府'), BUILT_IN)).toBe('北京市通州区人民政府');
    const table = aliasTable({ 李士祥: '李士祥（常务副市长）' });
    expect(currentOwnerName(owner('常务副市长李士祥', '李士祥'), table)).toBe('李士祥（常务副市长）');
  });

  it('knows a name as an alias or as a canonical name', () => {
    expect(isKnownOwner('市发改委', BUILT_IN)).toBe(true);
    expect(isKnownOwner('北京市发展和改革委员会', BUILT_IN)).toBe(true);
    expect(isKnownOwner('市政府督查室', BUILT_IN)).toBe(false);
  });
});

describe('items under the current alias table', () => {
  const items = [
    item('1', [owner('市政府督查室'), owner('市发改委', '北京市发展和改革委员会', 'responsible')]),
    item('2', [owner('北京市人民政府督查室')]),
    item('3', [owner('市财政局', '北京市财政局')]),
    item('4', []),
  ];

  it('renames owners without touching items whose owners keep their names', () => {
    const named = withAliases(items, aliasTable({ 市政府督查室: '北京市人民政府督查室' }));
    expect(named[0]!.owners.map((o) => o.normalized)).toEqual(['北京市人民政府督查室', '北京市发展和改革委员会']);
    expect(named[0]!.owners[0]!.asWritten).toBe('市政府督查室');
    expect(named[0]!.owners[1]).toBe(items[0]!.owners[1]);
    expect(named[0]).not.toBe(items[0]);
    expect(named.slice(1)).toEqual(items.slice(1));
    for (let i = 1; i < items.length; i++) expect(named[i]).toBe(items[i]);
    // The items themselves are left as they are.
    expect(items[0]!.owners[0]!.normalized).toBe('市政府督查室');
  });

  it('merges two owners for the owner filter and the owner sort once an alias joins them', () => {
    const before = withAliases(items, BUILT_IN);
    const filter = { ...EMPTY_ITEM_FILTER, owner: '北京市人民政府督查室' };
    expect(filterItems(before, filter, '2024-01-01').map((i) => i.id)).toEqual(['2']);
    const table = aliasTable({ 市政府督查室: '北京市人民政府督查室' });
    const after = withAliases(items, table);
    expect(filterItems(after, filter, '2024-01-01').map((i) => i.id)).toEqual(['1', '2']);
    // The alias finds every item of the owner it stands for, however they wrote it.
    const byAlias = { ...filter, owner: '市政府督查室' };
    expect(filterItems(after, byAlias, '2024-01-01').map((i) => i.id)).toEqual(['1']);
    expect(filterItems(after, byAlias, '2024-01-01', undefined, table).map((i) => i.id)).toEqual(['1', '2']);
    expect(filterItems(after, { ...filter, owner: '北京市发改委' }, '2024-01-01', undefined, table)).toEqual([
      after[0],
    ]);
    expect(after.map(primaryOwner)).toEqual(['北京市人民政府督查室', '北京市人民政府督查室', '北京市财政局', null]);
    const sorted = sortItems([after[2]!, after[0]!, after[3]!, after[1]!], 'owner', 'asc', new Map());
    // 财 (cái) before 人 (rén); the two merged owners side by side, in their given order.
    expect(sorted.map((i) => i.id)).toEqual(['3', '1', '2', '4']);
  });

  it('sums up the owners, most used first, and which of them no table knows', () => {
    const summary = summarizeOwners(
      [...items, item('5', [owner('市政府督查室'), owner('市政府督查室', '市政府督查室', 'responsible')])],
      BUILT_IN,
    );
    expect(summary).toEqual([
      { name: '市政府督查室', items: 2, unknown: true },
      { name: '北京市财政局', items: 1, unknown: false },
      { name: '北京市发展和改革委员会', items: 1, unknown: false },
      { name: '北京市人民政府督查室', items: 1, unknown: true },
    ]);
    const merged = summarizeOwners(items, aliasTable({ 市政府督查室: '北京市人民政府督查室' }));
    expect(merged.find((o) => o.name === '北京市人民政府督查室')).toEqual({
      name: '北京市人民政府督查室',
      items: 2,
      unknown: false,
    });
    expect(merged.some((o) => o.name === '市政府督查室')).toBe(false);
    // A person's name and a colleague's alias are not suggested.
    const known = summarizeOwners([item('p', [owner('常务副市长李士祥', '李士祥')])], BUILT_IN);
    expect(known).toEqual([{ name: '李士祥', items: 1, unknown: false }]);
  });
});

describe('which owner a name stands for', () => {
  it('ranks the likeliest owners first', () => {
    expect(nameSimilarity('市政府督查室', '市政府督查室')).toBe(1);
    expect(nameSimilarity('市政府督查室', '北京市人民政府督查室')).toBeGreaterThan(
      nameSimilarity('市政府督查室', '北京市财政局'),
    );
    expect(nameSimilarity('', '')).toBe(0);
    const owners = [
      { name: '北京市财政局', items: 9, unknown: false },
      { name: '市政府督查室', items: 1, unknown: true },
      { name: '北京市人民政府督查室', items: 1, unknown: true },
      { name: '通州区政府', items: 3, unknown: true },
    ];
    expect(rankTargets('市政府督查室', owners).map((o) => o.name)).toEqual([
      '北京市人民政府督查室',
      '通州区政府',
      '北京市财政局',
    ]);
  });
});

describe('a new alias', () => {
  it('is tidied as it is stored', () => {
    expect(tidyAlias(' 市 督查室 ', '  Beijing   Office ')).toEqual({ alias: '市督查室', canonical: 'Beijing Office' });
  });

  it('needs both names, different ones, listed once, and no loop', () => {
    const entries = { 市督查室: '北京市人民政府督查室', 督查室: '市督查室' };
    expect(aliasProblem(entries, '', '北京')).toBe('empty');
    expect(aliasProblem(entries, '市督查室', ' ')).toBe('empty');
    expect(aliasProblem(entries, '督查处', '督查 处')).toBe('same');
    expect(aliasProblem(entries, '市督查室', '别的')).toBe('exists');
    expect(aliasProblem(entries, '市督查室', '别的', '市督查室')).toBeNull(); // editing it
    expect(aliasProblem(entries, '北京市人民政府督查室', '督查室')).toBe('loop');
    // Through the built-in table: 市发改委 → 北京市发展和改革委员会 → 市发改委.
    expect(aliasProblem({}, '北京市发展和改革委员会', '市发改委')).toBe('loop');
    expect(aliasProblem(entries, '市政府督查室', '北京市人民政府督查室')).toBeNull();
    // Replacing a built-in alias is allowed (theirs win).
    expect(BUILT_IN_ALIASES.has('市经信委')).toBe(true);
    expect(aliasProblem({}, '市经信委', '北京市经济和信息化局')).toBeNull();
  });
});

describe('the key of the aliases an extraction was read with', () => {
  it('is empty without aliases, and the same whatever order they were added in', () => {
    expect(aliasesKey({})).toBe('');
    expect(aliasesKey(undefined)).toBe('');
    expect(aliasesKey({ ' ': 'x' })).toBe('');
    const a = aliasesKey({ 市督查室: '北京市人民政府督查室', 通州: '北京市通州区人民政府' });
    const b = aliasesKey({ 通州: '北京市通州区人民政府', 市督查室: '北京市人民政府督查室' });
    expect(a).toBe(b);
    expect(a.length).toBeLessThan(16);
    expect(aliasesKey({ 市督查室: '北京市人民政府督查室' })).not.toBe(a);
    expect(aliasesKey({ 市督查室: '北京市人民政府督查室', 通州: '北京市通州区政府' })).not.toBe(a);
  });
});
