// The canonical text and its block offsets: what every annotation anchors to.
import { describe, expect, it } from 'vitest';
import { contentHash, toCanonical } from '../../../shared/ingest/canonical';

describe('toCanonical', () => {
  it('joins blocks with one blank line and records exact offsets', () => {
    const { text, blocks } = toCanonical([
      { type: 'heading', level: 2, text: '标题' },
      { type: 'paragraph', text: '正文𠀀。' },
      { type: 'table-cell', table: 0, row: 1, col: 2, text: '格' },
      { type: 'list-item', ordered: true, text: '项' },
    ]);
    expect(text).toBe('标题\n\n正文𠀀。\n\n格\n\n项');
    expect(blocks).toEqual([
      { type: 'heading', level: 2, start: 0, end: 2 },
      { type: 'paragraph', start: 4, end: 9 },
      { type: 'table-cell', table: 0, row: 1, col: 2, start: 11, end: 12 },
      { type: 'list-item', ordered: true, start: 14, end: 15 },
    ]);
  });

  it('normalises to NFC, keeps no blank line inside a block and skips empty blocks', () => {
    const { text, blocks } = toCanonical([
      { type: 'paragraph', text: 'Cafe\u0301' },
      { type: 'paragraph', text: '   ' },
      { type: 'preformatted', text: 'a\n\n\nb' },
      { type: 'paragraph', text: '一\n二' },
    ]);
    expect(text).toBe('Café\n\na\nb\n\n一 二');
    expect(blocks).toHaveLength(3);
  });

  it('hashes the UTF-8 bytes with SHA-256', () => {
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash('中文')).not.toBe(contentHash('中文 '));
  });
});
