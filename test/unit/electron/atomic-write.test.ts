import * as nodeFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryPathFor, writeFileAtomic, type AtomicWriteFs } from '../../../electron/atomic-write';
import { createIpcHandlers, type BridgeFs } from '../../../electron/ipc';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dossier-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** node:fs/promises whose writes stop half-way with ENOSPC, after really writing the first half. */
const diskFullFs: AtomicWriteFs = {
  async open(file, flags, mode) {
    const handle = await nodeFs.open(file, flags, mode);
    return {
      async writeFile(data) {
        await handle.writeFile(data.subarray(0, Math.floor(data.byteLength / 2)));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
};

describe('writeFileAtomic', () => {
  it('writes a new file and leaves only that file', async () => {
    const target = path.join(dir, 'brief.md');
    await writeFileAtomic(nodeFs, target, bytes('# Brief'));
    expect(await readFile(target, 'utf8')).toBe('# Brief');
    expect(await readdir(dir)).toEqual(['brief.md']);
  });

  it('writes the temporary file next to the target (same file system, so rename is atomic)', () => {
    const temporary = temporaryPathFor('/home/a/Documents/brief.docx', 'abc123');
    expect(path.dirname(temporary)).toBe('/home/a/Documents');
    expect(path.basename(temporary)).toBe('.brief.docx.abc123.dossier-tmp');
  });

  it('leaves no partial file when the write fails, and keeps the old contents', async () => {
    const target = path.join(dir, 'brief.md');
    await writeFile(target, 'the old brief');
    await expect(writeFileAtomic(diskFullFs, target, bytes('a much longer new brief'))).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('the old brief');
    expect(await readdir(dir)).toEqual(['brief.md']);
  });

  it('creates nothing when the write of a new file fails', async () => {
    await expect(writeFileAtomic(diskFullFs, path.join(dir, 'new.md'), bytes('contents'))).rejects.toThrow(/ENOSPC/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('removes the temporary file when the final rename fails', async () => {
    const target = path.join(dir, 'brief.md');
    await writeFile(target, 'old');
    const failingRename: AtomicWriteFs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
      },
    };
    await expect(writeFileAtomic(failingRename, target, bytes('new'))).rejects.toThrow('EXDEV');
    expect(await readdir(dir)).toEqual(['brief.md']);
    expect(await readFile(target, 'utf8')).toBe('old');
  });

  it('retries a rename that Windows briefly refuses (a scanner holding the file)', async () => {
    const target = path.join(dir, 'brief.md');
    let refusals = 2;
    const flaky: AtomicWriteFs = {
      ...nodeFs,
      rename: async (from, to) => {
        if (refusals-- > 0) throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
        return nodeFs.rename(from, to);
      },
    };
    await writeFileAtomic(flaky, target, bytes('saved'), { platform: 'win32', retryDelayMs: 1 });
    expect(await readFile(target, 'utf8')).toBe('saved');
  });

  it('never overwrites something already at the temporary name', async () => {
    // 'wx' means: if the random name exists (or is a planted symlink), fail instead of following it.
    const target = path.join(dir, 'brief.md');
    const planted: AtomicWriteFs = {
      ...nodeFs,
      open: async (file, flags, mode) => {
        await writeFile(file, 'planted');
        return nodeFs.open(file, flags, mode);
      },
    };
    await expect(writeFileAtomic(planted, target, bytes('x'))).rejects.toThrow(/EEXIST/);
    expect((await readdir(dir)).filter((n) => n === 'brief.md')).toEqual([]);
  });

  it('is what saveFile uses: a failed save reports the error and leaves the old file whole', async () => {
    const target = path.join(dir, 'brief.md');
    await writeFile(target, 'old');
    const fs: BridgeFs = { ...diskFullFs, stat: nodeFs.stat, readFile: (p) => nodeFs.readFile(p) };
    const handlers = createIpcHandlers({
      dialog: {
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        showSaveDialog: async () => ({ canceled: false, filePath: target }),
      },
      fs,
      appInfo: () => ({ name: 'Dossier', version: '0', platform: 'desktop' }),
      defaultSaveDirectory: () => dir,
      originals: { tempDir: dir, openPath: async () => '', fs: { ...nodeFs, readdir: (d) => nodeFs.readdir(d) } },
    });
    await expect(
      handlers.saveFile({ url: 'app://dossier/index.html' }, { suggestedName: 'brief.md', bytes: bytes('new') }),
    ).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['brief.md']);
  });
});
