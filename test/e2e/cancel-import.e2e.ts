import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launch, stopServer, type App } from './harness';

describe('cancelling an import', () => {
  let app: App;
  const dir = mkdtempSync(join(tmpdir(), 'dossier-big-'));
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops a long batch at once and adds nothing to the library', async () => {
    // Several large files keep the worker busy for seconds, so Cancel lands mid-batch.
    const paragraph = '京津冀协同发展是一项重大国家战略，今年将完成90项具体任务。\n\n'.repeat(40_000);
    for (let i = 0; i < 6; i++) writeFileSync(join(dir, `big-${i}.txt`), `第${i}份\n\n${paragraph}`);
    app = await launch();
    const { page } = app;
    await app.answerOpenDialog(readdirSync(dir).map((f) => join(dir, f)));
    await page.click('[data-action="import"]');
    await page.waitForSelector('.import-panel');
    await page.click('.import-panel footer button'); // Cancel
    await expect.poll(() => page.locator('.import-panel h2').textContent(), { timeout: 15_000 }).toContain('cancelled');
    await app.screenshot('06-import-cancelled');
    await page.click('.import-panel footer button'); // Close
    await page.reload();
    await page.waitForSelector('.empty-state');
    expect(await page.locator('.library-table tbody tr').count()).toBe(0);
  });
});
