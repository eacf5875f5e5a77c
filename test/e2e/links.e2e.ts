// Cross-links and owners, as an analyst uses them: a 2019 commitment tagged in one document,
// a 2022 report's passage linked as fulfilling it through the link picker (keyboard only),
// the link seen from both ends and in the commitment's history, the report's highlight
// deleted with its links (none left dangling in the database), and the owners view.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, selectPhrase, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };
const EARLIER = join(FIXTURES, 'seeds', '001_a2198bc6f00aa275.txt');
const LATER = join(FIXTURES, 'seeds', '002_c4717dbc6a480cfb.txt');
const EARLIER_TITLE = '本市发布《北京市推进京津冀协同发展2019年工作要点》';
const LATER_TITLE = '北京城市副中心报 2022年3月16日';
const COMMITMENT = '实现京张铁路年底建成通车';
const REPORT = '京唐与京滨城际铁路已完成前期工作';
const OWNER = '北京市交通委员会';

/** The links in the app's database whose ends are missing (read in the page). */
async function danglingLinks(page: Page): Promise<{ total: number; dangling: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dossier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T>(store: string, key?: string) =>
      new Promise<T>((resolve, reject) => {
        const os = db.transaction(store, 'readonly').objectStore(store);
        const request = key === undefined ? os.getAll() : os.get(key);
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    type End = { kind: string; id: string };
    const links = await read<{ from: End; to: End }[]>('links');
    const stores: Record<string, string> = {
      annotation: 'annotations',
      item: 'items',
      event: 'events',
      document: 'documents',
    };
    let dangling = 0;
    for (const link of links) {
      for (const end of [link.from, link.to]) if ((await read(stores[end.kind]!, end.id)) === undefined) dangling++;
    }
    db.close();
    return { total: links.length, dangling };
  });
}

async function openDocument(page: Page, title: string): Promise<void> {
  await page.click('.topbar nav button:has-text("Library")');
  await page.click(`.library-table tbody tr:has-text("${title}")`);
  await expect.poll(() => page.locator('.doc-header h1').textContent(), POLL).toBe(title);
}

describe('cross-links between documents, and the owners view', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('tags a commitment in the 2019 plan', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, [EARLIER, LATER]);
    await page.click('.import-panel footer button');
    await openDocument(page, EARLIER_TITLE);
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain(COMMITMENT);
    await selectPhrase(page, COMMITMENT);
    await page.keyboard.press('Alt+KeyC');
    const card = page.locator('.annotation-card.tagged', { hasText: COMMITMENT });
    await expect.poll(() => card.getAttribute('data-kind'), POLL).toBe('commitment');
    await card.getByLabel('Add an owner').fill('市交通委');
    await card.getByLabel('Add an owner').press('Enter');
    await expect.poll(() => card.locator('.owner-chip').count(), POLL).toBe(1);
  });

  it('links a 2022 passage as fulfilling the commitment, with the picker and the keyboard alone', async () => {
    const { page } = app;
    await openDocument(page, LATER_TITLE);
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain(REPORT);
    await selectPhrase(page, REPORT);
    await page.keyboard.press('h');
    const card = page.locator('.annotation-card', { hasText: REPORT });
    await expect.poll(() => card.getAttribute('aria-current'), POLL).toBe('true');

    await card.locator('[data-action="link"]').focus();
    await page.keyboard.press('Enter');
    const picker = page.locator('dialog.link-picker[open]');
    await expect.poll(() => picker.count(), POLL).toBe(1);
    // The search box has the focus: type, the item comes first, Enter picks it.
    await page.keyboard.type('京张铁路');
    const first = picker.locator('[role="option"]').first();
    await expect.poll(() => first.getAttribute('data-key'), POLL).toMatch(/^item:/);
    expect(await first.textContent()).toContain(COMMITMENT);
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await app.screenshot('link-picker-search');
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.locator('.link-picker-chosen').textContent(), POLL).toContain(COMMITMENT);
    await picker.locator('[data-field="link-type"]').selectOption('fulfils:out');
    await picker.getByLabel('Note (optional)').fill('城际铁路前期工作完成');
    await app.screenshot('link-picker');
    await picker.getByLabel('Note (optional)').press('Enter');
    await expect.poll(() => page.locator('dialog.link-picker[open]').count(), POLL).toBe(0);

    // The report's card shows the link: it fulfils the commitment.
    const row = card.locator('.link-row[data-label="fulfils"]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.textContent()).toContain('京张铁路年底建成通车');
    expect(await row.textContent()).toContain(EARLIER_TITLE.slice(0, 10));
    expect(await card.locator('.link-note').textContent()).toBe('城际铁路前期工作完成');
  });

  it('sees the link from the commitment’s side, and the commitment’s history across documents', async () => {
    const { page } = app;
    const card = page.locator('.annotation-card', { hasText: REPORT });
    // Following the link opens the commitment at its passage.
    await card.locator('.link-row[data-label="fulfils"] .link-follow').click();
    await expect.poll(() => page.locator('.doc-header h1').textContent(), POLL).toBe(EARLIER_TITLE);
    const commitment = page.locator('.annotation-card.tagged', { hasText: COMMITMENT });
    await expect.poll(() => commitment.getAttribute('aria-current'), POLL).toBe('true');
    const back = commitment.locator('.link-row[data-label="fulfilled-by"]');
    await expect.poll(() => back.count(), POLL).toBe(1);
    expect(await back.textContent()).toContain(REPORT);
    expect(await back.textContent()).toContain('fulfilled by');

    // The history: the 2019 commitment, then the 2022 report that fulfils it.
    const chain = commitment.locator('.history-chain li');
    await expect.poll(() => chain.count(), POLL).toBe(2);
    expect(await chain.nth(0).getAttribute('aria-current')).toBe('true');
    expect(await chain.nth(0).locator('.chain-date').textContent()).toBe('2019-06-06');
    expect(await chain.nth(1).getAttribute('data-label')).toBe('fulfils');
    expect(await chain.nth(1).locator('.chain-date').textContent()).toBe('2022-03-16');
    expect(await chain.nth(1).textContent()).toContain(REPORT);
    await commitment.scrollIntoViewIfNeeded();
    await app.screenshot('links');
  });

  it('shows the commitment and the report that fulfils it as a chain on the timeline', async () => {
    const { page } = app;
    const commitment = page.locator('.annotation-card.tagged', { hasText: COMMITMENT });
    await commitment.locator('[data-action="show-on-timeline"]').click();
    await expect.poll(() => page.locator('.timeline-preview').getAttribute('data-key'), POLL).toMatch(/^item:/);
    await page.click('[data-action="fit-selection"]');
    // The 2019 commitment and the 2022 report (drawn at its document's publication) are joined.
    await expect.poll(() => page.locator('.timeline-chain circle').count(), POLL).toBe(2);
    await page.goBack();
    await expect.poll(() => page.locator('.doc-header h1').textContent(), POLL).toBe(EARLIER_TITLE);
  });

  it('deletes the report’s highlight with its links: none is left dangling', async () => {
    const { page } = app;
    expect(await danglingLinks(page)).toEqual({ total: 1, dangling: 0 });
    const commitment = page.locator('.annotation-card.tagged', { hasText: COMMITMENT });
    await commitment.locator('.link-row[data-label="fulfilled-by"] .link-follow').click();
    await expect.poll(() => page.locator('.doc-header h1').textContent(), POLL).toBe(LATER_TITLE);
    const card = page.locator('.annotation-card', { hasText: REPORT });
    await expect.poll(() => card.getAttribute('aria-current'), POLL).toBe('true');
    await card.locator('[data-action="delete-highlight"]').click();
    const prompt = card.locator('[role="alertdialog"]');
    await expect.poll(() => prompt.textContent(), POLL).toContain('1 link');
    await prompt.locator('[data-action="delete-remove-links"]').click();
    await expect.poll(() => page.locator('.annotation-card', { hasText: REPORT }).count(), POLL).toBe(0);
    await expect.poll(() => danglingLinks(page), POLL).toEqual({ total: 0, dangling: 0 });
    // The commitment no longer shows the link.
    await openDocument(page, EARLIER_TITLE);
    await expect.poll(() => commitment.count(), POLL).toBe(1);
    expect(await commitment.locator('.link-row').count()).toBe(0);
  });

  it('lists the owners with their items, and opens an owner’s item at its passage', async () => {
    const { page } = app;
    await page.click('[data-nav="owners"]');
    const row = page.locator('.owners-table tbody tr', { hasText: OWNER });
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.locator('td').first().textContent()).toBe('1');
    // The 2019 deadline has passed and the commitment is still open.
    expect(await row.locator('td.overdue').textContent()).toBe('1');
    await row.locator('button.owner-name').click();
    const detail = page.locator(`.owner-detail[data-owner="${OWNER}"]`);
    await expect.poll(() => detail.count(), POLL).toBe(1);
    await expect
      .poll(() => page.evaluate(() => window.location.hash), POLL)
      .toBe(`#/owners?owner=${encodeURIComponent(OWNER)}`);
    const item = detail.locator('.owner-items tbody tr', { hasText: COMMITMENT });
    await expect.poll(() => item.count(), POLL).toBe(1);
    expect(await item.locator('.status-pill').textContent()).toBe('Open');
    // 年底: the year, as precise as its words; the day it falls due in the tooltip.
    expect(await item.locator('.deadline').textContent()).toContain('2019');
    expect(await item.locator('.deadline').getAttribute('title')).toContain('2019-12-31');
    expect(await detail.locator('[data-action="owner-timeline"]').getAttribute('href')).toBe(
      `#/timeline?owner=${encodeURIComponent(OWNER)}`,
    );
    expect(await detail.locator('.owner-facts').textContent()).toContain('市交通委');
    await app.screenshot('owners');

    await item.locator('[data-action="open-item"]').click();
    await expect.poll(() => page.locator('.doc-header h1').textContent(), POLL).toBe(EARLIER_TITLE);
    await expect
      .poll(() => page.locator('.annotation-card.tagged', { hasText: COMMITMENT }).getAttribute('aria-current'), POLL)
      .toBe('true');
  });

  it('speaks Chinese in a dark theme: links an item to a document from its editor, and lists owners', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.selectOption('.language select', 'zh');
    const commitment = page.locator('.annotation-card.tagged', { hasText: COMMITMENT });
    await commitment.locator('[data-action="link-item"]').click();
    const picker = page.locator('dialog.link-picker[open]');
    await expect.poll(() => picker.locator('h2').textContent(), POLL).toBe('关联到其他记录');
    await page.keyboard.type('副中心报');
    const option = picker.locator('[role="option"]').first();
    await expect.poll(() => option.getAttribute('data-key'), POLL).toMatch(/^document:/);
    await option.click();
    await picker.locator('[data-action="create-link"]').click();
    const row = commitment.locator('.link-row[data-label="relates"]');
    await expect.poll(() => row.textContent(), POLL).toContain('北京城市副中心报');
    expect(await row.locator('.link-label').textContent()).toBe('相关');
    await commitment.scrollIntoViewIfNeeded();
    await app.screenshot('links-zh-dark');

    // Untagging asks about the item's link; keeping it puts it on the highlight.
    await commitment.locator('[data-action="untag"]').click();
    await commitment.locator('[data-action="untag-keep-links"]').click();
    const card = page.locator('.annotation-card', { hasText: COMMITMENT });
    await expect.poll(() => card.getAttribute('data-kind'), POLL).toBeNull();
    await expect.poll(() => card.locator('.link-row[data-label="relates"]').count(), POLL).toBe(1);
    expect(await danglingLinks(page)).toEqual({ total: 1, dangling: 0 });
    const toast = page.locator('.toast').last();
    expect(await toast.textContent()).toContain('已保留 1 条关联');
    await toast.locator('button:has-text("撤销")').click();
    await expect.poll(() => card.getAttribute('data-kind'), POLL).toBe('commitment');

    await page.click('[data-nav="owners"]');
    await expect.poll(() => page.locator('.owners-head h1').textContent(), POLL).toBe('责任单位');
    await page.locator('.owners-table button.owner-name').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.owner-detail h3').textContent(), POLL).toContain('的事项（1）');
    await app.screenshot('owners-zh-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.selectOption('.language select', 'en');
  });
});
