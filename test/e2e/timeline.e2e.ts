// The timeline (#/timeline) in real Chromium: the sample corpus imported, items tagged in the
// reader (Alt+C) and seeded with owners, deadlines at every precision, statuses and a history
// chain of links; filtered to one owner, an entry's passage opened, a date mention pinned and
// an event made from a selection in the reader and found on the timeline, zoom and keyboard;
// then 20,000 items with only what is in view in the DOM.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../shared/model/types';
import {
  FIXTURES,
  importThroughDialog,
  launch,
  putRecords,
  seedItems,
  selectPhrase,
  stopServer,
  type App,
  type ItemSeed,
} from './harness';
import { bulkItems, lead, PLAN } from './seeds';

const POLL = { timeout: 15_000 };
const REPOST = '北京23个市级部门对接通州 冲刺城市副中心建设';
const PAPER = '北京城市副中心报';
const seeds = readdirSync(join(FIXTURES, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(FIXTURES, 'seeds', f));

const FGW = lead('市发改委', '北京市发展和改革委员会');

const SEEDS: ItemSeed[] = [
  {
    id: 'tl-1',
    document: PLAN,
    passage: '推进通州区与北三县协同发展',
    fields: {
      kind: 'task',
      owners: [FGW],
      deadline: { from: '2019-01-01', to: '2019-12-31', precision: 'year', text: '2019年底前', origin: 'explicit' },
      status: 'open',
      category: '协同发展',
      tags: ['副中心'],
    },
  },
  {
    id: 'tl-2',
    document: PLAN,
    passage: '加快上游水源涵养林建设',
    fields: {
      kind: 'commitment',
      owners: [lead('市园林绿化局', '北京市园林绿化局')],
      deadline: { from: '2019-09-01', to: '2019-09-30', precision: 'month', text: '9月底前', origin: 'section' },
      status: 'done',
      category: '生态',
    },
  },
  {
    id: 'tl-3',
    document: PLAN,
    passage: '做好京津冀非遗展示宣传活动',
    fields: {
      kind: 'task',
      owners: [lead('市文化和旅游局', '北京市文化和旅游局')],
      deadline: { from: '2019-04-01', to: '2019-06-30', precision: 'quarter', text: '二季度', origin: 'context' },
      status: 'missed',
      category: '文化',
    },
  },
  {
    id: 'tl-4',
    document: PLAN,
    passage: '健全联合督查督办机制',
    fields: {
      kind: 'task',
      owners: [lead('市政府督查室', '北京市人民政府督查室'), { ...FGW, role: 'responsible' }],
      deadline: { from: '2035-01-01', to: '2035-12-31', precision: 'year', text: '到2035年', origin: 'explicit' },
      status: 'open',
    },
  },
  {
    id: 'tl-5',
    document: REPOST,
    passage: '今年3月1日前实现与通州区工作对接',
    fields: {
      kind: 'commitment',
      owners: [FGW],
      deadline: { from: '2017-03-01', to: '2017-03-01', precision: 'day', text: '今年3月1日前', origin: 'explicit' },
      status: 'done',
      category: '协同发展',
    },
  },
  {
    id: 'tl-6',
    document: PAPER,
    passage: '做好对口帮扶河北省张承环京相关地区工作',
    fields: {
      kind: 'task',
      owners: [lead('市支援合作办', '北京市人民政府扶贫协作和支援合作工作领导小组办公室')],
      deadline: { from: '2022-01-01', to: '2022-12-31', precision: 'year', text: '2022年', origin: 'context' },
      status: 'in-progress',
    },
  },
];

/** The history of tl-1 across documents: the 2017 commitment it updates, the 2022 report that fulfils it. */
function chainLinks(): LinkRecord[] {
  const at = new Date().toISOString();
  const base = { createdAt: at, updatedAt: at, rev: at, baseRev: null, note: null };
  return [
    { ...base, id: 'link-1', type: 'updates', from: { kind: 'item', id: 'tl-1' }, to: { kind: 'item', id: 'tl-5' } },
    {
      ...base,
      id: 'link-2',
      type: 'fulfils',
      from: { kind: 'annotation', id: 'tl-6-a' },
      to: { kind: 'annotation', id: 'tl-1-a' },
    },
  ];
}

/** `count` plain items (no passages), due on days from 2016 to 2030, five owners, all statuses. */
function manyItems(count: number) {
  return bulkItems(count, { day: (i) => 1 + (i % 28) });
}

const entries = (page: Page) => page.locator('.timeline-body .tl-entry');
const entry = (page: Page, key: string) => page.locator(`.tl-entry[data-key="${key}"]`);
const shownKeys = async (page: Page, prefix = 'item:') =>
  (await entries(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-key')!)))
    .filter((k) => k.startsWith(prefix))
    .sort();
const focusedKey = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest<HTMLElement>('.tl-entry')?.dataset.key ?? null);
const level = (page: Page) => page.locator('.zoom-level').getAttribute('data-level');
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));

describe('the timeline', () => {
  let app: App;
  beforeAll(async () => {
    app = await launch();
    await importThroughDialog(app, seeds);
    await app.page.click('.import-panel footer button');
  });
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('shows the publication dates of the library, with today marked', async () => {
    const { page } = app;
    await page.click('.topbar nav [data-nav="timeline"]');
    await expect.poll(() => hash(page), POLL).toBe('#/timeline');
    await expect.poll(() => shownKeys(page, 'document:').then((k) => k.length), POLL).toBe(5);
    expect(await page.locator('.timeline-lane-label').first().textContent()).toContain('Publications');
    expect(await page.locator('.timeline-today').count()).toBe(1);
    expect(await page.locator('.timeline-axis .today-tick').textContent()).toBe('Today');
    expect(await page.locator('.topbar nav button[aria-current="page"]').textContent()).toBe('Timeline');
  });

  it('draws tagged and seeded items: deadlines over their precision, states apart', async () => {
    const { page } = app;
    // One passage tagged in the reader with Alt+C (its deadline read from the text: 年底, 2019).
    await page.click('.topbar nav button:has-text("Library")');
    await page.click(`.library-table tbody tr:has-text("${PLAN}")`);
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain('京张铁路');
    await selectPhrase(page, '实现京张铁路年底建成通车');
    await page.keyboard.press('Alt+KeyC');
    await expect.poll(() => page.locator('.annotation-card.tagged').count(), POLL).toBe(1);
    await expect
      .poll(() => page.locator('.annotation-card.tagged .item-editor input[type="date"]').inputValue(), POLL)
      .toBe('2019-12-31');

    await seedItems(page, SEEDS, { reload: false });
    await putRecords(page, 'links', chainLinks(), { reload: false });
    await page.evaluate(() => (location.hash = '#/timeline'));
    await page.reload();
    await expect.poll(() => shownKeys(page).then((k) => k.length), POLL).toBe(7);
    expect(await page.locator('.timeline-bar .count').textContent()).toBe('12 of 12 dated entries');

    const year = entry(page, 'item:tl-1');
    expect(await year.getAttribute('class')).toContain('state-overdue');
    expect(await year.getAttribute('class')).toContain('precision-year');
    expect(await year.locator('.tl-date').textContent()).toBe('2019');
    expect(await entry(page, 'item:tl-2').getAttribute('class')).toContain('state-done');
    expect(await entry(page, 'item:tl-3').getAttribute('class')).toContain('state-missed');
    expect(await entry(page, 'item:tl-3').locator('.tl-date').textContent()).toBe('2019 Q2');
    expect(await entry(page, 'item:tl-2').locator('.tl-date').textContent()).toBe('2019-09');
    expect(await entry(page, 'item:tl-4').getAttribute('class')).not.toContain('overdue');
    // A year-precision bar spans its year: four times a quarter's width, twelve times a month's.
    const width = (key: string) =>
      entry(page, key)
        .locator('.tl-bar')
        .evaluate((el) => el.getBoundingClientRect().width);
    const [yearWidth, quarterWidth] = [await width('item:tl-1'), await width('item:tl-3')];
    expect(yearWidth / quarterWidth).toBeGreaterThan(3.5);
    expect(yearWidth / quarterWidth).toBeLessThan(4.5);
    expect(await year.locator('button').getAttribute('aria-label')).toBe(
      'Task: 推进通州区与北三县协同发展, 2019, Overdue, 北京市发展和改革委员会',
    );
  });

  it('filters to one owner (the address keeps it), and groups lanes by owner', async () => {
    const { page } = app;
    await page.fill('.timeline-tools input[data-filter="owner"]', '发改委');
    await expect.poll(() => shownKeys(page, ''), POLL).toEqual(['item:tl-1', 'item:tl-4', 'item:tl-5']);
    await expect.poll(() => hash(page), POLL).toBe('#/timeline?owner=发改委');
    await page.selectOption('.timeline-tools select[data-action="lanes"]', 'owner');
    await expect
      .poll(() => page.locator('.timeline-lane-label .name').allTextContents(), POLL)
      .toEqual(['北京市发展和改革委员会', '北京市人民政府督查室']);
    await expect.poll(() => hash(page), POLL).toBe('#/timeline?owner=发改委&lanes=owner');
    // An owners view link opens the timeline filtered the same way.
    await page.evaluate(() => (location.hash = '#/library'));
    await page.evaluate(() => (location.hash = '#/timeline?owner=%E5%8F%91%E6%94%B9%E5%A7%94&lanes=owner'));
    await expect.poll(() => shownKeys(page, ''), POLL).toEqual(['item:tl-1', 'item:tl-4', 'item:tl-5']);
    expect(await page.inputValue('.timeline-tools input[data-filter="owner"]')).toBe('发改委');
  });

  it('previews an entry (quote, owners, status, history) and opens its passage', async () => {
    const { page } = app;
    await entry(page, 'item:tl-1').locator('button').click();
    const preview = page.locator('.timeline-preview');
    await expect.poll(() => preview.getAttribute('data-key'), POLL).toBe('item:tl-1');
    expect(await preview.locator('h2').textContent()).toBe('推进通州区与北三县协同发展');
    expect(await preview.locator('[data-field="quote"]').textContent()).toBe('推进通州区与北三县协同发展');
    expect(await preview.locator('[data-field="owners"]').textContent()).toContain('北京市发展和改革委员会');
    expect(await preview.locator('[data-field="status"]').inputValue()).toBe('open');
    expect(await preview.locator('[data-field="date"]').textContent()).toContain('2019年底前');
    // Its history across documents: the 2017 commitment it updates, the 2022 report fulfilling it.
    await expect.poll(() => preview.locator('.preview-history li').count(), POLL).toBe(3);
    await app.screenshot('timeline-preview');
    await preview.locator('[data-action="open-passage"]').click();
    await expect.poll(() => hash(page), POLL).toMatch(/^#\/doc\/[^/]+\/a\/tl-1-a$/);
    await expect
      .poll(() => page.locator('mark.hl-active').first().textContent(), POLL)
      .toBe('推进通州区与北三县协同发展');
    // Back: the same filtered timeline, the entry still selected and previewed.
    await page.goBack();
    await expect.poll(() => shownKeys(page, ''), POLL).toEqual(['item:tl-1', 'item:tl-4', 'item:tl-5']);
    await expect.poll(() => entry(page, 'item:tl-1').getAttribute('class'), POLL).toContain('active');
    await page.click('.timeline-tools [data-action="clear-filters"]');
    await page.selectOption('.timeline-tools select[data-action="lanes"]', 'kind');
    await expect.poll(() => shownKeys(page).then((k) => k.length), POLL).toBe(7);
  });

  it('draws an item’s history chain across documents', async () => {
    const { page } = app;
    await entry(page, 'item:tl-1').locator('button').click();
    await page.click('[data-action="fit-selection"]');
    await expect.poll(() => page.locator('.timeline-chain circle').count(), POLL).toBe(3);
    await app.screenshot('timeline');
  });

  it('moves between entries in time order with the keyboard, zooms with + and −, and previews with Enter', async () => {
    const { page } = app;
    await page.click('[data-action="fit-all"]');
    // Tab from the toolbar goes into the timeline, onto the selected entry; Escape closes its preview.
    await page.focus('.timeline-bar [data-action="new-event"]');
    await page.keyboard.press('Tab');
    expect(await focusedKey(page)).toBe('item:tl-1');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.timeline-preview').count(), POLL).toBe(0);
    expect(await focusedKey(page)).toBe('item:tl-1');
    await page.keyboard.press('Home');
    await expect.poll(() => focusedKey(page), POLL).toMatch(/^document:/);
    // 2016-01-28 (a publication) comes first; then 2017-02-07, then the 2017-03-01 commitment.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedKey(page), POLL).toBe('item:tl-5');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => focusedKey(page), POLL).toMatch(/^document:/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.timeline-preview').getAttribute('data-key'), POLL).toBe('item:tl-5');

    const before = await level(page);
    await page.keyboard.press('+');
    await expect.poll(() => level(page), POLL).not.toBe(before);
    const closer = await level(page);
    await page.keyboard.press('+');
    await expect.poll(() => level(page), POLL).not.toBe(closer);
    await page.keyboard.press('-');
    await expect.poll(() => level(page), POLL).toBe(closer);
    await page.keyboard.press('-');
    await expect.poll(() => level(page), POLL).toBe(before);
    // Still on the same entry, focused.
    expect(await focusedKey(page)).toBe('item:tl-5');
    // The buttons zoom too.
    await page.click('[data-action="zoom-in"]');
    await expect.poll(() => level(page), POLL).toBe(closer);
    await page.click('[data-action="zoom-out"]');
    await expect.poll(() => level(page), POLL).toBe(before);
  });

  it('pins a date mention in the reader and shows it on the timeline', async () => {
    const { page } = app;
    await page.evaluate(() => (location.hash = '#/library'));
    await page.click(`.library-table tbody tr:has-text("${PLAN}")`);
    await page.click('[data-tab="suggestions"]');
    const dates = page.locator('.dated-mentions');
    await dates.locator('summary').click();
    const mention = dates.locator('li[data-mention="9月底前"]').first();
    await mention.locator('[data-action="pin-date"]').click();
    await expect.poll(() => mention.getAttribute('data-pinned'), POLL).toBe('true');
    await expect.poll(() => page.locator('.toast').first().textContent(), POLL).toContain('pinned to the timeline');
    await mention.scrollIntoViewIfNeeded();
    await app.screenshot('timeline-pin-in-reader');
    await mention.locator('[data-action="show-on-timeline"]').click();
    await expect.poll(() => hash(page), POLL).toMatch(/^#\/timeline/);
    const preview = page.locator('.timeline-preview');
    await expect.poll(() => preview.getAttribute('data-key'), POLL).toMatch(/^event:/);
    const key = (await preview.getAttribute('data-key'))!;
    expect(await entry(page, key).getAttribute('class')).toContain('pinned');
    expect(await entry(page, key).getAttribute('class')).toContain('active');
    expect(await preview.locator('[data-field="quote"]').textContent()).toBe('9月底前');
    expect(await preview.locator('h2').textContent()).toContain('9月底前');
    expect(await preview.locator('[data-field="date"]').textContent()).toContain('2019-09');
  });

  it('makes an event from a selection in the reader, and one by hand on the timeline', async () => {
    const { page } = app;
    await page.evaluate(() => (location.hash = '#/library'));
    await page.click(`.library-table tbody tr:has-text("${REPOST}")`);
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain('工作专班');
    await selectPhrase(page, '2017年底四大市级机关和相关市属行政部门率先启动搬迁');
    await page.click('.selection-toolbar [data-action="add-to-timeline"]');
    const dialog = page.locator('dialog.event-dialog');
    await expect
      .poll(() => dialog.locator('[data-field="title"]').inputValue(), POLL)
      .toBe('2017年底四大市级机关和相关市属行政部门率先启动搬迁');
    expect(await dialog.locator('[data-field="date"]').inputValue()).toBe('2017-12-31');
    await app.screenshot('timeline-event-from-selection');
    await dialog.locator('[data-field="title"]').fill('四大市级机关启动搬迁');
    await dialog.locator('[data-action="save-and-show"]').click();
    await expect.poll(() => hash(page), POLL).toMatch(/^#\/timeline/);
    const preview = page.locator('.timeline-preview');
    await expect.poll(() => preview.locator('h2').textContent(), POLL).toBe('四大市级机关启动搬迁');
    expect(await preview.locator('[data-field="quote"]').textContent()).toBe(
      '2017年底四大市级机关和相关市属行政部门率先启动搬迁',
    );

    // By hand: a meeting over three days.
    await page.click('.timeline-bar [data-action="new-event"]');
    await dialog.locator('[data-field="title"]').fill('京津冀协同发展领导小组会议');
    await dialog.locator('[data-field="date"]').fill('2022-03-15');
    await dialog.locator('[data-field="until"]').fill('2022-03-17');
    await dialog.locator('[data-field="note"]').fill('三天会议');
    await expect.poll(() => dialog.locator('.event-range').textContent(), POLL).toContain('2022-03-15 – 2022-03-17');
    await dialog.locator('[data-action="save-event"]').click();
    await expect.poll(() => preview.locator('h2').textContent(), POLL).toBe('京津冀协同发展领导小组会议');
    expect(await preview.locator('.preview-note').textContent()).toBe('三天会议');
    const key = (await preview.getAttribute('data-key'))!;
    await expect.poll(() => entry(page, key).count(), POLL).toBe(1);

    // Edited, then deleted (Undo brings it back).
    await preview.locator('[data-action="edit-event"]').click();
    await dialog.locator('[data-field="title"]').fill('领导小组全体会议');
    await dialog.locator('[data-action="save-event"]').click();
    await expect.poll(() => preview.locator('h2').textContent(), POLL).toBe('领导小组全体会议');
    await preview.locator('[data-action="delete-event"]').click();
    await expect.poll(() => entry(page, key).count(), POLL).toBe(0);
    await page.click('.toast:has-text("领导小组全体会议") button:has-text("Undo")');
    await expect.poll(() => entry(page, key).count(), POLL).toBe(1);

    // A linked event asks what becomes of its links; Cancel keeps everything as it was.
    await entry(page, key).locator('button').click();
    await preview.locator('[data-action="link-entry"]').click();
    const picker = page.locator('dialog.link-picker[open]');
    await expect.poll(() => picker.count(), POLL).toBe(1);
    await page.keyboard.type('工作要点');
    await expect.poll(() => picker.locator('[role="option"]').count(), POLL).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await picker.getByLabel('Note (optional)').press('Enter');
    await expect.poll(() => page.locator('dialog.link-picker[open]').count(), POLL).toBe(0);
    await preview.locator('[data-action="delete-event"]').click();
    const confirm = preview.locator('[role="alertdialog"]');
    await expect.poll(() => confirm.textContent(), POLL).toContain('1 link');
    await confirm.locator('button:has-text("Cancel")').click();
    expect(await entry(page, key).count()).toBe(1);
    await preview.locator('[data-action="delete-event"]').click();
    await preview.locator('[data-action="delete-remove-links"]').click();
    await expect.poll(() => entry(page, key).count(), POLL).toBe(0);
    // Undo brings back the event and its link.
    await page.click('.toast:has-text("领导小组全体会议") button:has-text("Undo")');
    await expect.poll(() => entry(page, key).count(), POLL).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('shows an item on the timeline from the reader’s item editor', async () => {
    const { page } = app;
    await page.evaluate(() => (location.hash = '#/library'));
    await page.click(`.library-table tbody tr:has-text("${PLAN}")`);
    const card = page.locator('.annotation-card', { hasText: '加快上游水源涵养林建设' });
    await card.locator('blockquote').click();
    await card.locator('[data-action="show-on-timeline"]').click();
    await expect.poll(() => page.locator('.timeline-preview').getAttribute('data-key'), POLL).toBe('item:tl-2');
    await expect.poll(() => entry(page, 'item:tl-2').getAttribute('class'), POLL).toContain('active');
    await app.screenshot('timeline-show-item');
  });

  it('speaks Chinese in a dark theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.selectOption('.language select', 'zh');
    await page.click('[data-action="fit-all"]');
    await expect.poll(() => page.locator('.timeline-lane-label .name').first().textContent(), POLL).toBe('文档发布');
    expect(await page.locator('.zoom-level').textContent()).toMatch(/年|十年|季度|月/);
    expect(await entry(page, 'item:tl-3').locator('.tl-date').textContent()).toBe('2019年第2季度');
    await app.screenshot('timeline-zh-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.selectOption('.language select', 'en');
  });

  it('keeps only the entries in view in the page with 20,000 items', async () => {
    const { page } = app;
    await putRecords(page, 'items', manyItems(20_000));
    await page.evaluate(() => (location.hash = '#/timeline?lanes=owner'));
    await expect
      .poll(() => page.locator('.timeline-bar .count').textContent(), { timeout: 30_000 })
      .toBe('20,015 of 20,015 dated entries');
    await page.click('[data-action="fit-all"]');
    const inDom = async () => entries(page).count();
    await expect.poll(inDom, POLL).toBeGreaterThan(20);
    expect(await inDom()).toBeLessThan(1000);
    // Closer, panned with the keys and dragged: still bounded.
    await page.locator('.timeline-body').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
    const box = (await page.locator('.timeline-track').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 400, box.y + 40, { steps: 10 });
    await page.mouse.up();
    await expect.poll(inDom, POLL).toBeGreaterThan(20);
    expect(await inDom()).toBeLessThan(1000);
    // Arrows still walk the entries in time order.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedKey(page), POLL).toMatch(/^item:/);
    await app.screenshot('timeline-20000');
  });
});
