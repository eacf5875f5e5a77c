import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, launch, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };

/** Drops files on the window as the OS would: a drop event whose DataTransfer holds File objects. */
async function dropFiles(app: App, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: [...f.bytes] }));
  const dataTransfer = await app.page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) transfer.items.add(new File([new Uint8Array(item.data)], item.name));
    return transfer;
  }, payload);
  await app.page.dispatchEvent('.app', 'dragover', { dataTransfer });
  await app.page.dispatchEvent('.app', 'drop', { dataTransfer });
  await app.page.waitForSelector('.import-panel .import-summary', { timeout: 60_000 });
}

describe('hostile and broken files', () => {
  let app: App;
  const offsite: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    app = await launch();
    app.page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['blob:', 'data:', 'app:'].includes(url.protocol))
        offsite.push(r.url());
    });
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('imports a hostile HTML page dropped on the window without running anything from it', async () => {
    const { page } = app;
    await dropFiles(app, [{ name: 'hostile.html', bytes: readFileSync(join(FIXTURES, 'hostile.html')) }]);
    await expect.poll(() => page.locator('.import-file[data-state="imported"]').count(), POLL).toBe(1);
    await page.click('.import-file button.link');
    await page.click('.import-panel footer button');
    await page.waitForSelector('.doc-text');
    await app.screenshot('04-hostile-page');

    const article = page.locator('.doc-text');
    expect(await article.locator('script, iframe, img, form, object, embed, a, style').count()).toBe(0);
    expect(await article.textContent()).not.toMatch(/alert\(|onerror|javascript:/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();

    await page.click('.doc-actions button:nth-child(2)'); // View original: shown as text, not markup
    await page.waitForSelector('.original-text');
    expect(await page.locator('.original-text').textContent()).toContain('<script');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(offsite).toEqual([]);
  });

  it('refuses broken files one by one with a reason, and imports the rest of the batch', async () => {
    const { page } = app;
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await dropFiles(app, [
      { name: 'empty.txt', bytes: Buffer.alloc(0) },
      { name: 'photo.txt', bytes: Buffer.concat([png, Buffer.alloc(64)]) },
      { name: 'slides.pptx', bytes: Buffer.from('PK\u0003\u0004') },
      {
        name: '好文章.txt',
        bytes: Buffer.from('北京市推进京津冀协同发展\n\n2019年6月6日\n\n今年将完成90项具体任务。\n', 'utf8'),
      },
    ]);
    await expect.poll(() => page.locator('.import-file[data-state="refused"]').count(), POLL).toBe(3);
    await expect.poll(() => page.locator('.import-file[data-state="imported"]').count(), POLL).toBe(1);
    const reasons = await page.locator('.import-file .file-reason').allTextContents();
    expect(reasons).toHaveLength(3);
    for (const reason of reasons) expect(reason.length).toBeGreaterThan(10);
    expect(await page.locator('.import-summary').textContent()).toContain('1 imported');
    await app.screenshot('05-refusals');
  });
});
