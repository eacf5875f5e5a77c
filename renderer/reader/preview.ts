// Shows a passage that is not a highlight (a suggestion the analyst clicked) with the CSS
// Custom Highlight API: painted over the text without touching the DOM, so selections
// and offsets stay as they are.
const NAME = 'dossier-preview';

export function previewPassage(range: Range | null): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (range) CSS.highlights.set(NAME, new Highlight(range));
  else CSS.highlights.delete(NAME);
}
