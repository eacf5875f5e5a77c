// The nodes a brief is made of (the array given to the editor's config), and the blocks of
// Dossier's own the toolbar inserts. Lexical's rich-text nodes, plus Dossier's: a quote from a
// highlight (QuoteNode.tsx), an item table and a timeline section (data-blocks.ts). A new block
// adds its node to BRIEF_NODES, its insert command to BLOCK_INSERTERS and, if it needs one, its
// plugin to BRIEF_PLUGINS.
import type { ComponentType } from 'react';
import type { Klass, LexicalCommand, LexicalNode } from 'lexical';
import { HeadingNode } from '@lexical/rich-text';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { StringKey } from '../../i18n/strings';
import { BriefQuoteNode } from './QuoteNode';
import { DATA_BLOCK_INSERTERS, DATA_BLOCK_NODES, DATA_BLOCK_PLUGINS } from './data-blocks';

export const BRIEF_NODES: Klass<LexicalNode>[] = [
  HeadingNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  BriefQuoteNode,
  ...DATA_BLOCK_NODES,
];

/** A block the toolbar's Insert menu offers, inserted at the caret by its command. */
export interface BlockInserter {
  id: string;
  label: StringKey;
  command: LexicalCommand<void>;
}

/** Dossier's own blocks besides quotes (quotes have their picker and the Sources panel). */
export const BLOCK_INSERTERS: BlockInserter[] = [...DATA_BLOCK_INSERTERS];

/** Plugins the nodes above need inside the editor (each registers its commands and returns null). */
export const BRIEF_PLUGINS: ComponentType[] = [...DATA_BLOCK_PLUGINS];

export { BriefQuoteNode, $createBriefQuoteNode, $createQuoteFromAnnotation, $isBriefQuoteNode } from './QuoteNode';
