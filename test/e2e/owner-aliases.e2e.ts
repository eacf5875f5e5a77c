// Owner names (the items view's alias dialog): an alias the analyst adds merges two owners in
// the owner column, the owner filter's choices and the owner sort at once, without rewriting
// the items; an owner no table knows is mapped to another in two clicks; aliases are edited,
// removed (with Undo) and kept across a reload.
//
// Items are seeded straight into the app's IndexedDB (database 'dossier') without passages.
// Last, the reader: suggestions are read again when the aliases change, and an owner typed
// in the item editor is named through them.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemOwner, ItemRecord } from '../../shared/model/types';
import { FIXTURES, importThroughDialog, launch, putRecords, selectPhrase, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };

const owner = (asWritten: string, normalized = asWritten, role: ItemOwner['role'] = 'lead'): ItemOwner => ({
  asWritten,
  normalized,
  role,
});

const SEEDS: { id: string; title: string; owners: ItemOwner[] }[] = [
  { id: 'oa-1', title: '健全联合督查督办机制', owners: [owner('市政府督查室')] },
  { id: 'oa-2', title: '开展重点任务专项督查', owners: [owner('北京市人民政府督查室')] },
  { id: 'oa-3', title: '推进通州区与北三县协同发展', owners: [owner('通州区政府')] },
  { id: 'oa-4', title: '编制城市副中心控制性详细规划', owners: [owner('北京市通州区人民政府')] },
  {
    id: 'oa-5',
    title: '完成年度投资计划',
    owners: [owner('市发改委', '北京市发展和改革委员会'), owner('市财政局', '北京市财政局', 'responsible')],
  },
];

async function seed(page: Page): Promise<void> {
  const now = new Date().toISOString();
  const records: ItemRecord[] = SEEDS.map((s, i) => ({
    id: s.id,
    createdAt: now,
    updatedAt: now,
    rev: now,
    baseRev: null,
    kind: 'task',
    title: s.title,
    annotationIds: [],
    documentId: null,
    owners: s.owners,
    deadline: { from: '2030-01-01', to: `2030-0${i + 1}-28`, precision: 'day', text: '', origin: 'analyst' },
    milestones: [],
    targets: [],
    status: 'open',
    statusHistory: [{ status: 'open', at: now }],
    category: null,
    tags: [],
    note: null,
    noteText: '',
    origin: 'manual',
  }));
  await putRecords(page, 'items', records);
}

const row = (page: Page, id: string) => page.locator(`.items-body [data-item-id="${id}"]`);
const ownersOf = (page: Page, id: string) => row(page, id).locator('.cell-owners').textContent();
const shownIds = (page: Page) =>
  page
    .locator('.items-body [role="row"]')
    .evaluateAll((els) =>
      els
        .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
        .map((el) => el.getAttribute('data-item-id')),
    );
/** The owner filter's suggestions: the options of the datalist its input names. */
const ownerChoices = (page: Page) =>
  page
    .locator('.items-view [data-filter="owner"]')
    .evaluate((input) =>
      [...((input as HTMLInputElement).list?.options ?? [])].map((option) => option.getAttribute('value')),
    );
const dialog = (page: Page) => page.locator('dialog.owner-aliases');
const suggestions = (page: Page) =>
  dialog(page)
    .locator('.owner-suggestions .owner-pick > span[lang]')
    .evaluateAll((els) => els.map((el) => el.textContent));
const yourAliases = (page: Page) =>
  dialog(page)
    .locator('.alias-table:not(.builtin) tbody tr')
    .evaluateAll((els) =>
      els.map((el) => [el.querySelector('.alias')?.textContent, el.querySelector('.canonical')?.textContent]),
    );

describe('owner names', () => {
  let app: App;
  beforeAll(async () => {
    app = await launch();
    await app.page.click('.topbar nav button:has-text("Items")');
    await app.page.waitForSelector('.items-empty');
    await seed(app.page);
  });
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('lists the owners as the built-in table names them', async () => {
    const { page } = app;
    await expect.poll(() => page.locator('.items-body [role="row"]').count(), POLL).toBe(5);
    expect(await ownersOf(page, 'oa-1')).toBe('Lead市政府督查室');
    expect(await ownersOf(page, 'oa-2')).toBe('Lead北京市人民政府督查室');
    expect(await ownersOf(page, 'oa-5')).toBe('Lead北京市发展和改革委员会、北京市财政局');
    expect(await ownerChoices(page)).toContain('市政府督查室');
  });

  it('opens from the toolbar with the keyboard, and suggests the owners no table knows', async () => {
    const { page } = app;
    await page.focus('[data-action="owner-aliases"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog(page).isVisible(), POLL).toBe(true);
    expect(await dialog(page).getAttribute('aria-labelledby')).toBeTruthy();
    // Focus starts in the first field.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.alias-form') !== null), POLL)
      .toBe(true);
    expect((await suggestions(page)).sort()).toEqual(
      ['北京市人民政府督查室', '北京市通州区人民政府', '市政府督查室', '通州区政府'].sort(),
    );
    // The built-in table, for reference and search.
    const builtIn = dialog(page).locator('.builtin-aliases summary');
    expect(await builtIn.textContent()).toMatch(/^Built-in aliases \(\d{2,}\)$/);
    await builtIn.click();
    await dialog(page).locator('.builtin-aliases input[type="search"]').fill('发改委');
    await expect
      .poll(() => dialog(page).locator('.alias-table.builtin td.alias').allTextContents(), POLL)
      .toEqual(['国家发改委→', '市发改委→']);
    await builtIn.click();
  });

  it('adds an alias: two owners merge in the owner column, the filter and the sort at once', async () => {
    const { page } = app;
    const form = dialog(page).locator('.alias-form');
    // Both names are needed.
    await form.locator('input').first().fill('市政府督查室');
    await page.keyboard.press('Enter');
    expect(await dialog(page).locator('.alias-error').textContent()).toContain('Enter both');
    await form.locator('input').nth(1).fill('北京市人民政府督查室');
    await page.keyboard.press('Enter');
    await expect.poll(() => yourAliases(page), POLL).toEqual([['市政府督查室→', '北京市人民政府督查室']]);
    expect(await dialog(page).locator('.alias-notice').textContent()).toContain(
      'Added 市政府督查室 → 北京市人民政府督查室',
    );
    expect(await suggestions(page)).not.toContain('市政府督查室');
    expect(await suggestions(page)).not.toContain('北京市人民政府督查室');
    // Behind the dialog, the items view already names both alike.
    await expect.poll(() => ownersOf(page, 'oa-1'), POLL).toBe('Lead北京市人民政府督查室');
    // Escape closes the dialog and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count(), POLL).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-action')), POLL)
      .toBe('owner-aliases');

    const choices = await ownerChoices(page);
    expect(choices).toContain('北京市人民政府督查室');
    expect(choices).not.toContain('市政府督查室');
    await page.fill('.items-tools input[data-filter="owner"]', '北京市人民政府督查室');
    await expect.poll(() => shownIds(page), POLL).toEqual(['oa-1', 'oa-2']);
    // The alias finds the owner it stands for, however each item wrote it.
    await page.fill('.items-tools input[data-filter="owner"]', '市政府督查室');
    await expect.poll(() => shownIds(page), POLL).toEqual(['oa-1', 'oa-2']);
    await page.fill('.items-tools input[data-filter="owner"]', '');
    await page.selectOption('.items-tools label select', 'owner');
    await expect.poll(() => shownIds(page), POLL).toEqual(['oa-5', 'oa-1', 'oa-2', 'oa-4', 'oa-3']);
  });

  it('maps an owner no table knows to another in two clicks', async () => {
    const { page } = app;
    await page.click('[data-action="owner-aliases"]');
    await dialog(page).waitFor();
    await dialog(page)
      .locator('.owner-pick', { hasText: /^通州区政府/ })
      .click();
    // The likeliest owner comes first.
    const first = dialog(page).locator('.map-targets ul button').first();
    expect(await first.getAttribute('aria-label')).toBe('Map 通州区政府 to 北京市通州区人民政府');
    await page.mouse.move(0, 0);
    await app.screenshot('owner-aliases');
    await first.click();
    await expect
      .poll(() => yourAliases(page), POLL)
      .toEqual([
        ['市政府督查室→', '北京市人民政府督查室'],
        ['通州区政府→', '北京市通州区人民政府'],
      ]);
    await expect.poll(() => suggestions(page), POLL).toEqual([]);
    await expect.poll(() => ownersOf(page, 'oa-3'), POLL).toBe('Lead北京市通州区人民政府');
  });

  it('edits and removes an alias, with Undo', async () => {
    const { page } = app;
    await dialog(page).getByRole('button', { name: 'Edit the alias 通州区政府' }).click();
    const edit = dialog(page).locator('.alias-edit input');
    await edit.nth(1).fill('北京市通州区政府');
    await edit.nth(1).press('Enter');
    await expect
      .poll(() => yourAliases(page), POLL)
      .toEqual([
        ['市政府督查室→', '北京市人民政府督查室'],
        ['通州区政府→', '北京市通州区政府'],
      ]);
    await expect.poll(() => ownersOf(page, 'oa-3'), POLL).toBe('Lead北京市通州区政府');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), POLL)
      .toBe('Edit the alias 通州区政府');

    await dialog(page).getByRole('button', { name: 'Remove the alias 通州区政府' }).click();
    await expect.poll(() => yourAliases(page), POLL).toEqual([['市政府督查室→', '北京市人民政府督查室']]);
    await expect.poll(() => ownersOf(page, 'oa-3'), POLL).toBe('Lead通州区政府');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => yourAliases(page), POLL).toHaveLength(2);
    await expect.poll(() => ownersOf(page, 'oa-3'), POLL).toBe('Lead北京市通州区政府');
    await dialog(page).locator('footer button').click();
    await expect.poll(() => dialog(page).count(), POLL).toBe(0);
  });

  it('keeps the aliases across a reload', async () => {
    const { page } = app;
    await page.reload();
    await expect.poll(() => ownersOf(page, 'oa-1'), POLL).toBe('Lead北京市人民政府督查室');
    expect(await ownersOf(page, 'oa-3')).toBe('Lead北京市通州区政府');
    const choices = await ownerChoices(page);
    expect(choices).not.toContain('市政府督查室');
    expect(choices).not.toContain('通州区政府');
    await page.click('[data-action="owner-aliases"]');
    await expect.poll(() => yourAliases(page), POLL).toHaveLength(2);
    await page.keyboard.press('Escape');
  });

  it('speaks Chinese in a dark theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.selectOption('.language select', 'zh');
    await page.click('[data-action="owner-aliases"]');
    await dialog(page).waitFor();
    expect(await dialog(page).locator('h2').textContent()).toBe('责任单位别名');
    expect(await page.textContent('[data-action="owner-aliases"]')).toBe('责任单位别名…');
    await dialog(page).locator('.builtin-aliases summary').click();
    await app.screenshot('owner-aliases-zh-dark');
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.selectOption('.language select', 'en');
  });

  it('reads suggestions again with new aliases, and names an owner typed in the item editor through them', async () => {
    const { page } = app;
    const GROUP = '人口调控工作小组';
    await page.click('[data-action="owner-aliases"]');
    await dialog(page).locator('.alias-form input').first().fill(GROUP);
    await dialog(page).locator('.alias-form input').nth(1).fill('北京市人口调控工作小组');
    await page.keyboard.press('Enter');
    await expect.poll(() => yourAliases(page), POLL).toHaveLength(3);
    await page.keyboard.press('Escape');

    await page.click('.topbar nav button:has-text("Library")');
    await importThroughDialog(app, [join(FIXTURES, 'seeds', '000_6e9d3646a86fd5b6.txt')]);
    await page.click('.import-panel footer button');
    await page.click('.library-table tbody tr:has-text("北京市设九工作组")');
    await page.click('[data-tab="suggestions"]');
    const chip = page.locator('.suggestion .chip', { hasText: GROUP }).first();
    await expect.poll(() => chip.locator('.normalized').textContent(), POLL).toBe('北京市人口调控工作小组');

    // The alias removed (the reader still open): the suggestions are read again without it.
    await page.click('.topbar nav button:has-text("Items")');
    await page.click('[data-action="owner-aliases"]');
    await dialog(page)
      .getByRole('button', { name: `Remove the alias ${GROUP}` })
      .click();
    await expect.poll(() => yourAliases(page), POLL).toHaveLength(2);
    await page.keyboard.press('Escape');
    await page.goBack();
    await page.click('[data-tab="suggestions"]');
    await expect.poll(() => page.locator('.suggestion .chip', { hasText: GROUP }).count(), POLL).toBeGreaterThan(0);
    await expect.poll(() => chip.locator('.normalized').count(), POLL).toBe(0);

    // An owner typed by hand goes by the alias table's name.
    await selectPhrase(page, '京津冀协同发展');
    await page.keyboard.press('Alt+KeyT');
    const card = page.locator('.annotation-card.tagged', { hasText: '京津冀协同发展' });
    await card.getByLabel('Add an owner').fill('市政府督查室');
    await card.getByLabel('Add an owner').press('Enter');
    await expect.poll(() => card.locator('.owner-chip .normalized').textContent(), POLL).toBe('北京市人民政府督查室');
    await card.getByLabel('Add an owner').fill('市发改委');
    await card.getByLabel('Add an owner').press('Enter');
    await expect
      .poll(() => card.locator('.owner-chip .normalized').allTextContents(), POLL)
      .toEqual(['北京市人民政府督查室', '北京市发展和改革委员会']);
  });
});
