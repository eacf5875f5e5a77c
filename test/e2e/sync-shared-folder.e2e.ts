// The shared folder, as an analyst uses it in the web build: pick a folder, and Dossier writes
// the analyst's own bundle there and imports a colleague's bundle by itself — once per change:
// not again while it is unchanged (Sync now, coming back to the window, a reload), again when
// it changes. A damaged bundle is told once and left alone. Screenshots under test/artifacts/.
//
// A folder picker cannot be driven headless, so the page's showDirectoryPicker is replaced
// (an init script) by one answering a directory of the origin-private file system — the same
// FileSystemDirectoryHandle API. A second browser profile cannot share that directory, so the
// colleague (李四) is this test: it writes 李四's bundle, made here with the app's own sync code
// (shared/sync/bundle.ts), into the directory, and reads back what the app wrote there. On the
// desktop (DOSSIER_E2E_TARGET=electron) the folder is a temporary directory, answered to main's
// folder dialog and written with node:fs; main watches it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../shared/sync/bundle';
import { Colleague } from '../unit/sync/forge';
import { REPLICA_B } from '../unit/sync/records';
import { launch, putRecords, readStore, stopServer, type App } from './harness';

const FOLDER = 'team-shared';
const COLLEAGUE = `李四-${REPLICA_B}.dossier`;
/** The web build lists the folder every 30 s; the first import must come from that alone. */
const POLL = { timeout: 50_000 };
const QUICK = { timeout: 15_000 };

/** The shared folder as the colleague (this test) sees it. */
interface SharedDirectory {
  /** Makes the next folder pick answer this folder. */
  answerPick(): Promise<void>;
  put(name: string, bytes: Uint8Array): Promise<void>;
  list(): Promise<string[]>;
  read(name: string): Promise<Uint8Array>;
  /** Takes the folder away (a network drive going offline). */
  remove(): Promise<void>;
  dispose(): void;
}

/** Web build: the picker answers the origin-private directory FOLDER (installed before the app's scripts run). */
function opfsDirectory(page: Page): SharedDirectory {
  return {
    answerPick: async () => {
      await page.context().addInitScript((folder) => {
        (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker =
          async () => (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
      }, FOLDER);
      await page.reload();
    },
    put: (name, bytes) =>
      page.evaluate(
        async ({ folder, name, data }) => {
          const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
          const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
          await writable.write(new Uint8Array(data));
          await writable.close();
        },
        { folder: FOLDER, name, data: Array.from(bytes) },
      ),
    list: () =>
      page.evaluate(async (folder) => {
        const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder, { create: true });
        const names: string[] = [];
        for await (const key of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(key);
        return names.sort();
      }, FOLDER),
    read: async (name) =>
      new Uint8Array(
        await page.evaluate(
          async ({ folder, name }) => {
            const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
            const file = await (await dir.getFileHandle(name)).getFile();
            return Array.from(new Uint8Array(await file.arrayBuffer()));
          },
          { folder: FOLDER, name },
        ),
      ),
    remove: () =>
      page.evaluate(async (folder) => {
        await (await navigator.storage.getDirectory()).removeEntry(folder, { recursive: true });
      }, FOLDER),
    dispose: () => {},
  };
}

/** Desktop: a temporary directory, answered to main's folder dialog. */
function diskDirectory(app: App): SharedDirectory {
  const root = mkdtempSync(join(tmpdir(), 'dossier-e2e-shared-'));
  const dir = join(root, FOLDER);
  mkdirSync(dir);
  return {
    answerPick: () => app.answerOpenDialog([dir]),
    put: async (name, bytes) => {
      // As a sync client does: a partial file, then a rename.
      writeFileSync(join(dir, `.${name}.part`), bytes);
      renameSync(join(dir, `.${name}.part`), join(dir, name));
    },
    list: async () => readdirSync(dir).sort(),
    read: async (name) => new Uint8Array(readFileSync(join(dir, name))),
    remove: async () => rmSync(dir, { recursive: true, force: true }),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

interface FolderFile {
  result: string;
  checkedAt: string;
  importedAt: string | null;
  written?: number;
  error?: { code: string };
}
interface FolderState {
  schedule: string;
  lastWrite: { at: string; name: string; size: number } | null;
  files: Record<string, FolderFile>;
}
async function folderState(page: Page): Promise<FolderState | undefined> {
  const rows = await readStore<{ key: string; value: unknown }>(page, 'settings');
  return rows.find((r) => r.key === 'sharedFolder')?.value as FolderState | undefined;
}
const itemTitles = async (page: Page) => (await readStore<{ title: string }>(page, 'items')).map((i) => i.title).sort();

/** Has the app look at the folder now, as when the analyst comes back to the window. */
const focusWindow = (page: Page) => page.evaluate(() => window.dispatchEvent(new Event('focus')));

const panel = (page: Page) => page.locator('dialog.shared-folder-panel');
async function openPanel(page: Page): Promise<void> {
  if (!(await panel(page).isVisible())) await page.click('.topbar [data-action="shared-folder"]');
  await panel(page).waitFor();
}
async function closePanel(page: Page): Promise<void> {
  await panel(page).locator('.form-actions button').click();
  await panel(page).waitFor({ state: 'detached' });
}

let app: App | null = null;
let folder: SharedDirectory | null = null;
afterAll(async () => {
  await app?.dispose();
  folder?.dispose();
  await stopServer();
});

describe('shared folder (web build)', () => {
  it('writes our bundle, imports a colleague’s once per change, and tells a refused one once', async () => {
    app = await launch();
    const { page } = app;
    const desktop = page.url().startsWith('app:');
    const shared = (folder = desktop ? diskDirectory(app) : opfsDirectory(page));
    await putRecords(page, 'settings', [{ key: 'briefAuthor', value: '张三' }], { reload: false });
    await shared.answerPick(); // the web build reloads, with the picker in place
    await page.waitForSelector('.topbar [data-action="shared-folder"][data-state="off"]');

    // Nothing chosen yet.
    await openPanel(page);
    await expect.poll(() => panel(page).textContent()).toContain('No folder chosen');
    await app.screenshot('sync-shared-folder-empty');

    // Choose the folder: our own bundle is written there at once.
    await panel(page).locator('[data-action="choose-shared-folder"]').click();
    await expect.poll(() => panel(page).locator('[data-folder-name]').textContent(), QUICK).toBe(FOLDER);
    await expect
      .poll(() => folderState(page).then((s) => s?.lastWrite?.name ?? ''), QUICK)
      .toMatch(/^张三-.+\.dossier$/);
    const own = (await folderState(page))!.lastWrite!.name;
    expect(await shared.list()).toEqual([own]);
    const first = readBundle(await shared.read(own));
    expect(first.ok && first.value.manifest).toMatchObject({ analyst: '张三', filter: { scope: 'all' } });
    const replicaId = first.ok ? first.value.manifest.replicaId : '';
    expect(own).toBe(`张三-${replicaId}.dossier`);
    await closePanel(page);

    // A colleague's bundle appears (with partial files beside it): imported by itself, by polling.
    await shared.put(`${COLLEAGUE}.crswap`, new Uint8Array([1, 2, 3]));
    await shared.put(`.${COLLEAGUE}.1a2b3c.dossier-tmp`, new Uint8Array([1, 2, 3]));
    const lisi = new Colleague().add('推进京津冀协同发展');
    await shared.put(COLLEAGUE, lisi.bundle());
    const imported = page.locator('.toast', { hasText: 'from 李四’s bundle' });
    await imported.first().waitFor(POLL);
    expect(await imported.first().textContent()).toContain('Imported 3 changes from 李四’s bundle');
    expect(await itemTitles(page)).toEqual(['Item I1', '推进京津冀协同发展']);
    const afterImport = (await folderState(page))!;
    expect(afterImport.files[COLLEAGUE]).toMatchObject({ result: 'imported', written: 3 });
    expect(Object.keys(afterImport.files)).toEqual([COLLEAGUE]); // the partial files were never read

    // After the import our bundle is written again, with what it brought.
    await expect
      .poll(async () => {
        const bundle = readBundle(await shared.read(own));
        return bundle.ok ? bundle.value.records.items.map((i) => i.title).sort() : [];
      }, QUICK)
      .toEqual(['Item I1', '推进京津冀协同发展']);

    // Unchanged: not imported again — not on coming back to the window, not on Sync now.
    await focusWindow(page);
    await openPanel(page);
    await panel(page).locator('[data-action="sync-now"]').click();
    await expect.poll(() => panel(page).locator('[data-busy]').getAttribute('data-busy'), QUICK).toBe('');
    await focusWindow(page);
    await page.waitForTimeout(1500);
    const unchanged = (await folderState(page))!;
    expect(unchanged.files[COLLEAGUE]).toEqual(afterImport.files[COLLEAGUE]);
    expect(await itemTitles(page)).toEqual(['Item I1', '推进京津冀协同发展']);
    await closePanel(page);

    // Changed: imported again, once.
    await shared.put(COLLEAGUE, lisi.add('编制副中心控制性详细规划').bundle());
    await focusWindow(page);
    await expect
      .poll(() => itemTitles(page), QUICK)
      .toEqual(['Item I1', '推进京津冀协同发展', '编制副中心控制性详细规划']);
    await expect.poll(() => folderState(page).then((s) => s!.files[COLLEAGUE]!.written), QUICK).toBe(1);
    const second = (await folderState(page))!.files[COLLEAGUE]!;
    expect(second.importedAt).not.toBe(afterImport.files[COLLEAGUE]!.importedAt);

    // A damaged bundle: refused, told once, and not read again while it stays the same.
    await shared.put('王五.dossier', new TextEncoder().encode('this is not a bundle'));
    await focusWindow(page);
    const refused = page.locator('.toast', { hasText: '王五.dossier' });
    await refused.first().waitFor(QUICK);
    expect(await refused.first().textContent()).toMatch(/bundle \(王五\.dossier\) was not imported/);
    const bad = (await folderState(page))!.files['王五.dossier']!;
    expect(bad).toMatchObject({ result: 'refused', error: { code: 'not-a-zip' } });
    await focusWindow(page);
    await openPanel(page);
    await panel(page).locator('[data-action="sync-now"]').click();
    await expect.poll(() => panel(page).locator('[data-busy]').getAttribute('data-busy'), QUICK).toBe('');
    expect((await folderState(page))!.files['王五.dossier']).toEqual(bad);
    expect(await refused.count()).toBe(1);

    // The panel: the folder, our bundle, each colleague's last import and result.
    const rows = panel(page).locator('table.shared-folder-files tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await panel(page).locator(`tr[data-file="${COLLEAGUE}"]`).textContent()).toContain('1 change imported');
    expect(await panel(page).locator('tr[data-file="王五.dossier"]').getAttribute('data-result')).toBe('refused');
    expect(await panel(page).locator('[data-own-file]').textContent()).toContain(own);
    await page
      .locator('.toast button.icon')
      .evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLElement).click()));
    await page.emulateMedia({ colorScheme: 'light' });
    await app.screenshot('sync-shared-folder-panel');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('sync-shared-folder-panel-dark');
    await closePanel(page);
    await page.selectOption('.topbar .language select', 'zh');
    await openPanel(page);
    await expect.poll(() => panel(page).locator('h2').textContent()).toBe('共享文件夹');
    await app.screenshot('sync-shared-folder-panel-zh-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await app.screenshot('sync-shared-folder-panel-zh');
    await closePanel(page);
    await page.selectOption('.topbar .language select', 'en');

    // A reload: the folder is remembered (the handle is kept in IndexedDB), and nothing is imported again.
    // The page's clock is faked from here on, so that a scheduled write's 15 minutes take no time.
    await page.clock.install();
    const before = (await folderState(page))!;
    await page.reload();
    await page.waitForSelector('.topbar [data-action="shared-folder"][data-state="on"]', QUICK);
    await focusWindow(page);
    await page.waitForTimeout(1500);
    expect((await folderState(page))!.files).toEqual(before.files);
    expect(await page.locator('.toast').count()).toBe(0);

    // Every 15 minutes: nothing changed in the library, so our file is left as it is.
    await openPanel(page);
    await panel(page).locator('[data-setting="schedule"]').selectOption('15m');
    await expect.poll(() => folderState(page).then((s) => s?.schedule), QUICK).toBe('15m');
    await closePanel(page);
    const written = (await folderState(page))!.lastWrite!;
    const bytes = await shared.read(own);
    await page.clock.fastForward('16:00');
    await page.waitForTimeout(2000);
    await page.clock.fastForward('16:00');
    await page.waitForTimeout(2000);
    expect(await shared.read(own)).toEqual(bytes);
    expect((await folderState(page))!.lastWrite).toMatchObject({ at: written.at, size: written.size });

    // A document deleted here: the next scheduled write carries the deletion.
    await page.locator('.library-table tbody tr', { hasText: 'Document D1' }).locator('button.icon').click();
    await expect.poll(() => page.locator('.library-table tbody tr', { hasText: 'Document D1' }).count()).toBe(0);
    await page.clock.fastForward('16:00');
    await expect
      .poll(async () => {
        const bundle = readBundle(await shared.read(own));
        return bundle.ok ? bundle.value.records.documents.map((d) => !!d.deleted) : [];
      }, QUICK)
      .toEqual([true]);
    expect((await folderState(page))!.lastWrite!.at).not.toBe(written.at);

    // The folder goes away: told once, in the analyst's words, and shown in the panel.
    await shared.remove();
    await focusWindow(page);
    const gone = page.locator('.toast', { hasText: 'cannot be reached' });
    await gone.first().waitFor(QUICK);
    expect(await gone.first().textContent()).toContain('The folder is offline, or it was moved or removed.');
    await page.selectOption('.topbar .language select', 'zh');
    await page.waitForSelector('.topbar [data-action="shared-folder"][data-state="attention"]', QUICK);
    await openPanel(page);
    const problem = panel(page).locator('[data-problem="unavailable"]');
    expect(await problem.textContent()).toBe('无法访问该文件夹：文件夹不在线，或已被移动、删除。');
    await page
      .locator('.toast button.icon')
      .evaluateAll((buttons) => buttons.forEach((b) => (b as HTMLElement).click()));
    await app.screenshot('sync-shared-folder-unavailable-zh');
    await closePanel(page);
    await page.selectOption('.topbar .language select', 'en');
  });
});
