// What the import refuses, and that each refusal is a clear sentence naming the problem.
import { describe, expect, it } from 'vitest';
import { ingest, reclean } from '../../../shared/ingest/ingest';
import { kindFromName, sniffKind } from '../../../shared/ingest/formats';
import { expectRefused, fixtureBytes, ingestText } from './helpers';

describe('refusals', () => {
  it('refuses an empty file', () => {
    expect(expectRefused(ingest({ name: 'a.txt', bytes: new Uint8Array() }), 'empty')).toBe('a.txt is empty.');
  });

  it('refuses a file of blank space only (including a BOM)', () => {
    expectRefused(ingestText('a.txt', ' \n\t\u3000\r\n  '), 'empty');
    expectRefused(ingest({ name: 'a.md', bytes: new Uint8Array([0xef, 0xbb, 0xbf]) }), 'empty');
  });

  it.each(['report.docx', 'photo.png', 'noextension', 'archive.tar.gz'])('refuses %s by extension', (name) => {
    const message = expectRefused(ingestText(name, '正文'), 'unsupported-extension');
    expect(message).toContain(name);
    expect(message).toMatch(/\.txt.*\.md.*\.html/);
  });

  it('leaves PDFs to the PDF importer: the text pipeline never parses their bytes as text', () => {
    const message = expectRefused(
      ingest({ name: 'plan.PDF', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }),
      'unsupported-extension',
    );
    expect(message).toMatch(/importFile/);
  });

  it('refuses files over the size limit, giving the size and the limit', () => {
    const message = expectRefused(ingestText('big.txt', '长'.repeat(1000), 1024), 'too-large');
    expect(message).toBe('big.txt is 2.9 KB, over the 1 KB import limit.');
  });

  it('has a 20 MB default limit', () => {
    const bytes = new Uint8Array(20 * 1024 * 1024 + 1);
    expect(expectRefused(ingest({ name: 'huge.txt', bytes }), 'too-large')).toContain('20 MB import limit');
  });

  it('refuses binary data and undecodable bytes', () => {
    expectRefused(ingest({ name: 'chart.txt', bytes: fixtureBytes('encodings', 'image-png.txt') }), 'binary');
    expectRefused(ingest({ name: 'x.txt', bytes: fixtureBytes('encodings', 'garbage.txt') }), 'invalid-encoding');
  });

  it('refuses a page with no text once the chrome is gone', () => {
    const html = '<html><body><nav>首页 新闻</nav><script>alert(1)</script><footer>版权所有</footer></body></html>';
    expectRefused(ingestText('page.html', html), 'no-text');
    expectRefused(ingestText('page.txt', '注册\n登录\n京ICP备12345678号\n×\n'), 'no-text');
  });

  it('maps extensions to kinds, sniffing HTML and front matter in .txt', () => {
    expect(kindFromName('a.MD')).toEqual({ ok: true, kind: 'markdown' });
    expect(kindFromName('a.markdown')).toEqual({ ok: true, kind: 'markdown' });
    expect(kindFromName('dir.v2/a.htm')).toEqual({ ok: true, kind: 'html' });
    expect(sniffKind('text', '\n  <!DOCTYPE html><html><body>x</body></html>')).toBe('html');
    expect(sniffKind('text', '<html lang="zh">')).toBe('html');
    expect(sniffKind('text', '---\ntitle: x\ndate: 2019-01-01\n---\n正文')).toBe('markdown');
    expect(sniffKind('text', '<p>not a document</p>')).toBe('text');
    expect(sniffKind('markdown', '<!doctype html>')).toBe('markdown');
  });

  it('parses a .txt that is really a web page as HTML', () => {
    const r = ingestText(
      'saved.txt',
      '<!doctype html><html><head><title>标题</title></head><body><h1>标题</h1><p>这是正文的第一段，内容足够长以便识别为正文。</p></body></html>',
    );
    expect(r.ok && r.doc.kind).toBe('html');
    expect(r.ok && r.doc.text).toBe('这是正文的第一段，内容足够长以便识别为正文。');
  });

  it('re-cleans a stored original to the same document', () => {
    const first = ingest({ name: '001.txt', bytes: fixtureBytes('seeds', '001_a2198bc6f00aa275.txt') });
    if (!first.ok) throw new Error('refused');
    const again = reclean(first.doc.original);
    expect(again).toEqual(first);
    expectRefused(reclean({ ...first.doc.original, text: '   ' }), 'empty');
  });
});
