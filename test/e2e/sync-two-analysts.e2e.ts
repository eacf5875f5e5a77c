// Two analysts, two browser profiles (two separate libraries), exchanging bundles through the
// app's own Share… and Import… : each imports the same sample document on their own and tags
// items in it (the bundles land on the receiver's copy: one document each), both edit one
// item at the same time, and after exchanging both have the same items and one conflict,
// which one of them resolves and the resolution travels. Damaged and foreign bundles are
// refused with a message, the library byte-for-byte as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, FIXTURES, importThroughDialog, launch, selectPhrase, stopServer, type App } from './harness';

const POLL = { timeout: 20_000 };
const SEED = join(FIXTURES, 'seeds', '001_a2198bc6f00aa275.txt');
const TITLE = '本市发布《北京市推进京津冀协同发展2019年工作要点》';
const PASSAGE = '实现京张铁路年底建成通车';
const SECOND = '京礼高速延崇段工程完工';

/** Everything in the app's database except the search index's own stores, as JSON. */
const DUMP = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('dossier');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const out = {};
  for (const name of [...db.objectStoreNames]) {
    if (name === 'searchIndex' || name === 'searchQueue') continue;
    out[name] = await new Promise((resolve, reject) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  db.close();
  return JSON.stringify(out, (key, value) => (value instanceof Uint8Array ? Array.from(value) : value));
})()`;

/** The items as the analyst sees them: id, kind, title, status. */
async function items(page: Page) {
  const dump = JSON.parse((await page.evaluate(DUMP)) as string) as {
    items: { id: string; kind: string; title: string; status: string }[];
  };
  return dump.items
    .map(({ id, kind, title, status }) => ({ id, kind, title, status }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Share… everything, signed `analyst`; returns the saved bundle's path. */
async function share(app: App, analyst: string): Promise<string> {
  const { page } = app;
  await page.click('[data-action="share"]');
  const dialog = page.locator('dialog.bundle-dialog');
  await dialog.locator('input[name="analyst"]').fill(analyst);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.locator('[data-action="send-bundle"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.dossier$/);
  const path = join(ARTIFACTS, `sync-${analyst}-${Date.now()}.dossier`);
  await download.saveAs(path);
  await expect.poll(() => dialog.count(), POLL).toBe(0);
  return path;
}

/** Import… a bundle file; checks the preview and imports it. Returns the outcome text. */
async function receive(app: App, path: string, screenshot?: string): Promise<string> {
  const { page } = app;
  await app.answerOpenDialog([path]);
  await page.click('[data-action="import"]');
  const dialog = page.locator('dialog.bundle-dialog');
  await dialog.locator('[data-action="apply-bundle"], .bundle-refused').first().waitFor(POLL);
  if (screenshot) await app.screenshot(screenshot);
  await dialog.locator('[data-action="apply-bundle"]').click();
  const outcome = dialog.locator('.bundle-outcome');
  await outcome.waitFor(POLL);
  const text = (await outcome.textContent()) ?? '';
  await dialog.locator('[data-action="close-bundle"]').click();
  await expect.poll(() => dialog.count(), POLL).toBe(0);
  return text;
}

async function documentCount(page: Page) {
  return (JSON.parse((await page.evaluate(DUMP)) as string) as { documents: unknown[] }).documents.length;
}

async function openDocument(page: Page) {
  await page.click('[data-nav="library"]').catch(() => {});
  await page.click(`.library-table tbody tr:has-text("${TITLE}")`);
  await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain(PASSAGE);
}

async function setStatus(page: Page, passage: string, status: string) {
  const card = page.locator('.annotation-card.tagged', { hasText: passage });
  await card.locator('blockquote').click();
  await card.locator('.item-editor .status-field select').selectOption(status);
  await expect.poll(async () => (await items(page)).find((i) => i.title.includes('京张'))?.status, POLL).toBe(status);
}

describe('two analysts share their work by exchanging bundles', () => {
  let a: App;
  let b: App;
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await stopServer();
  });

  it('both end with the same items and one conflict, and its resolution travels', async () => {
    a = await launch();
    b = await launch();

    // 张三 imports the document, tags a commitment and shares everything.
    await importThroughDialog(a, [SEED]);
    await a.page.click('.import-panel footer button');
    await openDocument(a.page);
    await selectPhrase(a.page, PASSAGE);
    await a.page.keyboard.press('Alt+KeyC');
    await expect.poll(async () => (await items(a.page)).length, POLL).toBe(1);
    const first = await share(a, '张三');

    // 李四 imported the same article on their own and tagged a task in it before hearing from 张三.
    await importThroughDialog(b, [SEED]);
    await b.page.click('.import-panel footer button');
    await openDocument(b.page);
    await selectPhrase(b.page, SECOND);
    await b.page.keyboard.press('Alt+KeyT');
    await expect.poll(async () => (await items(b.page)).length, POLL).toBe(1);
    // 张三's bundle lands on 李四's copy of the article: one document, both items on it.
    await receive(b, first, 'sync-matched-document');
    await expect.poll(async () => (await items(b.page)).length, POLL).toBe(2);
    expect(await documentCount(b.page)).toBe(1);
    await openDocument(b.page);
    await expect.poll(() => b.page.locator('.annotation-card.tagged').count(), POLL).toBe(2);
    // 李四 shares back: 张三 too has one document with both items.
    await receive(a, await share(b, '李四'));
    await expect.poll(async () => (await items(a.page)).length, POLL).toBe(2);
    expect(await documentCount(a.page)).toBe(1);
    expect(await items(a.page)).toEqual(await items(b.page));

    // Both change the commitment's status before hearing of the other's change.
    await a.page.reload();
    await b.page.reload();
    await setStatus(a.page, PASSAGE, 'in-progress');
    await setStatus(b.page, PASSAGE, 'done');
    const fromA = await share(a, '张三');
    const fromB = await share(b, '李四');
    await receive(b, fromA);
    await receive(a, fromB);

    // The same items on both sides, and one conflict each, counted in the top bar.
    expect(await items(a.page)).toEqual(await items(b.page));
    expect((await items(a.page)).length).toBe(2);
    for (const app of [a, b]) {
      await expect.poll(() => app.page.locator('.conflict-count').textContent(), POLL).toContain('1 conflict');
    }
    // Re-importing a bundle already imported changes nothing.
    const before = await a.page.evaluate(DUMP);
    const again = await receive(a, fromB);
    expect(again).toContain('Nothing new');
    const after = JSON.parse((await a.page.evaluate(DUMP)) as string) as Record<string, unknown>;
    expect({ ...after, settings: null }).toEqual({ ...(JSON.parse(before as string) as object), settings: null });

    // 张三 compares the two versions and keeps the one that lost; the resolution reaches 李四.
    const winner = (await items(a.page)).find((i) => i.title.includes('京张'))!.status;
    const loser = winner === 'done' ? 'in-progress' : 'done';
    await a.page.click('.conflict-count');
    await a.page.locator('[data-action="keep-theirs"]').first().waitFor(POLL);
    await a.screenshot('sync-two-analysts-conflict');
    await a.page.locator('[data-action="keep-theirs"]').first().click();
    await expect.poll(() => a.page.locator('.conflict-count').count(), POLL).toBe(0);
    await receive(b, await share(a, '张三'));
    await expect.poll(() => b.page.locator('.conflict-count').count(), POLL).toBe(0);
    expect(await items(b.page)).toEqual(await items(a.page));
    expect((await items(b.page)).find((i) => i.title.includes('京张'))?.status).toBe(loser);
  });

  it('refuses damaged, foreign and hostile bundles with a message, leaving the library exactly as it was', async () => {
    const { page } = b;
    const good = readFileSync(await share(a, '张三'));
    const files: [string, Uint8Array, string][] = [
      ['truncated.dossier', good.subarray(0, good.length - 200), 'truncated'],
      ['not-a-zip.dossier', new TextEncoder().encode('hello'), 'not-a-zip'],
      ['foreign.dossier', zipSync({ 'manifest.json': new TextEncoder().encode('{"name":"other app"}') }), 'foreign'],
      ['traversal.dossier', zipSync({ '../evil.json': new TextEncoder().encode('{}') }), 'unsafe-entry-name'],
    ];
    const before = await page.evaluate(DUMP);
    for (const [name, bytes, code] of files) {
      const path = join(ARTIFACTS, name);
      writeFileSync(path, bytes);
      await b.answerOpenDialog([path]);
      await page.click('[data-action="import"]');
      const refused = page.locator('dialog.bundle-dialog .bundle-refused');
      await refused.waitFor(POLL);
      expect(await refused.getAttribute('data-code')).toBe(code);
      expect(await refused.textContent()).toContain('Your library was not changed');
      if (code === 'truncated') await b.screenshot('sync-refused');
      await page.click('dialog.bundle-dialog [data-action="close-bundle"]');
    }
    expect(await page.evaluate(DUMP)).toBe(before);
  });
});
