import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, importThroughDialog, launch, selectPhrase, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };
const SEED = join(FIXTURES, 'seeds', '001_a2198bc6f00aa275.txt');
const TITLE = '本市发布《北京市推进京津冀协同发展2019年工作要点》';
const PASSAGE = '实现京张铁路年底建成通车';

/** Waits until the reader has scrolled (smoothly) to `target` and stopped, so a screenshot shows the text around it. */
async function settleOn(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  let last = '';
  await expect
    .poll(
      async () => {
        const box = await target.boundingBox();
        const now = JSON.stringify(box);
        const still = now === last;
        last = now;
        return still && box !== null && box.y > 0 && box.y < 900;
      },
      { timeout: 15_000, interval: 150 },
    )
    .toBe(true);
}

describe('an analyst configures item kinds of their own', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  const dialog = () => app.page.locator('dialog.kinds-dialog');
  const row = (name: string) => dialog().locator('.kind-row', { has: app.page.locator(`input[value="${name}"]`) });

  it('adds a kind "Risk": pink, Alt+R, showing owners and note only; taken letters are refused', async () => {
    app = await launch();
    const { page } = app;
    await importThroughDialog(app, [SEED]);
    await page.click('.import-panel footer button');

    await page.click('[data-action="item-kinds"]');
    await expect.poll(() => dialog().locator('.kind-row').count(), POLL).toBe(2);
    // Built-in kinds show their translated names until the analyst renames them.
    expect(
      await dialog()
        .locator('.kind-name')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).placeholder)),
    ).toEqual(['Task', 'Commitment']);
    // The dialog opens on the first kind's name.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field')), POLL)
      .toBe('label');

    await dialog().locator('[data-action="add-kind"]').click();
    const added = dialog().locator('.kind-row').nth(2);
    // The new kind's name box has the focus: the analyst types straight away.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('kind-name')), POLL)
      .toBe(true);
    await page.keyboard.type('Risk');
    await added.getByRole('radio', { name: 'Pink' }).check();

    const shortcut = added.locator('input[data-field="shortcut"]');
    await shortcut.focus();
    await page.keyboard.press('t');
    await expect
      .poll(() => added.locator('.kind-messages').textContent(), POLL)
      .toContain('Alt+T is already the shortcut of “Task”');
    expect(await shortcut.inputValue()).toBe('');
    await page.keyboard.press('f');
    await expect
      .poll(() => added.locator('.kind-messages').textContent(), POLL)
      .toContain('Alt+F is kept for the File menu');
    await page.keyboard.press('r');
    await expect.poll(() => shortcut.inputValue(), POLL).toBe('R');
    expect(await added.locator('.kind-messages').count()).toBe(0);

    for (const field of ['deadline', 'targets', 'status', 'category', 'tags']) {
      await added.locator(`input[data-item-field="${field}"]`).uncheck();
    }
    expect(
      await added
        .locator('.kind-fields input:checked')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-item-field'))),
    ).toEqual(['owners', 'note']);

    // A second unnamed kind cannot be saved: the dialog says why and puts the focus there.
    await dialog().locator('[data-action="add-kind"]').click();
    await dialog().locator('[data-action="save-kinds"]').click();
    await expect
      .poll(() => dialog().locator('.kind-row').nth(3).locator('.kind-messages').textContent(), POLL)
      .toContain('Give this kind a name');
    expect(await dialog().isVisible()).toBe(true);
    await dialog().locator('.kind-row').nth(3).locator('[data-action="delete-kind"]').click();
    await expect.poll(() => dialog().locator('.kind-row').count(), POLL).toBe(3);
    expect(await dialog().locator('.kinds-status').textContent()).toBe('“New kind” removed.');

    await added.locator('.kind-name').scrollIntoViewIfNeeded();
    await app.screenshot('item-kinds');

    await dialog().locator('[data-action="save-kinds"]').click();
    await expect.poll(() => dialog().count(), POLL).toBe(0);
    await expect.poll(() => page.locator('.toast').textContent(), POLL).toContain('Item kinds saved');
  });

  it('tags a selected passage as a Risk with Alt+R; the editor shows only owners and note', async () => {
    const { page } = app;
    await page.click(`.library-table tbody tr:has-text("${TITLE}")`);
    await expect.poll(() => page.locator('.doc-text').first().textContent(), POLL).toContain(PASSAGE);
    await selectPhrase(page, PASSAGE);
    await page.keyboard.press('Alt+KeyR');

    const card = page.locator('.annotation-card.tagged', { hasText: PASSAGE });
    await expect.poll(() => card.count(), POLL).toBe(1);
    expect(await card.getAttribute('data-kind')).toMatch(/^kind-/);
    await expect.poll(() => page.locator('mark.hl-item.hl-pink').first().textContent(), POLL).toBe(PASSAGE);
    expect(await page.locator('mark.hl-item').first().getAttribute('data-kind-label')).toBe('Risk');
    const labels = () => card.locator('.item-editor .item-field > .field-label').allTextContents();
    await expect.poll(labels, POLL).toEqual(['Kind', 'Owners', 'Note']);
    expect(await card.locator('.item-editor .kind-select option:checked').textContent()).toBe('Risk');
    // The card's summary leaves out what a Risk does not track either.
    expect(await card.locator('.item-summary .status-pill, .item-summary .due').count()).toBe(0);
    await settleOn(page.locator('mark.hl-item').first());
    await app.screenshot('item-kinds-reader');
  });

  it('keeps the kind and its item after a reload', async () => {
    const { page } = app;
    await page.reload();
    const card = page.locator('.annotation-card.tagged', { hasText: PASSAGE });
    await expect.poll(() => card.count(), POLL).toBe(1);
    await expect
      .poll(() => page.locator('mark.hl-item.hl-pink').first().getAttribute('data-kind-label'), POLL)
      .toBe('Risk');
    await card.locator('blockquote').click();
    await expect
      .poll(() => card.locator('.item-editor .item-field > .field-label').allTextContents(), POLL)
      .toEqual(['Kind', 'Owners', 'Note']);

    await page.click('[data-action="item-kinds"]');
    const risk = row('Risk');
    await expect.poll(() => risk.count(), POLL).toBe(1);
    expect(await risk.locator('input[data-field="shortcut"]').inputValue()).toBe('R');
    expect(await risk.getByRole('radio', { name: 'Pink' }).isChecked()).toBe(true);
    expect(await risk.locator('.kind-count').textContent()).toBe('1 item');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count(), POLL).toBe(0);
  });

  it('deletes the kind its item uses only by moving the item to another kind', async () => {
    const { page } = app;
    await page.click('[data-action="item-kinds"]');
    const risk = row('Risk');
    await expect.poll(() => risk.count(), POLL).toBe(1);
    await risk.locator('[data-action="delete-kind"]').click();
    await expect.poll(() => risk.locator('.kind-delete').textContent(), POLL).toContain('1 item is tagged as “Risk”');
    await risk.locator('.kind-delete select').selectOption({ label: 'Task' });
    await risk.locator('[data-action="move-and-delete"]').click();
    await expect.poll(() => dialog().locator('.kind-row').count(), POLL).toBe(2);
    await dialog().locator('[data-action="save-kinds"]').click();
    await expect.poll(() => dialog().count(), POLL).toBe(0);

    const card = page.locator('.annotation-card.tagged', { hasText: PASSAGE });
    await expect.poll(() => card.getAttribute('data-kind'), POLL).toBe('task');
    expect(await page.locator('mark.hl-item').first().getAttribute('data-kind-label')).toBe('Task');
  });

  it('starts a new kind from "New kind…" beside a highlight, and tags the highlight with it once saved', async () => {
    const { page } = app;
    const PHRASE = '京礼高速延崇段工程完工';
    await selectPhrase(page, PHRASE);
    await page.keyboard.press('h');
    const card = page.locator('.annotation-card', { hasText: PHRASE });
    await expect.poll(() => card.getAttribute('aria-current'), POLL).toBe('true');
    await card.locator('[data-action="new-kind"]').click();
    await expect.poll(() => dialog().locator('.kind-row').count(), POLL).toBe(3);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('kind-name')), POLL)
      .toBe(true);
    await page.keyboard.type('Watch');
    await page.keyboard.press('Enter'); // Enter saves
    await expect.poll(() => dialog().count(), POLL).toBe(0);
    await expect
      .poll(() => page.locator('mark.hl-item', { hasText: PHRASE }).first().getAttribute('data-kind-label'), POLL)
      .toBe('Watch');
  });

  it('speaks Chinese in a dark theme', async () => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.selectOption('.language select', 'zh');
    await page.click('[data-action="item-kinds"]');
    await expect.poll(() => dialog().locator('h2').textContent(), POLL).toBe('事项类型');
    expect(await dialog().locator('.kind-name').first().getAttribute('placeholder')).toBe('任务');
    await app.screenshot('item-kinds-zh-dark');
    await page.keyboard.press('Escape');
    await page.selectOption('.language select', 'en');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
