// A hostile page: the import keeps the visible prose and nothing of its scripts, handlers,
// frames, forms, styles or hidden text. (The app renders the canonical text only, so no
// markup from an imported page ever reaches the DOM.)
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, importFixture } from './helpers';

const doc = importFixture('hostile.html');
const blocks = blockTexts(doc);

describe('hostile HTML', () => {
  it('is well formed', () => expectWellFormed(doc));

  it('keeps the visible prose, headings, list and table', () => {
    expect(doc.title).toBe('关于加强城市更新工作的通知');
    expect(blocks).toEqual([
      '各区人民政府，市政府各委、办、局：',
      '为推动城市高质量发展，现就加强城市更新工作有关事项通知如下。',
      '一、总体要求',
      '坚持以人民为中心的发展思想，统筹推进老旧小区改造 & 完整社区建设，点击此处查看配套政策。',
      '2023年底前完成改造小区120个；',
      '2025年底前基本完成2000年前建成的老旧小区改造任务。',
      '区',
      '任务（个）',
      '东城区',
      '30',
      '西城区',
      '25',
      '各区要按照本通知要求，结合实际抓好落实。<script>这是正文里被转义的尖括号</script>',
    ]);
    expect(doc.blocks.map((b) => b.type)).toEqual([
      'paragraph', 'paragraph', 'heading', 'paragraph', 'list-item', 'list-item',
      'table-cell', 'table-cell', 'table-cell', 'table-cell', 'table-cell', 'table-cell', 'paragraph',
    ]); // prettier-ignore
    expect(doc.blocks[4]).toMatchObject({ ordered: true });
    expect(doc.blocks[9]).toMatchObject({ table: 0, row: 1, col: 1 });
  });

  it('carries none of the script, handler, frame, form, style or hidden content', () => {
    for (const bad of [
      'alert(',
      'cookie',
      'fetch',
      'onerror',
      'onload',
      'onclick',
      'javascript:',
      'evil.example',
      'http',
      'CSS-GENERATED-TEXT',
      'background',
      'IFRAME-FALLBACK-TEXT',
      'HIDDEN-TRACKING-TEXT',
      'FORM-VALUE',
      'TEXTAREA-TEXT',
      'OPTION-TEXT',
      '用户名',
      '提交',
      'NOSCRIPT-TEXT',
      'TEMPLATE-TEXT',
      'SVG-TEXT',
      'OBJECT-TEXT',
      'COMMENT-TEXT',
      'ASIDE-LINK-TEXT',
      'FOOTER-TEXT',
      'ICP',
      '分享到',
      '政务公开',
    ]) {
      expect(doc.text).not.toContain(bad);
    }
    // The only angle brackets are the escaped ones the page shows as text.
    expect(doc.text.match(/[<>]/g)).toHaveLength(4);
  });

  it('takes metadata from the head and the article, not from the attacker', () => {
    expect(doc.published).toMatchObject({ from: '2023-04-12', status: 'detected' });
    expect(doc.source.site).toBe('某市住房和城乡建设局');
    expect(doc.source.url).toBeNull();
  });
});
