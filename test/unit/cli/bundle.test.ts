// `dossier bundle` as a user runs it: two colleagues' bundles in which both edited one item,
// inspected, verified (with a damaged copy refused) and merged into one bundle that keeps the
// losing edit as a conflict.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readBundle, writeBundle } from '../../../shared/sync/bundle';
import { formatRevision } from '../../../shared/sync/hlc';
import { createVersion, editVersion } from '../../../shared/sync/write';
import { sampleInput } from '../sync/forge';
import { item, REPLICA_A, REPLICA_B, T0, TestClock } from '../sync/records';

const root = resolve(import.meta.dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [resolve(root, 'electron/cli/dossier.mjs'), 'bundle', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });

const dir = mkdtempSync(join(tmpdir(), 'dossier-bundle-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A writes the item and sends it to B; then both edit it, each without the other's edit.
const a = new TestClock(REPLICA_A);
const b = new TestClock(REPLICA_B, T0 + 500);
const created = createVersion(item('I1', { documentId: 'D1', title: '京张铁路年底建成通车' }), ...a.next());
const editedByA = editVersion(created.state, { ...created.version, status: 'done' as const }, ...a.next());
const editedByB = editVersion(created.state, { ...created.version, status: 'in-progress' as const }, ...b.next());
const bundleOf = (replicaId: string, analyst: string, version: typeof created.version) =>
  writeBundle(
    sampleInput({
      replicaId,
      analyst,
      clock: formatRevision({ wall: T0 + 10_000, counter: 0, replica: replicaId }),
      records: { ...sampleInput().records, items: [version] },
    }),
  );
const fromA = join(dir, 'zhang.dossier');
const fromB = join(dir, 'li.dossier');
const damaged = join(dir, 'damaged.dossier');
writeFileSync(fromA, bundleOf(REPLICA_A, '张三', editedByA.version));
writeFileSync(fromB, bundleOf(REPLICA_B, '李四', editedByB.version));
const bytes = readFileSync(fromB);
writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));

describe('dossier bundle', () => {
  it('inspects a bundle: who sent it, when, and what it holds', () => {
    const r = run('inspect', fromA, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [report] = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, analyst: '张三', replicaId: REPLICA_A, formatVersion: 1, texts: 1 });
    expect(report.records).toMatchObject({ documents: 1, items: 1, annotations: 0 });
    expect(run('inspect', fromB).stdout).toContain('from      李四');
  });

  it('verifies bundles, naming why a damaged one is refused (exit 1)', () => {
    const r = run('verify', fromA, damaged);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${fromA}: ok`);
    expect(r.stdout).toMatch(new RegExp(`${damaged.replace(/[.]/g, '\\.')}: refused \\([a-z-]+\\): .+`));
  });

  it('merges two colleagues’ bundles into one, keeping the concurrent edit as a conflict', () => {
    const out = join(dir, 'merged.dossier');
    const r = run('merge', fromA, fromB, '--out', out, '--analyst', '王五');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/zhang\.dossier: 2 new/);
    expect(r.stdout).toMatch(/li\.dossier: .*1 with conflicts/);
    const merged = readBundle(new Uint8Array(readFileSync(out)));
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.value.manifest.analyst).toBe('王五');
    // Both edits travel on: one current, the other kept as its conflict.
    const statuses = merged.value.records.items.map((i) => i.status).sort();
    expect(statuses).toEqual(['done', 'in-progress']);
    // Merging in the other order gives the same records.
    const other = join(dir, 'merged-ba.dossier');
    expect(run('merge', fromB, fromA, '--out', other).status).toBe(0);
    const reversed = readBundle(new Uint8Array(readFileSync(other)));
    expect(reversed.ok && reversed.value.records).toEqual(merged.value.records);
  });

  it('writes nothing when any bundle cannot be read', () => {
    const out = join(dir, 'never.dossier');
    const r = run('merge', fromA, damaged, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('nothing written');
    expect(() => readFileSync(out)).toThrow();
  });

  it('explains its usage on a mistake (exit 2)', () => {
    const r = run('merge', fromA);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('merge needs --out FILE');
  });
});
