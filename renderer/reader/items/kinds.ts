// Item kinds as the reader shows and types them: their labels, colours and Alt shortcuts.
import { newId } from '../../../shared/model/records';
import { HIGHLIGHT_COLORS, ITEM_FIELDS, type ItemKindDefinition } from '../../../shared/model/types';
import type { Translate } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';

/** A kind that is no longer defined (removed from the settings) still shows, with every field. */
export function kindDefinition(kinds: readonly ItemKindDefinition[], id: string): ItemKindDefinition {
  return kinds.find((k) => k.id === id) ?? { id, label: id, color: 'purple', shortcut: null, fields: [...ITEM_FIELDS] };
}

/** The kind's name: the analyst's label, else the translated name of a built-in kind. */
export function kindLabel(kind: ItemKindDefinition, t: Translate): string {
  if (kind.label) return kind.label;
  if (kind.id === 'task' || kind.id === 'commitment') return t(`kind_${kind.id}` as StringKey);
  return kind.id;
}

/** "Alt+T" for a kind with a shortcut. */
export const shortcutLabel = (kind: ItemKindDefinition): string | null =>
  kind.shortcut ? `Alt+${kind.shortcut.toUpperCase()}` : null;

/**
 * The kind an Alt+key press tags with. Matched on the physical key (`code`), since Alt
 * changes the character typed on macOS (Alt+C gives "ç").
 */
export function kindForShortcut(
  kinds: readonly ItemKindDefinition[],
  event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code' | 'key'>,
): ItemKindDefinition | undefined {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase() ?? /^Digit(\d)$/.exec(event.code)?.[1];
  const pressed = letter ?? event.key.toLowerCase();
  return kinds.find((k) => k.shortcut && k.shortcut.toLowerCase() === pressed);
}

/** A kind of the analyst's own, in a colour no kind has yet (when one is left), with every field. */
export function newKindDefinition(label: string, kinds: readonly ItemKindDefinition[]): ItemKindDefinition {
  const used = new Set(kinds.map((k) => k.color));
  const color = HIGHLIGHT_COLORS.find((c) => !used.has(c) && c !== 'yellow') ?? 'purple';
  return { id: `kind-${newId()}`, label: label.trim(), color, shortcut: null, fields: [...ITEM_FIELDS] };
}
