// Drives the built app the way an analyst does: in Debian's Chromium against the web
// build (any machine), or in Electron where its runtime is installed
// (DOSSIER_E2E_TARGET=electron). Each launch gets a profile directory of its own, and a
// relaunch on the same profile is a restart: the library must still be there.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, _electron, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from '../chromium';
import { preview, type PreviewServer } from 'vite';
import type { ItemRecord } from '../../shared/model/types';

export const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'test/artifacts');
export const FIXTURES = join(ROOT, 'test/fixtures');

export interface App {
  page: Page;
  /** Answers the next open-file dialog with these paths (a native dialog on the desktop, a file chooser on the web). */
  answerOpenDialog(paths: string[]): Promise<void>;
  /** Closes the app, keeping its profile (for a restart). */
  close(): Promise<void>;
  /** Starts the app again on the same profile. */
  restart(): Promise<App>;
  /** Removes the profile: call once at the end. */
  dispose(): Promise<void>;
  screenshot(name: string): Promise<void>;
}

let server: PreviewServer | null = null;

/**
 * Serves dist/renderer (built by `npm run build`, which `npm test` runs first), or the build in
 * DOSSIER_RENDERER_DIR (`npx vite build --outDir DIR`), so two working copies can test side by side.
 */
async function appUrl(): Promise<string> {
  const outDir = process.env.DOSSIER_RENDERER_DIR ?? join(ROOT, 'dist/renderer');
  if (!existsSync(join(outDir, 'index.html'))) throw new Error('Build the app first: npm run build');
  server ??= await preview({
    root: join(ROOT, 'renderer'),
    configFile: join(ROOT, 'vite.config.ts'),
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'silent',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server has no address');
  return url;
}

export async function stopServer(): Promise<void> {
  await server?.close();
  server = null;
}

function electronAvailable(): boolean {
  try {
    return existsSync(join(ROOT, 'node_modules/electron/dist')) && existsSync(join(ROOT, 'dist/electron/main.cjs'));
  } catch {
    return false;
  }
}

export async function launch(profile = mkdtempSync(join(tmpdir(), 'dossier-e2e-'))): Promise<App> {
  mkdirSync(ARTIFACTS, { recursive: true });
  let context: BrowserContext;
  let page: Page;
  let closeApp: () => Promise<void>;
  let answerOpenDialog: App['answerOpenDialog'];
  if (process.env.DOSSIER_E2E_TARGET === 'electron' && electronAvailable()) {
    const electronApp = await _electron.launch({ args: [ROOT, `--user-data-dir=${profile}`], cwd: ROOT });
    page = await electronApp.firstWindow();
    closeApp = () => electronApp.close();
    answerOpenDialog = async (paths) => {
      await electronApp.evaluate(({ dialog }, filePaths) => {
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths })) as typeof dialog.showOpenDialog;
      }, paths);
    };
  } else {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1360, height: 900 },
      locale: 'en-US',
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(await appUrl());
    closeApp = () => context.close();
    answerOpenDialog = async (paths) => {
      page.once('filechooser', (chooser) => void chooser.setFiles(paths));
    };
  }
  await page.waitForSelector('.topbar');
  const app: App = {
    page,
    answerOpenDialog,
    close: closeApp,
    restart: async () => {
      await closeApp();
      return launch(profile);
    },
    dispose: async () => {
      await closeApp().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
    screenshot: async (name) => {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
    },
  };
  return app;
}

/** Imports files through the Import… button and its file dialog, and waits for the summary. */
export async function importThroughDialog(app: App, paths: string[]): Promise<void> {
  const { page } = app;
  await app.answerOpenDialog(paths);
  await page.click('[data-action="import"]');
  await page.waitForSelector('.import-panel .import-summary', { timeout: 60_000 });
}

/** Selects the first occurrence of `phrase` in the reader's text, as a mouse drag would. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const article = document.querySelector('.doc-text')!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return true;
    }
    return false;
  }, phrase);
  if (!found) throw new Error(`Phrase not found in the reader: ${phrase}`);
}

/**
 * Writes records straight into one store of the app's database ('dossier'), in one
 * transaction, then reloads so the app reads them — for suites that need many items
 * without tagging each one through the reader.
 */
export async function putRecords(
  page: Page,
  store: string,
  records: readonly unknown[],
  { reload = true }: { reload?: boolean } = {},
): Promise<void> {
  await page.evaluate(
    async ({ store, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('dossier');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const write = db.transaction(store, 'readwrite');
      for (const record of records) write.objectStore(store).put(record);
      await new Promise<void>((resolve, reject) => {
        write.oncomplete = () => resolve();
        write.onerror = () => reject(write.error);
      });
      db.close();
    },
    { store, records },
  );
  if (reload) await page.reload();
}

/** An item to seed, with the passage it comes from. */
export interface ItemSeed {
  id: string;
  /** The document, by (a part of its) title. */
  document: string;
  /** The passage the item comes from (a highlight is made over its first occurrence). */
  passage: string;
  fields: Partial<ItemRecord>;
}

/**
 * Writes highlights and items straight into the app's database from the page (then reloads,
 * unless told not to), so suites about the items view or the timeline need not tag each one.
 */
export async function seedItems(
  page: Page,
  seeds: readonly ItemSeed[],
  { reload = true }: { reload?: boolean } = {},
): Promise<void> {
  const now = new Date().toISOString();
  const records = seeds.map((s) => ({
    seed: { document: s.document, passage: s.passage },
    item: {
      id: s.id,
      createdAt: now,
      updatedAt: now,
      rev: now,
      baseRev: null,
      kind: 'task',
      title: s.passage,
      annotationIds: [`${s.id}-a`],
      documentId: null,
      owners: [],
      deadline: null,
      milestones: [],
      targets: [],
      status: 'open',
      statusHistory: [{ status: s.fields.status ?? 'open', at: now }],
      category: null,
      tags: [],
      note: null,
      noteText: '',
      origin: 'manual',
      ...s.fields,
    } satisfies ItemRecord,
  }));
  await page.evaluate(async (records) => {
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const db = await done(indexedDB.open('dossier'));
    const read = db.transaction(['documents', 'bodies'], 'readonly');
    const documents = (await done(read.objectStore('documents').getAll())) as { id: string; title: string }[];
    const bodies = new Map<string, string>();
    for (const d of documents) {
      const body = (await done(read.objectStore('bodies').get(d.id))) as { text: string };
      bodies.set(d.id, body.text);
    }
    const write = db.transaction(['annotations', 'items'], 'readwrite');
    for (const { seed, item } of records) {
      const doc = documents.find((d) => d.title.includes(seed.document));
      if (!doc) throw new Error(`No document ${seed.document}`);
      const text = bodies.get(doc.id)!;
      const start = text.indexOf(seed.passage);
      if (start < 0) throw new Error(`No passage ${seed.passage}`);
      const end = start + seed.passage.length;
      write.objectStore('annotations').put({
        id: item.annotationIds[0],
        createdAt: item.createdAt,
        updatedAt: item.updatedAt,
        rev: item.rev,
        baseRev: null,
        documentId: doc.id,
        target: {
          position: { type: 'TextPositionSelector', start, end },
          quote: {
            type: 'TextQuoteSelector',
            exact: seed.passage,
            prefix: text.slice(Math.max(0, start - 32), start),
            suffix: text.slice(end, end + 32),
          },
        },
        color: item.kind === 'task' ? 'blue' : 'green',
        note: null,
        noteText: '',
        tags: [],
        author: '',
      });
      write.objectStore('items').put({ ...item, documentId: doc.id });
    }
    await new Promise<void>((resolve, reject) => {
      write.oncomplete = () => resolve();
      write.onerror = () => reject(write.error);
    });
    db.close();
  }, records);
  if (reload) await page.reload();
}

/** Every row of one store of the app's database ('dossier'), read from the page. */
export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('dossier');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(store).objectStore(store).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows as T[];
  }, store);
}
