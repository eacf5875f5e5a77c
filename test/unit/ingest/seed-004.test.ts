// 004: an ifeng Hebei-channel commentary saved as Markdown with front matter, 2019 —
// EXPECTED.md: cleaned title, the broken front-matter date, 凤凰网河北频道 (not the scraper
// account "wetech"), editor 刘亚楠 as metadata, duplicates and markup dropped.
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../shared/ingest/markdown';
import { blockTexts, expectWellFormed, importSeed } from './helpers';

const doc = importSeed('004_e259bc3bdc43cb06.txt');
const blocks = blockTexts(doc);

describe('seed 004 — ifeng 河北频道 commentary (Markdown with front matter)', () => {
  it('is well formed and read as Markdown', () => {
    expectWellFormed(doc);
    expect(doc.kind).toBe('markdown');
  });

  it('cleans the front-matter title of "评论：" and "_河北频道"', () => {
    expect(doc.title).toBe('全力推动京津冀协同发展向广度深度拓展');
  });

  it('reads 2019-02-22 from "date: 2019-02-22- 07:31"', () => {
    expect(doc.published).toMatchObject({ from: '2019-02-22', to: '2019-02-22', precision: 'day', status: 'detected' });
  });

  it('names 凤凰网河北频道, not the scraper account, and keeps the editor as metadata', () => {
    expect(doc.source.site).toBe('凤凰网河北频道');
    expect(doc.source.authors).toEqual([]);
    expect(doc.source.authors).not.toContain('wetech');
    expect(doc.source.editor).toBe('刘亚楠');
  });

  it('keeps the 核心提示 paragraph once, and the article to its end', () => {
    expect(blocks[0]).toMatch(/^核心提示：京津冀协同发展，是以习近平同志为核心的党中央/);
    expect(blocks[0]).toMatch(/全力推动京津冀协同发展向广度深度拓展。$/);
    expect(doc.text.split('核心提示')).toHaveLength(2);
    expect(blocks[1]).toMatch(/^1月16日至18日，习近平总书记深入到河北雄安新区/);
    expect(doc.text).toContain('构建京津保生态过渡带、坝上高原生态防护区');
    expect(blocks[blocks.length - 1]).toMatch(/使改革发展成果更多更公平惠及京津冀全体人民。$/);
  });

  it('drops the markup, the 原标题 lines and the editor line from the body', () => {
    for (const gone of [
      '<!--',
      'more',
      '<img',
      'ifengimg',
      '原标题',
      '责任编辑',
      '刘亚楠',
      '取得了显著成\n',
      '---',
      'wetech',
    ]) {
      expect(doc.text).not.toContain(gone);
    }
  });

  it('tolerates the broken front matter', () => {
    const { data } = splitFrontMatter('---\ntitle: a: b: c\ndate: 2019-02-22- 07:31\n---\nbody');
    expect(data.date).toBe('2019-02-22- 07:31');
    expect(data.title).toBe('a: b: c');
  });
});
