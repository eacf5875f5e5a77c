// Item kinds travel with bundles so a colleague's own kind ("风险", "督办") shows on the
// receiver's items. Kinds are each analyst's configuration (their colours and Alt shortcuts),
// not shared records: a bundle carries the sender's own kinds, and an import adds the ones the
// receiver lacks (by id) and changes none it has. Every replica ends with every kind id, so
// every item has its kind. Pure: kind lists in, kind list out; storage keeps it in settings.
import { isBuiltInKind, shortcutProblem } from '../model/item-kinds';
import type { ItemKindDefinition, Revision } from '../model/types';
import type { ItemKindRecord } from './tables';

/** The analyst's own kinds as bundle records (built-in kinds exist in every library). */
export function kindRecords(kinds: readonly ItemKindDefinition[], rev: Revision, at: string): ItemKindRecord[] {
  return kinds
    .filter((kind) => !isBuiltInKind(kind.id))
    .map(({ id, label, color, shortcut, fields }) => ({
      id,
      label,
      color,
      shortcut,
      fields: [...fields],
      createdAt: at,
      updatedAt: at,
      rev,
      baseRev: null,
    }));
}

/**
 * The kinds of `incoming` that `local` lacks, as they would be added: a shortcut the
 * receiver already uses is left out, and a name it already uses gets the sender's name.
 */
export function kindsToAdd(
  local: readonly ItemKindDefinition[],
  incoming: readonly ItemKindRecord[],
  sender: string,
): ItemKindDefinition[] {
  const list = [...local];
  const added: ItemKindDefinition[] = [];
  const names = new Set(local.map((k) => (k.label.trim() || k.id).toLocaleLowerCase()));
  for (const record of incoming) {
    if (record.deleted || isBuiltInKind(record.id) || list.some((k) => k.id === record.id)) continue;
    let label = record.label.trim() || record.id;
    if (names.has(label.toLocaleLowerCase())) label = `${label} (${sender || '?'})`;
    const kind: ItemKindDefinition = {
      id: record.id,
      label,
      color: record.color,
      shortcut: null,
      fields: [...record.fields],
    };
    if (record.shortcut !== null && !shortcutProblem([...list, kind], list.length, record.shortcut)) {
      kind.shortcut = record.shortcut;
    }
    list.push(kind);
    added.push(kind);
    names.add(label.toLocaleLowerCase());
  }
  return added;
}
