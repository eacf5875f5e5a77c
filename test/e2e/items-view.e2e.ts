// The library-wide items view (#/items): filters, bulk status changes, the address keeping
// filters across a reload, opening an item's passage, and a virtualised table of 20,000 items.
//
// Items are seeded straight into the app's IndexedDB (database 'dossier') from the page, with
// highlights for their passages, so this suite does not depend on the reader's tagging UI; the
// page is reloaded afterwards so the app reads them.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importThroughDialog, launch, putRecords, seedItems, stopServer, type App, type ItemSeed } from './harness';
import { bulkItems, GROUPS, lead, PLAN, responsible, TWO_SEEDS } from './seeds';

const POLL = { timeout: 15_000 };

const SEEDS: ItemSeed[] = [
  {
    id: 'e2e-1',
    document: PLAN,
    passage: '推进通州区与北三县协同发展',
    fields: {
      kind: 'task',
      owners: [lead('市发改委', '北京市发展和改革委员会'), responsible('通州区政府', '北京市通州区人民政府')],
      deadline: { from: '2019-01-01', to: '2019-12-31', precision: 'year', text: '2019年底前', origin: 'explicit' },
      status: 'open',
      category: '协同发展',
    },
  },
  {
    id: 'e2e-2',
    document: PLAN,
    passage: '加快上游水源涵养林建设',
    fields: {
      kind: 'commitment',
      owners: [lead('市园林绿化局', '北京市园林绿化局')],
      deadline: { from: '2019-09-01', to: '2019-09-30', precision: 'month', text: '9月底前', origin: 'section' },
      targets: [{ value: 90, unit: '项', text: '90项' }],
      status: 'in-progress',
      category: '生态',
    },
  },
  {
    id: 'e2e-3',
    document: PLAN,
    passage: '做好京津冀非遗展示宣传活动',
    fields: {
      kind: 'task',
      owners: [responsible('市文化和旅游局', '北京市文化和旅游局')],
      deadline: { from: '2019-04-01', to: '2019-06-30', precision: 'quarter', text: '二季度', origin: 'context' },
      status: 'done',
      category: '文化',
    },
  },
  {
    id: 'e2e-4',
    document: PLAN,
    passage: '健全联合督查督办机制',
    fields: {
      kind: 'task',
      owners: [lead('市政府督查室', '北京市人民政府督查室'), responsible('市发改委', '北京市发展和改革委员会')],
      deadline: { from: '2035-01-01', to: '2035-12-31', precision: 'year', text: '到2035年', origin: 'explicit' },
      status: 'open',
      category: null,
    },
  },
  {
    id: 'e2e-5',
    document: GROUPS,
    passage: '本市已经正式确定设立九大专项工作小组',
    fields: { kind: 'commitment', owners: [], deadline: null, status: 'unknown', category: null },
  },
];

/** Writes `count` plain items (no passages) in one transaction, then reloads. */
async function seedMany(page: Page, count: number): Promise<void> {
  await putRecords(page, 'items', bulkItems(count));
}

const rows = (page: Page) => page.locator('.items-body [role="row"]');
const row = (page: Page, id: string) => page.locator(`.items-body [data-item-id="${id}"]`);
const statusOf = (page: Page, id: string) => row(page, id).locator('.status-select').inputValue();
const shownIds = (page: Page) =>
  rows(page).evaluateAll((els) =>
    els
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((el) => el.getAttribute('data-item-id')),
  );

describe('the items view', () => {
  let app: App;
  beforeAll(async () => {
    app = await launch();
    await importThroughDialog(app, TWO_SEEDS);
    await app.page.click('.import-panel footer button');
  });
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('opens from the header and with Ctrl+J, and explains how to tag items when there are none', async () => {
    const { page } = app;
    await page.click('.topbar nav button:has-text("Items")');
    await expect.poll(() => page.evaluate(() => location.hash), POLL).toBe('#/items');
    await expect.poll(() => page.locator('.items-empty').textContent(), POLL).toContain('Alt+C');
    await app.screenshot('items-view-empty');
    expect(await page.locator('.topbar nav button[aria-current="page"]').textContent()).toBe('Items');
    await page.click('.items-empty button.primary');
    await page.waitForSelector('.library-table');
    await page.keyboard.press('Control+j');
    await page.waitForSelector('.items-empty');
  });

  it('lists every item with its owners, deadline, targets, status, document and overdue flag', async () => {
    const { page } = app;
    await seedItems(page, SEEDS);
    await expect.poll(() => rows(page).count(), POLL).toBe(5);
    expect(await page.locator('.items-bar .count').textContent()).toBe('5 of 5 items');
    // Sorted by deadline, undated last.
    expect(await shownIds(page)).toEqual(['e2e-3', 'e2e-2', 'e2e-1', 'e2e-4', 'e2e-5']);

    const first = row(page, 'e2e-1');
    expect(await first.locator('.cell-owners').textContent()).toBe('Lead北京市发展和改革委员会、北京市通州区人民政府');
    expect(await first.locator('.cell-owners .lead-mark').count()).toBe(1);
    expect(await first.locator('.cell-owners').getAttribute('title')).toContain('市发改委 → 北京市发展和改革委员会');
    expect(await first.locator('.cell-deadline span[title]').textContent()).toBe('2019');
    expect(await first.locator('.cell-deadline span[title]').getAttribute('title')).toContain('2019年底前');
    expect(await first.locator('.overdue-flag').textContent()).toBe('Overdue');
    expect(await first.locator('.cell-document').textContent()).toBe(PLAN);

    const second = row(page, 'e2e-2');
    expect(await second.locator('.cell-deadline span[title]').textContent()).toBe('2019-09');
    expect(await second.locator('.cell-deadline span[title]').getAttribute('title')).toContain('9月底前');
    expect(await second.locator('.cell-targets').textContent()).toBe('90项');
    expect(await second.locator('.cell-kind').textContent()).toBe('Commitment');
    expect(await row(page, 'e2e-3').locator('.cell-deadline span[title]').textContent()).toBe('2019 Q2');
    // Done, or due in 2035, or without a deadline: not overdue.
    for (const id of ['e2e-3', 'e2e-4', 'e2e-5']) expect(await row(page, id).locator('.overdue-flag').count()).toBe(0);
    expect(await row(page, 'e2e-5').locator('.cell-deadline').textContent()).toBe('No deadline');
  });

  it('filters by status and by owner (as written or normalised), and by overdue', async () => {
    const { page } = app;
    await page.selectOption('.items-tools select[data-filter="status"]', 'open');
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-1', 'e2e-4']);
    await page.fill('.items-tools input[data-filter="owner"]', '发改委');
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-1', 'e2e-4']);
    await page.fill('.items-tools input[data-filter="owner"]', '督查室');
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-4']);
    await page.fill('.items-tools input[data-filter="owner"]', '人民政府督查');
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-4']);
    expect(await page.locator('.items-bar .count').textContent()).toBe('1 of 5 items');
    await page.fill('.items-tools input[data-filter="owner"]', '');
    await page.selectOption('.items-tools select[data-filter="status"]', '');
    await page.check('.items-tools label.check input');
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-2', 'e2e-1']);
    await page.uncheck('.items-tools label.check input');
    await page.fill('.items-tools input[data-find]', '水源');
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-2']);
    await page.fill('.items-tools input[data-find]', 'zzz-nothing');
    await expect.poll(() => page.locator('.items-none').textContent(), POLL).toContain('No items match');
    await page.click('.items-none button');
    await expect.poll(() => rows(page).count(), POLL).toBe(5);
  });

  it('selects rows by click, Ctrl+click and Shift+click, and changes their status at once', async () => {
    const { page } = app;
    await row(page, 'e2e-3').locator('.cell-title').click();
    await row(page, 'e2e-1')
      .locator('.cell-title')
      .click({ modifiers: ['Shift'] });
    await row(page, 'e2e-5')
      .locator('.cell-title')
      .click({ modifiers: ['Control'] });
    await expect
      .poll(() => page.locator('.items-body [aria-selected="true"]').evaluateAll((els) => els.length), POLL)
      .toBe(4);
    expect(await page.locator('.items-bar .selected-count').textContent()).toBe('4 selected');
    await app.screenshot('items-view');
    await page.selectOption('.items-bar select[data-action="bulk-status"]', 'done');
    for (const id of ['e2e-1', 'e2e-2', 'e2e-3', 'e2e-5'])
      await expect.poll(() => statusOf(page, id), POLL).toBe('done');
    expect(await statusOf(page, 'e2e-4')).toBe('open');
    await expect.poll(() => page.locator('.toast').first().textContent(), POLL).toContain('3 items set to “Done”');
    expect(await page.locator('.items-body .overdue-flag').count()).toBe(0);
    // Undo puts each back as it was; the selection stays for another try.
    await page.click('.toast button:has-text("Undo")');
    await expect.poll(() => statusOf(page, 'e2e-2'), POLL).toBe('in-progress');
    expect(await statusOf(page, 'e2e-1')).toBe('open');
    expect(await statusOf(page, 'e2e-5')).toBe('unknown');
    expect(await statusOf(page, 'e2e-3')).toBe('done');
    await page.selectOption('.items-bar select[data-action="bulk-status"]', 'done');
    for (const id of ['e2e-1', 'e2e-2', 'e2e-3', 'e2e-5'])
      await expect.poll(() => statusOf(page, id), POLL).toBe('done');
    // One row's status, inline.
    await row(page, 'e2e-2').locator('.status-select').selectOption('missed');
    await expect.poll(() => statusOf(page, 'e2e-2'), POLL).toBe('missed');
  });

  it('keeps filters and statuses across a reload', async () => {
    const { page } = app;
    await page.selectOption('.items-tools select[data-filter="status"]', 'done');
    await page.fill('.items-tools input[data-filter="owner"]', '北京市');
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-3', 'e2e-1']);
    await expect.poll(() => page.evaluate(() => location.hash), POLL).toMatch(/^#\/items\?.*status=done.*owner=/);
    await page.reload();
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-3', 'e2e-1']);
    expect(await page.inputValue('.items-tools select[data-filter="status"]')).toBe('done');
    expect(await page.inputValue('.items-tools input[data-filter="owner"]')).toBe('北京市');
    expect(await statusOf(page, 'e2e-1')).toBe('done');
  });

  it('moves with the arrow keys, toggles with Space, and opens the passage with Enter', async () => {
    const { page } = app;
    await row(page, 'e2e-3').locator('.cell-title').click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => row(page, 'e2e-1').getAttribute('class'), POLL).toContain('active');
    await page.keyboard.press('Space');
    await expect.poll(() => row(page, 'e2e-1').getAttribute('aria-selected'), POLL).toBe('true');
    expect(await page.getAttribute('.items-grid', 'aria-activedescendant')).toBe('item-row-e2e-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash), POLL).toMatch(/^#\/doc\/[^/]+\/a\/e2e-1-a$/);
    await expect
      .poll(() => page.locator('mark.hl-active').first().textContent(), POLL)
      .toBe('推进通州区与北三县协同发展');
    // Back returns to the same filtered list.
    await page.goBack();
    await expect.poll(() => shownIds(page), POLL).toEqual(['e2e-3', 'e2e-1']);
  });

  it('opens a passage from a row’s button', async () => {
    const { page } = app;
    await page.click('.items-tools button.link'); // Clear filters
    await expect.poll(() => rows(page).count(), POLL).toBe(5);
    await row(page, 'e2e-5').locator('.cell-open button').click();
    await expect.poll(() => page.evaluate(() => location.hash), POLL).toMatch(/\/a\/e2e-5-a$/);
    await expect
      .poll(() => page.locator('mark.hl-active').first().textContent(), POLL)
      .toBe('本市已经正式确定设立九大专项工作小组');
  });

  it('speaks Chinese in a dark theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.selectOption('.language select', 'zh');
    await page.click('.topbar nav button:has-text("事项")');
    await expect.poll(() => page.locator('.items-bar .count').textContent(), POLL).toBe('显示 5 项，共 5 项');
    expect(await row(page, 'e2e-4').locator('.status-select').inputValue()).toBe('open');
    expect(await row(page, 'e2e-3').locator('.cell-deadline span[title]').textContent()).toBe('2019年第2季度');
    await row(page, 'e2e-4').locator('.cell-title').click();
    await app.screenshot('items-view-zh-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.selectOption('.language select', 'en');
  });

  it('keeps only the rows in view in the page with 20,000 items, and reaches the last with End', async () => {
    const { page } = app;
    await seedMany(page, 20_000);
    await expect.poll(() => page.locator('.items-bar .count').textContent(), POLL).toBe('20,005 of 20,005 items');
    const inDom = await rows(page).count();
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(80);
    await page.locator('.items-grid').focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getAttribute('.items-grid', 'aria-activedescendant'), POLL).toBe('item-row-e2e-5');
    await expect
      .poll(() => page.locator('.items-body .items-row.active').getAttribute('aria-rowindex'), POLL)
      .toBe('20006');
    expect(await rows(page).count()).toBeLessThan(80);
    await page.keyboard.press('Control+a');
    await expect.poll(() => page.locator('.items-bar .selected-count').textContent(), POLL).toBe('20,005 selected');
    await page.keyboard.press('Escape');
    await page.fill('.items-tools input[data-find]', '第19999项');
    await expect.poll(() => shownIds(page), POLL).toEqual(['bulk-019999']);
    await app.screenshot('items-view-filtered');
  });
});
