import { describe, expect, it, vi } from 'vitest';
import {
  ORIGINAL_URL_LIFETIME_MS,
  openOriginalInBrowser,
  type WebOpenOriginalDeps,
} from '../../../renderer/bridge/open-original-web';

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

function fakeBrowser(options: { blocked?: boolean } = {}) {
  const blobs: Blob[] = [];
  const timers: Array<[() => void, number]> = [];
  const tab = { opener: {} as unknown };
  const deps = {
    openTab: vi.fn((_url: string) => (options.blocked ? null : tab)),
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:http://127.0.0.1/${blobs.length}`;
    }),
    revokeObjectURL: vi.fn(),
    download: vi.fn(),
    setTimeout: vi.fn((callback: () => void, ms: number) => timers.push([callback, ms])),
  } satisfies WebOpenOriginalDeps;
  return { deps, blobs, timers, tab };
}

describe('openOriginal in the web build', () => {
  it('opens a PDF as application/pdf in a new tab, cuts the opener, revokes the URL after a minute', async () => {
    const { deps, blobs, timers, tab } = fakeBrowser();
    expect(openOriginalInBrowser({ name: '规划.pdf', bytes: PDF }, deps)).toEqual({ ok: true });
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(PDF);
    expect(deps.openTab).toHaveBeenCalledWith('blob:http://127.0.0.1/1');
    expect(tab.opener).toBeNull();
    expect(deps.download).not.toHaveBeenCalled();
    expect(timers.map(([, ms]) => ms)).toEqual([ORIGINAL_URL_LIFETIME_MS]);
    expect(ORIGINAL_URL_LIFETIME_MS).toBe(60_000);
    timers[0]![0]();
    expect(deps.revokeObjectURL).toHaveBeenCalledWith('blob:http://127.0.0.1/1');
  });

  it('opens text as text/plain, declaring UTF-8 only when the bytes are UTF-8', () => {
    const { deps, blobs } = fakeBrowser();
    openOriginalInBrowser({ name: 'notes.md', bytes: new TextEncoder().encode('# 通知') }, deps);
    openOriginalInBrowser({ name: 'gbk.txt', bytes: new Uint8Array([0xcd, 0xa8, 0xd6, 0xaa, 0xca, 0xe9]) }, deps); // 通知书 in GBK
    expect(blobs.map((b) => b.type)).toEqual(['text/plain; charset=utf-8', 'text/plain']);
  });

  it('downloads the file under its safe name when the tab is blocked', () => {
    const { deps, timers } = fakeBrowser({ blocked: true });
    expect(openOriginalInBrowser({ name: 'a/../规划.PDF', bytes: PDF }, deps)).toEqual({ ok: true, downloaded: true });
    expect(deps.download).toHaveBeenCalledWith('blob:http://127.0.0.1/1', '规划.pdf');
    expect(timers).toHaveLength(1);
  });

  it('refuses HTML and other types without creating a URL', () => {
    const { deps } = fakeBrowser();
    expect(openOriginalInBrowser({ name: 'page.html', bytes: PDF }, deps)).toMatchObject({
      ok: false,
      code: 'shown-in-dossier',
    });
    expect(openOriginalInBrowser({ name: 'page.htm.', bytes: PDF }, deps)).toMatchObject({
      ok: false,
      code: 'shown-in-dossier',
    });
    expect(openOriginalInBrowser({ name: 'tool.exe', bytes: PDF }, deps)).toMatchObject({
      ok: false,
      code: 'unsupported-type',
    });
    expect(deps.createObjectURL).not.toHaveBeenCalled();
    expect(deps.openTab).not.toHaveBeenCalled();
  });

  it('rejects an invalid request like the desktop does', () => {
    const { deps } = fakeBrowser();
    expect(() => openOriginalInBrowser({ name: '', bytes: PDF }, deps)).toThrow(/invalid request/);
    expect(() => openOriginalInBrowser({ name: 'a.pdf', bytes: [1, 2] }, deps)).toThrow(/invalid request/);
    expect(deps.openTab).not.toHaveBeenCalled();
  });
});
