// The desktop window's security policy as plain data and predicates, so tests can read it:
// window options, where navigation may go, which links open in the OS browser, which
// permissions a page may have. main.ts wires these into Electron's events.
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isAppUrl } from './protocol';

export const WINDOW_TITLE = 'Dossier';
// The renderer's --bg colours (renderer/styles.css), so the first paint does not flash.
export const WINDOW_BACKGROUND = { dark: '#16181c', light: '#fbfaf7' } as const;

/** The renderer's webPreferences: isolated, sandboxed, no Node, and nothing loaded from outside. */
export function secureWebPreferences(options: { preloadPath: string; devTools: boolean }): WebPreferences {
  return {
    preload: options.preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries from Google on Linux and Windows: stay offline.
    spellcheck: false,
    devTools: options.devTools,
  };
}

export function windowBackground(dark: boolean): string {
  return dark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

/** Options of the main window; shown on ready-to-show, so it never flashes a blank frame. */
export function mainWindowOptions(options: {
  preloadPath: string;
  dark: boolean;
  isPackaged: boolean;
}): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: windowBackground(options.dark),
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences({ preloadPath: options.preloadPath, devTools: !options.isPackaged }),
  };
}

/** In-window navigation is allowed only within our own origin (in-page and reload). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

const hasControlCharacter = (text: string): boolean =>
  [...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/**
 * The URL to hand to shell.openExternal for a link the page tried to open, or null to ignore it:
 * only http(s) with a host, no user:password@, no control characters or whitespace.
 */
export function externalLinkTarget(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048 || /\s/.test(url) || hasControlCharacter(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/**
 * Permission requests and checks: everything is denied, except writing sanitized text to the
 * clipboard from our own page (navigator.clipboard.writeText for "copy quote").
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl);
}

/** URL patterns of requests the session cancels: nothing leaves the machine. */
export const BLOCKED_REQUEST_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];
