// "Open original" in the web build: the original goes into a Blob of its own MIME type (PDF or
// plain text, never HTML) and opens in a new tab, where the browser's own viewer shows it. When
// the browser blocks the tab, the file is downloaded instead. The object URL is revoked after a
// minute. Browser APIs are injected so a Node test can drive it.
import {
  OPEN_ORIGINAL_MESSAGES,
  ORIGINAL_VIEWER_TYPES,
  openOriginalRequestSchema,
  originalKind,
  type OpenOriginalResult,
} from '../../shared/ipc/contract';

/** How long the blob: URL of an opened original stays valid (the tab has loaded it by then). */
export const ORIGINAL_URL_LIFETIME_MS = 60_000;

export interface WebOpenOriginalDeps {
  /** window.open(url, '_blank'): the new tab, or null when the browser blocked it. */
  openTab(url: string): { opener: unknown } | null;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** Downloads `url` as `name` (an <a download> click). */
  download(url: string, name: string): void;
  setTimeout(callback: () => void, ms: number): unknown;
}

export function browserOpenOriginalDeps(): WebOpenOriginalDeps {
  return {
    // Not 'noopener': with it window.open always returns null, and a blocked tab could not be told
    // from an opened one. The opener is cut right after instead (see openOriginalInBrowser).
    openTab: (url) => window.open(url, '_blank'),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    download(url, name) {
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.rel = 'noopener';
      a.click();
    },
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
  };
}

/** text/plain says UTF-8 only when the bytes are UTF-8; otherwise (GBK…) the browser guesses the encoding. */
function textType(bytes: Uint8Array): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/plain; charset=utf-8';
  } catch {
    return 'text/plain';
  }
}

/**
 * Validates like the desktop's main process (an invalid request rejects, with the reason), then
 * opens the original in a new tab. Call it straight from the click: the browser allows the tab
 * only shortly after a user gesture.
 */
export function openOriginalInBrowser(request: unknown, deps: WebOpenOriginalDeps): OpenOriginalResult {
  const parsed = openOriginalRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw new Error(`openOriginal: invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const { name, bytes } = parsed.data;
  const kind = originalKind(name);
  if (kind === 'markup')
    return { ok: false, code: 'shown-in-dossier', error: OPEN_ORIGINAL_MESSAGES['shown-in-dossier'] };
  if (kind === 'unsupported') {
    return { ok: false, code: 'unsupported-type', error: OPEN_ORIGINAL_MESSAGES['unsupported-type'] };
  }
  const type = kind === 'pdf' ? ORIGINAL_VIEWER_TYPES.pdf : textType(bytes);
  const url = deps.createObjectURL(new Blob([bytes as BlobPart], { type }));
  deps.setTimeout(() => deps.revokeObjectURL(url), ORIGINAL_URL_LIFETIME_MS);
  const tab = deps.openTab(url);
  if (!tab) {
    deps.download(url, name);
    return { ok: true, downloaded: true };
  }
  tab.opener = null;
  return { ok: true };
}
