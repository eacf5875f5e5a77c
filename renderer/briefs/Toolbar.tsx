// The brief editor's toolbar: block type (paragraph, headings), bold / italic / underline,
// lists, link, table, undo / redo, and Dossier's blocks (quote, and the inserters the nodes
// register: item table, timeline). It follows the selection, so each button says whether its
// format is on (aria-pressed), and every shortcut is in its title.
import { useEffect, useState, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isLinkNode } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createHeadingNode, $isHeadingNode, type HeadingTagType } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { BLOCK_INSERTERS } from './nodes';

export type BlockType = 'paragraph' | 'h1' | 'h2' | 'h3' | 'other';

interface ToolbarState {
  block: BlockType;
  list: 'bullet' | 'number' | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  block: 'paragraph',
  list: null,
  bold: false,
  italic: false,
  underline: false,
  link: false,
  canUndo: false,
  canRedo: false,
};

/** What the selection is in and has on, read inside an editor read. */
function $readSelection(): Omit<ToolbarState, 'canUndo' | 'canRedo'> | null {
  const selection = $getSelection();
  // No caret (focus is elsewhere) or a block selected: the toolbar keeps saying what it said.
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor);
  const list = $getNearestNodeOfType(anchor, ListNode);
  const listType = list?.getListType();
  const tag = $isHeadingNode(top) ? top.getTag() : null;
  return {
    block: tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : tag || $isListNode(top) ? 'other' : 'paragraph',
    list: listType === 'bullet' || listType === 'number' ? listType : null,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    link: $isLinkNode(anchor.getParent()) || $isLinkNode(anchor),
  };
}

/** A Ctrl/⌘ shortcut as the platform writes it. */
export const modKey = (key: string) => (/Mac|iPhone|iPad/.test(navigator.platform) ? `⌘${key}` : `Ctrl+${key}`);

function ToolButton(props: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  action: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={props.label}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      data-action={props.action}
      // Keep the editor's selection: a toolbar click must not take focus from the text first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

const svg = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

const ICONS = {
  bullet: <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />,
  number: <path d="M10 6h10M10 12h10M10 18h10M4 5l1-1v4M3.8 14.2a1 1 0 1 1 1.6 1L4 17h2" />,
  link: <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />,
  table: <path d="M4 5h16v14H4zM4 10h16M4 15h16M10 5v14" />,
  undo: <path d="M9 14L4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3" />,
  redo: <path d="M15 14l5-5-5-5M20 9H10a6 6 0 0 0 0 12h3" />,
  quote: <path d="M7 7h4v4c0 3-1.5 5-4 6M15 7h4v4c0 3-1.5 5-4 6M7 7v4M15 7v4" transform="translate(-1 0)" />,
};

export function Toolbar(props: { onLink: () => void; onInsertQuote: () => void; extra?: ReactNode }) {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [state, setState] = useState<ToolbarState>(INITIAL);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readSelection);
          if (next) setState((s) => ({ ...s, ...next }));
        }),
        editor.registerCommand(
          CAN_UNDO_COMMAND,
          (canUndo) => {
            setState((s) => ({ ...s, canUndo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          CAN_REDO_COMMAND,
          (canRedo) => {
            setState((s) => ({ ...s, canRedo }));
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  const setBlock = (block: BlockType) => {
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (block === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
      else if (block !== 'other') $setBlocksType(selection, () => $createHeadingNode(block as HeadingTagType));
    });
    editor.focus();
  };
  const format = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const list = (type: 'bullet' | 'number') => {
    if (state.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
  };

  return (
    <div className="brief-toolbar" role="toolbar" aria-label={t('briefToolbar')}>
      <select
        className="brief-block-type"
        aria-label={t('briefBlockType')}
        value={state.block}
        data-action="block-type"
        onChange={(e) => setBlock(e.target.value as BlockType)}
      >
        <option value="paragraph">{t('briefParagraph')}</option>
        <option value="h1">{t('briefHeading1')}</option>
        <option value="h2">{t('briefHeading2')}</option>
        <option value="h3">{t('briefHeading3')}</option>
        {state.block === 'other' && <option value="other">—</option>}
      </select>
      <span className="tool-sep" aria-hidden />
      <ToolButton
        label={t('bold')}
        shortcut={modKey('B')}
        pressed={state.bold}
        action="bold"
        onClick={() => format('bold')}
      >
        <b>B</b>
      </ToolButton>
      <ToolButton
        label={t('italic')}
        shortcut={modKey('I')}
        pressed={state.italic}
        action="italic"
        onClick={() => format('italic')}
      >
        <i className="tool-italic">I</i>
      </ToolButton>
      <ToolButton
        label={t('briefUnderline')}
        shortcut={modKey('U')}
        pressed={state.underline}
        action="underline"
        onClick={() => format('underline')}
      >
        <u>U</u>
      </ToolButton>
      <span className="tool-sep" aria-hidden />
      <ToolButton
        label={t('bulletList')}
        pressed={state.list === 'bullet'}
        action="bullet-list"
        onClick={() => list('bullet')}
      >
        <svg {...svg}>{ICONS.bullet}</svg>
      </ToolButton>
      <ToolButton
        label={t('briefNumberedList')}
        pressed={state.list === 'number'}
        action="numbered-list"
        onClick={() => list('number')}
      >
        <svg {...svg}>{ICONS.number}</svg>
      </ToolButton>
      <ToolButton
        label={t('briefLink')}
        shortcut={modKey('K')}
        pressed={state.link}
        action="link"
        onClick={props.onLink}
      >
        <svg {...svg}>{ICONS.link}</svg>
      </ToolButton>
      <ToolButton
        label={t('briefInsertTable')}
        action="insert-table"
        onClick={() =>
          editor.dispatchCommand(INSERT_TABLE_COMMAND, {
            rows: '3',
            columns: '3',
            includeHeaders: { rows: true, columns: false },
          })
        }
      >
        <svg {...svg}>{ICONS.table}</svg>
      </ToolButton>
      <span className="tool-sep" aria-hidden />
      <ToolButton
        label={t('undo')}
        shortcut={modKey('Z')}
        disabled={!state.canUndo}
        action="undo"
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        <svg {...svg}>{ICONS.undo}</svg>
      </ToolButton>
      <ToolButton
        label={t('briefRedo')}
        shortcut={modKey('Shift+Z')}
        disabled={!state.canRedo}
        action="redo"
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        <svg {...svg}>{ICONS.redo}</svg>
      </ToolButton>
      <span className="tool-sep" aria-hidden />
      <button
        type="button"
        className="tool tool-text"
        data-action="insert-quote"
        title={`${t('briefInsertQuote')} (${modKey('Shift+Q')})`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={props.onInsertQuote}
      >
        <svg {...svg}>{ICONS.quote}</svg>
        {t('briefQuoteButton')}
      </button>
      {BLOCK_INSERTERS.map((inserter) => (
        <button
          key={inserter.id}
          type="button"
          className="tool tool-text"
          data-action={`insert-${inserter.id}`}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => editor.dispatchCommand(inserter.command, undefined)}
        >
          {t(inserter.label as StringKey)}
        </button>
      ))}
      <span className="spacer" />
      {props.extra}
    </div>
  );
}
