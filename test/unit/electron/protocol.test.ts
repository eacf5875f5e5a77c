import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  isAppUrl,
  mimeTypeFor,
  resolveAppPath,
} from '../../../electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp';

const ROOT = path.resolve('/opt/dossier/dist/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://dossier/', 'index.html'],
    ['app://dossier', 'index.html'],
    ['app://dossier/index.html', 'index.html'],
    ['app://dossier/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://dossier/assets/pdf.worker.min.mjs?v=1#x', 'assets/pdf.worker.min.mjs'],
    ['app://dossier/cmaps/UniGB-UCS2-H.bcmap', 'cmaps/UniGB-UCS2-H.bcmap'],
    ['app://dossier/fonts/%E5%AE%8B%E4%BD%93.woff2', 'fonts/宋体.woff2'],
    ['app://dossier/a%20b.css', 'a b.css'],
    ['app://dossier/sub/', 'sub/index.html'],
  ])('%s → %s', (url, relative) => {
    expect(resolveAppPath(ROOT, url)).toEqual({ ok: true, filePath: path.join(ROOT, relative) });
  });

  it.each([
    'app://dossier/..%2F..%2Fetc%2Fpasswd',
    'app://dossier/..%5C..%5Cwindows%5Cwin.ini',
    'app://dossier/assets%2F..%2F..%2Fmain.cjs',
    'app://dossier/%2E%2E%2Fsecret',
    'app://dossier/%00index.html',
    'app://dossier/C:%5CWindows%5Cwin.ini',
    'app://dossier/c:/Windows/win.ini',
    'app://dossier/%5C%5Cserver%5Cshare%5Cx',
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppPath(ROOT, url)).toEqual({ ok: false, status: 403 });
  });

  it.each([
    'app://dossier/../../../etc/passwd',
    'app://dossier/%2e%2e/%2e%2e/etc/passwd',
    'app://dossier/assets/%2E%2E/%2E%2E/%2E%2E/secret',
    'app://dossier/./index.html/%2e',
    'app://dossier/a/.%2e/.%2E/../b',
  ])('keeps dot segments inside the root (the URL parser folds them first): %s', (url) => {
    const result = resolveAppPath(ROOT, url);
    expect(result.ok).toBe(true);
    if (result.ok) expect(path.relative(ROOT, result.filePath).startsWith('..')).toBe(false);
  });

  it.each(['app://dossier/%E0%A4%A', 'app://dossier/%ZZ'])('answers 400 to an undecodable path: %s', (url) => {
    expect(resolveAppPath(ROOT, url)).toEqual({ ok: false, status: 400 });
  });

  it.each(['app://other/index.html', 'https://dossier/index.html', 'file:///opt/dossier/dist/renderer/index.html'])(
    'answers 404 to another origin: %s',
    (url) => {
      expect(resolveAppPath(ROOT, url)).toEqual({ ok: false, status: 404 });
    },
  );
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/pdf.worker.min.mjs', 'text/javascript; charset=utf-8'],
    ['assets/ingest.worker-x.MJS', 'text/javascript; charset=utf-8'],
    ['assets/style.css', 'text/css; charset=utf-8'],
    ['assets/jieba_bg.wasm', 'application/wasm'],
    ['fonts/NotoSerifSC.woff2', 'font/woff2'],
    ['fonts/a.woff', 'font/woff'],
    ['fonts/a.ttf', 'font/ttf'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['data.json', 'application/json; charset=utf-8'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['cmaps/UniGB-UCS2-H.bcmap', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});

describe('isAppUrl and the scheme privileges', () => {
  it('recognises only app://dossier', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://dossier.evil/')).toBe(false);
    expect(isAppUrl('app://user@dossier/')).toBe(false);
  });
  it('registers a standard, secure, fetchable scheme (module workers need a real origin)', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });
});

describe('createAppProtocolHandler', () => {
  let root: string;
  let outside: string;
  beforeAll(async () => {
    outside = await mkdtemp(path.join(tmpdir(), 'dossier-protocol-'));
    root = path.join(outside, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Dossier</title>');
    await writeFile(path.join(root, 'assets', 'worker.mjs'), 'self.onmessage = () => {};');
    await writeFile(path.join(root, 'assets', 'x.wasm'), new Uint8Array([0, 97, 115, 109]));
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
  });
  afterAll(async () => {
    await rm(outside, { recursive: true, force: true });
  });
  const handler = () => createAppProtocolHandler({ rootDir: root, readFile: (p) => readFile(p) });

  it('serves index.html with the CSP and nosniff', async () => {
    const response = await handler()(new Request('app://dossier/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Dossier</title>');
  });

  it('serves a module worker as JavaScript and wasm as application/wasm', async () => {
    const worker = await handler()(new Request('app://dossier/assets/worker.mjs'));
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const wasm = await handler()(new Request('app://dossier/assets/x.wasm'));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('answers HEAD without a body', async () => {
    const response = await handler()(new Request('app://dossier/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('37');
    expect(await response.text()).toBe('');
  });

  it('never serves a file outside the root', async () => {
    const refused = await handler()(new Request('app://dossier/..%2Fsecret.txt'));
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('secret');
    const folded = await handler()(new Request('app://dossier/%2e%2e/secret.txt'));
    expect(folded.status).toBe(404); // looked for <root>/secret.txt
  });

  it('404s a missing file or a directory, 405s a POST', async () => {
    expect((await handler()(new Request('app://dossier/nope.js'))).status).toBe(404);
    expect((await handler()(new Request('app://dossier/assets'))).status).toBe(404);
    expect((await handler()(new Request('app://dossier/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
