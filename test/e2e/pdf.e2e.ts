import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, stopServer, type App } from './harness';

const PDFS = join(FIXTURES, 'pdf');
const POLL = { timeout: 20_000 };
const TITLE = '本市发布《北京市推进京津冀协同发展2019年工作要点》';
/** On page 2 of seed-001.pdf. */
const PASSAGE = '我们安排疏解非首都功能';
const NOTE = 'Relocation tasks counted separately';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where `phrase` sits on page `n`'s text layer, in the window's coordinates. */
async function phraseBox(page: Page, n: number, phrase: string): Promise<Box> {
  const box = await page.evaluate(
    ({ n, phrase }) => {
      const layer = document.querySelector(`.page[data-page-number="${n}"] .textLayer`);
      if (!layer) return null;
      const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(phrase);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        const r = range.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }
      return null;
    },
    { n, phrase },
  );
  if (!box) throw new Error(`“${phrase}” is not on page ${n}’s text layer`);
  return box;
}

/** Where the highlight sits on page `n`, as fractions of the page's width and height (the same at every zoom). */
async function placeOnPage(page: Page, n: number): Promise<Box> {
  const [box, pageBox] = await Promise.all([
    highlightBox(page, n),
    page.locator(`.page[data-page-number="${n}"] .canvasWrapper`).boundingBox(),
  ]);
  const x = (v: number) => (v - pageBox!.x) / pageBox!.width;
  const y = (v: number) => (v - pageBox!.y) / pageBox!.height;
  return { left: x(box!.left), right: x(box!.right), top: y(box!.top), bottom: y(box!.bottom) };
}

function expectSamePlace(actual: Box, expected: Box): void {
  for (const side of ['left', 'right', 'top', 'bottom'] as const) expect(actual[side]).toBeCloseTo(expected[side], 2);
}

/** The drawn highlight boxes on page `n`, merged into one box. */
async function highlightBox(page: Page, n: number): Promise<Box | null> {
  return page.evaluate((n) => {
    const boxes = [...document.querySelectorAll(`.page[data-page-number="${n}"] .pdf-highlight`)].map((e) =>
      e.getBoundingClientRect(),
    );
    if (!boxes.length) return null;
    return {
      left: Math.min(...boxes.map((b) => b.left)),
      top: Math.min(...boxes.map((b) => b.top)),
      right: Math.max(...boxes.map((b) => b.right)),
      bottom: Math.max(...boxes.map((b) => b.bottom)),
    };
  }, n);
}

/**
 * The highlight covers the words: the same line, and the same span within most of a glyph
 * (the text layer is set in a stand-in font, so its words sit close to, not exactly on, the
 * printed glyphs the highlight is drawn over).
 */
function expectAligned(highlight: Box | null, text: Box): void {
  expect(highlight).not.toBeNull();
  const glyph = (text.bottom - text.top) * 0.75;
  expect(Math.abs(highlight!.left - text.left)).toBeLessThan(glyph);
  expect(Math.abs(highlight!.right - text.right)).toBeLessThan(glyph);
  const middle = (text.top + text.bottom) / 2;
  expect(highlight!.top).toBeLessThan(middle);
  expect(highlight!.bottom).toBeGreaterThan(middle);
}

async function goToPage(page: Page, n: number): Promise<void> {
  await page.fill('.pdf-toolbar .page-input', String(n));
  await page.press('.pdf-toolbar .page-input', 'Enter');
  await page.waitForSelector(`.page[data-page-number="${n}"] .textLayer span`, { timeout: 20_000 });
}

describe('an analyst reads and highlights a Chinese PDF', () => {
  let app: App;
  let place: Box;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('imports a multi-page Chinese PDF with its title and date, and shows its pages', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, [join(PDFS, 'seed-001.pdf')]);
    await expect.poll(() => page.locator('.import-file[data-state="imported"]').count(), POLL).toBe(1);
    await page.click('.import-panel footer button');
    await page.click(`.library-table tbody tr:has-text("${TITLE}")`);
    await expect.poll(() => page.locator('.doc-header h1').first().textContent(), POLL).toBe(TITLE);
    await expect.poll(() => page.locator('.doc-meta').first().textContent(), POLL).toContain('2019-06-06');
    await page.waitForSelector('.page[data-page-number="1"] canvas', { timeout: 20_000 });
    await expect.poll(() => page.locator('.pdf-toolbar .pdf-page').textContent(), POLL).toContain('4');
  });

  it('highlights a passage on page 2 with the mouse and drapes the highlight over its words', async () => {
    const { page } = app;
    await goToPage(page, 2);
    const text = await phraseBox(page, 2, PASSAGE);
    const y = (text.top + text.bottom) / 2;
    await page.mouse.move(text.left + 2, y);
    await page.mouse.down();
    await page.mouse.move(text.right - 2, y, { steps: 8 });
    await page.mouse.up();
    await page.click('.selection-toolbar [data-color="yellow"]');
    await expect.poll(() => page.locator('.annotation-card').count(), POLL).toBe(1);
    await app.screenshot('20-pdf-highlight');
    await expect.poll(() => page.locator('.annotation-card .quote').first().textContent(), POLL).toContain(PASSAGE);
    expectAligned(await highlightBox(page, 2), await phraseBox(page, 2, PASSAGE));
    place = await placeOnPage(page, 2);

    await page.click('.annotation-card .add-note');
    await page.locator('[data-note-editor]').focus();
    await page.keyboard.type(NOTE);
    await page.waitForTimeout(900); // the note saves after a short pause in typing
    await app.screenshot('20-pdf-highlight');
  });

  it('finds the highlight drawn in the same place after a reload, and aligned at every zoom', async () => {
    const { page } = app;
    await page.reload();
    await expect.poll(() => page.locator('.annotation-card [data-note-editor]').first().textContent(), POLL).toBe(NOTE);
    await page.click('.annotation-card .quote');
    await page.waitForSelector('.page[data-page-number="2"] .pdf-highlight', { timeout: 20_000 });
    await page.waitForSelector('.page[data-page-number="2"] .textLayer span');
    expectAligned(await highlightBox(page, 2), await phraseBox(page, 2, PASSAGE));
    expectSamePlace(await placeOnPage(page, 2), place);

    // The page image scales exactly, so the highlight must keep its place on it at every zoom.
    // The text layer's stand-in font drifts at small sizes, so words are compared at 100% and up.
    for (const zoom of ['2', '0.5', 'page-fit']) {
      await page.selectOption('.pdf-zoom select', zoom);
      await goToPage(page, 2);
      await page.waitForSelector('.page[data-page-number="2"] .pdf-highlight');
      expectSamePlace(await placeOnPage(page, 2), place);
      if (zoom === '2') expectAligned(await highlightBox(page, 2), await phraseBox(page, 2, PASSAGE));
    }
    await page.click('.pdf-zoom [aria-label="Zoom in"]');
    await goToPage(page, 2);
    await page.waitForSelector('.page[data-page-number="2"] .pdf-highlight');
    expectSamePlace(await placeOnPage(page, 2), place);
    await app.screenshot('21-pdf-zoomed');
  });

  it('finds words in the document and follows the outline', async () => {
    const { page } = app;
    await page.selectOption('.pdf-zoom select', 'page-width');
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type')), POLL).toBe('search');
    await page.keyboard.type('京张铁路');
    await expect.poll(() => page.locator('.find-status').textContent(), POLL).toMatch(/of [1-9]/);
    await expect.poll(() => page.locator('.textLayer .highlight').count(), POLL).toBeGreaterThan(0);

    await page.click('.pdf-toolbar button[aria-pressed]');
    const entries = page.locator('.pdf-outline button');
    await expect.poll(() => entries.count(), POLL).toBeGreaterThan(1);
    expect(await entries.allTextContents()).toContain('二、关于2019年工作要点的主要任务');
    await app.screenshot('22-pdf-outline-find');
  });

  it('opens a 300-page PDF at once and renders only the pages in view', async () => {
    const { page } = app;
    await page.click('.topbar nav button');
    await importThroughDialog(app, [join(PDFS, 'long-300.pdf')]);
    await expect.poll(() => page.locator('.import-file[data-state="imported"]').count(), POLL).toBe(1);
    await page.click('.import-file[data-state="imported"] button.link');
    await expect.poll(() => page.locator('.pdf-toolbar .pdf-page').textContent(), POLL).toContain('300');
    await page.waitForSelector('.page[data-page-number="1"] canvas', { timeout: 20_000 });
    const rendered = () => page.locator('.page canvas').count();
    expect(await page.locator('.page').count()).toBe(300);
    expect(await rendered()).toBeLessThan(10);
    await goToPage(page, 250);
    expect(await page.locator('.page[data-page-number="250"] .textLayer').textContent()).not.toBe('');
    expect(await rendered()).toBeLessThan(12);
    await app.screenshot('25-pdf-300-pages');
  });

  it('imports a scan with a plain warning, and refuses damaged and locked PDFs with reasons', async () => {
    const { page } = app;
    await page.click('.topbar nav button');
    await importThroughDialog(app, [
      join(PDFS, 'scanned.pdf'),
      join(PDFS, 'truncated.pdf'),
      join(PDFS, 'encrypted.pdf'),
      join(PDFS, 'not-a-pdf.pdf'),
    ]);
    await expect.poll(() => page.locator('.import-file[data-state="refused"]').count(), POLL).toBe(3);
    const reasons = (await page.locator('.import-file .file-reason').allTextContents()).join('\n');
    expect(reasons).toContain('password-protected');
    expect(reasons).toContain('damaged or truncated');
    expect(reasons).toContain('not a PDF');
    await app.screenshot('23-pdf-refusals');

    // The locked PDF asks for its password: a wrong one is refused again, the right one reads it
    // (its text is the PDF already imported, so it is recognised as a duplicate).
    const locked = page.locator('.import-file:has-text("encrypted.pdf")');
    await locked.locator('input[type="password"]').fill('not-it');
    await locked.locator('.password-form button').click();
    await expect.poll(() => locked.locator('.file-reason').textContent(), POLL).toContain('not right');
    await locked.locator('input[type="password"]').fill('dossier-user');
    await locked.locator('.password-form button').click();
    await expect.poll(() => locked.getAttribute('data-state'), POLL).toBe('duplicate');
    await page.click('.import-file[data-state="imported"] button.link');
    await expect.poll(() => page.locator('.pdf-view .banner').first().textContent(), POLL).toContain('no text layer');
    await page.waitForSelector('.page[data-page-number="1"] canvas', { timeout: 20_000 });
    await app.screenshot('24-pdf-scan');
  });
});
