import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
  DecoratorNode,
  type Klass,
  type LexicalNode,
  type NodeKey,
  type SerializedEditorState,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import { draftBrief, DRAFT_LIST_LIMIT, type DraftSource, type SerializedBriefState } from '../../../shared/brief/draft';
import { EMPTY_TABLE_FILTER, itemTableRows, MAX_BLOCK_ROWS } from '../../../shared/brief/item-rows';
import type { SerializedDossierNode } from '../../../shared/brief/serialized';
import { timelineSectionEntries } from '../../../shared/brief/timeline-entries';
import { aliasTable } from '../../../shared/extract/aliases';
import { ItemTableNode } from '../../../renderer/briefs/nodes/ItemTableNode';
import { TimelineSectionNode } from '../../../renderer/briefs/nodes/TimelineSectionNode';
import { ANNOTATIONS, DOCUMENTS, EVENTS, ITEMS, manyItems, NOW, TODAY } from './brief-library.fixture';

const library = {
  items: ITEMS,
  annotations: ANNOTATIONS,
  documents: DOCUMENTS,
  events: EVENTS,
  aliases: aliasTable({}),
};
const en = { language: 'en' as const, now: NOW, today: TODAY };
const zh = { ...en, language: 'zh' as const };

type Block = SerializedBriefState['root']['children'][number];
const textOf = (block: Block): string =>
  'children' in block
    ? block.children.map((c) => ('children' in c ? c.children.map((t) => t.text).join('') : c.text)).join('\n')
    : '';
const outline = (state: SerializedBriefState) =>
  state.root.children.map((b) => (b.type === 'heading' ? `# ${textOf(b)}` : b.type));
const blocksOf = <T extends Block['type']>(state: SerializedBriefState, type: T) =>
  state.root.children.filter((b): b is Extract<Block, { type: T }> => b.type === type);

/**
 * Stand-ins for Dossier's three nodes (the renderer's draw React components): they keep their
 * JSON as it is, which is all loading and saving a draft needs of them.
 */
function standIn(type: SerializedDossierNode['type']): Klass<LexicalNode> {
  class StandIn extends DecoratorNode<null> {
    __json: SerializedDossierNode;
    static override getType() {
      return type;
    }
    static override clone(node: StandIn) {
      return new StandIn(node.__json, node.__key);
    }
    static override importJSON(json: SerializedPartial<SerializedLexicalNode> & Record<string, unknown>) {
      return new StandIn(json as unknown as SerializedDossierNode);
    }
    constructor(json: SerializedDossierNode, key?: NodeKey) {
      super(key);
      this.__json = json;
    }
    override exportJSON() {
      return this.__json as never;
    }
    override createDOM(): HTMLElement {
      throw new Error('headless');
    }
    override updateDOM() {
      return false;
    }
    override isInline() {
      return false;
    }
    override decorate() {
      return null;
    }
  }
  return StandIn;
}

const editorWith = (nodes: Klass<LexicalNode>[]) =>
  createEditor({
    namespace: 'brief',
    nodes: [HeadingNode, QuoteNode, ListNode, ListItemNode, ...nodes],
    onError: (error) => {
      throw error;
    },
  });
const STAND_INS = [standIn('dossier-quote'), standIn('dossier-item-table'), standIn('dossier-timeline')];

/** Loads a draft into a Lexical editor and saves it again. */
function roundTrip(content: SerializedBriefState, nodes = STAND_INS): SerializedEditorState {
  const editor = editorWith(nodes);
  editor.setEditorState(editor.parseEditorState(JSON.stringify(content)));
  return editor.getEditorState().toJSON();
}

describe('drafting a brief from a document', () => {
  const draft = draftBrief({ kind: 'document', documentId: 'd1' }, library, en);

  it('has a summary, the key commitments as a table, their deadlines and quotes', () => {
    expect(draft.title).toBe('Brief: 北京市推进京津冀协同发展2019年工作要点');
    expect(outline(draft.content)).toEqual([
      '# Summary',
      'paragraph',
      '# Key commitments',
      'dossier-item-table',
      '# Deadlines',
      'list',
      '# Quotes',
      ...Array(7).fill('dossier-quote'),
      'paragraph',
    ]);
    expect(textOf(draft.content.root.children[1]!)).toBe(
      'Drafted from «北京市推进京津冀协同发展2019年工作要点» (首都之窗, 20 February 2019): 5 items, 4 with a deadline, 2 overdue.',
    );
  });

  it('tables the document’s items with its filter, as of the time of the draft', () => {
    const [table] = blocksOf(draft.content, 'dossier-item-table');
    const filter = { ...EMPTY_TABLE_FILTER, documentIds: ['d1'] };
    expect(table).toEqual({
      type: 'dossier-item-table',
      version: 1,
      filter,
      rows: itemTableRows(filter, library, TODAY),
      refreshedAt: '2020-06-15T08:30:00.000Z',
    });
    expect(table!.rows.map((r) => r.itemId)).toEqual(['i3', 'i2', 'i1', 'i4', 'i5']);
  });

  it('lists deadlines as deadline — passage — owners, the deadline in bold', () => {
    const [list] = blocksOf(draft.content, 'list');
    expect(list!.children.map((li) => li.children.map((t) => t.text).join(''))).toEqual([
      'Q2 2019 — 做好京津冀非遗展示宣传活动 — 北京市文化和旅游局',
      'September 2019 — 加快上游水源涵养林建设 — 北京市园林绿化局',
      '2019 — 推进通州区与北三县协同发展 — 北京市发展和改革委员会、北京市通州区人民政府',
      '2035 — 健全联合督查督办机制 — 北京市人民政府督查室、北京市发展和改革委员会',
    ]);
    expect(list!.children[0]!.children[0]).toMatchObject({ text: 'Q2 2019', format: 1 });
  });

  it('quotes the items’ passages, then the document’s other highlights in text order', () => {
    const quotes = blocksOf(draft.content, 'dossier-quote');
    expect(quotes.map((q) => q.annotationId)).toEqual(['a3', 'a2', 'a1', 'a4', 'a5', 'a7', 'a8']);
    expect(quotes[0]).toEqual({
      type: 'dossier-quote',
      version: 1,
      annotationId: 'a3',
      quote: '二季度做好京津冀非遗展示宣传活动',
      citation: {
        documentId: 'd1',
        title: '北京市推进京津冀协同发展2019年工作要点',
        site: '首都之窗',
        url: 'http://www.beijing.gov.cn/plan',
        published: { date: '2019-02-20', precision: 'day' },
        position: { start: 500, end: 516 },
      },
    });
  });

  it('loads into a Lexical editor and saves back unchanged', () => {
    expect(roundTrip(draft.content)).toEqual(draft.content);
  });

  it('matches what Lexical’s own nodes write for its headings, paragraphs and lists', () => {
    const editor = editorWith([]);
    editor.update(
      () => {
        const heading = $createHeadingNode('h2').append($createTextNode('Summary'));
        const list = $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('2019').toggleFormat('bold'), $createTextNode(' — 文')),
        );
        $getRoot().append(heading, $createParagraphNode().append($createTextNode('x')), list, $createParagraphNode());
      },
      { discrete: true },
    );
    const written = editor.getEditorState().toJSON().root.children;
    const ours = draftBrief({ kind: 'items', filter: { ...EMPTY_TABLE_FILTER, itemIds: ['i1'] } }, library, en).content
      .root.children;
    // Every property the draft writes is one Lexical writes (it adds some only when they are set).
    const writes = (ourNode: object, theirs: object) =>
      expect(Object.keys(theirs)).toEqual(expect.arrayContaining(Object.keys(ourNode)));
    writes(ours[0]!, written[0]!);
    expect(Object.keys(ours[1]!).sort()).toEqual(Object.keys(written[1]!).sort());
    const list = ours.find((b) => b.type === 'list')!;
    writes(list, written[2]!);
    writes(
      (list as { children: object[] }).children[0]!,
      (written[2] as unknown as { children: object[] }).children[0]!,
    );
    expect(ours[ours.length - 1]).toEqual(written[3]);
  });

  it('writes Chinese headings for a Chinese interface', () => {
    const chinese = draftBrief({ kind: 'document', documentId: 'd1' }, library, zh);
    expect(chinese.title).toBe('简报：北京市推进京津冀协同发展2019年工作要点');
    expect(outline(chinese.content).filter((line) => line.startsWith('#'))).toEqual([
      '# 摘要',
      '# 主要承诺与任务',
      '# 时间节点',
      '# 原文摘录',
    ]);
    expect(textOf(chinese.content.root.children[1]!)).toBe(
      '据《北京市推进京津冀协同发展2019年工作要点》（首都之窗，2019年2月20日）起草：共 5 个事项，其中 4 项有期限，2 项逾期。',
    );
    const [list] = blocksOf(chinese.content, 'list');
    expect(list!.children[0]!.children[0]!.text).toBe('2019年第二季度');
  });
});

describe('drafting a brief from a set of items', () => {
  it('tables the items the filter chooses, with their quotes', () => {
    const filter = { ...EMPTY_TABLE_FILTER, owners: ['市发改委'] };
    const draft = draftBrief({ kind: 'items', filter }, library, en);
    expect(draft.title).toBe('Brief: 市发改委');
    const [table] = blocksOf(draft.content, 'dossier-item-table');
    expect(table!.filter).toEqual(filter);
    expect(table!.rows.map((r) => r.itemId)).toEqual(['i1', 'i4']);
    expect(blocksOf(draft.content, 'dossier-quote').map((q) => q.annotationId)).toEqual(['a1', 'a4']);
    expect(textOf(draft.content.root.children[1]!)).toBe(
      'Drafted from 2 items of 市发改委: 2 with a deadline, 1 overdue.',
    );
    expect(roundTrip(draft.content)).toEqual(draft.content);
  });

  it('keeps a selection as the table’s items', () => {
    const filter = { ...EMPTY_TABLE_FILTER, itemIds: ['i5', 'i6'] };
    const draft = draftBrief({ kind: 'items', filter }, library, en);
    expect(draft.title).toBe('Brief: 2 items');
    expect(blocksOf(draft.content, 'dossier-item-table')[0]!.rows.map((r) => r.itemId)).toEqual(['i6', 'i5']);
    // i5 has no deadline: one line.
    expect(blocksOf(draft.content, 'list')[0]!.children).toHaveLength(1);
  });

  it('says so when nothing is chosen', () => {
    const draft = draftBrief({ kind: 'items', filter: { ...EMPTY_TABLE_FILTER, itemIds: [] } }, library, en);
    expect(outline(draft.content)).toEqual([
      '# Summary',
      'paragraph',
      '# Key commitments',
      'dossier-item-table',
      '# Deadlines',
      'paragraph',
      '# Quotes',
      'paragraph',
      'paragraph',
    ]);
    expect(textOf(draft.content.root.children[5]!)).toBe('No tasks or commitments yet.');
    expect(roundTrip(draft.content)).toEqual(draft.content);
  });

  it('lists at most a screenful of deadlines and quotes; the table holds every item', () => {
    const many = manyItems(DRAFT_LIST_LIMIT + 20);
    const draft = draftBrief(
      { kind: 'items', filter: EMPTY_TABLE_FILTER },
      { items: many, annotations: [], documents: [] },
      en,
    );
    expect(blocksOf(draft.content, 'dossier-item-table')[0]!.rows).toHaveLength(DRAFT_LIST_LIMIT + 20);
    expect(blocksOf(draft.content, 'list')[0]!.children).toHaveLength(DRAFT_LIST_LIMIT);
    expect(outline(draft.content)).toContain('paragraph');
    expect(draft.content.root.children.map(textOf)).toContain('… and 20 more in the table above.');
  });
});

describe('a table or section over many items', () => {
  it('keeps the first rows and says how many there were; the nodes read and write that back', () => {
    const many = manyItems(MAX_BLOCK_ROWS + 20);
    const fromItems = draftBrief(
      { kind: 'items', filter: EMPTY_TABLE_FILTER },
      { items: many, annotations: [], documents: [] },
      en,
    );
    const [table] = blocksOf(fromItems.content, 'dossier-item-table');
    expect(table!.rows).toHaveLength(MAX_BLOCK_ROWS);
    expect(table!.total).toBe(MAX_BLOCK_ROWS + 20);
    expect(table!.rows[0]!.deadline!.to).toBe('2016-01-28');

    const fromRange = draftBrief(
      { kind: 'timeline', range: { from: '2016-01-01', to: '2030-12-31' } },
      { items: many, annotations: [], documents: [], events: [] },
      en,
    );
    const [section] = blocksOf(fromRange.content, 'dossier-timeline');
    expect(section!.entries).toHaveLength(MAX_BLOCK_ROWS);
    expect(section!.total).toBe(MAX_BLOCK_ROWS + 20);

    const nodes = [standIn('dossier-quote'), ItemTableNode, TimelineSectionNode];
    expect(roundTrip(fromItems.content, nodes)).toEqual(fromItems.content);
    expect(roundTrip(fromRange.content, nodes)).toEqual(fromRange.content);
  });
});

describe('drafting a brief from a timeline range', () => {
  const range = { from: '2019-01-01', to: '2019-12-31' };

  it('draws the range as a timeline section and tables the items falling due in it', () => {
    const draft = draftBrief({ kind: 'timeline', range }, library, en);
    expect(draft.title).toBe('Brief: timeline 2019-01-01 to 2019-12-31');
    expect(outline(draft.content).slice(0, 8)).toEqual([
      '# Summary',
      'paragraph',
      '# Timeline',
      'dossier-timeline',
      '# Key commitments',
      'dossier-item-table',
      '# Deadlines',
      'list',
    ]);
    const [section] = blocksOf(draft.content, 'dossier-timeline');
    expect(section).toEqual({
      type: 'dossier-timeline',
      version: 1,
      range,
      entries: timelineSectionEntries(range, library, { today: TODAY, aliases: library.aliases }),
      refreshedAt: NOW.toISOString(),
    });
    expect(section!.entries).toHaveLength(8);
    const [table] = blocksOf(draft.content, 'dossier-item-table');
    expect(table!.filter).toEqual({ ...EMPTY_TABLE_FILTER, deadlineFrom: range.from, deadlineTo: range.to });
    expect(table!.rows.map((r) => r.itemId)).toEqual(['i6', 'i3', 'i2', 'i1']);
    expect(textOf(draft.content.root.children[1]!)).toBe(
      'Drafted from the timeline, 2019-01-01 to 2019-12-31: 8 entries; 4 items fall due, 3 overdue.',
    );
    expect(roundTrip(draft.content)).toEqual(draft.content);
  });

  it('keeps the timeline’s filters in the section and the table', () => {
    const filter = { ...EMPTY_TABLE_FILTER, owners: ['市发改委'] };
    const draft = draftBrief({ kind: 'timeline', range, filter }, library, zh);
    expect(draft.title).toBe('简报：时间线 2019-01-01 至 2019-12-31');
    const [section] = blocksOf(draft.content, 'dossier-timeline');
    expect(section!.filter).toEqual(filter);
    expect(section!.entries.map((e) => e.ref.id)).toEqual(['i1']);
    expect(blocksOf(draft.content, 'dossier-item-table')[0]!.filter).toEqual({
      ...filter,
      deadlineFrom: range.from,
      deadlineTo: range.to,
    });
  });
});

describe('the brief editor’s own nodes', () => {
  it('read a draft’s item tables and timeline sections and write them back exactly', () => {
    const nodes = [standIn('dossier-quote'), ItemTableNode, TimelineSectionNode];
    const sources: DraftSource[] = [
      { kind: 'document', documentId: 'd1' },
      {
        kind: 'timeline',
        range: { from: '2019-01-01', to: '2019-12-31' },
        filter: { ...EMPTY_TABLE_FILTER, owners: ['市发改委'], itemIds: ['i1'] },
      },
      {
        kind: 'items',
        filter: {
          ...EMPTY_TABLE_FILTER,
          statuses: ['open'],
          deadlineTo: '2030-01-01',
          text: '协同',
          overdueOnly: true,
        },
      },
    ];
    for (const source of sources) {
      const { content } = draftBrief(source, library, en);
      expect(roundTrip(content, nodes)).toEqual(content);
    }
  });

  it('read damaged blocks without failing, keeping what can be read', () => {
    const content = {
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'dossier-item-table',
            version: 1,
            filter: { kinds: 'task', owners: ['市发改委', 3] },
            rows: [{ itemId: 'i1', status: 'weird' }, null],
            refreshedAt: 5,
          },
          {
            type: 'dossier-timeline',
            version: 1,
            range: { from: 'soon', to: '2019-12-31' },
            entries: [
              {
                kind: 'item',
                ref: { kind: 'item', id: 'i1' },
                date: { from: '2019-01-01', to: '2019-12-31', precision: 'year' },
                label: 'x',
              },
              { label: 'no ref' },
            ],
          },
        ],
      },
    };
    const saved = roundTrip(content as unknown as SerializedBriefState, [ItemTableNode, TimelineSectionNode]);
    expect(saved.root.children[0]).toEqual({
      type: 'dossier-item-table',
      version: 1,
      filter: { kinds: [], statuses: [], owners: ['市发改委'], documentIds: [] },
      rows: [
        {
          itemId: 'i1',
          kind: '',
          text: '',
          owners: [],
          deadline: null,
          status: 'unknown',
          source: null,
          annotationId: null,
        },
      ],
      refreshedAt: '',
    });
    expect(saved.root.children[1]).toEqual({
      type: 'dossier-timeline',
      version: 1,
      range: { from: '2019-12-31', to: '2019-12-31' },
      entries: [
        {
          kind: 'item',
          ref: { kind: 'item', id: 'i1' },
          date: { from: '2019-01-01', to: '2019-12-31', precision: 'year' },
          label: 'x',
        },
      ],
      refreshedAt: '',
    });
  });
});
