import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, selectPhrase, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };
const SEED = join(FIXTURES, 'seeds', '001_a2198bc6f00aa275.txt');
const TITLE = '本市发布《北京市推进京津冀协同发展2019年工作要点》';
const PASSAGE = '实现京张铁路年底建成通车';
const SECOND = '京礼高速延崇段工程完工';

describe('an analyst tags passages as tasks and commitments in the reader', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('tags a selected passage as a commitment with Alt+C, its deadline read from the text', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, [SEED]);
    await page.click('.import-panel footer button');
    await page.click(`.library-table tbody tr:has-text("${TITLE}")`);
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain(PASSAGE);

    await selectPhrase(page, PASSAGE);
    await page.keyboard.press('Alt+KeyC');
    const card = page.locator('.annotation-card.tagged', { hasText: PASSAGE });
    await expect.poll(() => card.getAttribute('data-kind'), POLL).toBe('commitment');
    // The passage is highlighted in the commitment's colour, its kind drawn where it starts.
    await expect.poll(() => page.locator('mark.hl-item.hl-green').first().textContent(), POLL).toBe(PASSAGE);
    expect(await page.locator('mark.hl-item').first().getAttribute('data-kind-label')).toBe('Commitment');
    // The new item is open in the sidebar, prefilled.
    const date = card.locator('.item-editor input[type="date"]');
    // 年底 in a text published 2019-06-06.
    await expect.poll(() => date.inputValue(), POLL).toBe('2019-12-31');
    expect(await card.locator('[data-field="deadline-source"]').textContent()).toContain('年底');
    expect(await card.locator('.item-editor .kind-select').inputValue()).toBe('commitment');
  });

  it('corrects the deadline, sets the status and an owner, and finds them kept after a reload', async () => {
    const { page } = app;
    const card = page.locator('.annotation-card.tagged', { hasText: PASSAGE });
    await card.locator('.item-editor input[type="date"]').fill('2019-12-20');
    await expect.poll(() => card.locator('[data-field="deadline-source"]').textContent(), POLL).toContain('set by you');
    await card.locator('.item-editor .status-field select').selectOption('in-progress');
    await card.getByLabel('Add an owner').fill('市交通委');
    await card.getByLabel('Add an owner').press('Enter');
    await expect.poll(() => card.locator('.owner-chip').count(), POLL).toBe(1);
    await card.getByLabel('Add a target').fill('174公里');
    await card.getByLabel('Add a target').press('Enter');
    await expect.poll(() => card.locator('.chip', { hasText: '174公里' }).count(), POLL).toBe(1);

    await page.reload();
    const again = page.locator('.annotation-card.tagged', { hasText: PASSAGE });
    await expect.poll(() => again.locator('.item-summary .due').textContent(), POLL).toContain('2019-12-20');
    expect(await again.locator('.status-pill').textContent()).toBe('In progress');
    await again.locator('blockquote').click();
    await expect.poll(() => again.locator('.item-editor input[type="date"]').inputValue(), POLL).toBe('2019-12-20');
    expect(await again.locator('.owner-chip').textContent()).toContain('市交通委');
    expect(await again.locator('.status-history summary').textContent()).toContain('(2)');
  });

  it('tags an existing highlight with Alt+T, and deletes it with its item (undo brings both back)', async () => {
    const { page } = app;
    await selectPhrase(page, SECOND);
    await page.keyboard.press('h');
    const card = page.locator('.annotation-card', { hasText: SECOND });
    await expect.poll(() => card.getAttribute('aria-current'), POLL).toBe('true');
    await page.keyboard.press('Alt+KeyT');
    await expect.poll(() => card.getAttribute('data-kind'), POLL).toBe('task');
    await page.locator('mark.hl-item', { hasText: SECOND }).first().scrollIntoViewIfNeeded();
    await app.screenshot('items-reader');

    await card.locator('[data-action="delete-highlight"]').click();
    await expect.poll(() => card.locator('[role="alertdialog"]').count(), POLL).toBe(1);
    await page.keyboard.press('Enter'); // "Delete both" has the focus
    await expect.poll(() => page.locator('.annotation-card', { hasText: SECOND }).count(), POLL).toBe(0);
    await page.click('.toast button:has-text("Undo")');
    await expect
      .poll(() => page.locator('.annotation-card', { hasText: SECOND }).getAttribute('data-kind'), POLL)
      .toBe('task');
  });

  it('lists the suggestions of the text, and accepts two of them', async () => {
    // Depends on the extraction rules: the candidates of the 2019 work points.
    const { page } = app;
    await page.click('[data-tab="suggestions"]');
    const suggestion = (words: string) => page.locator('.suggestion', { hasText: words });
    await expect.poll(() => page.locator('.suggestion').count(), POLL).toBeGreaterThan(3);
    // Passages already tagged are shown as accepted, not offered again.
    await expect.poll(() => suggestion(PASSAGE).getAttribute('data-state'), POLL).toBe('accepted');
    expect(await suggestion(SECOND).getAttribute('data-state')).toBe('accepted');

    const greenHeart = suggestion('完成7000亩绿化任务');
    // Clicking a suggestion shows its passage in the text (painted, not a highlight).
    await greenHeart.locator('blockquote').click();
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('dossier-preview') ?? [])].map(String).join()), POLL)
      .toContain('完成7000亩绿化任务');
    expect(await greenHeart.locator('[data-field="deadline"]').textContent()).toContain('2019-12-31');
    expect(await greenHeart.locator('.chip').allTextContents()).toContain('7000亩');
    await greenHeart.locator('[data-action="accept"]').click();
    await expect.poll(() => greenHeart.getAttribute('data-state'), POLL).toBe('accepted');

    const airport = suggestion('9月底前建成通航');
    expect(await airport.locator('[data-field="deadline"]').textContent()).toContain('2019-09-30');
    await airport.locator('[data-action="edit"]').click();
    await airport.getByLabel('Add a target').fill('1个机场');
    await airport.getByLabel('Add a target').press('Enter');
    await airport.locator('[data-action="accept-edited"]').click();
    await expect.poll(() => airport.getAttribute('data-state'), POLL).toBe('accepted');

    // Dismissed suggestions leave the list; "show dismissed" brings them back with Restore.
    const other = page.locator('.suggestion[data-state="open"]').first();
    const quote = (await other.locator('blockquote').textContent())!;
    await other.locator('[data-action="dismiss"]').click();
    await expect.poll(() => page.locator('.suggestion', { hasText: quote }).count(), POLL).toBe(0);
    await page.getByLabel(/Show dismissed/).check();
    await expect
      .poll(() => page.locator('.suggestion', { hasText: quote }).getAttribute('data-state'), POLL)
      .toBe('dismissed');
    await app.screenshot('items-suggestions');

    await page.click('[data-tab="highlights"]');
    await expect.poll(() => page.locator('.annotation-card.tagged').count(), POLL).toBe(4);
    const accepted = page.locator('.annotation-card.tagged', { hasText: '9月底前建成通航' });
    await accepted.locator('blockquote').click();
    expect(await accepted.locator('.chip', { hasText: '1个机场' }).count()).toBe(1);
    expect(await accepted.locator('.item-editor input[type="date"]').inputValue()).toBe('2019-09-30');
  });

  it('shows the tagged and accepted items in the items view with their fields, and keeps a status changed there', async () => {
    const { page } = app;
    await page.click('.topbar nav button:has-text("Items")');
    const row = (words: string) => page.locator('.items-row[data-item-id]', { hasText: words });
    await expect.poll(() => page.locator('.items-row[data-item-id]').count(), POLL).toBe(4);

    // Tagged by hand, with the deadline the analyst corrected and the owner they added.
    const railway = row(PASSAGE);
    expect(await railway.locator('.cell-kind').textContent()).toBe('Commitment');
    expect(await railway.locator('.cell-deadline').textContent()).toContain('2019-12-20');
    expect(await railway.locator('.cell-owners').textContent()).toContain('北京市交通委员会');
    expect(await railway.locator('.status-select').inputValue()).toBe('in-progress');
    // Accepted suggestions, with the fields the rules read.
    const greenHeart = row('完成7000亩绿化任务');
    expect(await greenHeart.locator('.cell-targets').textContent()).toContain('7000亩');
    expect(await greenHeart.locator('.cell-deadline').textContent()).toContain('2019');
    expect(await greenHeart.locator('.cell-category').textContent()).toBe('生态');
    const airport = row('9月底前建成通航');
    expect(await airport.locator('.cell-deadline').textContent()).toContain('2019-09');
    expect(await airport.locator('.cell-targets').textContent()).toContain('1个机场');
    // Open items past their deadline are flagged against today's date (these are 2019's).
    expect(await greenHeart.getAttribute('class')).toContain('overdue');

    await greenHeart.locator('.status-select').selectOption('done');
    await expect.poll(() => greenHeart.getAttribute('class'), POLL).not.toContain('overdue');
    await page.reload();
    await expect.poll(() => row('完成7000亩绿化任务').locator('.status-select').inputValue(), POLL).toBe('done');
    expect(await row(PASSAGE).locator('.status-select').inputValue()).toBe('in-progress');
    expect(await page.locator('.items-row[data-item-id]').count()).toBe(4);
    await app.screenshot('items-view-after-tagging');
  });
});

describe('suggestions on a PDF', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('accepts a suggestion of a PDF and draws it on its page as an item', async () => {
    // Depends on the extraction rules: seed-001.pdf holds the same 2019 work points.
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, [join(FIXTURES, 'pdf', 'seed-001.pdf')]);
    await page.click('.import-panel footer button');
    await page.click(`.library-table tbody tr:has-text("${TITLE}")`);
    await page.waitForSelector('.page[data-page-number="1"] canvas', { timeout: 20_000 });
    await page.click('[data-tab="suggestions"]');
    const airport = page.locator('.suggestion', { hasText: '9月底前建成通航' });
    await expect.poll(() => airport.count(), POLL).toBe(1);
    await airport.locator('blockquote').click(); // scrolls its page into view
    await airport.locator('[data-action="accept"]').click();
    await expect.poll(() => airport.getAttribute('data-state'), POLL).toBe('accepted');
    await expect.poll(() => page.locator('.pdf-highlight.item').count(), POLL).toBeGreaterThan(0);
    await app.screenshot('items-pdf-suggestion');
  });
});
