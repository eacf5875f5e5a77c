// Row selection in the items grid, as in a file manager: click selects one row, Ctrl/⌘+click
// toggles one, Shift+click selects the range from the anchor, Space toggles the focused row.
// Rows are identified by id, so a selection survives re-sorting and live updates. Pure.

export interface GridSelection {
  selected: ReadonlySet<string>;
  /** Where a Shift range starts: the last row clicked or toggled. */
  anchor: string | null;
  /** The focused row (keyboard cursor). */
  active: string | null;
}

export const NO_SELECTION: GridSelection = { selected: new Set(), anchor: null, active: null };

export interface Modifiers {
  /** Shift: select the range from the anchor. */
  range: boolean;
  /** Ctrl/⌘ (or a checkbox): add to or take from the selection instead of replacing it. */
  toggle: boolean;
}

function range(ids: readonly string[], from: number, to: number): string[] {
  return ids.slice(Math.min(from, to), Math.max(from, to) + 1);
}

/** A click (or checkbox click) on the row at `index` of `ids`, the rows in view order. */
export function clickRow(state: GridSelection, ids: readonly string[], index: number, mods: Modifiers): GridSelection {
  const id = ids[index];
  if (id === undefined) return state;
  if (mods.range) {
    const anchorIndex = state.anchor === null ? -1 : ids.indexOf(state.anchor);
    const span = range(ids, anchorIndex === -1 ? index : anchorIndex, index);
    const selected = new Set(mods.toggle ? state.selected : []);
    for (const each of span) selected.add(each);
    return { selected, anchor: anchorIndex === -1 ? id : state.anchor, active: id };
  }
  if (mods.toggle) return { selected: toggled(state.selected, id), anchor: id, active: id };
  return { selected: new Set([id]), anchor: id, active: id };
}

/** Space on the focused row. */
export function toggleActive(state: GridSelection): GridSelection {
  if (state.active === null) return state;
  return { ...state, selected: toggled(state.selected, state.active), anchor: state.active };
}

/** Moves the focus to `index`; with `extend` (Shift+arrow) the selection becomes the range from the anchor. */
export function moveTo(state: GridSelection, ids: readonly string[], index: number, extend: boolean): GridSelection {
  const id = ids[Math.max(0, Math.min(index, ids.length - 1))];
  if (id === undefined) return state;
  if (!extend) return { ...state, active: id };
  const anchor = state.anchor ?? state.active ?? id;
  const anchorIndex = ids.indexOf(anchor);
  return {
    selected: new Set(range(ids, anchorIndex === -1 ? ids.indexOf(id) : anchorIndex, ids.indexOf(id))),
    anchor: anchorIndex === -1 ? id : anchor,
    active: id,
  };
}

export function selectAll(state: GridSelection, ids: readonly string[]): GridSelection {
  return { ...state, selected: new Set(ids) };
}

/** The selected rows among those in view, in view order: what a bulk change applies to. */
export function selectedInView(state: GridSelection, ids: readonly string[]): string[] {
  if (state.selected.size === 0) return [];
  return ids.filter((id) => state.selected.has(id));
}

function toggled(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
