import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import * as nodeFs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createIpcHandlers,
  IpcRequestError,
  readPickedFiles,
  registerIpcHandlers,
  type BridgeFs,
  type IpcDeps,
  type IpcSender,
} from '../../../electron/ipc';
import { OpenedBundles } from '../../../electron/launch-files';
import { CHANNELS, MAX_BRIDGE_FILE_BYTES, MAX_BRIDGE_FILES, type AppInfo } from '../../../shared/ipc/contract';

const APP: IpcSender = { url: 'app://dossier/index.html' };
const INFO: AppInfo = { name: 'Dossier', version: '0.1.0', platform: 'desktop', versions: { electron: '39.8.10' } };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-ipc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Real node:fs/promises, with every call recorded, so a test can assert the disk was not touched. */
function recordingFs(): BridgeFs & { calls: string[] } {
  const calls: string[] = [];
  const wrap =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls.push(name);
      return fn(...args);
    };
  return {
    calls,
    stat: wrap('stat', (p: string) => nodeFs.stat(p)),
    readFile: wrap('readFile', (p: string) => nodeFs.readFile(p)),
    open: wrap('open', nodeFs.open),
    rename: wrap('rename', nodeFs.rename),
    unlink: wrap('unlink', nodeFs.unlink),
  };
}

function setup(options: { openPaths?: string[]; savePath?: string; canceled?: boolean; opened?: OpenedBundles } = {}) {
  const fs = recordingFs();
  const openPath = vi.fn(async (_filePath: string) => '');
  const dialog = {
    showOpenDialog: vi.fn<IpcDeps<IpcSender>['dialog']['showOpenDialog']>(async () => ({
      canceled: options.canceled ?? false,
      filePaths: options.openPaths ?? [],
    })),
    showSaveDialog: vi.fn<IpcDeps<IpcSender>['dialog']['showSaveDialog']>(async () =>
      options.canceled
        ? { canceled: true }
        : { canceled: false, filePath: options.savePath ?? path.join(dir, 'out.docx') },
    ),
  };
  const handlers = createIpcHandlers({
    dialog,
    fs,
    appInfo: () => INFO,
    defaultSaveDirectory: () => dir,
    originals: { tempDir: dir, openPath, fs: { ...fs, mkdir: nodeFs.mkdir, lstat: nodeFs.lstat, readdir, rm } },
    ...(options.opened && { openedFiles: options.opened }),
  });
  return { fs, dialog, handlers, openPath };
}

describe('takeOpenedFiles (a .dossier double-clicked in the file manager)', () => {
  it('hands the opened bundles over once, read like picked files, a missing one as a refusal', async () => {
    const bundle = path.join(dir, '李四-2026-11-23.dossier');
    await writeFile(bundle, 'PK bundle bytes');
    const gone = path.join(dir, 'moved-away.dossier');
    const opened = new OpenedBundles();
    opened.add([bundle, gone]);
    const { handlers } = setup({ opened });

    const files = await handlers.takeOpenedFiles(APP);
    expect(files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes), !!f.error])).toEqual([
      ['李四-2026-11-23.dossier', bundle, 'PK bundle bytes', false],
      ['moved-away.dossier', gone, '', true],
    ]);
    expect(await handlers.takeOpenedFiles(APP)).toEqual([]);
    // Without the list (a test harness, the web) there is simply nothing.
    expect(await setup().handlers.takeOpenedFiles(APP)).toEqual([]);
  });

  it('takes no arguments: the page cannot name a path', async () => {
    const opened = new OpenedBundles();
    opened.add([path.join(dir, 'a.dossier')]);
    const { handlers, fs } = setup({ opened });
    await expect(handlers.takeOpenedFiles(APP, '/etc/passwd')).rejects.toThrow(IpcRequestError);
    expect(fs.calls).toEqual([]);
  });
});

describe('openFiles', () => {
  it('reads the chosen files with their names and paths', async () => {
    const a = path.join(dir, 'plan.txt');
    const b = path.join(dir, '通知.html');
    await writeFile(a, '十四五规划');
    await writeFile(b, '<p>通知</p>');
    const { handlers, dialog } = setup({ openPaths: [a, b] });

    const files = await handlers.openFiles(APP, {
      title: 'Import',
      filters: [{ name: 'Documents', extensions: ['txt', 'html'] }],
      multiple: true,
    });

    expect(dialog.showOpenDialog).toHaveBeenCalledWith(APP, {
      title: 'Import',
      filters: [{ name: 'Documents', extensions: ['txt', 'html'] }],
      properties: ['openFile', 'multiSelections'],
    });
    expect(files.map((f) => [f.name, f.path, new TextDecoder().decode(f.bytes), f.error])).toEqual([
      ['plan.txt', a, '十四五规划', undefined],
      ['通知.html', b, '<p>通知</p>', undefined],
    ]);
    // A plain Uint8Array that owns its buffer: structured cloning sends these bytes only.
    expect(files[0]!.bytes.buffer.byteLength).toBe(files[0]!.bytes.byteLength);
  });

  it('asks for one file unless multiple is set, and returns [] when cancelled', async () => {
    const { handlers, dialog, fs } = setup({ canceled: true });
    expect(await handlers.openFiles(APP, {})).toEqual([]);
    expect(dialog.showOpenDialog.mock.calls[0]![1].properties).toEqual(['openFile']);
    expect(fs.calls).toEqual([]);
  });

  it('refuses a folder, a missing file and an oversized file, and still returns the others', async () => {
    const good = path.join(dir, 'ok.md');
    const folder = path.join(dir, 'folder');
    const big = path.join(dir, 'big.txt');
    await writeFile(good, '# ok');
    await mkdir(folder);
    await writeFile(big, '');
    await nodeFs.truncate(big, MAX_BRIDGE_FILE_BYTES + 1); // sparse: no real 200 MB on disk
    const { handlers, fs } = setup({ openPaths: [good, folder, path.join(dir, 'gone.txt'), big] });

    const files = await handlers.openFiles(APP, { multiple: true });

    expect(files.map((f) => [f.name, f.error?.code ?? 'ok', f.bytes.byteLength])).toEqual([
      ['ok.md', 'ok', 4],
      ['folder', 'not-a-file', 0],
      ['gone.txt', 'unreadable', 0],
      ['big.txt', 'too-large', 0],
    ]);
    expect(files[3]!.error!.message).toMatch(/over the 200\.0 MB limit/);
    expect(fs.calls.filter((c) => c === 'readFile')).toHaveLength(1); // the big file is never read
  });

  it('refuses files beyond MAX_BRIDGE_FILES without reading them', async () => {
    const file = path.join(dir, 'a.txt');
    await writeFile(file, 'a');
    const fs = recordingFs();
    const files = await readPickedFiles(
      fs,
      Array.from({ length: MAX_BRIDGE_FILES + 2 }, () => file),
    );
    expect(files).toHaveLength(MAX_BRIDGE_FILES + 2);
    expect(files.slice(MAX_BRIDGE_FILES).map((f) => f.error?.code)).toEqual(['too-many-files', 'too-many-files']);
    expect(fs.calls.filter((c) => c === 'readFile')).toHaveLength(MAX_BRIDGE_FILES);
  });
});

describe('saveFile', () => {
  it('writes the bytes where the analyst chose and reports the location', async () => {
    const target = path.join(dir, 'brief.docx');
    const { handlers, dialog } = setup({ savePath: target });
    const result = await handlers.saveFile(APP, {
      suggestedName: 'brief.docx',
      bytes: new TextEncoder().encode('PK…'),
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    expect(result).toEqual({ saved: true, location: target });
    expect(await readFile(target, 'utf8')).toBe('PK…');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(APP, {
      defaultPath: path.join(dir, 'brief.docx'),
      filters: [{ name: 'Word', extensions: ['docx'] }],
    });
    expect(await readdir(dir)).toEqual(['brief.docx']); // no temporary file left behind
  });

  it('replaces an existing file', async () => {
    const target = path.join(dir, 'brief.md');
    await writeFile(target, 'old');
    const { handlers } = setup({ savePath: target });
    await handlers.saveFile(APP, { suggestedName: 'brief.md', bytes: new TextEncoder().encode('new') });
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { handlers, fs } = setup({ canceled: true });
    expect(await handlers.saveFile(APP, { suggestedName: 'a.md', bytes: new Uint8Array([1]) })).toEqual({
      saved: false,
    });
    expect(fs.calls).toEqual([]);
  });
});

describe('appInfo', () => {
  it('answers our page', async () => {
    const { handlers } = setup();
    expect(await handlers.appInfo(APP)).toEqual(INFO);
  });
  it('takes no arguments', async () => {
    const { handlers } = setup();
    await expect(handlers.appInfo(APP, 'extra')).rejects.toThrow(/expected no arguments, got 1/);
  });
});

describe('invalid requests are refused before any dialog or disk access', () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const cases: Array<[string, 'openFiles' | 'saveFile', unknown[], RegExp]> = [
    ['openFiles: no argument', 'openFiles', [], /expected 1 argument, got 0/],
    ['openFiles: two arguments', 'openFiles', [{}, {}], /expected 1 argument, got 2/],
    ['openFiles: not an object', 'openFiles', ['C:\\'], /invalid request/],
    ['openFiles: wrong type', 'openFiles', [{ multiple: 'yes' }], /multiple/],
    ['openFiles: extra key', 'openFiles', [{ defaultPath: '/etc' }], /defaultPath/],
    ['openFiles: bad filter extension', 'openFiles', [{ filters: [{ name: 'x', extensions: ['../..'] }] }], /filters/],
    ['openFiles: null', 'openFiles', [null], /invalid request/],
    ['saveFile: path-like name (slash)', 'saveFile', [{ suggestedName: '../../.bashrc', bytes }], /not a path/],
    ['saveFile: path-like name (backslash)', 'saveFile', [{ suggestedName: '..\\evil.exe', bytes }], /not a path/],
    ['saveFile: parent directory name', 'saveFile', [{ suggestedName: '..', bytes }], /not a path/],
    ['saveFile: NUL in name', 'saveFile', [{ suggestedName: 'a\0.md', bytes }], /not a path/],
    ['saveFile: empty name', 'saveFile', [{ suggestedName: '', bytes }], /suggestedName/],
    ['saveFile: bytes as array', 'saveFile', [{ suggestedName: 'a.md', bytes: [1, 2, 3] }], /bytes/],
    ['saveFile: bytes as string', 'saveFile', [{ suggestedName: 'a.md', bytes: 'abc' }], /bytes/],
    ['saveFile: missing bytes', 'saveFile', [{ suggestedName: 'a.md' }], /bytes/],
    ['saveFile: extra key', 'saveFile', [{ suggestedName: 'a.md', bytes, path: '/tmp/a.md' }], /path/],
    [
      'saveFile: oversized bytes',
      'saveFile',
      [{ suggestedName: 'a.md', bytes: new Uint8Array(MAX_BRIDGE_FILE_BYTES + 1) }],
      /too large/,
    ],
  ];

  it.each(cases)('%s', async (_name, channel, args, message) => {
    const { handlers, dialog, fs } = setup({ openPaths: [path.join(dir, 'x')], savePath: path.join(dir, 'x') });
    const call = channel === 'openFiles' ? handlers.openFiles(APP, ...args) : handlers.saveFile(APP, ...args);
    await expect(call).rejects.toThrow(IpcRequestError);
    await expect(call).rejects.toThrow(message);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(fs.calls).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  const foreign: Array<[string, IpcSender | undefined]> = [
    ['a web page', { url: 'https://evil.example/app://dossier/' }],
    ['a file:// page', { url: 'file:///work/main/dist/renderer/index.html' }],
    ['another app host', { url: 'app://other/index.html' }],
    ['a look-alike with credentials', { url: 'app://dossier@evil/index.html' }],
    ['a subframe (reported as no URL)', { url: '' }],
    ['no sender', undefined],
  ];
  it.each(foreign)('refuses a foreign sender: %s', async (_name, sender) => {
    const { handlers, dialog, fs } = setup({ savePath: path.join(dir, 'x') });
    const s = sender as IpcSender;
    await expect(handlers.openFiles(s, {})).rejects.toThrow(/foreign sender/);
    await expect(handlers.saveFile(s, { suggestedName: 'a.md', bytes })).rejects.toThrow(/foreign sender/);
    await expect(handlers.appInfo(s)).rejects.toThrow(/foreign sender/);
    await expect(handlers.takeOpenedFiles(s)).rejects.toThrow(/foreign sender/);
    await expect(handlers.openOriginal(s, { name: 'plan.pdf', bytes: PDF })).rejects.toThrow(/foreign sender/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(fs.calls).toEqual([]);
  });

  it('names the channel in the error', async () => {
    const { handlers } = setup();
    await expect(handlers.saveFile(APP, { suggestedName: 'a/b', bytes })).rejects.toThrow(
      `${CHANNELS.saveFile}: invalid request: suggestedName: a file name, not a path`,
    );
  });
});

const PDF = new TextEncoder().encode('%PDF-1.7\n%…\n%%EOF\n');

describe('openOriginal', () => {
  it('writes a private copy under <temp>/dossier-originals and opens it', async () => {
    const { handlers, openPath } = setup();
    expect(await handlers.openOriginal(APP, { name: '十四五规划.pdf', bytes: PDF })).toEqual({ ok: true });
    expect(openPath).toHaveBeenCalledTimes(1);
    const opened = openPath.mock.calls[0]![0];
    expect(path.relative(dir, opened).split(path.sep)).toEqual([
      'dossier-originals',
      expect.stringMatching(/^[0-9a-f]{16}$/),
      '十四五规划.pdf',
    ]);
    expect(await readFile(opened)).toEqual(Buffer.from(PDF));
  });

  it('reduces a path to its base name before anything is written', async () => {
    const { handlers, openPath } = setup();
    expect(await handlers.openOriginal(APP, { name: '../../etc/passwd.pdf', bytes: PDF })).toEqual({ ok: true });
    expect(path.basename(openPath.mock.calls[0]![0])).toBe('passwd.pdf');
    expect(path.dirname(path.dirname(openPath.mock.calls[0]![0]))).toBe(path.join(dir, 'dossier-originals'));
  });

  it('answers a refusal (not an exception) for an HTML original', async () => {
    const { handlers, openPath } = setup();
    const result = await handlers.openOriginal(APP, { name: '通知.html', bytes: new TextEncoder().encode('<p>x') });
    expect(result).toMatchObject({ ok: false, code: 'shown-in-dossier' });
    expect(openPath).not.toHaveBeenCalled();
  });

  const bytes = PDF;
  const invalid: Array<[string, unknown[], RegExp]> = [
    ['no argument', [], /expected 1 argument, got 0/],
    ['two arguments', [{ name: 'a.pdf', bytes }, {}], /expected 1 argument, got 2/],
    ['not an object', ['a.pdf'], /invalid request/],
    ['null', [null], /invalid request/],
    ['empty name', [{ name: '', bytes }], /name/],
    ['name too long', [{ name: `${'a'.repeat(252)}.pdf`, bytes }], /name/],
    ['name of only dots', [{ name: '..', bytes }], /not a usable file name/],
    ['name of only control characters', [{ name: '\u0001\u0002', bytes }], /not a usable file name/],
    ['name not a string', [{ name: 42, bytes }], /name/],
    ['bytes as array', [{ name: 'a.pdf', bytes: [37, 80, 68, 70] }], /bytes/],
    ['bytes as string', [{ name: 'a.pdf', bytes: '%PDF-' }], /bytes/],
    ['bytes as ArrayBuffer', [{ name: 'a.pdf', bytes: bytes.buffer }], /bytes/],
    ['missing bytes', [{ name: 'a.pdf' }], /bytes/],
    ['extra key', [{ name: 'a.pdf', bytes, path: '/tmp/a.pdf' }], /path/],
    ['oversized bytes', [{ name: 'a.pdf', bytes: new Uint8Array(MAX_BRIDGE_FILE_BYTES + 1) }], /too large/],
  ];
  it.each(invalid)('refuses an invalid request before touching the disk: %s', async (_name, args, message) => {
    const { handlers, openPath, fs } = setup();
    const call = handlers.openOriginal(APP, ...args);
    await expect(call).rejects.toThrow(IpcRequestError);
    await expect(call).rejects.toThrow(message);
    await expect(call).rejects.toThrow(CHANNELS.openOriginal);
    expect(openPath).not.toHaveBeenCalled();
    expect(fs.calls).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('registerIpcHandlers', () => {
  it('registers each invoke channel and passes the sender derived from the event', async () => {
    const registered = new Map<string, (event: { frameUrl: string }, ...args: unknown[]) => Promise<unknown>>();
    const { handlers } = setup();
    registerIpcHandlers<{ frameUrl: string }, IpcSender>(
      { handle: (channel, listener) => registered.set(channel, listener) },
      handlers,
      (event) => ({
        url: event.frameUrl,
      }),
    );
    expect([...registered.keys()].sort()).toEqual(
      [
        CHANNELS.appInfo,
        CHANNELS.openFiles,
        CHANNELS.takeOpenedFiles,
        CHANNELS.saveFile,
        CHANNELS.openOriginal,
        CHANNELS.printToPdf,
        CHANNELS.syncFolderCurrent,
        CHANNELS.syncFolderPick,
        CHANNELS.syncFolderForget,
        CHANNELS.syncFolderList,
        CHANNELS.syncFolderRead,
        CHANNELS.syncFolderWrite,
      ].sort(),
    );
    await expect(registered.get(CHANNELS.appInfo)!({ frameUrl: APP.url })).resolves.toEqual(INFO);
    await expect(registered.get(CHANNELS.appInfo)!({ frameUrl: 'https://x.example/' })).rejects.toThrow(/foreign/);
  });
});
