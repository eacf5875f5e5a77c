import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, selectPhrase, stopServer, type App } from './harness';

const seeds = readdirSync(join(FIXTURES, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(FIXTURES, 'seeds', f));

const POLL = { timeout: 15_000 };
const PASSAGE = '本市已经正式确定设立九大专项工作小组';
const NOTE = 'Nine groups, each led by a vice-mayor';

describe('an analyst imports the sample documents, reads one and highlights a passage', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('imports every sample through the Import… dialog with a summary', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, seeds);
    await expect.poll(() => page.locator('.import-file[data-state="imported"]').count(), POLL).toBe(seeds.length);
    expect(await page.locator('.import-summary').textContent()).toContain(`${seeds.length} imported`);
    await app.screenshot('01-import-summary');
    await page.click('.import-panel footer button');
    await expect.poll(() => page.locator('.library-table tbody tr').count(), POLL).toBe(seeds.length);
    await app.screenshot('02-library');
  });

  it('recognises the same content imported twice and does not duplicate it', async () => {
    const { page } = app;
    await importThroughDialog(app, [seeds[0]!]);
    await expect.poll(() => page.locator('.import-file[data-state="duplicate"]').count(), POLL).toBe(1);
    await page.click('.import-panel footer button');
    await expect.poll(() => page.locator('.library-table tbody tr').count(), POLL).toBe(seeds.length);
  });

  it('opens a document in a clean reading view with its detected metadata', async () => {
    const { page } = app;
    await page.click('.library-table tbody tr:has-text("北京市设九工作组")');
    await expect
      .poll(() => page.locator('.doc-header h1').first().textContent(), POLL)
      .toBe('推进“京津冀协同发展” 北京市设九工作组');
    await expect.poll(() => page.locator('.doc-meta').first().textContent(), POLL).toContain('2016-01-28');
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain(PASSAGE);
    expect(await page.locator('.doc-text').first().textContent()).not.toContain('新浪广东');
  });

  it('highlights a selection, takes a rich note, and keeps both across a reload and a restart', async () => {
    const { page } = app;
    await selectPhrase(page, PASSAGE);
    await page.click('.selection-toolbar [data-color="green"]');
    await expect.poll(() => page.locator('mark.hl-green').first().textContent(), POLL).toBe(PASSAGE);
    await expect.poll(() => page.locator('.annotation-card').count(), POLL).toBe(1);

    await page.click('.annotation-card .add-note');
    await page.locator('[data-note-editor]').focus();
    await page.keyboard.type(NOTE);
    await page.waitForTimeout(900); // the note saves after a short pause in typing
    await app.screenshot('03-reader-highlight-note');

    await page.reload();
    await expect.poll(() => page.locator('mark.hl-green').first().textContent(), POLL).toBe(PASSAGE);
    await expect.poll(() => page.locator('.annotation-card [data-note-editor]').first().textContent(), POLL).toBe(NOTE);

    app = await app.restart();
    await app.page.click('.library-table tbody tr:has-text("北京市设九工作组")');
    await expect.poll(() => app.page.locator('mark.hl-green').first().textContent(), POLL).toBe(PASSAGE);
    await expect
      .poll(() => app.page.locator('.annotation-card [data-note-editor]').first().textContent(), POLL)
      .toBe(NOTE);
  });

  it('exports the document with its highlight and note as Markdown', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.click('[data-action="export"]');
    const file = await download;
    expect(file.suggestedFilename()).toBe('推进“京津冀协同发展” 北京市设九工作组.md');
    const markdown = readFileSync((await file.path())!, 'utf8');
    expect(markdown).toContain('published: 2016-01-28');
    expect(markdown).toContain(`> ${PASSAGE}`);
    expect(markdown).toContain(NOTE);
  });
});
