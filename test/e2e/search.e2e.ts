import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, stopServer, type App } from './harness';

const POLL = { timeout: 20_000 };
const seeds = readdirSync(join(FIXTURES, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(FIXTURES, 'seeds', f));
const NINE_GROUPS = '推进“京津冀协同发展” 北京市设九工作组';

/** Types into the search box and waits for the results of exactly these words. */
async function searchFor(page: Page, words: string): Promise<void> {
  const box = page.locator('.search-bar input');
  await box.fill(words);
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash)), POLL).toContain(`q=${words}`);
  await expect.poll(() => page.locator('.search-status .count').count(), POLL).toBe(1);
  // The marks of every hit are the words searched for (or part of them).
  await expect
    .poll(
      async () =>
        (await page.locator('.search-hit').count()) > 0 && (await marks(page)).every((m) => words.includes(m)),
      POLL,
    )
    .toBe(true);
}

const marks = (page: Page) => page.locator('.search-hit .hit-snippet mark').allTextContents();

/** The text painted as the reader's passage preview (CSS Custom Highlight), and whether it is on screen. */
const preview = (page: Page) =>
  page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('dossier-preview') ?? [])] as Range[];
    const box = ranges[0]?.getBoundingClientRect();
    return {
      text: ranges.map(String).join(''),
      visible: !!box && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
    };
  });

describe('an analyst searches the library', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('finds a two-character Chinese word across the imported documents, the word marked in each snippet', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, seeds);
    await expect.poll(() => page.locator('.import-file[data-state="imported"]').count(), POLL).toBe(seeds.length);
    await page.click('.import-panel footer button');

    await page.click('[data-nav="search"]');
    await expect.poll(() => page.locator('.search-empty').textContent(), POLL).toContain('Search the whole library');
    await searchFor(page, '疏解');
    // 疏解 stands in four of the five documents; 003 never says it.
    const documents = page.locator('.search-hit[data-kind="document"]');
    await expect.poll(() => documents.count(), POLL).toBe(4);
    expect(await page.locator('.search-status .count').textContent()).toBe('4 results');
    expect(new Set(await marks(page))).toEqual(new Set(['疏解']));
    expect(await documents.first().locator('.hit-meta').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.locator('.search-hit').first().hover();
    await app.screenshot('search');
  });

  it('finds part of a word (京津 in 京津冀, 协同 in 协同发展), and says so when nothing matches', async () => {
    const { page } = app;
    await searchFor(page, '京津');
    const snippets = await page.locator('.search-hit .hit-snippet').allTextContents();
    expect(snippets.some((s) => s.includes('京津冀'))).toBe(true);
    expect(new Set(await marks(page))).toEqual(new Set(['京津']));

    await searchFor(page, '协同');
    expect(await page.locator('.search-hit[data-kind="document"]').count()).toBe(5);

    await page.locator('.search-bar input').fill('量子计算');
    await expect
      .poll(() => page.locator('[data-empty="no-results"]').textContent(), POLL)
      .toContain('Nothing found for “量子计算”');
  });

  it('filters by source and kind, and opens a hit with Enter at its passage', async () => {
    const { page } = app;
    await searchFor(page, '疏解');
    await page.locator('.search-filters select').first().selectOption('北京青年报');
    await expect.poll(() => page.locator('.search-hit').count(), POLL).toBe(1);
    await expect.poll(() => page.locator('.search-hit .hit-title').textContent(), POLL).toBe(NINE_GROUPS);
    await page.click('.search-filters button:has-text("Clear filters")');
    await page.click('.search-filters [data-kind="note"]');
    await expect.poll(() => page.locator('[data-empty="no-results"]').count(), POLL).toBe(1);
    await page.click('.search-filters button:has-text("All")');
    await expect.poll(() => page.locator('.search-hit').count(), POLL).toBe(4);

    // Keyboard: ↓ moves to the second hit, ↑ back, Enter opens the active one.
    const box = page.locator('.search-bar input');
    await box.focus();
    await box.press('ArrowDown');
    await expect
      .poll(() => page.locator('.search-hit[aria-selected="true"]').getAttribute('data-index'), POLL)
      .toBe('1');
    await box.press('ArrowUp');
    const first = page.locator('.search-hit[data-index="0"]');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    const title = (await first.locator('.hit-title').textContent())!;
    await box.press('Enter');
    await expect.poll(() => page.locator('.doc-header h1').textContent(), POLL).toBe(title);
    expect(await page.evaluate(() => location.hash)).toMatch(/\?at=\d+-\d+$/);
    // The reader shows the hit's passage: the word painted, scrolled into view.
    await expect.poll(() => preview(page), POLL).toEqual({ text: '疏解', visible: true });

    // Back returns to the same results.
    await page.goBack();
    await expect.poll(() => page.locator('.search-bar input').inputValue(), POLL).toBe('疏解');
    await expect.poll(() => page.locator('.search-hit').count(), POLL).toBe(4);
  });

  it('quick-opens a document by part of its title with Ctrl+K', async () => {
    const { page } = app;
    await page.keyboard.press('Control+KeyK');
    const dialog = page.locator('dialog.quick-open');
    await expect.poll(() => dialog.isVisible(), POLL).toBe(true);
    await page.keyboard.type('九工作组');
    await expect
      .poll(() => dialog.locator('li[aria-selected="true"] .quick-open-title').textContent(), POLL)
      .toBe(NINE_GROUPS);
    await app.screenshot('search-quick-open');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    await expect.poll(() => page.locator('.doc-header h1').textContent(), POLL).toBe(NINE_GROUPS);
  });

  it('searches again after a reload from the stored index, without building it again', async () => {
    const { page } = app;
    await page.goto(page.url().replace(/#.*$/, '#/search?q=%E7%96%8F%E8%A7%A3'));
    await page.reload();
    const view = page.locator('.search-view');
    await expect.poll(() => page.locator('.search-hit').count(), POLL).toBe(4);
    // One build in the life of this library (the first start, on an empty library); after the
    // reload the index was loaded as stored and nothing had to be indexed again.
    await expect.poll(() => view.getAttribute('data-index-loaded'), POLL).toBe('stored');
    expect(await view.getAttribute('data-index-builds')).toBe('1');
    expect(await view.getAttribute('data-index-indexed')).toBe('0');
    expect(new Set(await marks(page))).toEqual(new Set(['疏解']));
  });
});
