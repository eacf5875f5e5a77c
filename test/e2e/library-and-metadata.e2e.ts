import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };
const seeds = readdirSync(join(FIXTURES, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(FIXTURES, 'seeds', f));
const rows = (app: App) => app.page.locator('.library-table tbody tr');

describe('the library and document details', () => {
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

  it('marks an inferred date and lets the analyst confirm it', async () => {
    const { page } = app;
    await page.click('.library-table tbody tr:has-text("北京23个市级部门对接通州")');
    await expect.poll(() => page.locator('.doc-meta .badge').textContent(), POLL).toBe('inferred');
    expect(await page.locator('.doc-meta').textContent()).toContain('2017-02-07');
    await page.click('.doc-meta button.link'); // Confirm
    await expect.poll(() => page.locator('.doc-meta .badge').count(), POLL).toBe(0);
  });

  it('saves corrected metadata', async () => {
    const { page } = app;
    await page.click('.doc-actions button:has-text("Details")');
    await page.fill('.details input[data-field="published"]', '2017-02-08');
    await page.click('.details button[type="submit"]');
    await expect.poll(() => page.locator('.doc-meta').textContent(), POLL).toContain('2017-02-08');
    await page.reload();
    await expect.poll(() => page.locator('.doc-meta').textContent(), POLL).toContain('2017-02-08');
  });

  it('splits a newspaper page into its articles, each keeping the page’s date and source', async () => {
    const { page } = app;
    await page.click('.brand');
    await page.click('.library-table tbody tr:has-text("北京城市副中心报")');
    await expect.poll(() => page.locator('.banner').textContent(), POLL).toContain('3 articles');
    await page.click('.banner button');
    await app.screenshot('07-split-dialog');
    await page.click('.modal button.primary');
    await page.waitForSelector('.doc-text');
    await page.click('.brand');
    await expect.poll(() => rows(app).count(), POLL).toBe(seeds.length + 2);
    const paper = rows(app).filter({ hasText: '北京城市副中心报' });
    expect(await paper.count()).toBe(3);
    for (const date of await paper.locator('.date').allTextContents()) expect(date).toContain('2022-03-16');
    expect(await rows(app).filter({ hasText: '市支援合作工作领导小组全体会议召开' }).count()).toBe(1);
  });

  it('filters by words and source, and deletes with undo', async () => {
    const { page } = app;
    await page.fill('.library-tools input[type="search"]', '工作要点');
    await expect.poll(() => rows(app).count(), POLL).toBe(1);
    await page.fill('.library-tools input[type="search"]', '');
    await page.selectOption('.library-tools select >> nth=0', '北京青年报');
    await expect.poll(() => rows(app).count(), POLL).toBe(1);
    await page.selectOption('.library-tools select >> nth=0', '');
    const before = await rows(app).count();
    await rows(app).first().locator('button.icon').click();
    await expect.poll(() => rows(app).count(), POLL).toBe(before - 1);
    await page.click('.toast button:has-text("Undo")');
    await expect.poll(() => rows(app).count(), POLL).toBe(before);
  });

  it('shows the original file and what cleaning removed from it', async () => {
    const { page } = app;
    await page.click('.library-table tbody tr:has-text("工作要点")');
    await page.click('.doc-actions button:has-text("View original")');
    await page.waitForSelector('.original .dropped');
    await page.click('.original .dropped summary');
    const removed = await page.locator('.original .dropped li').allTextContents();
    expect(removed.some((line) => line.includes('京ICP备17013113号'))).toBe(true);
    expect(removed.some((line) => line.includes('共有0条评论'))).toBe(true);
    expect(await page.locator('.original-text').textContent()).toContain('当前位置:首页>>');
    await app.screenshot('10-original-and-removed');
    await page.click('.brand');
  });

  it('speaks Chinese and follows a dark OS theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.selectOption('.language select', 'zh');
    await expect.poll(() => page.locator('.topbar nav button').first().textContent(), POLL).toBe('文库');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 24, 28)');
    await app.screenshot('08-library-zh-dark');
    await page.click('.library-table tbody tr:has-text("工作要点")');
    await page.waitForSelector('.doc-text');
    await app.screenshot('09-reader-zh-dark');
    await page.reload();
    await expect.poll(() => page.locator('.topbar nav button').first().textContent(), POLL).toBe('文库');
  });
});
