// Inserting the brief's data blocks: INSERT_ITEM_TABLE_COMMAND asks which items (the filter
// dialog), INSERT_TIMELINE_COMMAND which days (the range dialog); the block is read from the
// library and put where the caret was, as a block of its own. BriefBlocksPlugin registers both
// commands in the brief editor (it renders the dialogs; nothing otherwise).
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type BaseSelection,
  type LexicalCommand,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { blockSnapshot, EMPTY_TABLE_FILTER } from '../../../shared/brief/item-rows';
import type { ItemTableFilter } from '../../../shared/brief/serialized';
import type { SectionRange } from '../../../shared/brief/timeline-entries';
import { localDate } from '../../../shared/model/items';
import { useRepository } from '../../app/repository-context';
import { useI18n } from '../../i18n/i18n';
import { ItemFilterDialog, RangeDialog } from './BlockDialogs';
import { $createItemTableNode } from './ItemTableNode';
import { $createTimelineSectionNode, thisYear } from './TimelineSectionNode';

/** Insert an item table: the analyst picks its filter first. */
export const INSERT_ITEM_TABLE_COMMAND: LexicalCommand<void> = createCommand('INSERT_ITEM_TABLE_COMMAND');
/** Insert a timeline section: the analyst picks its range first. */
export const INSERT_TIMELINE_COMMAND: LexicalCommand<void> = createCommand('INSERT_TIMELINE_COMMAND');

/** Puts a block where the caret was when the dialog opened (else at the end), as a block of its own. */
function insertBlock(editor: LexicalEditor, at: BaseSelection | null, create: () => LexicalNode): void {
  editor.update(() => {
    if (at) $setSelection(at.clone());
    else if (!$getSelection()) $getRoot().selectEnd();
    $insertNodeToNearestRoot(create());
  });
  // The dialog, closing, gives the focus back to the editor.
}

type Asking = { block: 'item-table'; at: BaseSelection | null } | { block: 'timeline'; at: BaseSelection | null };

export function BriefBlocksPlugin() {
  const [editor] = useLexicalComposerContext();
  const repository = useRepository();
  const { t } = useI18n();
  const [asking, setAsking] = useState<Asking | null>(null);

  useEffect(() => {
    const ask = (block: Asking['block']) => () => {
      const at = $getSelection()?.clone() ?? null;
      setAsking({ block, at });
      return true;
    };
    return mergeRegister(
      editor.registerCommand(INSERT_ITEM_TABLE_COMMAND, ask('item-table'), COMMAND_PRIORITY_EDITOR),
      editor.registerCommand(INSERT_TIMELINE_COMMAND, ask('timeline'), COMMAND_PRIORITY_EDITOR),
    );
  }, [editor]);

  if (!asking) return null;
  const close = () => setAsking(null);

  if (asking.block === 'item-table') {
    const insert = async (filter: ItemTableFilter) => {
      const { rows, total } = blockSnapshot(await repository.briefData.itemRows(filter, localDate()));
      const at = new Date().toISOString();
      insertBlock(editor, asking.at, () => $createItemTableNode(filter, rows, at, total));
    };
    return (
      <ItemFilterDialog
        initial={EMPTY_TABLE_FILTER}
        heading={t('briefInsertItemTableTitle')}
        submitLabel={t('briefBlockInsert')}
        onApply={insert}
        onClose={close}
      />
    );
  }
  const insert = async (range: SectionRange) => {
    const { rows, total } = blockSnapshot(await repository.briefData.timelineEntries(range, undefined, localDate()));
    const at = new Date().toISOString();
    insertBlock(editor, asking.at, () => $createTimelineSectionNode(range, rows, at, undefined, total));
  };
  return (
    <RangeDialog
      initial={thisYear()}
      heading={t('briefInsertTimelineTitle')}
      submitLabel={t('briefBlockInsert')}
      onApply={insert}
      onClose={close}
    />
  );
}
