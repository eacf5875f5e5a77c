// Rasterizes build/icon.svg to build/icon.png (512×512, transparent background) with headless
// Chromium: `node build/scripts/render-icon.mjs [path-to-chromium]` (default /usr/bin/chromium,
// or CHROMIUM_PATH). Run it after editing the SVG; electron-builder uses the PNG.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const executablePath = process.argv[2] ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const size = 512;

const svg = await readFile(path.join(buildDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style></head><body>${svg}</body></html>`,
  );
  await page.locator('svg').screenshot({ path: path.join(buildDir, 'icon.png'), omitBackground: true });
  console.log(`Wrote build/icon.png (${size}×${size})`);
} finally {
  await browser.close();
}
