// Splitting a page into self-contained parts whose offsets map back onto the page.
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../../shared/ingest/split';
import { contentHash, toCanonical } from '../../../shared/ingest/canonical';
import type { RawBlock } from '../../../shared/ingest/types';

const raw: RawBlock[] = [
  { type: 'heading', level: 2, text: '第一篇标题' },
  { type: 'paragraph', text: '本报讯(记者 张三 李四)第一篇正文。' },
  { type: 'table-cell', table: 0, row: 0, col: 0, text: '甲' },
  { type: 'paragraph', text: '本报讯(记者 王五)第二篇正文的第一句话。第二句。' },
  { type: 'table-cell', table: 1, row: 0, col: 0, text: '乙' },
  { type: 'heading', level: 2, text: '第三篇标题' },
  { type: 'paragraph', text: '第三篇正文。' },
];
const page = {
  ...toCanonical(raw),
  title: '某报 2022年3月16日',
  source: { site: '某报', url: null, authors: ['张三', '李四', '王五'], host: null, editor: null },
  published: {
    from: '2022-03-16',
    to: '2022-03-16',
    precision: 'day' as const,
    text: '2022年3月16日',
    status: 'detected' as const,
  },
};

describe('splitDocument', () => {
  const parts = splitDocument(page, [0, 3, 5]);

  it('makes one part per start, titled by its heading or first sentence', () => {
    expect(parts.map((p) => p.title)).toEqual(['第一篇标题', '第二篇正文的第一句话', '第三篇标题']);
    expect(parts.map((p) => p.text)).toEqual([
      '本报讯(记者 张三 李四)第一篇正文。\n\n甲',
      '本报讯(记者 王五)第二篇正文的第一句话。第二句。\n\n乙',
      '第三篇正文。',
    ]);
  });

  it('re-bases offsets and reports where each part began in the page', () => {
    for (const part of parts) {
      expect(page.text.slice(part.startOffset, part.startOffset + part.text.length)).toBe(part.text);
      for (const b of part.blocks) expect(b.start).toBeGreaterThanOrEqual(0);
      expect(part.blocks.map((b) => part.text.slice(b.start, b.end)).join('\n\n')).toBe(part.text);
      expect(part.contentHash).toBe(contentHash(part.text));
    }
    expect(parts[0]!.blocks[0]).toMatchObject({ start: 0, type: 'paragraph' });
    expect(parts[1]!.blocks[1]).toMatchObject({ type: 'table-cell', table: 0 });
  });

  it("keeps the page's date and source, with each part's own writers", () => {
    expect(parts.map((p) => p.authors)).toEqual([['张三', '李四'], ['王五'], []]);
    for (const p of parts) {
      expect(p.published).toEqual(page.published);
      expect(p.source.site).toBe('某报');
      expect(p.source.authors).toEqual(p.authors);
    }
  });

  it('normalises the starts: sorted, unique, in range, always from block 0', () => {
    expect(splitDocument(page, [5, 3, 3, 99, -1]).map((p) => p.firstBlock)).toEqual([0, 3, 5]);
    expect(splitDocument(page, [])).toHaveLength(1);
    expect(splitDocument({ ...page, text: '', blocks: [] }, [0])).toEqual([]);
  });
});
