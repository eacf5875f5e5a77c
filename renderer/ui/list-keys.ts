// Moving through a list of buttons from the keyboard: ↑↓ to the next or previous one,
// Home/End to the ends. The owners and conflicts views select what the focus lands on.
import type { KeyboardEvent } from 'react';

/** Focuses (and scrolls to) the button the key moves to and returns it; null when the key is not a move. */
export function moveFocusInList(event: KeyboardEvent, buttons: readonly HTMLButtonElement[]): HTMLButtonElement | null {
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  let next = -1;
  if (event.key === 'ArrowDown') next = Math.min(buttons.length - 1, at + 1);
  else if (event.key === 'ArrowUp') next = Math.max(0, at - 1);
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = buttons.length - 1;
  const button = buttons[next];
  if (!button) return null;
  event.preventDefault();
  button.focus();
  button.scrollIntoView({ block: 'nearest' });
  return button;
}
