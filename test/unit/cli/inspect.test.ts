// `dossier inspect` as a user runs it: a child process, JSON on stdout, exit status.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [resolve(root, 'electron/cli/dossier.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('dossier inspect', () => {
  it('prints what the import detected, as JSON', () => {
    const r = run(
      'inspect',
      'test/fixtures/seeds/001_a2198bc6f00aa275.txt',
      'test/fixtures/seeds/003_1eb64b73d8c428c6.txt',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [first, second] = JSON.parse(r.stdout);
    expect(first).toMatchObject({
      file: 'test/fixtures/seeds/001_a2198bc6f00aa275.txt',
      ok: true,
      title: '本市发布《北京市推进京津冀协同发展2019年工作要点》',
      published: '2019-06-06',
      publishedStatus: 'detected',
      source: '北京市发展和改革委员会',
      host: '读要网',
      authors: [],
      refusal: null,
    });
    expect(first.text).toMatch(/^今年是新中国成立70周年/);
    expect(first.text).not.toContain('ICP');
    expect(first.blocks[1]).toMatchObject({ type: 'heading', text: '一、主要考虑' });
    expect(first.text.slice(first.blocks[1].start, first.blocks[1].end)).toBe('一、主要考虑');
    expect(second).toMatchObject({ ok: true, published: '2017-02-07', publishedStatus: 'inferred', source: '豫都网' });
  });

  it('prints a readable report by default', () => {
    const r = run('inspect', 'test/fixtures/seeds/003_1eb64b73d8c428c6.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('title:      北京23个市级部门对接通州 冲刺城市副中心建设');
    expect(r.stdout).toContain('published:  2017-02-07 (inferred');
    expect(r.stdout).toContain('source:     豫都网');
    expect(r.stdout).toMatch(/\[\d+\] paragraph: 市教委、市公安局/);
  });

  it('exits 1 when a file is refused, and reports why', () => {
    const r = run(
      'inspect',
      'test/fixtures/encodings/image-png.txt',
      'test/fixtures/seeds/000_6e9d3646a86fd5b6.txt',
      '--json',
    );
    expect(r.status).toBe(1);
    const [png, seed] = JSON.parse(r.stdout);
    expect(png).toMatchObject({ ok: false, title: null, published: null, refusal: { code: 'binary' } });
    expect(seed).toMatchObject({ ok: true, authors: ['林艳', '李泽伟'] });
    expect(run('inspect', 'no/such/file.txt', '--json').status).toBe(1);
  });

  it('has --help and refuses bad usage with exit status 2', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dossier inspect FILE/);
    expect(run().status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
    expect(run('inspect').status).toBe(2);
    expect(run('inspect', '--bogus', 'a.txt').status).toBe(2);
  });
});
