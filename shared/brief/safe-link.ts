// Which link addresses an exported brief may carry. A brief travels (mail, print, another
// app), so a link is kept only for schemes that open something harmless; anything else
// (javascript:, data:, file:, a relative path) leaves its words unlinked. Pure.

const SAFE_SCHEME = /^(?:https?:\/\/|mailto:|dossier:\/\/)/i;

/** The address made safe to write into Markdown, HTML or DOCX, or undefined when it may not be linked. */
export function safeLinkUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (!SAFE_SCHEME.test(trimmed)) return undefined;
  // Characters that end or break an address in one of the three formats are percent-encoded.
  // eslint-disable-next-line no-control-regex -- control characters are what must not pass
  return trimmed.replace(/[\s<>"'`\\|\u0000-\u001f\u007f]/g, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
