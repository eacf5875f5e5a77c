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

  it('imports PDFs with pdf.js and reports their pages', () => {
    const r = run(
      'inspect',
      'test/fixtures/pdf/seed-001.pdf',
      'test/fixtures/pdf/scanned.pdf',
      'test/fixtures/pdf/encrypted.pdf',
      '--json',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const [seed, scan, locked] = JSON.parse(r.stdout);
    expect(seed).toMatchObject({
      file: 'test/fixtures/pdf/seed-001.pdf',
      ok: true,
      kind: 'pdf',
      title: '本市发布《北京市推进京津冀协同发展2019年工作要点》',
      published: '2019-06-06',
      publishedStatus: 'detected',
      pages: 4,
      textPages: 4,
      refusal: null,
    });
    expect(seed.text).toMatch(/^本市发布《北京市推进京津冀协同发展2019年工作要点》\n\n来源/);
    expect(seed.blocks).toContainEqual(expect.objectContaining({ type: 'heading', text: '一、主要考虑' }));
    // A scan: imported, no text, titled after the file.
    expect(scan).toMatchObject({ ok: true, kind: 'pdf', title: 'scanned', pages: 2, textPages: 0, text: '' });
    // A protected PDF without --password: refused, asking for it.
    expect(locked).toMatchObject({ ok: false, refusal: { code: 'password-required' } });
    expect(locked.refusal.message).toContain('encrypted.pdf');

    const human = run('inspect', 'test/fixtures/pdf/seed-001.pdf', 'test/fixtures/pdf/scanned.pdf');
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('pages:      4, 4 with text\n');
    expect(human.stdout).toContain('pages:      2, 0 with text — no text layer');
    expect(human.stdout).toContain('[3] heading 2: 一、主要考虑');
  }, 30_000);

  it('opens a protected PDF with --password, and says when it is wrong', () => {
    const wrong = run('inspect', 'test/fixtures/pdf/encrypted.pdf', '--password', 'not-it', '--json');
    expect(wrong.status).toBe(1);
    expect(JSON.parse(wrong.stdout)[0].refusal.code).toBe('wrong-password');

    // The password is ignored for a PDF that has none.
    const right = run(
      'inspect',
      'test/fixtures/pdf/encrypted.pdf',
      'test/fixtures/pdf/seed-001.pdf',
      '--password',
      'dossier-user',
      '--json',
    );
    expect(right.stderr).toBe('');
    expect(right.status).toBe(0);
    const [encrypted, plain] = JSON.parse(right.stdout);
    expect(encrypted).toMatchObject({ ok: true, pages: 4, textPages: 4, title: plain.title });
    expect(encrypted.text).toBe(plain.text);
    expect(encrypted.contentHash).toBe(plain.contentHash);
    expect(run('inspect', 'test/fixtures/pdf/encrypted.pdf', '--password').status).toBe(2);
  }, 30_000);

  it('has --help and refuses bad usage with exit status 2', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dossier inspect FILE/);
    expect(help.stdout).toContain('--password P');
    expect(run().status).toBe(2);
    expect(run('frobnicate').status).toBe(2);
    expect(run('inspect').status).toBe(2);
    expect(run('inspect', '--bogus', 'a.txt').status).toBe(2);
  });
});
