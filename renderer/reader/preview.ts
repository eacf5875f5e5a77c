// Shows a passage that is not a highlight (a suggestion the analyst clicked) with the CSS
// Custom Highlight API: painted over the text without touching the DOM, so selections
// and offsets stay as they are.
const NAME = 'dossier-preview';

export function previewPassage(range: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (range) CSS.highlights.set(NAME, new Highlight(range));
  else CSS.highlights.delete(NAME);
}

/**
 * Scrolls the text so that a passage stands in the middle of its scrolling box: the passage
 * itself, not the run holding it (a long paragraph can be taller than the window).
 */
export function scrollToRange(range: Range, behavior: ScrollBehavior = 'smooth'): void {
  const element = range.startContainer.parentElement;
  if (!element) return;
  let box: HTMLElement | null = element.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (!box) return element.scrollIntoView({ block: 'center', behavior });
  const at = range.getBoundingClientRect();
  const frame = box.getBoundingClientRect();
  box.scrollBy({ top: at.top + at.height / 2 - (frame.top + frame.height / 2), behavior });
}
