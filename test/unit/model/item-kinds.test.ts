import { describe, expect, it } from 'vitest';
import {
  cleanKind,
  countsAfterMoves,
  isBuiltInKind,
  removeKind,
  resetBuiltInKinds,
  shortcutKey,
  shortcutProblem,
  validateKinds,
  withField,
  withMove,
} from '../../../shared/model/item-kinds';
import { DEFAULT_ITEM_KINDS } from '../../../shared/model/items';
import type { ItemKindDefinition } from '../../../shared/model/types';

const risk: ItemKindDefinition = {
  id: 'kind-risk',
  label: 'Risk',
  color: 'pink',
  shortcut: 'r',
  fields: ['owners', 'note'],
};
const kinds = (...own: ItemKindDefinition[]): ItemKindDefinition[] => [...DEFAULT_ITEM_KINDS, ...own];

describe('shortcuts of item kinds', () => {
  it('are one letter or digit, in lower case', () => {
    expect(shortcutKey('R')).toBe('r');
    expect(shortcutKey(' 7 ')).toBe('7');
    expect(shortcutKey('')).toBeNull();
    expect(shortcutKey('rs')).toBeNull();
    expect(shortcutKey('é')).toBeNull();
    expect(shortcutKey('风')).toBeNull();
  });

  it('refuses a letter another kind uses, naming that kind', () => {
    const list = kinds(risk);
    expect(shortcutProblem(list, 2, 'T')).toEqual({ code: 'shortcut-taken', by: 0 });
    expect(shortcutProblem(list, 0, 'r')).toEqual({ code: 'shortcut-taken', by: 2 });
    // A kind keeping its own letter is no conflict.
    expect(shortcutProblem(list, 2, 'r')).toBeNull();
    expect(shortcutProblem(list, 2, 'k')).toBeNull();
  });

  it('refuses the letters the menu bar and the browser use with Alt', () => {
    expect(shortcutProblem(kinds(), 0, 'f')).toEqual({ code: 'shortcut-reserved', reason: 'file' });
    expect(shortcutProblem(kinds(), 0, 'E')).toEqual({ code: 'shortcut-reserved', reason: 'edit' });
    expect(shortcutProblem(kinds(), 0, 'd')).toEqual({ code: 'shortcut-reserved', reason: 'address' });
    expect(shortcutProblem(kinds(), 0, 'h')).toEqual({ code: 'shortcut-reserved', reason: 'help' });
    expect(shortcutProblem(kinds(), 0, '#')).toEqual({ code: 'shortcut-invalid' });
    // The defaults are free of them.
    for (const kind of DEFAULT_ITEM_KINDS)
      expect(shortcutProblem(kinds(), -1, kind.shortcut!)?.code).not.toBe('shortcut-reserved');
  });
});

describe('validating a list of kinds', () => {
  it('accepts the defaults and a well-formed kind of the analyst', () => {
    expect(validateKinds(kinds())).toEqual([]);
    expect(validateKinds(kinds(risk))).toEqual([]);
  });

  it('asks a name of the analyst’s kinds, not of the built-in ones (translated when empty)', () => {
    expect(validateKinds(kinds({ ...risk, label: '  ' }))).toEqual([{ index: 2, field: 'label', code: 'label-empty' }]);
    expect(DEFAULT_ITEM_KINDS.every((k) => k.label === '' && isBuiltInKind(k.id))).toBe(true);
  });

  it('refuses two kinds with one id, or with one name as shown', () => {
    expect(validateKinds(kinds(risk, { ...risk, label: 'Other', shortcut: null }))).toEqual([
      { index: 3, field: 'id', code: 'id-duplicate' },
    ]);
    expect(validateKinds(kinds({ ...risk, id: '' }))).toContainEqual({ index: 2, field: 'id', code: 'id-empty' });
    const twin = { ...risk, id: 'kind-2', label: ' risk ', shortcut: null };
    expect(validateKinds(kinds(risk, twin))).toEqual([{ index: 3, field: 'label', code: 'label-duplicate', other: 2 }]);
    // Names are compared as shown: a kind called "Task" collides with the built-in task.
    const shown = (k: ItemKindDefinition) => k.label || { task: 'Task', commitment: 'Commitment' }[k.id] || k.id;
    expect(validateKinds(kinds({ ...risk, label: 'task' }), shown)).toEqual([
      { index: 2, field: 'label', code: 'label-duplicate', other: 0 },
    ]);
  });

  it('flags the later of two kinds with one shortcut, and reserved or malformed shortcuts', () => {
    expect(validateKinds(kinds({ ...risk, shortcut: 'C' }))).toEqual([
      { index: 2, field: 'shortcut', code: 'shortcut-taken', by: 1 },
    ]);
    expect(validateKinds(kinds({ ...risk, shortcut: 'w' }))).toEqual([
      { index: 2, field: 'shortcut', code: 'shortcut-reserved', reason: 'window' },
    ]);
    expect(validateKinds(kinds({ ...risk, shortcut: 'xy' }))).toEqual([
      { index: 2, field: 'shortcut', code: 'shortcut-invalid' },
    ]);
  });

  it('refuses an unknown colour or field', () => {
    const odd = { ...risk, color: 'orange', fields: ['owners', 'budget'] } as unknown as ItemKindDefinition;
    expect(validateKinds(kinds(odd)).map((p) => p.code)).toEqual(['color-invalid', 'field-invalid']);
  });
});

describe('editing kinds', () => {
  it('cleans a kind for saving: label trimmed, shortcut lower case, fields once in the editor’s order', () => {
    expect(cleanKind({ ...risk, label: ' Risk ', shortcut: 'R', fields: ['note', 'owners', 'note'] })).toEqual(risk);
    expect(cleanKind({ ...risk, shortcut: null }).shortcut).toBeNull();
  });

  it('shows and hides fields in the editor’s order', () => {
    expect(withField(risk, 'deadline', true).fields).toEqual(['owners', 'deadline', 'note']);
    expect(withField(risk, 'owners', false).fields).toEqual(['note']);
    expect(withField(risk, 'owners', true).fields).toEqual(['owners', 'note']);
  });

  it('resets the built-in kinds, first, and takes their shortcuts back from the analyst’s kinds', () => {
    const edited = [
      { ...risk, shortcut: 't' },
      { ...DEFAULT_ITEM_KINDS[1]!, label: 'Promise', color: 'yellow' as const, shortcut: 'p', fields: [] },
      { ...DEFAULT_ITEM_KINDS[0]!, shortcut: null },
    ];
    const { kinds: reset, cleared } = resetBuiltInKinds(edited);
    expect(reset).toEqual([...DEFAULT_ITEM_KINDS, { ...risk, shortcut: null }]);
    expect(cleared).toEqual([risk.id]);
    expect(validateKinds(reset)).toEqual([]);
  });

  it('never deletes a built-in kind', () => {
    expect(removeKind(kinds(risk), 'task')).toEqual(kinds(risk));
    expect(removeKind(kinds(risk), risk.id)).toEqual(kinds());
  });

  it('moves the items of a deleted kind, through kinds deleted in turn', () => {
    let moves = withMove({}, 'kind-a', 'kind-b');
    expect(moves).toEqual({ 'kind-a': 'kind-b' });
    moves = withMove(moves, 'kind-b', 'task');
    expect(moves).toEqual({ 'kind-a': 'task', 'kind-b': 'task' });
    // Moving back where items started drops the move.
    expect(withMove({ 'kind-a': 'kind-b' }, 'kind-b', 'kind-a')).toEqual({ 'kind-b': 'kind-a' });
    expect(countsAfterMoves({ 'kind-a': 2, 'kind-b': 3, task: 1, commitment: 4 }, moves)).toEqual({
      task: 6,
      commitment: 4,
    });
  });
});
