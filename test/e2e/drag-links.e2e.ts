// Links made by drag and drop, as an analyst makes them: in the reader a highlight card dragged
// onto another card (HTML5 drag and drop) opens the link picker with both ends chosen, the
// analyst picks "updates" and confirms, and both cards show the link; a drop on a highlight in
// the text opens it too, and cancelling links nothing; a card dropped on itself is refused. On
// the timeline, an item's preview links it to a document with Link…, an entry Alt+dragged
// onto another opens the picker with both ends, and a plain drag still pans.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, selectPhrase, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };
const PLAN = join(FIXTURES, 'seeds', '001_a2198bc6f00aa275.txt');
const PAPER = join(FIXTURES, 'seeds', '002_c4717dbc6a480cfb.txt');
const PLAN_TITLE = '本市发布《北京市推进京津冀协同发展2019年工作要点》';
const COMMITMENT = '实现京张铁路年底建成通车';
const PROGRESS = '京礼高速延崇段工程完工';

/** A highlight's card, by its quote (a card's links name other passages too). */
const card = (page: Page, quote: string) =>
  page.locator('.annotation-card', { has: page.locator('blockquote', { hasText: quote }) });
const picker = (page: Page) => page.locator('dialog.link-picker[open]');
const linkCount = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dossier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('links', 'readonly').objectStore('links').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return count;
  });

const centre = async (locator: Locator) => {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe('links made by drag and drop', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('highlights two passages of the plan, the first tagged as a commitment', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, [PLAN, PAPER]);
    await page.click('.import-panel footer button');
    await page.click(`.library-table tbody tr:has-text("${PLAN_TITLE}")`);
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain(COMMITMENT);
    await selectPhrase(page, COMMITMENT);
    await page.keyboard.press('Alt+KeyC');
    const commitment = card(page, COMMITMENT);
    await expect.poll(() => commitment.getAttribute('data-kind'), POLL).toBe('commitment');
    await selectPhrase(page, PROGRESS);
    await page.keyboard.press('h');
    const progress = card(page, PROGRESS);
    await expect.poll(() => progress.getAttribute('aria-current'), POLL).toBe('true');
    // The cards say they can be dragged, and how.
    expect(await progress.getAttribute('draggable')).toBe('true');
    expect(await progress.getAttribute('aria-description')).toContain('Drag it onto another highlight');
    // Its text fields are not handles: a drag there selects text.
    const tags = progress.locator('.tags-input');
    await tags.fill('铁路 高速');
    const box = (await tags.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    expect(await progress.getAttribute('draggable')).toBe('false');
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    expect(await tags.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBeGreaterThan(0);
    await tags.fill('');
    await progress.locator('blockquote').hover();
    await page.mouse.down();
    expect(await progress.getAttribute('draggable')).toBe('true');
    await page.mouse.up();
  });

  it('refuses a card dropped on itself', async () => {
    const { page } = app;
    const progress = card(page, PROGRESS);
    await progress.locator('blockquote').dragTo(progress.locator('.card-row .tags-input'));
    await page.waitForTimeout(300);
    expect(await picker(page).count()).toBe(0);
    expect(await progress.getAttribute('class')).not.toMatch(/drop-/);
  });

  it('drags one card onto the other: the picker opens with both ends, "updates" is picked and confirmed', async () => {
    const { page } = app;
    const progress = card(page, PROGRESS);
    const commitment = card(page, COMMITMENT);
    // By hand, to see the drop feedback while dragging: the source dimmed, the target outlined.
    const from = await centre(progress.locator('blockquote'));
    const to = await centre(commitment.locator('blockquote'));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 6, from.y + 6, { steps: 3 });
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await expect.poll(() => commitment.getAttribute('class'), POLL).toContain('drop-over');
    expect(await progress.getAttribute('class')).toContain('drop-source');
    expect(await page.locator('[data-link-drag-status]').textContent()).toBe(
      `Drop to link “${PROGRESS}” to “${COMMITMENT}”.`,
    );
    await app.screenshot('drag-link');
    await page.mouse.up();

    const dialog = picker(page);
    await expect.poll(() => dialog.count(), POLL).toBe(1);
    // Nothing is linked until the analyst confirms; the dragged card is "from", the target "to".
    expect(await linkCount(page)).toBe(0);
    expect(await dialog.locator('.link-picker-self').textContent()).toContain(PROGRESS);
    await expect.poll(() => dialog.locator('.link-picker-chosen').getAttribute('data-chosen'), POLL).toMatch(/^item:/);
    expect(await dialog.locator('.link-picker-chosen').textContent()).toContain(COMMITMENT);
    expect(await dialog.locator('[data-field="link-type"]').inputValue()).toBe('relates:out');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.field), POLL)
      .toBe('link-type');
    expect(await progress.getAttribute('class')).not.toMatch(/drop-/);
    expect(await commitment.getAttribute('class')).not.toMatch(/drop-/);
    await dialog.locator('[data-field="link-type"]').selectOption('updates:out');
    await app.screenshot('drag-link-picker');
    await dialog.locator('[data-action="create-link"]').click();
    await expect.poll(() => picker(page).count(), POLL).toBe(0);

    // Both cards show it: the progress updates the commitment; the commitment is updated by it.
    const out = progress.locator('.link-row[data-label="updates"]');
    await expect.poll(() => out.count(), POLL).toBe(1);
    expect(await out.textContent()).toContain(COMMITMENT);
    const back = commitment.locator('.link-row[data-label="updated-by"]');
    await expect.poll(() => back.count(), POLL).toBe(1);
    expect(await back.textContent()).toContain(PROGRESS);
    expect(await linkCount(page)).toBe(1);
  });

  it('drops a card on a highlight in the text: the picker opens, and Cancel links nothing', async () => {
    const { page } = app;
    const progress = card(page, PROGRESS);
    const mark = page.locator('.doc-text mark', { hasText: COMMITMENT }).first();
    await progress.locator('blockquote').dragTo(mark);
    const dialog = picker(page);
    await expect.poll(() => dialog.locator('.link-picker-chosen').textContent(), POLL).toContain(COMMITMENT);
    expect(await page.locator('.doc-text mark.drop-over').count()).toBe(0);
    await dialog.locator('button:has-text("Cancel")').click();
    await expect.poll(() => picker(page).count(), POLL).toBe(0);
    expect(await linkCount(page)).toBe(1);
  });

  it('links an item to a document from its timeline preview (Link…), and sees it there', async () => {
    const { page } = app;
    await page.click('[data-nav="timeline"]');
    const item = page.locator('.tl-entry[data-key^="item:"]', { hasText: COMMITMENT });
    await expect.poll(() => item.count(), POLL).toBe(1);
    await item.locator('button').click();
    const preview = page.locator('.timeline-preview');
    await expect.poll(() => preview.getAttribute('data-key'), POLL).toMatch(/^item:/);
    // The link made in the reader shows in the preview.
    await expect.poll(() => preview.locator('.link-row[data-label="updated-by"]').count(), POLL).toBe(1);
    expect(await preview.locator('[data-action="link-entry"]').getAttribute('aria-haspopup')).toBe('dialog');
    await preview.locator('[data-action="link-entry"]').click();
    const dialog = picker(page);
    await expect.poll(() => dialog.count(), POLL).toBe(1);
    expect(await dialog.locator('.link-picker-self').textContent()).toContain(COMMITMENT);
    await page.keyboard.type('副中心报');
    const option = dialog.locator('[role="option"]').first();
    await expect.poll(() => option.getAttribute('data-key'), POLL).toMatch(/^document:/);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.locator('.link-picker-chosen').textContent(), POLL).toContain('北京城市副中心报');
    await dialog.getByLabel('Note (optional)').press('Enter');
    await expect.poll(() => picker(page).count(), POLL).toBe(0);
    const row = preview.locator('.link-row[data-label="relates"]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.textContent()).toContain('北京城市副中心报');
    expect(await linkCount(page)).toBe(2);
  });

  it('Alt+drags an entry onto another: the picker opens with both ends; a plain drag still pans', async () => {
    const { page } = app;
    await page.click('[data-action="fit-all"]');
    const item = page.locator('.tl-entry[data-key^="item:"]', { hasText: COMMITMENT });
    const paper = page.locator('.tl-entry[data-key^="document:"]', { hasText: '北京城市副中心报' });
    await expect.poll(() => paper.count(), POLL).toBe(1);
    expect(await item.locator('button').getAttribute('aria-description')).toBe(
      'Alt+drag it onto another entry to link them',
    );

    // A plain drag on an entry pans the timeline, and opens nothing.
    const before = (await item.boundingBox())!.x;
    const start = await centre(item.locator('.tl-bar'));
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 120, start.y, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => Math.round(before - (await item.boundingBox())!.x), POLL).toBe(120);
    expect(await picker(page).count()).toBe(0);
    await page.click('[data-action="fit-all"]');

    // Alt+drag: the item onto the 2022 paper's publication.
    const from = await centre(item.locator('.tl-bar'));
    const to = await centre(paper.locator('.tl-bar'));
    await page.keyboard.down('Alt');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await expect.poll(() => paper.getAttribute('class'), POLL).toContain('link-target');
    expect(await item.getAttribute('class')).toContain('link-source');
    expect(await page.locator('.timeline-link-line').count()).toBe(1);
    await app.screenshot('drag-link-timeline');
    await page.mouse.up();
    await page.keyboard.up('Alt');
    const dialog = picker(page);
    await expect
      .poll(() => dialog.locator('.link-picker-chosen').getAttribute('data-chosen'), POLL)
      .toMatch(/^document:/);
    expect(await dialog.locator('.link-picker-self').textContent()).toContain(COMMITMENT);
    expect(await linkCount(page)).toBe(2);
    await dialog.locator('[data-field="link-type"]').selectOption('fulfils:in');
    await dialog.locator('[data-action="create-link"]').click();
    await expect.poll(() => picker(page).count(), POLL).toBe(0);
    const preview = page.locator('.timeline-preview');
    await expect.poll(() => preview.locator('.link-row[data-label="fulfilled-by"]').count(), POLL).toBe(1);
    // The paper now fulfils the commitment: its history, drawn as a chain.
    await expect.poll(() => preview.locator('.preview-history li').count(), POLL).toBeGreaterThanOrEqual(2);
    expect(await item.getAttribute('class')).not.toContain('link-');
    expect(await page.locator('.timeline-link-line').count()).toBe(0);
    // Entries are still clicked as before.
    await paper.locator('button').click();
    await expect.poll(() => preview.getAttribute('data-key'), POLL).toMatch(/^document:/);
  });

  it('speaks Chinese', async () => {
    const { page } = app;
    await page.selectOption('.language select', 'zh');
    const preview = page.locator('.timeline-preview');
    await expect.poll(() => preview.locator('[data-action="link-entry"]').textContent(), POLL).toBe('关联…');
    expect(await preview.locator('[data-action="link-drag"]').getAttribute('title')).toBe('拖到时间轴条目上即可关联');
    await page.selectOption('.language select', 'en');
  });
});
