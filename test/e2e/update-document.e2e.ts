import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, selectPhrase, stopServer, type App } from './harness';

// Two versions of one article (test/fixtures/update/README.md): v2 inserts a paragraph before
// all the others, deletes the second paragraph, and adds a comma to a passage of the third.
const V1 = join(FIXTURES, 'update/beijing-groups-v1.txt');
const V2 = join(FIXTURES, 'update/beijing-groups-v2.txt');
const TITLE = '推进“京津冀协同发展” 北京市设九工作组';
const POLL = { timeout: 15_000 };

const EDITED = '早在2014年由郭金龙书记、王安顺市长牵头设立推进京津冀协同发展领导小组'; // v2 adds a comma
const EDITED_V2 = '早在2014年，由郭金龙书记、王安顺市长牵头设立推进京津冀协同发展领导小组';
const DELETED = '“协同”话题成为代表们热议的焦点之一'; // v2: the paragraph is gone
const UNCHANGED = '本市已经正式确定设立九大专项工作小组'; // v2: the same, further down
const INSERTED = '牵头市领导已经全部明确'; // only in v2
const NOTE = 'Which delegations raised it?';

/** "3 highlights: 0 stayed, 2 moved, 1 orphaned" → its numbers. */
function parseReport(text: string | null) {
  const m = /(\d+) highlights?: (\d+) stayed, (\d+) moved, (\d+) orphaned/.exec(text ?? '');
  if (!m) throw new Error(`Not a re-anchoring report: ${text}`);
  const [total, stayed, moved, orphaned] = m.slice(1).map(Number) as [number, number, number, number];
  return { total, reanchored: stayed + moved, orphaned };
}

describe('an analyst re-imports a changed version of an annotated article', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('imports the article and highlights three passages, one with a note', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, [V1]);
    await expect.poll(() => page.locator('.import-file[data-state="imported"]').count(), POLL).toBe(1);
    await page.click('.import-panel footer button');
    await page.click(`.library-table tbody tr:has-text("北京市设九工作组")`);
    await expect.poll(() => page.locator('.doc-header h1').first().textContent(), POLL).toBe(TITLE);

    for (const [phrase, color] of [
      [EDITED, 'yellow'],
      [DELETED, 'pink'],
      [UNCHANGED, 'green'],
    ] as const) {
      // The next passage is selected at once, while the last highlight is still being written:
      // that write must not clear the new selection.
      await selectPhrase(page, phrase);
      await page.click(`.selection-toolbar [data-color="${color}"]`, { timeout: 5_000 });
    }
    for (const [phrase, color] of [
      [EDITED, 'yellow'],
      [DELETED, 'pink'],
      [UNCHANGED, 'green'],
    ] as const) {
      await expect.poll(() => page.locator(`mark.hl-${color}`).first().textContent(), POLL).toBe(phrase);
    }
    await expect.poll(() => page.locator('.annotation-card').count(), POLL).toBe(3);
    const deletedCard = page.locator('.annotation-card', { hasText: DELETED });
    await deletedCard.locator('.add-note').click();
    await page.locator('[data-note-editor]').focus();
    await page.keyboard.type(NOTE);
    await page.waitForTimeout(900); // the note saves after a short pause in typing
  });

  it('recognises the changed version by its title and holds it until the analyst chooses', async () => {
    const { page } = app;
    await importThroughDialog(app, [V2]);
    const row = page.locator('.import-file[data-state="new-version"]');
    await expect.poll(() => row.count(), POLL).toBe(1);
    expect(await row.locator('.version-of').textContent()).toBe(`New version of «${TITLE}»`);
    expect(await page.locator('.import-pending').textContent()).toContain('Not stored yet');
    expect(await page.locator('.import-summary').textContent()).toContain('0 imported');
    // Nothing changed yet: the reader still shows the first version.
    expect(await page.locator('.doc-text').textContent()).not.toContain(INSERTED);
    await app.screenshot('11-new-version-choice');
  });

  it('updates the document: two highlights re-anchored, one orphan, with a report', async () => {
    const { page } = app;
    await page.click('.import-file [data-action="update-version"]');
    await expect.poll(() => page.locator('.import-file[data-state="updated"]').count(), POLL).toBe(1);
    const report = parseReport(await page.locator('.import-file [data-report]').textContent());
    await app.screenshot('12-update-report');
    expect(report).toEqual({ total: 3, reanchored: 2, orphaned: 1 });
    expect(await page.locator('.import-summary').textContent()).toContain('1 updated');

    await page.click('.import-file [data-action="open-updated"]');
    await page.click('.import-panel footer button');
    await expect.poll(() => page.locator('.doc-text').textContent(), POLL).toContain(INSERTED);
    await expect.poll(() => page.locator('mark.hl-green').first().textContent(), POLL).toBe(UNCHANGED);
    await expect.poll(() => page.locator('mark.hl-yellow').first().textContent(), POLL).toBe(EDITED_V2);
    expect(await page.locator('mark.hl-pink').count()).toBe(0);
    expect(await page.locator('.annotation-list:not(.orphans) .annotation-card').count()).toBe(2);
    const orphan = page.locator('.annotation-list.orphans .annotation-card');
    expect(await orphan.count()).toBe(1);
    expect(await orphan.locator('.quote').textContent()).toBe(DELETED);
    expect(await orphan.locator('[data-note-editor]').textContent()).toBe(NOTE);
    await app.screenshot('13-reader-after-update');
  });

  it('re-attaches the orphan to a new selection, keeping its id and note', async () => {
    const { page } = app;
    const orphan = page.locator('.annotation-list.orphans .annotation-card');
    const id = await orphan.getAttribute('data-annotation-id');

    // Keyboard: the button is focusable, Esc leaves the mode and returns to it, Enter starts it again.
    await orphan.locator('[data-action="reattach"]').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('.reattach-banner').textContent(), POLL)
      .toContain('Select the passage for this highlight — Esc to cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.reattach-banner').count(), POLL).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('reattach');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reattach-banner');
    await app.screenshot('14-reattach-mode');

    await selectPhrase(page, INSERTED);
    await expect.poll(() => page.locator('mark.hl-pink').first().textContent(), POLL).toBe(INSERTED);
    expect(await page.locator('.reattach-banner').count()).toBe(0);
    expect(await page.locator('.annotation-list.orphans').count()).toBe(0);
    const card = page.locator(`.annotation-card[data-annotation-id="${id}"]`);
    expect(await card.locator('.quote').textContent()).toBe(INSERTED);
    expect(await card.locator('[data-note-editor]').textContent()).toBe(NOTE);
    // Drawn on the right text, and still there after a reload.
    await page.reload();
    await expect.poll(() => page.locator('mark.hl-pink').first().textContent(), POLL).toBe(INSERTED);
    await app.screenshot('15-reattached');
  });

  it('updates from a file the analyst picks in the details panel, with the same report', async () => {
    const { page } = app;
    await page.click('.doc-actions button:has-text("Details")');
    await app.answerOpenDialog([V1]);
    await page.click('[data-action="update-from-file"]');
    const toast = page.locator('.toast', { hasText: `Updated «${TITLE}»` });
    await expect.poll(() => toast.count(), POLL).toBe(1);
    await app.screenshot('16-update-from-file');
    // Back to v1: the inserted paragraph (where the orphan was re-attached) is gone again.
    expect(parseReport(await toast.textContent())).toEqual({ total: 3, reanchored: 2, orphaned: 1 });
    await expect.poll(() => page.locator('.doc-text').textContent(), POLL).not.toContain(INSERTED);
    await expect.poll(() => page.locator('mark.hl-yellow').first().textContent(), POLL).toBe(EDITED);
    await expect.poll(() => page.locator('mark.hl-green').first().textContent(), POLL).toBe(UNCHANGED);
    expect(await page.locator('.annotation-list.orphans .quote').textContent()).toBe(INSERTED);
  });
});
