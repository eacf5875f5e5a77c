// `dossier extract` and `dossier eval` as a user runs them: a child process, output, exit status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [resolve(root, 'electron/cli/dossier.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
const seed = 'test/fixtures/seeds/001_a2198bc6f00aa275.txt';

describe('dossier extract', () => {
  it('prints dates and candidates in the gold files’ shape, offsets into the file as read', () => {
    const r = run('extract', seed, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [doc] = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ doc: '001_a2198bc6f00aa275.txt', published: '2019-06-06' });
    const raw = readFileSync(resolve(root, seed), 'utf8');
    for (const t of doc.temporal) expect(raw.slice(t.start, t.start + t.text.length)).toBe(t.text);
    const jingzhang = doc.items.find((i: { quote: string }) => i.quote.includes('京张铁路年底建成通车'));
    expect(jingzhang).toMatchObject({ kind: 'commitment', deadline: '2019-12-31', deadline_source: 'explicit' });
    expect(raw.slice(jingzhang.start, jingzhang.start + jingzhang.quote.length)).toBe(jingzhang.quote);
    const airport = doc.items.find((i: { quote: string }) => i.quote.startsWith('9月底前建成通航'));
    expect(airport).toMatchObject({ deadline: '2019-09-30', category: '交通' });
  });

  it('resolves relative dates against --published, and prints a readable list without --json', () => {
    const r = run('extract', seed, '--published', '2020-03-01');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/实现京张铁路年底建成通车/);
    expect(r.stdout).toMatch(/due 2020-12-31 \(explicit\)/);
  });

  it('refuses a bad date or no file with a usage error, and names a missing file', () => {
    expect(run('extract', seed, '--published', '6月6日').status).toBe(2);
    expect(run('extract').status).toBe(2);
    const missing = run('extract', 'nope.txt');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/nope\.txt does not exist/);
  });
});

describe('dossier eval', () => {
  it('scores the gold files and meets the floors', () => {
    const r = run('eval');
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/temporal values\s+\d\.\d{3}\s+\d\.\d{3}\s+\d\.\d{3}/);
    expect(r.stdout).toMatch(/floors met/);
    expect(r.status).toBe(0);
  });

  it('fails below the floors (a gold file whose items the rules cannot find)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-gold-'));
    copyFileSync(resolve(root, 'test/fixtures/seeds/004_e259bc3bdc43cb06.txt'), join(dir, 'doc.txt'));
    const quote = '习近平总书记深入到河北雄安新区';
    writeFileSync(
      join(dir, 'doc.json'),
      JSON.stringify({
        doc: 'doc.txt',
        published: '2019-02-22',
        title: 't',
        temporal: [],
        items: [{ kind: 'task', quote, deadline: '2019-12-31', owners: [], targets: [] }],
      }),
    );
    const r = run('eval', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/BELOW THE FLOORS/);
  });
});
