// Sync conflicts, as an analyst resolves them: a library where bundles from two colleagues
// (李四 and 王五) left concurrent versions of six records — an item edited on both sides, an
// item a colleague deleted while it was edited here, an item edited three ways, an item to
// keep both ways, a highlight and an event. The top bar counts them; the conflicts view lists
// them, compares each side by side (the fields that differ marked, a deletion shown as
// Deleted) and resolves them: Keep mine, Keep theirs, Keep both, by button and by key, the
// next record selected after each; the count follows, and the library holds what was kept.
// Light, dark and Chinese screenshots under test/artifacts/.
//
// The merged states are written with the sync core (shared/sync/write.ts) in the test and
// stored the way storage keeps them (renderer/db/sync.ts): the current version in its table,
// the losing versions in `conflicts`, colleagues' names in the `syncColleagues` setting.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Revision } from '../../shared/model/types';
import { mergeVersions, type RecordState } from '../../shared/sync/merge';
import type { SyncRecord, SyncTable } from '../../shared/sync/tables';
import { createVersion, deleteVersion, writeVersion } from '../../shared/sync/write';
import { annotation, event, item, link, REPLICA_A, REPLICA_B, REPLICA_C, T0, TestClock } from '../unit/sync/records';
import { launch, putRecords, readStore, stopServer, type App } from './harness';

const POLL = { timeout: 15_000 };
const HOUR = 3_600_000;

/**
 * A record created here (replica A, "you"), then edited concurrently from that first version:
 * each edit by its replica at its time. The merged state: the newest edit is current.
 */
function concurrent<T extends SyncRecord>(
  base: T,
  edits: { replica: string; at: number; patch: Partial<T> | 'delete' }[],
): RecordState<T> {
  const created = createVersion(base, new TestClock(REPLICA_A).clock, T0);
  const versions = edits.map(({ replica, at, patch }) => {
    const clock = new TestClock(replica).clock;
    const result =
      patch === 'delete'
        ? deleteVersion(created.state, clock, at)
        : writeVersion(created.state, { ...created.version, ...patch }, [created.version.rev], clock, at);
    return result.version;
  });
  return mergeVersions(versions).state!;
}

const I1 = concurrent(item('conflict-i1', { title: '完成年度投资计划', kind: 'commitment' }), [
  { replica: REPLICA_B, at: T0 + HOUR, patch: { status: 'done', tags: ['energy', '投资'], category: '财政' } },
  {
    replica: REPLICA_A,
    at: T0 + 2 * HOUR,
    patch: {
      title: '完成2024年度投资计划',
      deadline: { from: '2024-12-01', to: '2024-12-31', precision: 'month', text: '年底前', origin: 'explicit' },
      noteText: '发改委负责',
    },
  },
]);
const I2 = concurrent(item('conflict-i2', { title: '推进通州区与北三县协同发展' }), [
  { replica: REPLICA_B, at: T0 + HOUR, patch: 'delete' },
  { replica: REPLICA_A, at: T0 + 3 * HOUR, patch: { status: 'in-progress' } },
]);
const I3 = concurrent(item('conflict-i3', { title: '编制城市副中心控制性详细规划' }), [
  { replica: REPLICA_C, at: T0 + HOUR, patch: { status: 'missed', noteText: '延期' } },
  { replica: REPLICA_B, at: T0 + 2 * HOUR, patch: { status: 'done' } },
  { replica: REPLICA_A, at: T0 + 4 * HOUR, patch: { status: 'in-progress' } },
]);
const I4 = concurrent(item('conflict-i4', { title: '开展重点任务专项督查' }), [
  { replica: REPLICA_B, at: T0 + HOUR, patch: { title: '开展重点任务专项督查（第二批）', status: 'open' } },
  { replica: REPLICA_A, at: T0 + 5 * HOUR, patch: { status: 'done' } },
]);
const A1 = concurrent(annotation('conflict-a1', 'no-such-document'), [
  { replica: REPLICA_B, at: T0 + HOUR, patch: { color: 'pink', tags: ['电力'], noteText: '重点' } },
  { replica: REPLICA_A, at: T0 + 6 * HOUR, patch: { color: 'green' } },
]);
const E1 = concurrent(event('conflict-e1'), [
  { replica: REPLICA_C, at: T0 + HOUR, patch: { title: '专题会议（改期）' } },
  { replica: REPLICA_A, at: T0 + 7 * HOUR, patch: { title: '专题会议' } },
]);
const L1 = concurrent(
  link('conflict-l1', { kind: 'item', id: 'conflict-i1' }, { kind: 'annotation', id: 'conflict-a1' }),
  [
    { replica: REPLICA_B, at: T0 + HOUR, patch: { type: 'fulfils' } },
    { replica: REPLICA_A, at: T0 + 8 * HOUR, patch: { note: '同一项任务' } },
  ],
);

const STATES: [SyncTable, RecordState<SyncRecord>][] = [
  ['items', I1],
  ['items', I2],
  ['items', I3],
  ['items', I4],
  ['annotations', A1],
  ['events', E1],
  ['links', L1],
];

async function seed(page: Page): Promise<void> {
  const received = new Date(T0 + 9 * HOUR).toISOString();
  const colleague = (replicaId: string, analyst: string) => ({
    replicaId,
    analyst,
    lastReceived: received,
    lastSent: null,
    sentSeq: 0,
  });
  await putRecords(
    page,
    'settings',
    [
      { key: 'replicaId', value: REPLICA_A },
      { key: 'briefAuthor', value: '张三' },
      {
        key: 'syncColleagues',
        value: { [REPLICA_B]: colleague(REPLICA_B, '李四'), [REPLICA_C]: colleague(REPLICA_C, '王五') },
      },
    ],
    { reload: false },
  );
  for (const table of ['items', 'annotations', 'events', 'links'] as const) {
    const current = STATES.filter(([t]) => t === table).map(([, s]) => s.current);
    await putRecords(page, table, current, { reload: false });
  }
  const rows = STATES.flatMap(([table, state]) =>
    state.conflicts.map((version) => ({ table, id: version.id, rev: version.rev, version, keptAt: received })),
  );
  await putRecords(page, 'conflicts', rows);
}

const count = (page: Page) => page.locator('.topbar [data-action="open-conflicts"]');
const listRows = (page: Page) => page.locator('.conflicts-table tbody tr');
const row = (page: Page, table: string, id: string) =>
  page.locator(`.conflicts-table tr[data-conflict="${table}/${id}"]`);
const detail = (page: Page) => page.locator('section.conflict-detail');
const differing = (page: Page) =>
  page
    .locator('.conflict-compare tbody tr.differs')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')));
const selectedKey = (page: Page) =>
  page.locator('.conflicts-table tbody tr[aria-selected="true"]').getAttribute('data-conflict');
const conflictRows = (page: Page, id: string) =>
  readStore<{ id: string }>(page, 'conflicts').then((rows) => rows.filter((r) => r.id === id).length);
const itemById = async (page: Page, id: string) =>
  (await readStore<SyncRecord<'items'>>(page, 'items')).find((i) => i.id === id);

/** The version written by one replica, among a state's versions. */
const by = (state: RecordState<SyncRecord>, replica: string): SyncRecord =>
  [state.current, ...state.conflicts].find((v) => v.rev.endsWith(replica))!;

describe('resolving sync conflicts', () => {
  let app: App;
  afterAll(async () => {
    await app?.dispose();
    await stopServer();
  });

  it('counts the records with conflicts in the top bar, and opens the view from it', async () => {
    app = await launch();
    const { page } = app;
    expect(await count(page).count()).toBe(0);
    // A library that never synced: no count, and the view says there is nothing to resolve.
    await page.click('[data-nav="conflicts"]');
    await expect.poll(() => page.locator('.conflicts-empty h1').textContent(), POLL).toBe('No conflicts');
    await page.evaluate(() => (window.location.hash = '#/'));
    await seed(page);
    await expect.poll(() => count(page).textContent(), POLL).toBe('7 conflicts');
    await count(page).click();
    await expect.poll(() => page.evaluate(() => window.location.hash), POLL).toBe('#/conflicts');
    await expect.poll(() => listRows(page).count(), POLL).toBe(7);
    // Kinds and labels, newest current first (the link was edited here last).
    const kinds = await page.locator('.conflicts-table .conflict-kind').allTextContents();
    expect(kinds).toEqual(['Link', 'Event', 'Highlight', 'Item', 'Item', 'Item', 'Item']);
    expect(await row(page, 'items', 'conflict-i3').locator('td.num').textContent()).toBe('2');
    expect(await page.locator('[data-nav="conflicts"]').getAttribute('aria-current')).toBe('page');
  });

  it('compares an item field by field, marking what differs, with who wrote each version', async () => {
    const { page } = app;
    await row(page, 'items', 'conflict-i1').locator('button.conflict-label').click();
    await expect.poll(() => detail(page).getAttribute('data-conflict'), POLL).toBe('items/conflict-i1');
    expect(await differing(page)).toEqual([
      'title',
      'status',
      'deadline.text',
      'deadline.dates',
      'category',
      'tags',
      'noteText',
    ]);
    const head = page.locator('.conflict-compare thead');
    expect(await head.locator('[data-side="mine"] .side-name').textContent()).toBe('Current');
    expect(await head.locator('[data-side="theirs"] .side-name').textContent()).toBe('Other version');
    expect(await head.locator('[data-side="mine"] .side-by').textContent()).toMatch(/^You · /);
    expect(await head.locator('[data-side="theirs"] .side-by').textContent()).toMatch(/^李四 · /);
    const title = page.locator('.conflict-compare tr[data-field="title"]');
    expect(await title.locator('td[data-side="mine"]').textContent()).toBe('完成2024年度投资计划');
    expect(await title.locator('td[data-side="theirs"]').textContent()).toBe('完成年度投资计划');
    const status = page.locator('.conflict-compare tr[data-field="status"]');
    expect(await status.locator('td[data-side="theirs"]').textContent()).toBe('Done');
    expect(await page.locator('.conflict-compare tr[data-field="kind"] td[data-side="mine"]').textContent()).toBe(
      'Commitment',
    );
    // Bookkeeping is never compared.
    expect(await page.locator('.conflict-compare tr[data-field="rev"]').count()).toBe(0);
    expect(await page.locator('.conflict-compare tr[data-field="updatedAt"]').count()).toBe(0);
    // Only differences.
    await page.locator('.conflict-only input').check();
    expect(await page.locator('.conflict-compare tbody tr').count()).toBe(7);
    await page.locator('.conflict-only input').uncheck();
    await app.screenshot('sync-conflicts-light');
  });

  it('shows a deleted version as Deleted, and offers Keep both only for items that are not deleted', async () => {
    const { page } = app;
    await row(page, 'items', 'conflict-i2').click();
    await expect.poll(() => detail(page).getAttribute('data-conflict'), POLL).toBe('items/conflict-i2');
    expect(await page.locator('.conflict-compare thead [data-side="theirs"] [data-deleted]').textContent()).toBe(
      'Deleted',
    );
    expect(await page.locator('.conflict-compare thead [data-side="mine"] [data-deleted]').count()).toBe(0);
    expect(await page.locator('[data-action="keep-both"]').isDisabled()).toBe(true);
    await app.screenshot('sync-conflicts-deleted');
    await row(page, 'annotations', 'conflict-a1').click();
    await expect.poll(() => detail(page).getAttribute('data-conflict'), POLL).toBe('annotations/conflict-a1');
    expect(await page.locator('[data-action="keep-both"]').count()).toBe(0);
    expect(await differing(page)).toEqual(['noteText', 'color', 'tags']);
  });

  it('chooses among several conflicting versions', async () => {
    const { page } = app;
    await row(page, 'items', 'conflict-i3').click();
    const versions = page.locator('.conflict-versions button');
    await expect.poll(() => versions.count(), POLL).toBe(2);
    expect(await versions.nth(0).getAttribute('aria-pressed')).toBe('true');
    // Newest first: 李四's "done", then 王五's "missed".
    const theirs = page.locator('.conflict-compare tr[data-field="status"] td[data-side="theirs"]');
    expect(await theirs.textContent()).toBe('Done');
    await versions.nth(1).click();
    await expect.poll(() => theirs.textContent(), POLL).toBe('Missed');
    expect(await page.locator('.conflict-compare thead [data-side="theirs"] .side-by').textContent()).toMatch(
      /^王五 · /,
    );
  });

  it('looks right in dark and in Chinese', async () => {
    const { page } = app;
    await row(page, 'items', 'conflict-i1').click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.screenshot('sync-conflicts-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.selectOption('.topbar .language select', 'zh');
    await expect.poll(() => count(page).textContent(), POLL).toBe('7 个冲突');
    expect(await page.locator('.conflict-compare thead [data-side="mine"] .side-name').textContent()).toBe('当前版本');
    await app.screenshot('sync-conflicts-zh');
    await page.selectOption('.topbar .language select', 'en');
    await expect.poll(() => count(page).textContent(), POLL).toBe('7 conflicts');
  });

  it('moves through the list with the arrow keys', async () => {
    const { page } = app;
    await row(page, 'events', 'conflict-e1').locator('button.conflict-label').click();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectedKey(page), POLL).toBe('annotations/conflict-a1');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-key')), POLL)
      .toBe('annotations/conflict-a1');
    await page.keyboard.press('End');
    await expect.poll(() => selectedKey(page), POLL).toBe(await listRows(page).last().getAttribute('data-conflict'));
    await page.keyboard.press('Home');
    await expect.poll(() => selectedKey(page), POLL).toBe('links/conflict-l1');
  });

  it('Keep mine (M): the current version stays, the conflict goes; the last record gone, the one before is selected', async () => {
    const { page } = app;
    const keys = await listRows(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-conflict')));
    expect(keys.at(-1)).toBe('items/conflict-i1');
    await row(page, 'items', 'conflict-i1').locator('button.conflict-label').click();
    await page.keyboard.press('m');
    await expect.poll(() => count(page).textContent(), POLL).toBe('6 conflicts');
    await expect.poll(() => selectedKey(page), POLL).toBe(keys.at(-2));
    expect(await page.locator('.toast').last().textContent()).toContain(
      'Kept the current version of “完成2024年度投资计划”',
    );
    expect(await conflictRows(page, 'conflict-i1')).toBe(0);
    const kept = await itemById(page, 'conflict-i1');
    expect(kept?.title).toBe('完成2024年度投资计划');
    expect(kept?.status).toBe('open');
  });

  it('Keep theirs: their version becomes the current one; the next record is selected', async () => {
    const { page } = app;
    await row(page, 'annotations', 'conflict-a1').click();
    await page.locator('[data-action="keep-theirs"]').click();
    await expect.poll(() => count(page).textContent(), POLL).toBe('5 conflicts');
    await expect.poll(() => selectedKey(page), POLL).toBe('items/conflict-i4');
    // The focus stays on the button, for the next record.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('keep-theirs');
    const a1 = (await readStore<SyncRecord<'annotations'>>(page, 'annotations')).find((a) => a.id === 'conflict-a1');
    expect(a1?.color).toBe('pink');
    expect(a1?.tags).toEqual(['电力']);
    expect(await conflictRows(page, 'conflict-a1')).toBe(0);
  });

  it('Keep theirs on a deletion deletes the record', async () => {
    const { page } = app;
    await row(page, 'items', 'conflict-i2').click();
    await page.locator('[data-action="keep-theirs"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => count(page).textContent(), POLL).toBe('4 conflicts');
    expect(await itemById(page, 'conflict-i2')).toBeUndefined();
  });

  it('Keep both (B): their version of an item becomes an item of its own', async () => {
    const { page } = app;
    const before = (await readStore<SyncRecord<'items'>>(page, 'items')).length;
    await row(page, 'items', 'conflict-i4').click();
    await page.keyboard.press('b');
    await expect.poll(() => count(page).textContent(), POLL).toBe('3 conflicts');
    const items = await readStore<SyncRecord<'items'>>(page, 'items');
    expect(items.length).toBe(before + 1);
    expect(items.find((i) => i.id === 'conflict-i4')?.status).toBe('done');
    const copy = items.find(
      (i) => i.id !== 'conflict-i4' && i.title === (by(I4, REPLICA_B) as SyncRecord<'items'>).title,
    );
    expect(copy?.title).toBe('开展重点任务专项督查（第二批）');
  });

  it('resolves a record with two conflicting versions at once, then the last ones; the count goes', async () => {
    const { page } = app;
    await row(page, 'items', 'conflict-i3').click();
    await page.locator('.conflict-versions button').nth(1).click();
    await page.locator('[data-action="keep-theirs"]').click();
    await expect.poll(() => count(page).textContent(), POLL).toBe('2 conflicts');
    const i3 = await itemById(page, 'conflict-i3');
    expect(i3?.status).toBe('missed');
    expect(i3?.noteText).toBe('延期');
    expect(await conflictRows(page, 'conflict-i3')).toBe(0);
    // The record after it (the event) is selected.
    await expect.poll(() => selectedKey(page), POLL).toBe('events/conflict-e1');
    expect(await differing(page)).toEqual(['title']);
    await page.locator('[data-action="keep-mine"]').click();
    await expect.poll(() => count(page).textContent(), POLL).toBe('1 conflict');
    // A link: every content field, its relation in words.
    await expect.poll(() => selectedKey(page), POLL).toBe('links/conflict-l1');
    expect(await page.locator('.conflict-detail-head h2').textContent()).toBe('Item → Highlight (relates to)');
    expect(await differing(page)).toEqual(['type', 'note']);
    const type = page.locator('.conflict-compare tr[data-field="type"]');
    expect(await type.locator('td[data-side="theirs"]').textContent()).toBe('fulfils');
    expect(await page.locator('.conflict-compare tr[data-field="from.id"] td[data-side="mine"]').textContent()).toBe(
      'conflict-i1',
    );
    expect(await page.locator('.conflict-compare tr[data-field="to.kind"] td[data-side="mine"]').textContent()).toBe(
      'Highlight',
    );
    await app.screenshot('sync-conflicts-link');
    await page.keyboard.press('t');
    await expect.poll(() => count(page).count(), POLL).toBe(0);
    await expect.poll(() => page.locator('.conflicts-empty h1').textContent(), POLL).toBe('No conflicts');
    await app.screenshot('sync-conflicts-empty');
    const l1 = (await readStore<SyncRecord<'links'>>(page, 'links')).find((l) => l.id === 'conflict-l1');
    expect(l1?.type).toBe('fulfils');
    expect(l1?.note).toBeNull();
    const revs = (await readStore<{ rev: Revision }>(page, 'conflicts')).length;
    expect(revs).toBe(0);
  });
});
