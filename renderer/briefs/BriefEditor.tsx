// One brief in the editor: its title, the toolbar, the text (Lexical), the Sources panel, and
// the Export menu. Edits save themselves (autosave.ts); quotes come from the Sources panel
// (drag or Enter), the picker (Ctrl/⌘+Shift+Q), or a highlight dropped from anywhere.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { $isLinkNode, $toggleLink } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  createEditor,
  KEY_DOWN_COMMAND,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import type { LinkEnd } from '../../shared/model/links';
import type { BriefRecord } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import type { QuoteSource } from '../db/briefs';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../ui/toasts';
import { BriefSaver } from './autosave';
import {
  AutosavePlugin,
  insertQuote,
  NodeSelectionReleasePlugin,
  QuoteDropPlugin,
  SelectionMemory,
  SelectionMemoryPlugin,
} from './editor-plugins';
import { ExportMenu } from './ExportMenu';
import { linkAddress, LinkPrompt } from './LinkPrompt';
import { BRIEF_NODES, BRIEF_PLUGINS } from './nodes';
import { QuotePicker } from './QuotePicker';
import { SourcesPanel } from './SourcesPanel';
import { modKey, Toolbar } from './Toolbar';

const THEME = {
  paragraph: 'brief-p',
  heading: { h1: 'brief-h1', h2: 'brief-h2', h3: 'brief-h3' },
  text: { bold: 'brief-bold', italic: 'brief-italic', underline: 'brief-underline' },
  list: { ul: 'brief-ul', ol: 'brief-ol', listitem: 'brief-li', nested: { listitem: 'brief-li-nested' } },
  link: 'brief-link',
  table: 'brief-table',
  tableRow: 'brief-tr',
  tableCell: 'brief-td',
  tableCellHeader: 'brief-th',
  tableSelection: 'brief-table-selection',
};

/** Links may point at web pages and mail addresses only (a brief travels). */
const validateUrl = (url: string) => linkAddress(url) === url;

/** What the keyboard opens: the link prompt or the quote picker, with the selection they act on. */
type Opened =
  { kind: 'link'; url: string; selection: BaseSelection | null } | { kind: 'quote'; selection: BaseSelection | null };

/**
 * The selection a prompt acts on, and the link it is in: the browser's own when it is in the
 * text (Lexical reads selection changes a moment later, and a quick Shift+← then Ctrl+K must
 * not link fewer words), else Lexical's, else the last one before focus left the editor.
 */
function selectionForPrompt(editor: LexicalEditor, memory: SelectionMemory) {
  let result: { selection: BaseSelection | null; url: string } = { selection: null, url: '' };
  editor.update(
    () => {
      const dom = window.getSelection();
      const root = editor.getRootElement();
      const inText = dom !== null && dom.rangeCount > 0 && root !== null && root.contains(dom.anchorNode);
      const current = $getSelection();
      const fromDom = inText && !$isNodeSelection(current) ? $createRangeSelectionFromDom(dom, editor) : null;
      if (fromDom) $setSelection(fromDom);
      const selection = fromDom ?? current ?? memory.selection;
      let url = '';
      if ($isRangeSelection(selection)) {
        const link = $findMatchingParent(selection.anchor.getNode(), $isLinkNode);
        if ($isLinkNode(link)) url = link.getURL();
      }
      result = { selection: selection?.clone() ?? null, url };
    },
    { discrete: true },
  );
  return result;
}

/** Ctrl/⌘+K in the text opens the link prompt (not Go to…, which the rest of the app opens with it). */
function LinkShortcutPlugin({ onLink }: { onLink: () => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k')
            return false;
          event.preventDefault();
          event.stopPropagation();
          onLink();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor, onLink],
  );
  return null;
}

function EditorBody(props: { brief: BriefRecord; saver: BriefSaver; autoFocusTitle: boolean }) {
  const { brief, saver } = props;
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const [memory] = useState(() => new SelectionMemory());
  const [title, setTitle] = useState(brief.title);
  const [author, setAuthor] = useState(brief.author ?? '');
  const [opened, setOpened] = useState<Opened | null>(null);
  const saveState = useSyncExternalStore(saver.subscribe, saver.getState);

  const openLink = useCallback(() => {
    const { selection, url } = selectionForPrompt(editor, memory);
    setOpened({ kind: 'link', url, selection });
  }, [editor, memory]);
  const openQuotePicker = useCallback(() => {
    setOpened({ kind: 'quote', selection: selectionForPrompt(editor, memory).selection });
  }, [editor, memory]);

  // Ctrl/⌘+Shift+Q: insert a quote, from anywhere on this screen. Ctrl/⌘+S: save now.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'q' && event.shiftKey) {
        event.preventDefault();
        openQuotePicker();
      } else if (key === 's' && !event.shiftKey) {
        event.preventDefault();
        void saver.flush();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openQuotePicker, saver]);

  const insert = useCallback(
    (source: QuoteSource, selection?: BaseSelection | null) => {
      if (selection) editor.update(() => $setSelection(selection.clone()));
      insertQuote(editor, source, memory);
    },
    [editor, memory],
  );
  const resolveDrop = useCallback(
    async (end: LinkEnd): Promise<QuoteSource | undefined> => {
      const source =
        end.kind === 'annotation'
          ? await repository.quoteSources.get(end.id)
          : end.kind === 'item'
            ? await repository.quoteSources.ofItem(end.id)
            : undefined;
      if (!source) toast(t('briefDropNotQuotable'));
      return source;
    },
    [repository, toast, t],
  );

  const applyLink = (url: string | null, selection: BaseSelection | null) => {
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      $toggleLink(url);
    });
    editor.focus();
  };

  /** The brief as it is in the editor now (saved first, so an export and the library agree). */
  const current = async () => {
    await saver.flush();
    await repository.briefs.setAuthor(brief.id, author);
    return {
      title: title.trim() || t('briefUntitled'),
      author: author.trim(),
      content: JSON.stringify(editor.getEditorState().toJSON()),
    };
  };

  const status =
    saveState === 'saving' ? t('briefSaving') : saveState === 'failed' ? t('briefSaveFailed') : t('briefSaved');
  return (
    <div className="brief-editor">
      <div className="brief-main">
        <header className="brief-head">
          <button type="button" className="link brief-back" onClick={() => navigate({ screen: 'briefs' })}>
            ← {t('briefs')}
          </button>
          <span className={`brief-save-state ${saveState}`} role="status" data-save-state={saveState}>
            {status}
          </span>
        </header>
        <input
          className="brief-title"
          data-brief-title
          aria-label={t('briefTitleLabel')}
          placeholder={t('briefUntitled')}
          value={title}
          // A new brief opens on its title, ready to be named.
          autoFocus={props.autoFocusTitle}
          onFocus={(e) => props.autoFocusTitle && e.currentTarget.select()}
          onChange={(e) => {
            setTitle(e.target.value);
            saver.change({ title: e.target.value });
          }}
          onBlur={() => void saver.flush()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === 'ArrowDown') {
              e.preventDefault();
              editor.focus();
            }
          }}
          lang="zh"
        />
        <input
          className="brief-author"
          data-brief-author
          aria-label={t('briefAuthorLabel')}
          placeholder={t('briefAuthorPlaceholder')}
          value={author}
          onChange={(e) => setAuthor(e.target.value)}
          onBlur={() => void repository.briefs.setAuthor(brief.id, author)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              editor.focus();
            }
          }}
          lang="zh"
        />
        <Toolbar onLink={openLink} onInsertQuote={openQuotePicker} extra={<ExportMenu current={current} />} />
        <div className="brief-page">
          <RichTextPlugin
            contentEditable={
              <ContentEditable className="brief-text" aria-label={t('briefTextLabel')} data-brief-editor lang="zh" />
            }
            placeholder={
              <div className="brief-placeholder">{t('briefPlaceholder', { shortcut: modKey('Shift+Q') })}</div>
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
      </div>
      <SourcesPanel onInsert={(source) => insert(source)} />
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={validateUrl} />
      <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
      <AutosavePlugin saver={saver} />
      <SelectionMemoryPlugin memory={memory} />
      <NodeSelectionReleasePlugin />
      <QuoteDropPlugin resolve={resolveDrop} />
      <LinkShortcutPlugin onLink={openLink} />
      {BRIEF_PLUGINS.map((Plugin, i) => (
        <Plugin key={i} />
      ))}
      {opened?.kind === 'link' && (
        <LinkPrompt
          initial={opened.url}
          onApply={(url) => applyLink(url, opened.selection)}
          onClose={() => setOpened(null)}
        />
      )}
      {opened?.kind === 'quote' && (
        <QuotePicker
          onInsert={(source) => {
            insert(source, opened.selection);
            editor.focus();
          }}
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}

/**
 * The editor of one brief. It owns the brief's text once open: a later change of the stored
 * record (its own autosave) does not reset what is being typed.
 */
export function BriefEditor({ brief }: { brief: BriefRecord }) {
  const { t } = useI18n();
  // A brief whose stored text cannot be read (damaged, or made by a newer Dossier) is shown as
  // such, and never overwritten by an empty editor.
  const [readable] = useState(() => {
    if (!brief.content) return true;
    try {
      createEditor({ nodes: BRIEF_NODES, onError: () => {} }).parseEditorState(brief.content);
      return true;
    } catch {
      return false;
    }
  });
  if (!readable) {
    return (
      <div className="empty-state" role="alert">
        <h1>{t('briefDamaged')}</h1>
        <p>{t('briefDamagedHint')}</p>
        <button onClick={() => navigate({ screen: 'briefs' })}>{t('briefAll')}</button>
      </div>
    );
  }
  return <ReadableBriefEditor brief={brief} />;
}

function ReadableBriefEditor({ brief }: { brief: BriefRecord }) {
  const repository = useRepository();
  const [saver] = useState(
    () => new BriefSaver(brief.id, brief.content, (patch) => repository.briefs.save(brief.id, patch)),
  );
  const config = useMemo(
    () => ({
      namespace: 'dossier-brief',
      nodes: BRIEF_NODES,
      editorState: brief.content || undefined,
      theme: THEME,
      onError: (error: Error) => console.error(error),
    }),
    // The editor owns its state after mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // Leaving saves: another screen (unmount), the window hidden or closed.
  useEffect(() => {
    const leave = () => saver.flushForUnload();
    const hidden = () => document.visibilityState === 'hidden' && saver.flushForUnload();
    window.addEventListener('beforeunload', leave);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', leave);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      saver.flushForUnload();
    };
  }, [saver]);

  return (
    <LexicalComposer initialConfig={config}>
      <EditorBody brief={brief} saver={saver} autoFocusTitle={!brief.content && !brief.title} />
    </LexicalComposer>
  );
}
