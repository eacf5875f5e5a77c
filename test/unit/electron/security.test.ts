import { describe, expect, it } from 'vitest';
import {
  externalLinkTarget,
  isNavigationAllowed,
  isPermissionAllowed,
  mainWindowOptions,
  secureWebPreferences,
  WINDOW_BACKGROUND,
} from '../../../electron/security';

describe('window security options', () => {
  it('isolates and sandboxes the renderer, with no Node', () => {
    const prefs = secureWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
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
      spellcheck: false,
      devTools: false,
    });
  });

  it('the main window: title, size, hidden until ready, background from the theme', () => {
    const dark = mainWindowOptions({ preloadPath: '/p.cjs', dark: true, isPackaged: true });
    const light = mainWindowOptions({ preloadPath: '/p.cjs', dark: false, isPackaged: false });
    expect(dark).toMatchObject({ title: 'Dossier', show: false, backgroundColor: WINDOW_BACKGROUND.dark });
    expect(light.backgroundColor).toBe(WINDOW_BACKGROUND.light);
    expect(dark.width).toBeGreaterThanOrEqual(1024);
    expect(dark.height).toBeGreaterThanOrEqual(700);
    expect(dark.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(dark.webPreferences!.devTools).toBe(false);
    expect(light.webPreferences!.devTools).toBe(true);
  });
});

describe('navigation', () => {
  it.each([
    ['app://dossier/index.html', true],
    ['app://dossier/index.html#/reader/01J', true],
    ['app://dossier/', true],
    ['app://dossier', true], // an origin, as permission checks report it
    ['app://evil/index.html', false],
    ['app://dossier.evil.example/', false],
    ['app://dossier:8080/', false],
    ['https://example.org/', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isNavigationAllowed(url)).toBe(allowed);
  });
});

describe('external links', () => {
  it.each([
    [
      'https://www.gov.cn/zhengce/content/2021-03/13/content_5592681.htm',
      'https://www.gov.cn/zhengce/content/2021-03/13/content_5592681.htm',
    ],
    ['http://example.org/a?b=c#d', 'http://example.org/a?b=c#d'],
    ['HTTPS://Example.ORG/', 'https://example.org/'],
  ])('opens %s in the browser', (url, expected) => {
    expect(externalLinkTarget(url)).toBe(expected);
  });

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:someone@example.org',
    'app://dossier/index.html',
    'https://user:pass@example.org/',
    'https://example.org/\nline',
    'https://example.org/ space',
    'http://',
    '',
    `https://example.org/${'a'.repeat(3000)}`,
  ])('ignores %j', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'fileSystem',
    'clipboard-read',
    'openExternal',
    'fullscreen',
    'unknown',
  ])('denies %s, even to our own page', (permission) => {
    expect(isPermissionAllowed(permission, 'app://dossier/index.html')).toBe(false);
  });
  it('lets our page (and only our page) write text to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://dossier/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://example.org/')).toBe(false);
  });
});
