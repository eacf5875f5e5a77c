import { useEffect, useMemo, useRef } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { ListItemNode, ListNode, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot, FORMAT_TEXT_COMMAND, type EditorState } from 'lexical';
import { useI18n } from '../i18n/i18n';

const SAVE_DELAY_MS = 400;

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  return (
    <div className="note-toolbar" role="toolbar" aria-label={t('note')}>
      <button
        type="button"
        aria-label={t('bold')}
        title={`${t('bold')} (Ctrl+B)`}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
      >
        <b>B</b>
      </button>
      <button
        type="button"
        aria-label={t('italic')}
        title={`${t('italic')} (Ctrl+I)`}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
      >
        <i>I</i>
      </button>
      <button
        type="button"
        aria-label={t('bulletList')}
        title={t('bulletList')}
        onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)}
      >
        •
      </button>
    </div>
  );
}

function AutoFocus({ enabled }: { enabled: boolean }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (enabled) editor.focus();
  }, [editor, enabled]);
  return null;
}

/**
 * A rich note (Lexical). Saves its state as JSON, debounced, through `onSave`; the
 * plain text goes along for lists and search. Persistence is injected, so the editor
 * never touches storage.
 */
export function NoteEditor(props: {
  initial: string | null;
  autoFocus?: boolean;
  onSave: (state: string | null, plainText: string) => void;
}) {
  const { t } = useI18n();
  const { onSave } = props;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<(() => void) | null>(null);
  const config = useMemo(
    () => ({
      namespace: 'annotation-note',
      nodes: [ListNode, ListItemNode, HeadingNode, QuoteNode],
      editorState: props.initial ?? undefined,
      onError: (error: Error) => console.error(error),
      theme: { text: { bold: 'b', italic: 'i', underline: 'u' }, list: { ul: 'note-ul', ol: 'note-ol' } },
    }),
    // The editor owns its state after mount; a later `initial` must not reset what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // Flush a pending save when the editor goes away, so closing a note never loses words.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.();
    },
    [],
  );

  const onChange = (state: EditorState) => {
    const save = () => {
      pending.current = null;
      const plain = state.read(() => $getRoot().getTextContent()).trim();
      onSave(plain ? JSON.stringify(state.toJSON()) : null, plain);
    };
    pending.current = save;
    clearTimeout(timer.current);
    timer.current = setTimeout(save, SAVE_DELAY_MS);
  };

  return (
    <LexicalComposer initialConfig={config}>
      <div className="note-editor">
        <Toolbar />
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-input" aria-label={t('note')} data-note-editor />}
          placeholder={<div className="note-placeholder">{t('addNote')}</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
        <AutoFocus enabled={props.autoFocus ?? false} />
      </div>
    </LexicalComposer>
  );
}
