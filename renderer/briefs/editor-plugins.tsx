// The brief editor's own plugins: autosave, quotes dropped from anywhere (a Sources entry, a
// highlight card: LINK_END_MIME), and where the caret was when focus left the editor, so a quote
// inserted from the Sources panel or the picker lands there.
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createRangeSelection,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  HISTORY_MERGE_TAG,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import type { LinkEnd } from '../../shared/model/links';
import type { QuoteSource } from '../db/briefs';
import { carriesLinkEnd, droppedEnd, stopLinkDrag } from '../links/drag-link';
import type { BriefSaver } from './autosave';
import { $createQuoteFromAnnotation } from './nodes/QuoteNode';

/** The editor's last selection, kept when focus leaves it (a mutable box, read only in handlers). */
export class SelectionMemory {
  selection: BaseSelection | null = null;
}

/** Inserts a quote of `source` at the caret (or where it was when the editor lost focus), as a block. */
export function insertQuote(editor: LexicalEditor, source: QuoteSource, memory?: SelectionMemory): void {
  editor.update(() => {
    const current = $getSelection();
    if (!current && memory?.selection) $setSelection(memory.selection.clone());
    else if (!current) $getRoot().selectEnd();
    $insertNodeToNearestRoot($createQuoteFromAnnotation(source.annotation, source.document));
  });
}

export function SelectionMemoryPlugin({ memory }: { memory: SelectionMemory }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ editorState }) => {
        const selection = editorState.read(() => $getSelection());
        if ($isRangeSelection(selection) || $isNodeSelection(selection)) memory.selection = selection.clone();
      }),
    [editor, memory],
  );
  return null;
}

/**
 * A click into the text while a block (a quote) is selected puts the caret where it was clicked.
 * Lexical 0.52 in Chromium otherwise drops the selection altogether (no caret at all) when a
 * NodeSelection gives way to a mouse-down in text, so the node selection is let go first.
 */
export function NodeSelectionReleasePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let nodeSelected = false;
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => {
        nodeSelected = editorState.read(() => $isNodeSelection($getSelection()));
      }),
      editor.registerRootListener((root) => {
        if (!root) return;
        const onPointerDown = (event: PointerEvent) => {
          const target = event.target as HTMLElement | null;
          if (!nodeSelected || !target || target.closest('[data-lexical-decorator]') || event.button !== 0) return;
          editor.update(() => $setSelection(null), { discrete: true });
        };
        root.addEventListener('pointerdown', onPointerDown, true);
        return () => root.removeEventListener('pointerdown', onPointerDown, true);
      }),
    );
  }, [editor]);
  return null;
}

/** Saves the brief's content as it changes, and at once when the editor loses focus. */
export function AutosavePlugin({ saver }: { saver: BriefSaver }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, tags }) => {
          // Selection moves and the initial load are not edits.
          if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has(HISTORY_MERGE_TAG)) return;
          saver.change({ content: () => JSON.stringify(editorState.toJSON()) });
        }),
        editor.registerRootListener((root) => {
          if (!root) return;
          const onFocusOut = (event: FocusEvent) => {
            const next = event.relatedTarget as Node | null;
            if (!next || !root.contains(next)) void saver.flush();
          };
          root.addEventListener('focusout', onFocusOut);
          return () => root.removeEventListener('focusout', onFocusOut);
        }),
      ),
    [editor, saver],
  );
  return null;
}

/** Where a drop lands in the editor, as a Lexical point (taken during the drop, used once the source is read). */
type DropPoint = { key: string; offset: number; type: 'text' | 'element' } | null;

function caretFromPoint(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

function $dropPoint(event: DragEvent): DropPoint {
  const caret = caretFromPoint(event.clientX, event.clientY);
  if (!caret) return null;
  const node = $getNearestNodeFromDOMNode(caret.node);
  if (!node || $isRootOrShadowRoot(node)) return null;
  if ($isTextNode(node)) return { key: node.getKey(), offset: caret.offset, type: 'text' };
  // A drop on a block (a quote, an empty paragraph): after it.
  const parent = node.getParent();
  return parent ? { key: parent.getKey(), offset: node.getIndexWithinParent() + 1, type: 'element' } : null;
}

/**
 * A highlight dropped on the editor (from the Sources panel, or a highlight card: an item's
 * card quotes its passage) becomes a quote where it was dropped. Other drops (text, files) are
 * Lexical's.
 */
export function QuoteDropPlugin(props: { resolve: (end: LinkEnd) => Promise<QuoteSource | undefined> }) {
  const [editor] = useLexicalComposerContext();
  const { resolve } = props;
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!carriesLinkEnd(event.dataTransfer)) return false;
            event.preventDefault();
            const allowed = event.dataTransfer!.effectAllowed;
            event.dataTransfer!.dropEffect = allowed.includes('copy') || allowed === 'all' ? 'copy' : 'link';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            if (!carriesLinkEnd(event.dataTransfer)) return false;
            event.preventDefault();
            event.stopPropagation();
            const end = droppedEnd(event.dataTransfer!);
            stopLinkDrag();
            if (!end) return true;
            const point = $dropPoint(event);
            void resolve(end).then((source) => {
              if (!source) return;
              editor.update(() => {
                const anchor = point && $getNodeByKey(point.key);
                if (point && anchor) {
                  const selection = $createRangeSelection();
                  const offset = Math.min(
                    point.offset,
                    point.type === 'text' ? anchor.getTextContentSize() : point.offset,
                  );
                  selection.anchor.set(point.key, offset, point.type);
                  selection.focus.set(point.key, offset, point.type);
                  $setSelection(selection);
                } else {
                  $getRoot().selectEnd();
                }
                $insertNodeToNearestRoot($createQuoteFromAnnotation(source.annotation, source.document));
              });
              editor.focus();
            });
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, resolve],
  );
  return null;
}
