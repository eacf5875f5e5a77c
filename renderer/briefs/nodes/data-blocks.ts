// The brief's data blocks as the editor registers them (nodes/index.ts): the item table and the
// timeline section nodes, their entries in the toolbar's Insert menu, and the plugin that
// handles those inserts (it asks for the filter or the range first).
import type { ComponentType } from 'react';
import type { Klass, LexicalNode } from 'lexical';
import { BriefBlocksPlugin, INSERT_ITEM_TABLE_COMMAND, INSERT_TIMELINE_COMMAND } from './BriefBlocksPlugin';
import type { BlockInserter } from './index';
import { ItemTableNode } from './ItemTableNode';
import { TimelineSectionNode } from './TimelineSectionNode';

export const DATA_BLOCK_NODES: Klass<LexicalNode>[] = [ItemTableNode, TimelineSectionNode];

export const DATA_BLOCK_INSERTERS: BlockInserter[] = [
  { id: 'item-table', label: 'briefInsertItemTable', command: INSERT_ITEM_TABLE_COMMAND },
  { id: 'timeline', label: 'briefInsertTimeline', command: INSERT_TIMELINE_COMMAND },
];

export const DATA_BLOCK_PLUGINS: ComponentType[] = [BriefBlocksPlugin];

export { BriefBlocksPlugin, INSERT_ITEM_TABLE_COMMAND, INSERT_TIMELINE_COMMAND, ItemTableNode, TimelineSectionNode };
