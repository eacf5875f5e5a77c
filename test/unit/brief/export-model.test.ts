// Reading a stored brief into the exporters' model: the sample's structure, Lexical's own
// output in both its forms, refusal of damaged or foreign content, tolerance of unknown nodes.
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { briefToDocx } from '../../../shared/brief/docx';
import { briefToHtml } from '../../../shared/brief/html';
import { briefToMarkdown } from '../../../shared/brief/markdown';
import { BriefFormatError, readBrief, type Block } from '../../../shared/brief/model';
import {
  briefOf,
  heading,
  link,
  list,
  listItem,
  paragraph,
  PLAN,
  quoteNode,
  RAILWAY,
  SAMPLE_CITATIONS,
  sampleInput,
  sampleState,
  text,
} from './export-fixture';

const read = (content: string | object) => readBrief(sampleInput({ content }));
const blocksOf = (content: string | object): Block[] => read(content).blocks;

describe('readBrief on the sample brief', () => {
  const doc = readBrief(sampleInput());

  it('reads every block in order, Dossier’s included', () => {
    expect(doc.blocks.map((b) => b.type)).toEqual([
      'heading',
      'paragraph',
      'quote',
      'heading',
      'list',
      'table',
      'quote',
      'paragraph',
      'blockquote',
      'heading',
      'item-table',
      'heading',
      'timeline',
    ]);
  });

  it('keeps inline formatting and links as runs', () => {
    const intro = doc.blocks[1] as Extract<Block, { type: 'paragraph' }>;
    expect(intro.runs).toEqual([
      { text: '本简报梳理' },
      { text: '京津冀协同发展', bold: true },
      { text: '2019年重点任务的进展（' },
      { text: 'as of mid-2019', italic: true },
      { text: '）。原文见' },
      { text: '首都之窗', link: 'https://www.beijing.gov.cn/' },
      { text: '。' },
    ]);
    const english = doc.blocks[7] as Extract<Block, { type: 'paragraph' }>;
    expect(english.runs[1]).toEqual({ text: 'ahead of the Winter Olympics', bold: true, italic: true });
  });

  it('hangs a nested list on the item before it, as Lexical nests them', () => {
    const outer = doc.blocks[4] as Extract<Block, { type: 'list' }>;
    expect(outer.kind).toBe('bullet');
    expect(outer.items.map((i) => i.runs[0]?.text)).toEqual(['交通一体化', '生态环境联防联治', '产业协同发展']);
    expect(outer.items[0]!.lists).toHaveLength(1);
    expect(outer.items[0]!.lists[0]!.kind).toBe('number');
    expect(outer.items[0]!.lists[0]!.items.map((i) => i.runs[0]?.text)).toEqual([
      '京张铁路建成通车',
      '京雄城际铁路北京段建成',
    ]);
  });

  it('marks the header row of a table', () => {
    const table = doc.blocks[5] as Extract<Block, { type: 'table' }>;
    expect(table.rows.map((r) => r.header)).toEqual([true, false, false, false]);
    expect(table.rows[2]!.cells[1]!.runs).toEqual([{ text: '压减燃煤 | 削减50万吨' }]);
  });

  it('numbers the notes in reading order: quotes, then item sources', () => {
    expect(doc.notes.map((n) => n.n)).toEqual([1, 2, 3, 4]);
    expect(doc.notes.map((n) => n.citation)).toEqual(SAMPLE_CITATIONS);
    const [first, second] = doc.blocks.filter((b) => b.type === 'quote');
    expect(first).toMatchObject({ quote: RAILWAY.quote, note: 1, annotationId: RAILWAY.annotationId });
    expect(first).not.toHaveProperty('status');
    expect(second).toMatchObject({ quote: PLAN.quote, note: 2, status: 'changed' });
    const items = doc.blocks.find((b) => b.type === 'item-table')!;
    expect(items.rows.map((r) => r.note)).toEqual([3, 4, undefined]);
  });
});

describe('Lexical’s own output', () => {
  // The sample's standard nodes, through a real Lexical editor: Dossier's are left out, as
  // this editor has no node classes for them.
  const editor = createEditor({
    nodes: [
      HeadingNode,
      QuoteNode,
      ListNode,
      ListItemNode,
      LinkNode,
      AutoLinkNode,
      TableNode,
      TableRowNode,
      TableCellNode,
    ],
    onError: (error) => {
      throw error;
    },
  });
  const state = sampleState();
  state.root.children = state.root.children.filter((n) => !n.type.startsWith('dossier-'));
  const parsed = editor.parseEditorState(JSON.stringify(state));

  it('is what the sample holds, node for node', () => {
    expect(parsed.toJSON()).toEqual(state);
  });

  it('reads the same in the compact form, which leaves out defaults', () => {
    const compact = parsed.toJSON(true);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(state).length / 2);
    expect(blocksOf(compact)).toEqual(blocksOf(state));
  });
});

describe('refusing what is not a brief', () => {
  const refusal = (content: string | object) => {
    try {
      read(content);
    } catch (error) {
      expect(error).toBeInstanceOf(BriefFormatError);
      return (error as Error).message;
    }
    throw new Error('not refused');
  };

  it('says when the content is not JSON, or empty', () => {
    expect(refusal('{"root": {"type": "root", "children": [')).toMatch(
      /^The brief is damaged: its content is not valid JSON/,
    );
    expect(refusal('  ')).toMatch(/The brief is empty/);
  });

  it('says when the JSON is not a Lexical editor state', () => {
    for (const foreign of ['{"hello":"world"}', '[]', '42', '{"root":{"type":"paragraph","children":[]}}']) {
      expect(refusal(foreign)).toMatch(/^This is not a Dossier brief: expected a Lexical editor state/);
    }
    expect(refusal('{"hello":"world"}')).toMatch(/root/);
  });

  it('names a damaged quote and what is wrong with it', () => {
    const broken = quoteNode('京张铁路年底建成通车');
    delete (broken.citation as Record<string, unknown>).position;
    const message = refusal(briefOf(paragraph(text('前言')), broken));
    expect(message).toMatch(/^The brief's quote \(block 2\) is damaged: citation\.position: /);
  });

  it('refuses damaged item tables and timelines by name too', () => {
    expect(refusal(briefOf({ type: 'dossier-item-table', version: 1, rows: [{ itemId: 1 }] }))).toMatch(
      /The brief's item table \(block 1\) is damaged: rows\.0\./,
    );
    expect(refusal(briefOf({ type: 'dossier-timeline', version: 1, entries: [] }))).toMatch(
      /The brief's timeline section \(block 1\) is damaged: range/,
    );
  });

  it('refuses a state nested without end instead of overflowing the stack', () => {
    // Written out, as JSON.stringify itself cannot nest this deep.
    const depth = 100_000;
    const wrappers = '{"type":"wrapper","children":['.repeat(depth) + JSON.stringify(text('深处')) + ']}'.repeat(depth);
    expect(refusal(`{"root":{"type":"root","children":[${wrappers}]}}`)).toMatch(/nests deeper than/);
  });

  it('checks what it is asked to export', () => {
    expect(() => readBrief({ ...sampleInput(), language: 'fr' as never })).toThrow(/language/);
  });
});

describe('tolerating nodes it does not know', () => {
  const content = briefOf(
    paragraph(text('负责人：'), { type: 'mention', version: 1, text: '@李明', mentionName: '李明' }, text('。')),
    {
      type: 'collapsible-container',
      version: 1,
      open: true,
      children: [
        { type: 'collapsible-title', version: 1, children: [text('附：背景')] },
        { type: 'collapsible-content', version: 1, children: [paragraph(text('京津冀协同发展是国家战略。'))] },
      ],
    },
    { type: 'image', version: 1, src: 'https://tracker.example/pixel.png', altText: '' },
    { type: 'horizontalrule', version: 1 },
    { type: 'equation', version: 1, equation: 'E=mc^2', inline: false, text: 'E = mc²' },
    heading('h9', text('标题级别未知')),
    paragraph(link('javascript:alert(1)', text('不安全的链接')), link('ftp://example.org/x', text('不支持的链接'))),
    { type: 'dossier-item-table', version: 1, rows: [{ ...itemRow(), status: 'postponed' }] },
  );

  it('reads them for their text, and drops what has none', () => {
    const blocks = blocksOf(content);
    expect(blocks).toEqual([
      { type: 'paragraph', runs: [{ text: '负责人：@李明。' }] },
      { type: 'paragraph', runs: [{ text: '附：背景' }] },
      { type: 'paragraph', runs: [{ text: '京津冀协同发展是国家战略。' }] },
      { type: 'paragraph', runs: [{ text: 'E = mc²' }] },
      { type: 'heading', level: 1, runs: [{ text: '标题级别未知' }] },
      { type: 'paragraph', runs: [{ text: '不安全的链接不支持的链接' }] },
      { type: 'item-table', rows: [expect.objectContaining({ status: 'unknown' })] },
    ]);
  });

  it('exports them in every format without throwing', async () => {
    const input = sampleInput({ content });
    expect(briefToMarkdown(input)).toContain('负责人：@李明。');
    expect(briefToHtml(input)).toContain('京津冀协同发展是国家战略。');
    expect((await briefToDocx(input)).byteLength).toBeGreaterThan(1000);
  });

  it('reads paragraphs of text nodes left at the top level, and list items out of a list', () => {
    expect(blocksOf(briefOf(text('散落的文字'), { type: 'linebreak', version: 1 }, text('第二行')))).toEqual([
      { type: 'paragraph', runs: [{ text: '散落的文字\n第二行' }] },
    ]);
    expect(blocksOf(briefOf(listItem(text('孤立的列表项'))))).toEqual([
      { type: 'paragraph', runs: [{ text: '孤立的列表项' }] },
    ]);
  });

  it('reads check lists, list starts and legacy list types', () => {
    const checks = list('check', [
      { ...listItem(text('已核实')), checked: true },
      { ...listItem(text('待核实')), checked: false },
    ]);
    const [check, numbered, legacy] = blocksOf(
      briefOf(checks, list('number', [listItem(text('第五项'))], 5), list('ul', [listItem(text('旧格式'))])),
    ) as Extract<Block, { type: 'list' }>[];
    expect(check!.items.map((i) => [i.runs[0]!.text, i.checked])).toEqual([
      ['已核实', true],
      ['待核实', false],
    ]);
    expect(numbered).toMatchObject({ kind: 'number', start: 5 });
    expect(legacy).toMatchObject({ kind: 'bullet' });
  });
});

function itemRow() {
  return {
    itemId: 'i1',
    kind: 'task',
    text: '京张铁路年底建成通车',
    owners: [],
    deadline: null,
    status: 'open',
    source: null,
    annotationId: null,
  };
}
