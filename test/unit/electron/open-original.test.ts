import * as nodeFs from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ORIGINALS_FOLDER,
  looksLikeMarkup,
  openOriginal,
  type OpenOriginalDeps,
  type OpenOriginalFs,
} from '../../../electron/open-original';
import {
  MAX_BRIDGE_FILE_BYTES,
  MAX_SAFE_FILE_NAME_BYTES,
  openOriginalRequestSchema,
  originalKind,
  safeFileName,
} from '../../../shared/ipc/contract';

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n');
const TEXT = new TextEncoder().encode('国务院关于印发“十四五”规划的通知\n一、总体要求\n');
const utf8Bytes = (s: string) => new TextEncoder().encode(s).byteLength;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-originals-test-'));
});
afterEach(async () => {
  await chmod(path.join(dir, ORIGINALS_FOLDER), 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const realFs: OpenOriginalFs = {
  open: nodeFs.open,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
  mkdir: nodeFs.mkdir,
  lstat: nodeFs.lstat,
  readdir: (d) => nodeFs.readdir(d),
  rm: nodeFs.rm,
};

function deps(overrides: Partial<OpenOriginalDeps> = {}) {
  const openPath = vi.fn(async (_filePath: string) => '');
  return { openPath, deps: { tempDir: dir, openPath, fs: realFs, ...overrides } satisfies OpenOriginalDeps };
}

/** Every file under `root`, as paths relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

describe('safeFileName', () => {
  it.each([
    ['plan.pdf', 'plan.pdf'],
    ['十四五规划纲要.PDF', '十四五规划纲要.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['a/b.pdf', 'b.pdf'],
    ['C:\\Users\\a\\..\\evil.txt', 'evil.txt'],
    ['a\u0000b\u0007c\u001b[31m.pdf', 'abc[31m.pdf'],
    ['line\nbreak\r.txt', 'linebreak.txt'],
    // A right-to-left override would show "evil‮fdp.txt" as "eviltxt.pdf".
    ['evil\u202efdp.txt', 'evilfdp.txt'],
    ['zero\u200bwidth\ufeff.md', 'zerowidth.md'],
    ['a:b*c?"d"<e>|f.txt', 'a_b_c__d__e__f.txt'],
    ['a..b.pdf', 'a.b.pdf'],
    ['....pdf', 'original.pdf'],
    ['.pdf', 'original.pdf'],
    ['../.pdf', 'original.pdf'],
    ['.hidden.txt', 'hidden.txt'],
    ['report.pdf. . ', 'report.pdf'],
    ['report .pdf', 'report.pdf'],
    ['evil.html.', 'evil.html'],
    ['a.pdf:evil.html', 'a.pdf_evil.html'],
    ['CON.txt', '_CON.txt'],
    ['nul.tar.pdf', '_nul.tar.pdf'],
    ['lpt1', '_lpt1'],
    ['console.txt', 'console.txt'],
    ['notes', 'notes'],
  ])('%j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it.each(['', '..', '.', '/', 'a/', '\\', ' . ', '\u0001\u0002', '\u202e'])('%j has nothing usable', (name) => {
    expect(safeFileName(name)).toBeNull();
  });

  it('shortens long names to MAX_SAFE_FILE_NAME_BYTES of UTF-8, keeping the extension', () => {
    const safe = safeFileName(`${'关于加快建设全国统一大市场的意见'.repeat(10)}.pdf`)!;
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(utf8Bytes(safe)).toBeLessThanOrEqual(MAX_SAFE_FILE_NAME_BYTES);
    expect(safe.startsWith('关于加快建设')).toBe(true);
    const emoji = safeFileName(`${'📄'.repeat(100)}.txt`)!;
    expect(utf8Bytes(emoji)).toBeLessThanOrEqual(MAX_SAFE_FILE_NAME_BYTES);
    expect(emoji).not.toMatch(/\uFFFD/);
    expect([...emoji.slice(0, -4)].every((c) => c === '📄')).toBe(true); // no half surrogate pair
  });

  it('is idempotent', () => {
    for (const name of ['../../etc/passwd.pdf', 'CON.txt', '.pdf', 'a..b.PDF', `${'长'.repeat(250)}.md`]) {
      const once = safeFileName(name)!;
      expect(safeFileName(once)).toBe(once);
    }
  });

  it('classifies by extension', () => {
    expect(['a.pdf', 'a.txt', 'a.md', 'a.markdown', 'a.html', 'a.htm', 'a.exe', 'a'].map(originalKind)).toEqual([
      'pdf',
      'text',
      'text',
      'text',
      'markup',
      'markup',
      'unsupported',
      'unsupported',
    ]);
  });
});

describe('openOriginalRequestSchema', () => {
  it('reduces the name to a safe base name', () => {
    expect(openOriginalRequestSchema.parse({ name: '../../etc/passwd.pdf', bytes: PDF })).toEqual({
      name: 'passwd.pdf',
      bytes: PDF,
    });
    expect(openOriginalRequestSchema.parse({ name: 'a\u0000/b\u0007.PDF', bytes: PDF }).name).toBe('b.pdf');
  });

  it.each<[string, unknown]>([
    ['an empty name', { name: '', bytes: PDF }],
    ['a name over 255 characters', { name: `${'a'.repeat(252)}.pdf`, bytes: PDF }],
    ['a name that reduces to nothing', { name: '../..', bytes: PDF }],
    ['a name of control characters', { name: '\u0000\u0001', bytes: PDF }],
    ['a non-string name', { name: ['a.pdf'], bytes: PDF }],
    ['bytes as a plain array', { name: 'a.pdf', bytes: [37, 80, 68, 70] }],
    ['bytes as an ArrayBuffer', { name: 'a.pdf', bytes: PDF.buffer }],
    ['bytes as a string', { name: 'a.pdf', bytes: '%PDF-1.7' }],
    ['bytes as a DataView', { name: 'a.pdf', bytes: new DataView(PDF.buffer) }],
    ['oversized bytes', { name: 'a.pdf', bytes: new Uint8Array(MAX_BRIDGE_FILE_BYTES + 1) }],
    ['an extra key', { name: 'a.pdf', bytes: PDF, dir: '/etc' }],
    ['nothing', undefined],
  ])('refuses %s', (_what, request) => {
    expect(openOriginalRequestSchema.safeParse(request).success).toBe(false);
  });
});

describe('openOriginal', () => {
  it('writes the bytes into a fresh private subfolder and opens that file', async () => {
    const { deps: d, openPath } = deps();
    expect(await openOriginal(d, { name: '规划.pdf', bytes: PDF })).toEqual({ ok: true });
    const opened = openPath.mock.calls[0]![0];
    const root = path.join(dir, ORIGINALS_FOLDER);
    expect(path.dirname(path.dirname(opened))).toBe(root);
    expect(path.basename(path.dirname(opened))).toMatch(/^[0-9a-f]{16}$/);
    expect(path.basename(opened)).toBe('规划.pdf');
    expect(new Uint8Array(await readFile(opened))).toEqual(PDF);
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    expect((await stat(path.dirname(opened))).mode & 0o777).toBe(0o700);
    expect(await readdir(path.dirname(opened))).toEqual(['规划.pdf']); // no temporary file left
  });

  it('keeps two originals of the same name apart', async () => {
    const { deps: d, openPath } = deps();
    const other = new TextEncoder().encode('%PDF-1.4\nanother\n');
    await openOriginal(d, { name: 'notice.pdf', bytes: PDF });
    await openOriginal(d, { name: 'notice.pdf', bytes: other });
    const [first, second] = openPath.mock.calls.map((c) => c[0]);
    expect(first).not.toBe(second);
    expect(new Uint8Array(await readFile(first!))).toEqual(PDF);
    expect(new Uint8Array(await readFile(second!))).toEqual(other);
  });

  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['a/b.pdf', 'b.pdf'],
    ['..\\..\\windows\\win.ini.txt', 'win.ini.txt'],
    ['/etc/cron.d/evil.txt', 'evil.txt'],
    ['bell\u0007\nname\u0000.pdf', 'bellname.pdf'],
    ['..', null],
    ['', null],
  ])('writes only inside its folder, whatever the name: %j', async (name, expected) => {
    const outside = path.join(dir, 'etc');
    await mkdir(outside);
    const { deps: d, openPath } = deps({ tempDir: path.join(dir, 'tmp') });
    await mkdir(d.tempDir);
    const bytes = name.endsWith('.txt') ? TEXT : PDF;
    const result = await openOriginal(d, { name, bytes });
    expect(await readdir(outside)).toEqual([]);
    const files = await filesUnder(dir);
    if (expected === null) {
      expect(result).toMatchObject({ ok: false });
      expect(files).toEqual([]);
      expect(openPath).not.toHaveBeenCalled();
    } else {
      expect(result).toEqual({ ok: true });
      expect(files).toHaveLength(1);
      expect(files[0]!.split(path.sep)).toEqual([
        'tmp',
        ORIGINALS_FOLDER,
        expect.stringMatching(/^[0-9a-f]{16}$/),
        expected,
      ]);
    }
  });

  it.each(['page.html', 'page.HTM', 'page.html.', 'page.html ', 'page.htm\u0000', 'page.html\u202e'])(
    'refuses HTML (%j) without writing anything',
    async (name) => {
      const { deps: d, openPath } = deps();
      const result = await openOriginal(d, { name, bytes: new TextEncoder().encode('<script>alert(1)</script>') });
      expect(result).toMatchObject({
        ok: false,
        code: 'shown-in-dossier',
        error: expect.stringMatching(/inside Dossier/),
      });
      expect(openPath).not.toHaveBeenCalled();
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it.each(['tool.exe', 'run.sh', 'archive.zip', 'page.svg', 'noextension', 'a.desktop'])(
    'refuses a type Dossier does not import: %j',
    async (name) => {
      const { deps: d, openPath } = deps();
      expect(await openOriginal(d, { name, bytes: PDF })).toMatchObject({ ok: false, code: 'unsupported-type' });
      expect(openPath).not.toHaveBeenCalled();
      expect(await readdir(dir)).toEqual([]);
    },
  );

  it('refuses a ".pdf" that is not a PDF (openers that sniff content would treat it as something else)', async () => {
    const { deps: d, openPath } = deps();
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    expect(await openOriginal(d, { name: 'report.pdf', bytes: html })).toMatchObject({ ok: false, code: 'not-a-pdf' });
    expect(openPath).not.toHaveBeenCalled();
    // The header may follow some junk, as readers allow.
    const late = new Uint8Array([...new Uint8Array(500).fill(32), ...PDF]);
    expect(await openOriginal(d, { name: 'report.pdf', bytes: late })).toEqual({ ok: true });
  });

  it('refuses text originals that look like markup, and opens plain text', async () => {
    const { deps: d, openPath } = deps();
    const utf16 = (s: string) => new Uint8Array(Buffer.from(`\ufeff${s}`, 'utf16le'));
    for (const body of [
      new TextEncoder().encode('通知\n<html><body onload=alert(1)>'),
      new TextEncoder().encode('  <!DOCTYPE html>'),
      new TextEncoder().encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
      new TextEncoder().encode('see <a href="x">here</a>'),
      utf16('<script>alert(1)</script>'),
    ]) {
      expect(looksLikeMarkup(body)).toBe(true);
      expect(await openOriginal(d, { name: 'notes.txt', bytes: body })).toMatchObject({
        ok: false,
        code: 'shown-in-dossier',
      });
    }
    expect(openPath).not.toHaveBeenCalled();
    for (const plain of ['a < b and c > d', '见 <https://www.gov.cn/>', '# 标题\n\n- 2025年底前完成']) {
      expect(looksLikeMarkup(new TextEncoder().encode(plain))).toBe(false);
    }
    expect(await openOriginal(d, { name: 'notes.md', bytes: TEXT })).toEqual({ ok: true });
  });

  it('reports the error shell.openPath gives, and keeps the copy', async () => {
    const { deps: d, openPath } = deps();
    openPath.mockResolvedValueOnce('No application is associated with the specified file');
    expect(await openOriginal(d, { name: 'plan.pdf', bytes: PDF })).toEqual({
      ok: false,
      code: 'open-failed',
      error: 'No application is associated with the specified file',
    });
    openPath.mockRejectedValueOnce(new Error('spawn xdg-open ENOENT'));
    expect(await openOriginal(d, { name: 'plan.pdf', bytes: PDF })).toEqual({
      ok: false,
      code: 'open-failed',
      error: 'spawn xdg-open ENOENT',
    });
    expect(await filesUnder(dir)).toHaveLength(2);
  });

  it('reports a failed write and leaves no partial file', async () => {
    const full: OpenOriginalFs = {
      ...realFs,
      open: async (file, flags, mode) => {
        const handle = await nodeFs.open(file, flags, mode);
        return {
          writeFile: async () => {
            throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const { deps: d, openPath } = deps({ fs: full });
    expect(await openOriginal(d, { name: 'plan.pdf', bytes: PDF })).toEqual({
      ok: false,
      code: 'write-failed',
      error: 'could not write a temporary copy (ENOSPC)',
    });
    expect(openPath).not.toHaveBeenCalled();
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('never writes through a planted symlink in place of its folder', async () => {
    const elsewhere = path.join(dir, 'victim');
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(dir, ORIGINALS_FOLDER));
    const { deps: d, openPath } = deps();
    expect(await openOriginal(d, { name: 'plan.pdf', bytes: PDF })).toMatchObject({ ok: false, code: 'write-failed' });
    expect(await readdir(elsewhere)).toEqual([]);
    expect(openPath).not.toHaveBeenCalled();
  });

  it('refuses a folder that others can write to or that belongs to someone else', async () => {
    const root = path.join(dir, ORIGINALS_FOLDER);
    await mkdir(root);
    await chmod(root, 0o777);
    const { deps: d } = deps();
    expect(await openOriginal(d, { name: 'plan.pdf', bytes: PDF })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/written by other users/),
    });
    await chmod(root, 0o700);
    const foreign = deps({ uid: (process.getuid?.() ?? 0) + 1 });
    expect(await openOriginal(foreign.deps, { name: 'plan.pdf', bytes: PDF })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/another user/),
    });
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('removes copies older than a day, and nothing else', async () => {
    const root = path.join(dir, ORIGINALS_FOLDER);
    await mkdir(root, { mode: 0o700 });
    const old = path.join(root, 'aaaaaaaaaaaaaaaa');
    const young = path.join(root, 'bbbbbbbbbbbbbbbb');
    const notOurs = path.join(root, 'keep-me');
    for (const folder of [old, young, notOurs]) {
      await mkdir(folder);
      await writeFile(path.join(folder, 'x.pdf'), 'x');
    }
    const now = Date.now();
    const twoDaysAgo = new Date(now - 2 * 24 * 3600 * 1000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    await utimes(notOurs, twoDaysAgo, twoDaysAgo);
    const { deps: d } = deps({ now: () => now, randomId: () => 'cccccccccccccccc' });
    expect(await openOriginal(d, { name: 'plan.pdf', bytes: PDF })).toEqual({ ok: true });
    expect((await readdir(root)).sort()).toEqual(['bbbbbbbbbbbbbbbb', 'cccccccccccccccc', 'keep-me']);
  });

  it('never reuses an existing subfolder', async () => {
    const root = path.join(dir, ORIGINALS_FOLDER);
    await mkdir(path.join(root, 'dddddddddddddddd'), { recursive: true, mode: 0o700 });
    await chmod(root, 0o700);
    await writeFile(path.join(root, 'dddddddddddddddd', 'plan.pdf'), 'planted');
    const { deps: d, openPath } = deps({ randomId: () => 'dddddddddddddddd' });
    expect(await openOriginal(d, { name: 'plan.pdf', bytes: PDF })).toMatchObject({
      ok: false,
      code: 'write-failed',
      error: expect.stringMatching(/EEXIST/),
    });
    expect(await readFile(path.join(root, 'dddddddddddddddd', 'plan.pdf'), 'utf8')).toBe('planted');
    expect(openPath).not.toHaveBeenCalled();
  });
});
