// The bundle screens, as an analyst uses them: Share… writes a bundle of a selection (a tag)
// that the bridge saves — read back here, it holds that selection
// and nothing else — and of everything; a damaged bundle imported through Import… is refused
// with its reason and "Your library was not changed"; a good one, opened through Share's
// "Import a bundle…", shows who sent it, its counts and its changes by kind, imports with Enter,
// and a second time says "Nothing new"; a bundle dropped on the window opens the same preview.
// The selection's document list stays usable with hundreds of documents. Screenshots of each
// dialog in light, dark and Chinese go to test/artifacts/.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../shared/sync/bundle';
import { ARTIFACTS, importThroughDialog, launch, seedItems, stopServer, type App, type ItemSeed } from './harness';
import { GROUPS, lead, PLAN, TWO_SEEDS } from './seeds';

const POLL = { timeout: 20_000 };

const SEEDS: ItemSeed[] = [
  {
    id: 'ui-1',
    document: PLAN,
    passage: '推进通州区与北三县协同发展',
    fields: { kind: 'task', tags: ['规划'], owners: [lead('通州区政府', '北京市通州区人民政府')] },
  },
  {
    id: 'ui-2',
    document: PLAN,
    passage: '加快上游水源涵养林建设',
    fields: { kind: 'commitment', tags: ['生态'], owners: [lead('市园林绿化局', '北京市园林绿化局')] },
  },
  {
    id: 'ui-3',
    document: GROUPS,
    passage: '本市已经正式确定设立九大专项工作小组',
    fields: { kind: 'task', owners: [lead('市发改委', '北京市发展和改革委员会')] },
  },
];

const shareDialog = (page: Page) => page.locator('dialog.send-bundle-dialog');
const importDialog = (page: Page) => page.locator('dialog.receive-bundle-dialog');

async function setLanguage(page: Page, language: 'en' | 'zh') {
  await page.selectOption('.topbar .language select', language);
}

/** Share… → the dialog, with its choices loaded. */
async function openShare(page: Page) {
  await page.click('.topbar [data-action="share"]');
  await shareDialog(page).waitFor(POLL);
  await expect.poll(() => shareDialog(page).locator('input[name="analyst"]').inputValue(), POLL).not.toBe(undefined);
}

async function sendBundle(page: Page): Promise<{ download: Download; bytes: Uint8Array }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    shareDialog(page).locator('[data-action="send-bundle"]').click(),
  ]);
  const bytes = new Uint8Array(readFileSync(await download.path()));
  await expect.poll(() => shareDialog(page).count(), POLL).toBe(0);
  return { download, bytes };
}

function contentsOf(bytes: Uint8Array) {
  const read = readBundle(bytes);
  if (!read.ok) throw new Error(`${read.error.code}: ${read.error.message}`);
  return read.value;
}

/** Opens the plan in the reader and sets the status of the item tagged on `passage`. */
async function setStatus(page: Page, passage: string, status: string) {
  await page.click('.topbar .brand');
  await page.click(`.library-table tbody tr:has-text("${PLAN}")`);
  const card = page.locator('.annotation-card.tagged', { hasText: passage });
  await card.locator('blockquote').click();
  const select = card.locator('.item-editor .status-field select');
  await select.selectOption(status);
  await expect.poll(() => select.inputValue(), POLL).toBe(status);
}

/** A synthetic drop of files on the window, as the OS gives them (no entries: plain files). */
async function dropFiles(page: Page, files: { name: string; bytes: Uint8Array }[]) {
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    },
    files.map((f) => ({ name: f.name, bytes: [...f.bytes] })),
  );
  await page.dispatchEvent('.app', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.app', 'drop', { dataTransfer: transfer });
}

describe('bundle screens', () => {
  let a: App;
  let b: App;
  let everything: Uint8Array;
  let everythingPath: string;

  beforeAll(async () => {
    a = await launch();
    b = await launch();
    await a.page.emulateMedia({ colorScheme: 'light' });
    await b.page.emulateMedia({ colorScheme: 'light' });
    await importThroughDialog(a, TWO_SEEDS);
    await a.page.click('.import-panel footer button');
    await seedItems(a.page, SEEDS);
  });
  afterAll(async () => {
    await a?.dispose();
    await b?.dispose();
    await stopServer();
  });

  it('shares a selection by tag, and the saved bundle holds just that', async () => {
    const { page } = a;
    await openShare(page);
    const dialog = shareDialog(page);
    // A new analyst: the name is asked for first, and is required.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name')), POLL).toBe('analyst');
    expect(await dialog.locator('[data-action="send-bundle"]').isDisabled()).toBe(true);
    await dialog.locator('input[name="analyst"]').fill('张三');
    await a.screenshot('sync-share-everything-light');

    await dialog.locator('input[name="scope"][value="selection"]').check();
    await dialog.locator('[data-filter="tags"]').waitFor(POLL);
    // Nothing chosen yet: the bundle would be everything, so Write waits for a choice.
    expect(await dialog.locator('[data-action="send-bundle"]').isDisabled()).toBe(true);
    const tags = dialog.locator('[data-filter="tags"]');
    expect(await tags.locator('input[type="checkbox"]').count()).toBe(2);
    await tags.locator('input[value="规划"]').check();
    await expect.poll(() => tags.locator('legend').textContent(), POLL).toContain('1 of 2 chosen');
    await dialog.locator('input[name="recipient"]').fill('李四');
    await a.screenshot('sync-share-selection-light');

    const { download, bytes } = await sendBundle(page);
    expect(download.suggestedFilename()).toMatch(/^张三-\d{4}-\d{2}-\d{2}\.dossier$/);
    const contents = contentsOf(bytes);
    expect(contents.manifest.analyst).toBe('张三');
    expect(contents.manifest.filter).toMatchObject({ scope: 'selection', tags: ['规划'], recipient: '李四' });
    expect(contents.records.items.map((i) => i.id)).toEqual(['ui-1']);
    expect(contents.records.documents.map((d) => d.title)).toEqual([PLAN]);
    // The toast says where it went.
    await expect.poll(() => page.locator('.toast').last().textContent(), POLL).toContain('.dossier');

    // Everything, with the name remembered; Esc closes an idle dialog.
    await openShare(page);
    await expect.poll(() => dialog.locator('input[name="analyst"]').inputValue(), POLL).toBe('张三');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await openShare(page);
    await expect.poll(() => dialog.locator('input[name="analyst"]').inputValue(), POLL).toBe('张三');
    ({ bytes: everything } = await sendBundle(page));
    const all = contentsOf(everything);
    expect(all.manifest.filter.scope).toBe('all');
    expect(all.records.items.map((i) => i.id).sort()).toEqual(['ui-1', 'ui-2', 'ui-3']);
    expect(all.records.documents).toHaveLength(2);
    everythingPath = join(ARTIFACTS, 'sync-ui-everything.dossier');
    writeFileSync(everythingPath, everything);

    // Our own bundle, dropped back: a warning, and nothing new; Cancel leaves it unimported.
    await dropFiles(page, [{ name: 'mine.dossier', bytes: everything }]);
    const own = importDialog(page);
    await own.locator('[data-action="apply-bundle"]').waitFor(POLL);
    expect(await own.locator('[data-warning="own"]').textContent()).toContain('written by this installation');
    expect(await own.locator('.bundle-nothing').count()).toBe(1);
    await a.screenshot('sync-import-own-light');
    await own.locator('[data-action="cancel-bundle"]').click();
    await expect.poll(() => own.count(), POLL).toBe(0);

    // Dark and Chinese: the same dialog, selection open.
    await page.emulateMedia({ colorScheme: 'dark' });
    await setLanguage(page, 'zh');
    await openShare(page);
    await dialog.locator('input[name="scope"][value="selection"]').check();
    await dialog.locator('[data-filter="tags"]').waitFor(POLL);
    await dialog.locator('[data-filter="kinds"] input').first().check();
    await a.screenshot('sync-share-selection-zh-dark');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await setLanguage(page, 'en');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('refuses a damaged bundle with its reason, and the library is not changed', async () => {
    const { page } = b;
    // A bundle edited after it was written: one item's title changed, the zip rebuilt.
    const entries = unzipSync(everything);
    const items = new TextDecoder().decode(entries['records/items.json']);
    entries['records/items.json'] = new TextEncoder().encode(items.replace('推进通州区', '推进某某区'));
    const path = join(ARTIFACTS, 'sync-ui-damaged.dossier');
    writeFileSync(path, zipSync(entries));
    await b.answerOpenDialog([path]);
    await page.click('.topbar [data-action="import"]');
    const refused = importDialog(page).locator('.bundle-refused');
    await refused.waitFor(POLL);
    expect(await refused.getAttribute('data-code')).toBe('checksum-mismatch');
    expect(await refused.textContent()).toContain('Your library was not changed');
    expect(await refused.textContent()).toContain('The bundle is damaged: a file does not match its checksum.');
    expect(await refused.textContent()).toContain('records/items.json');
    await b.screenshot('sync-import-refused-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await setLanguage(page, 'zh');
    await expect.poll(() => refused.textContent(), POLL).toContain('你的资料库没有任何改动');
    await b.screenshot('sync-import-refused-zh-dark');
    await setLanguage(page, 'en');
    await page.emulateMedia({ colorScheme: 'light' });
    // Enter closes (the focus is on Close).
    await page.keyboard.press('Enter');
    await expect.poll(() => importDialog(page).count(), POLL).toBe(0);
    expect(await page.locator('.library-table tbody tr').count()).toBe(0);

    // Not a zip at all: its own message.
    const junk = join(ARTIFACTS, 'sync-ui-junk.dossier');
    writeFileSync(junk, 'hello');
    await b.answerOpenDialog([junk]);
    await page.click('.topbar [data-action="import"]');
    await refused.waitFor(POLL);
    expect(await refused.getAttribute('data-code')).toBe('not-a-zip');
    expect(await refused.textContent()).toContain('not a zip file');
    await page.click('dialog.receive-bundle-dialog [data-action="close-bundle"]');
    await expect.poll(() => importDialog(page).count(), POLL).toBe(0);

    // Cut short (a copy that did not finish), dropped on the window.
    await dropFiles(page, [{ name: 'cut.dossier', bytes: everything.subarray(0, everything.length - 300) }]);
    await refused.waitFor(POLL);
    expect(await refused.getAttribute('data-code')).toBe('truncated');
    expect(await refused.textContent()).toContain('cut short');
    await page.keyboard.press('Escape');
    await expect.poll(() => importDialog(page).count(), POLL).toBe(0);
  });

  it('previews a good bundle (who, counts, changes), imports it, and a second time finds nothing new', async () => {
    const { page } = b;
    // Share…'s "Import a bundle…" opens a file dialog for bundles only.
    await openShare(page);
    await b.answerOpenDialog([everythingPath]);
    await shareDialog(page).locator('[data-action="import-bundle"]').click();
    const dialog = importDialog(page);
    await dialog.locator('[data-action="apply-bundle"]').waitFor(POLL);
    expect(await shareDialog(page).count()).toBe(0);
    expect(await dialog.locator('.bundle-from').textContent()).toContain('From 张三');
    expect(await dialog.locator('.bundle-filter-text').textContent()).toContain('Everything');
    const count = async (field: string) =>
      Number((await dialog.locator(`tr[data-count="${field}"] td`).textContent())!.replace(/\D/g, ''));
    expect(await count('documentsToAdd')).toBe(2);
    expect(await count('add')).toBe(2 + 3 + 3); // documents, highlights, items
    expect(await count('conflicts')).toBe(0);
    expect(await count('unchanged')).toBe(0);
    const added = dialog.locator('details[data-group="add"]');
    expect(await added.getAttribute('open')).not.toBeNull();
    expect(await added.locator('li[data-table="documents"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(PLAN)]),
    );
    expect(await added.locator('li[data-table="items"]').first().textContent()).toMatch(/Item/);
    await b.screenshot('sync-import-preview-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await setLanguage(page, 'zh');
    await expect.poll(() => dialog.locator('.bundle-from').textContent(), POLL).toContain('来自张三');
    await b.screenshot('sync-import-preview-zh-dark');
    await setLanguage(page, 'en');
    await page.emulateMedia({ colorScheme: 'light' });

    // Enter imports (the focus is on Import).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action')), POLL)
      .toBe('apply-bundle');
    await page.keyboard.press('Enter');
    const outcome = dialog.locator('.bundle-outcome');
    await outcome.waitFor(POLL);
    expect(await outcome.textContent()).toContain('2 documents added');
    expect(await outcome.locator('[data-action="review-conflicts"]').count()).toBe(0);
    await b.screenshot('sync-import-done-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await setLanguage(page, 'zh');
    await expect.poll(() => outcome.textContent(), POLL).toContain('新增 2 篇文档');
    await b.screenshot('sync-import-done-zh-dark');
    await setLanguage(page, 'en');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await expect.poll(() => page.locator('.library-table tbody tr').count(), POLL).toBe(2);

    // The same bundle again, dropped on the window: nothing new.
    await dropFiles(page, [{ name: 'again.dossier', bytes: everything }]);
    await dialog.locator('[data-action="apply-bundle"]').waitFor(POLL);
    expect(await dialog.locator('.bundle-nothing').textContent()).toContain(
      'Nothing new: everything in this bundle is already in your library',
    );
    expect(await count('unchanged')).toBe(8);
    expect(await dialog.locator('.bundle-changes').count()).toBe(0);
    await b.screenshot('sync-import-nothing-new-light');
    await dialog.locator('[data-action="apply-bundle"]').click();
    await expect.poll(() => outcome.textContent(), POLL).toContain('Nothing new');
    await dialog.locator('[data-action="close-bundle"]').click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    // Documents dropped with it still go to document import: only the bundle was taken out.
    expect(await page.locator('.import-panel').count()).toBe(0);
  });

  it('lists a concurrent edit as a conflict, and "Review conflicts" opens the conflicts view', async () => {
    // Both analysts change the same item's status before hearing of the other's change.
    await setStatus(a.page, '推进通州区与北三县协同发展', 'done');
    await setStatus(b.page, '推进通州区与北三县协同发展', 'missed');
    await openShare(a.page);
    const { bytes } = await sendBundle(a.page);
    const { page } = b;
    await page.click('.topbar .brand');
    await dropFiles(page, [{ name: '张三-again.dossier', bytes }]);
    const dialog = importDialog(page);
    await dialog.locator('[data-action="apply-bundle"]').waitFor(POLL);
    expect(await dialog.locator('tr[data-count="conflicts"] td').textContent()).toBe('1');
    const conflicts = dialog.locator('details[data-group="conflicts"]');
    expect(await conflicts.getAttribute('open')).not.toBeNull();
    expect(await conflicts.locator('li[data-table="items"]').textContent()).toContain('推进通州区与北三县协同发展');
    await b.screenshot('sync-import-conflict-preview-light');
    await dialog.locator('[data-action="apply-bundle"]').click();
    const review = dialog.locator('.bundle-outcome [data-action="review-conflicts"]');
    await review.waitFor(POLL);
    expect(await dialog.locator('.bundle-outcome').textContent()).toContain('1 conflict to review');
    await page.emulateMedia({ colorScheme: 'dark' });
    await b.screenshot('sync-import-conflict-done-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await review.click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe('#/conflicts');
  });

  it('keeps the document list usable with hundreds of documents', async () => {
    const { page } = b;
    // 400 more documents: copies of one imported document's metadata under new ids and titles.
    await page.evaluate(async () => {
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open('dossier'));
      const [first] = (await done(db.transaction('documents').objectStore('documents').getAll())) as {
        id: string;
        title: string;
      }[];
      const write = db.transaction('documents', 'readwrite');
      for (let i = 0; i < 400; i++)
        write.objectStore('documents').put({ ...first, id: `many-${i}`, title: `关于第${i}号文件的通知` });
      await new Promise<void>((resolve) => (write.oncomplete = () => resolve()));
      db.close();
    });
    await page.reload();
    await page.waitForSelector('.topbar');
    await openShare(page);
    const dialog = shareDialog(page);
    await dialog.locator('input[name="scope"][value="selection"]').check();
    const documents = dialog.locator('[data-filter="documents"]');
    await documents.waitFor(POLL);
    // Drawn: the first 200, and a line saying how to reach the rest.
    expect(await documents.locator('input[type="checkbox"]').count()).toBe(200);
    expect(await documents.locator('.bundle-checklist-more').textContent()).toContain('202 more');
    await documents.locator('input[type="search"]').fill('第123号');
    await expect.poll(() => documents.locator('input[type="checkbox"]').count(), POLL).toBe(1);
    // ↓ from the box to the match, Space ticks it, Enter in the box never submits.
    await documents.locator('input[type="search"]').press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => documents.locator('legend').textContent(), POLL).toContain('1 of 402 chosen');
    expect(await dialog.count()).toBe(1);
    await b.screenshot('sync-share-many-documents-light');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
  });
});
