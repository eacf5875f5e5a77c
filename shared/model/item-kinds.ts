// Item kinds as the analyst configures them (settings 'itemKinds'): which Alt shortcuts are
// free, what makes a list of kinds valid, and the edits of the item kinds dialog (reset the
// built-in kinds, delete a kind and move its items to another). Pure: the dialog keeps a
// draft with these functions, and the repository saves it in one transaction.
import { DEFAULT_ITEM_KINDS } from './items';
import { HIGHLIGHT_COLORS, ITEM_FIELDS, type ItemField, type ItemKindDefinition } from './types';

/** Task and commitment: they cannot be deleted, their label may stay empty (translated), and they can be reset. */
export const isBuiltInKind = (id: string): boolean => DEFAULT_ITEM_KINDS.some((k) => k.id === id);

/**
 * Alt+key combinations that already mean something, so no kind may take them: on Windows
 * and Linux the desktop menu bar opens with Alt and its menus' first letters (File, Edit,
 * View, Window, Help), and Chromium keeps Alt+F / Alt+E for its own menu and Alt+D for the
 * address bar. Plain H (highlight) is not an Alt shortcut and does not count.
 */
export const RESERVED_ALT_KEYS = {
  d: 'address',
  e: 'edit',
  f: 'file',
  h: 'help',
  v: 'view',
  w: 'window',
} as const satisfies Record<string, string>;
export type ReservedAltReason = (typeof RESERVED_ALT_KEYS)[keyof typeof RESERVED_ALT_KEYS];

/** The shortcut a typed key stands for: one letter or digit, lower case; null for anything else. */
export function shortcutKey(typed: string): string | null {
  const key = typed.trim().toLowerCase();
  return /^[a-z0-9]$/.test(key) ? key : null;
}

export type ShortcutProblem =
  | { code: 'shortcut-invalid' }
  /** `by` is the index of the kind that has the shortcut. */
  | { code: 'shortcut-taken'; by: number }
  | { code: 'shortcut-reserved'; reason: ReservedAltReason };

/** Why the kind at `index` may not have `shortcut` (null when it may). */
export function shortcutProblem(
  kinds: readonly ItemKindDefinition[],
  index: number,
  shortcut: string,
): ShortcutProblem | null {
  const key = shortcutKey(shortcut);
  if (key === null) return { code: 'shortcut-invalid' };
  if (Object.hasOwn(RESERVED_ALT_KEYS, key)) {
    return { code: 'shortcut-reserved', reason: RESERVED_ALT_KEYS[key as keyof typeof RESERVED_ALT_KEYS] };
  }
  const by = kinds.findIndex((k, i) => i !== index && k.shortcut !== null && k.shortcut.toLowerCase() === key);
  return by === -1 ? null : { code: 'shortcut-taken', by };
}

/** A problem of the kind at `index` (of the list as given), and the field it is about. */
export type KindProblem = { index: number } & (
  | { field: 'id'; code: 'id-empty' | 'id-duplicate' }
  | { field: 'label'; code: 'label-empty' }
  /** `other` is the index of the first kind with the same name. */
  | { field: 'label'; code: 'label-duplicate'; other: number }
  | ({ field: 'shortcut' } & ShortcutProblem)
  | { field: 'color'; code: 'color-invalid' }
  | { field: 'fields'; code: 'field-invalid' }
);

/**
 * Everything wrong with a list of kinds, in list order. `name` gives the name a kind is shown
 * under (the translated name of a built-in kind whose label is empty), to find two kinds that
 * would look the same in menus; it defaults to the label, else the id.
 */
export function validateKinds(
  kinds: readonly ItemKindDefinition[],
  name: (kind: ItemKindDefinition) => string = (k) => k.label.trim() || k.id,
): KindProblem[] {
  const problems: KindProblem[] = [];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  kinds.forEach((kind, index) => {
    const id = kind.id.trim();
    if (!id) problems.push({ index, field: 'id', code: 'id-empty' });
    else if (ids.has(id)) problems.push({ index, field: 'id', code: 'id-duplicate' });
    else ids.set(id, index);

    if (!kind.label.trim() && !isBuiltInKind(kind.id)) problems.push({ index, field: 'label', code: 'label-empty' });
    else {
      const shown = name(kind).trim().toLocaleLowerCase();
      const other = names.get(shown);
      if (other !== undefined) problems.push({ index, field: 'label', code: 'label-duplicate', other });
      else names.set(shown, index);
    }

    if (kind.shortcut !== null) {
      // Only the later of two kinds with one shortcut is wrong: the first keeps it.
      const problem = shortcutProblem(kinds.slice(0, index + 1), index, kind.shortcut);
      if (problem) problems.push({ index, field: 'shortcut', ...problem });
    }
    if (!(HIGHLIGHT_COLORS as readonly string[]).includes(kind.color)) {
      problems.push({ index, field: 'color', code: 'color-invalid' });
    }
    if (kind.fields.some((f) => !(ITEM_FIELDS as readonly string[]).includes(f))) {
      problems.push({ index, field: 'fields', code: 'field-invalid' });
    }
  });
  return problems;
}

/** A kind as it is saved: label trimmed, shortcut lower case (or null), fields once each in the editor's order. */
export function cleanKind(kind: ItemKindDefinition): ItemKindDefinition {
  const shortcut = kind.shortcut === null ? null : shortcutKey(kind.shortcut);
  return {
    id: kind.id.trim(),
    label: kind.label.trim(),
    color: kind.color,
    shortcut,
    fields: ITEM_FIELDS.filter((f) => kind.fields.includes(f)),
  };
}

/** The kind with `field` shown or hidden in the item editor. */
export function withField(kind: ItemKindDefinition, field: ItemField, shown: boolean): ItemKindDefinition {
  const fields = new Set(kind.fields);
  if (shown) fields.add(field);
  else fields.delete(field);
  return { ...kind, fields: ITEM_FIELDS.filter((f) => fields.has(f)) };
}

/**
 * The built-in kinds back to their defaults (label, colour, shortcut, fields), first in the
 * list, the analyst's own kinds after them as they were. A kind of the analyst's that took a
 * built-in shortcut loses it: `cleared` lists their ids.
 */
export function resetBuiltInKinds(kinds: readonly ItemKindDefinition[]): {
  kinds: ItemKindDefinition[];
  cleared: string[];
} {
  const builtIn = DEFAULT_ITEM_KINDS.map((k) => ({ ...k, fields: [...k.fields] }));
  const taken = new Set(builtIn.map((k) => k.shortcut));
  const cleared: string[] = [];
  const own = kinds
    .filter((k) => !isBuiltInKind(k.id))
    .map((k) => {
      if (k.shortcut === null || !taken.has(k.shortcut.toLowerCase())) return k;
      cleared.push(k.id);
      return { ...k, shortcut: null };
    });
  return { kinds: [...builtIn, ...own], cleared };
}

/** Items to re-kind when the kinds are saved: kind id → the kind its items move to. */
export type KindMoves = Readonly<Record<string, string>>;

/**
 * The moves once the items of `from` go to `to` as well: items already on their way to `from`
 * go on to `to`, and a move back to where items started is dropped.
 */
export function withMove(moves: KindMoves, from: string, to: string): Record<string, string> {
  const next: Record<string, string> = {};
  for (const [source, target] of Object.entries(moves)) {
    const end = target === from ? to : target;
    if (end !== source) next[source] = end;
  }
  if (from !== to) next[from] = to;
  return next;
}

/** How many items each kind will have once the moves are made. */
export function countsAfterMoves(counts: Readonly<Record<string, number>>, moves: KindMoves): Record<string, number> {
  const next: Record<string, number> = {};
  for (const [kind, count] of Object.entries(counts)) {
    const to = moves[kind] ?? kind;
    next[to] = (next[to] ?? 0) + count;
  }
  return next;
}

/**
 * The kinds without the one with `id`; a built-in kind is refused (the list comes back unchanged).
 * Deleting a kind its items still use is the caller's to refuse or to pair with a move (withMove).
 */
export function removeKind(kinds: readonly ItemKindDefinition[], id: string): ItemKindDefinition[] {
  if (isBuiltInKind(id)) return [...kinds];
  return kinds.filter((k) => k.id !== id);
}
