// The app:// protocol that serves the built renderer (dist/renderer) to the desktop window.
// A standard, secure scheme gives the page a real origin, so ES module workers, fetch and
// IndexedDB behave as they do over https; file:// would give an opaque origin instead.
// Pure Node: main.ts hands `createAppProtocolHandler` to protocol.handle, tests call it directly.
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The privileges main.ts registers for APP_SCHEME (before the app is ready). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  stream: true,
  codeCache: true,
} as const;

/** True for URLs of our own app origin (app://dossier/…), and nothing else. */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Node's URL gives custom schemes an opaque origin ("null"), so compare the parts.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  // pdf.js CMaps and standard fonts.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

/** The Content-Type for a file name, by extension (case-insensitive); octet-stream when unknown. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an app:// request URL to a file under `rootDir`, or refuses it: a foreign origin (404),
 * an undecodable path (400), or any path that would leave `rootDir` — `..` segments, encoded
 * slashes or backslashes, NUL bytes, absolute or drive-letter paths (403). "/" is index.html.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): ResolvedAppPath {
  if (!isAppUrl(requestUrl)) return { ok: false, status: 404 };
  const { pathname } = new URL(requestUrl);
  // The WHATWG parser already folds literal "/../" away; check the raw segments anyway, then
  // decode each one and refuse anything that could act as a separator or a parent step.
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return { ok: false, status: 403 };
    segments.push(segment);
  }
  if (segments.length === 0 || pathname.endsWith('/')) segments.push('index.html');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...segments);
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

/** Headers every app:// response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

export interface AppProtocolDeps {
  /** dist/renderer (inside app.asar when packaged). */
  rootDir: string;
  readFile: (filePath: string) => Promise<Uint8Array>;
}

/** The handler for protocol.handle(APP_SCHEME, …): GET/HEAD of built files only. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const resolved = resolveAppPath(deps.rootDir, request.url);
    if (!resolved.ok) return plain(resolved.status, resolved.status === 404 ? 'Not found' : 'Refused');
    let body: Uint8Array;
    try {
      body = await deps.readFile(resolved.filePath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR'
        ? plain(404, 'Not found')
        : plain(500, 'Read error');
    }
    const headers = {
      ...securityHeaders(),
      'Content-Type': mimeTypeFor(resolved.filePath),
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  };
}
