import { useCallback, useEffect, useState } from 'react';
import { IMPORT_EXTENSIONS, type MenuCommand, type PickedFile } from '../../shared/ipc/contract';
import { bridge } from '../bridge/bridge';
import type { Repository } from '../db/repository';
import { I18nProvider, preferredLanguage, useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/strings';
import { droppedEntries, filesFromEntries } from '../import/dropped-entries';
import { ImportPanel } from '../import/ImportPanel';
import { itemsViewMemory } from '../items/items-query';
import { ItemsView } from '../items/ItemsView';
import { timelineMemory } from '../timeline/timeline-query';
import { TimelineView } from '../timeline/TimelineView';
import { useImporter } from '../import/use-importer';
import { LibraryView } from '../library/LibraryView';
import { OwnersView } from '../owners/OwnersView';
import { ReaderView } from '../reader/ReaderView';
import { QuickOpen } from '../search/QuickOpen';
import { searchClient } from '../search/search-client';
import { SearchView, searchViewMemory } from '../search/SearchView';
import { BriefsView } from '../briefs/BriefsView';
import { ConflictCount } from '../sync/ConflictCount';
import { ConflictsView } from '../sync/ConflictsView';
import { ReceiveBundleDialog } from '../sync/ReceiveBundleDialog';
import { SendBundleDialog } from '../sync/SendBundleDialog';
import { BUNDLE_EXTENSION, bundleFileFilter, pickBundles, splitBundles, useBundleQueue } from '../sync/import-bundle';
import { SharedFolderButton } from '../sync/SharedFolderPanel';
import { openBriefExportMenu } from '../briefs/ExportMenu';
import { ItemKindsProvider, useOpenItemKinds } from '../settings/item-kinds-context';
import { ToastProvider, useToast } from '../ui/toasts';
import { exportDocument } from '../reader/export-document';
import { RepositoryContext, useRepository } from './repository-context';
import { navigate, useRoute } from './route';

/** The menu accelerators of the desktop app, for the web build, which has no menu. */
const WEB_SHORTCUTS: Partial<Record<string, MenuCommand>> = {
  o: 'import',
  e: 'export',
  l: 'library',
  j: 'items',
  f: 'find',
  '\\': 'toggle-sidebar',
};

/** The items view where the analyst left it: the same filters and sort (kept for the window's life). */
const openItems = () => navigate({ screen: 'items', query: itemsViewMemory.query });

/** The timeline where the analyst left it: the same filters, lanes and view. */
const openTimeline = () => navigate({ screen: 'timeline', query: timelineMemory.query });

/** The search screen where the analyst left it: the same words and filters. */
const openSearch = () => navigate({ screen: 'search', query: searchViewMemory.query });

/** A Ctrl/⌘ shortcut as the platform writes it. */
const shortcut = (key: string) => (/Mac|iPhone|iPad/.test(navigator.platform) ? `⌘${key}` : `Ctrl+${key}`);

export function App({ repository }: { repository: Repository }) {
  const [language, setLanguage] = useState<Language>(preferredLanguage);
  useEffect(() => {
    void repository.settings.get<Language | null>('language', null).then((saved) => saved && setLanguage(saved));
  }, [repository]);
  const chooseLanguage = (next: Language) => {
    setLanguage(next);
    void repository.settings.set('language', next);
  };
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);

  return (
    <RepositoryContext.Provider value={repository}>
      <I18nProvider language={language}>
        <ToastProvider>
          <ItemKindsProvider>
            <Shell language={language} onLanguage={chooseLanguage} />
          </ItemKindsProvider>
        </ToastProvider>
      </I18nProvider>
    </RepositoryContext.Provider>
  );
}

function Shell({ language, onLanguage }: { language: Language; onLanguage: (l: Language) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const route = useRoute();
  const importer = useImporter();
  const openItemKinds = useOpenItemKinds();
  const [dragging, setDragging] = useState(false);
  const [sidebarHidden, setSidebarHidden] = useState(false);
  const [quickOpen, setQuickOpen] = useState(false);

  // Ctrl/⌘+K opens quick-open, on the web and the desktop alike, from anywhere (a field too).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'k')
        return;
      event.preventDefault();
      setQuickOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // The search index loads (or catches up with what changed) in its worker once the app has drawn.
  useEffect(() => {
    const timer = setTimeout(
      () =>
        void searchClient()
          .open()
          .catch(() => {}),
      800,
    );
    return () => clearTimeout(timer);
  }, []);

  // Sync bundles (.dossier) come in through Import… and drops too; they open one at a time.
  const bundles = useBundleQueue();
  const [sharing, setSharing] = useState(false);
  const addBundles = bundles.add;
  const startImport = useCallback(
    async (files: PickedFile[]) => {
      const split = splitBundles(files);
      addBundles(split.bundles);
      if (split.documents.length || !split.bundles.length) await importer.start(split.documents);
    },
    [importer, addBundles],
  );

  // A .dossier double-clicked in the file manager (desktop): the same queue as Import….
  useEffect(() => bridge.onFilesOpened((files) => void startImport(files)), [startImport]);

  const openImportDialog = useCallback(async () => {
    const files = await bridge.openFiles({
      title: t('import'),
      multiple: true,
      filters: [{ name: 'Documents', extensions: [...IMPORT_EXTENSIONS] }, bundleFileFilter(t)],
    });
    await startImport(files);
  }, [startImport, t]);

  const exportCurrent = useCallback(async () => {
    if (route.screen === 'briefs' && route.briefId) return openBriefExportMenu();
    if (route.screen !== 'reader') return toast(t('exportHint'));
    const location = await exportDocument(repository, route.documentId);
    if (location) toast(t('exported', { location }));
  }, [route, repository, toast, t]);

  const onMenu = useCallback(
    (command: MenuCommand) => {
      if (command === 'import') void openImportDialog();
      else if (command === 'export') void exportCurrent();
      else if (command === 'library') navigate({ screen: 'library' });
      else if (command === 'items') openItems();
      else if (command === 'item-kinds') openItemKinds?.();
      else if (command === 'toggle-sidebar') setSidebarHidden((h) => !h);
      else if (command === 'find') document.querySelector<HTMLInputElement>('[data-find]')?.focus();
      else if (command === 'about') void bridge.appInfo().then((info) => toast(t('about', { version: info.version })));
    },
    [openImportDialog, exportCurrent, openItemKinds, toast, t],
  );
  useEffect(() => bridge.onMenuCommand(onMenu), [onMenu]);

  // The desktop menu owns these accelerators; the web build has no menu, so the page handles them.
  useEffect(() => {
    if (bridge.platform !== 'web') return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const command = WEB_SHORTCUTS[event.key.toLowerCase()];
      // Where the screen has no filter box (the reader), Ctrl+F stays the browser's own find.
      if (!command || (command === 'find' && !document.querySelector('[data-find]'))) return;
      event.preventDefault();
      onMenu(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onMenu]);

  const onDrop = async (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    // Entries must be taken during the drop event; the DataTransfer is emptied afterwards.
    const entries = droppedEntries(event.dataTransfer);
    const files = entries
      ? await filesFromEntries(entries, [...IMPORT_EXTENSIONS, BUNDLE_EXTENSION])
      : [...event.dataTransfer.files];
    if (files.length) await startImport(await bridge.readDroppedFiles(files));
  };

  return (
    <div
      className="app"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target || !e.relatedTarget) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="topbar">
        <button className="brand" onClick={() => navigate({ screen: 'library' })} title={t('back')}>
          {t('appName')}
        </button>
        <nav>
          <button
            aria-current={route.screen === 'library' ? 'page' : undefined}
            data-nav="library"
            onClick={() => navigate({ screen: 'library' })}
          >
            {t('library')}
          </button>
          <button
            aria-current={route.screen === 'items' ? 'page' : undefined}
            onClick={openItems}
            title={`${t('items')} (${shortcut('J')})`}
          >
            {t('items')}
          </button>
          <button
            aria-current={route.screen === 'timeline' ? 'page' : undefined}
            data-nav="timeline"
            onClick={openTimeline}
          >
            {t('timeline')}
          </button>
          <button
            aria-current={route.screen === 'owners' ? 'page' : undefined}
            data-nav="owners"
            onClick={() => navigate({ screen: 'owners' })}
          >
            {t('owners')}
          </button>
          <button
            aria-current={route.screen === 'search' ? 'page' : undefined}
            data-nav="search"
            onClick={openSearch}
            title={t('searchOpenHint', { shortcut: shortcut('K') })}
          >
            {t('search')}
          </button>
          <button
            aria-current={route.screen === 'briefs' ? 'page' : undefined}
            data-nav="briefs"
            onClick={() => navigate({ screen: 'briefs' })}
          >
            {t('briefs')}
          </button>
          <button
            aria-current={route.screen === 'conflicts' ? 'page' : undefined}
            data-nav="conflicts"
            onClick={() => navigate({ screen: 'conflicts' })}
          >
            {t('conflicts')}
          </button>
        </nav>
        <div className="spacer" />
        <ConflictCount current={route.screen === 'conflicts'} />
        <SharedFolderButton />
        <button data-action="share" aria-haspopup="dialog" title={t('shareHint')} onClick={() => setSharing(true)}>
          {t('share')}
        </button>
        <button className="primary" onClick={openImportDialog} data-action="import">
          {t('import')}
        </button>
        <button
          className="topbar-kinds"
          data-action="item-kinds"
          aria-haspopup="dialog"
          title={t('kindsOpenHint')}
          onClick={() => openItemKinds?.()}
        >
          {t('kindsOpen')}
        </button>
        <label className="language">
          <span className="visually-hidden">{t('language')}</span>
          <select value={language} onChange={(e) => onLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </label>
      </header>
      <main className="content">
        {route.screen === 'library' ? (
          <LibraryView onImport={openImportDialog} />
        ) : route.screen === 'items' ? (
          <ItemsView query={route.query} />
        ) : route.screen === 'timeline' ? (
          <TimelineView key={route.query ?? ''} query={route.query} />
        ) : route.screen === 'owners' ? (
          <OwnersView owner={route.owner} />
        ) : route.screen === 'search' ? (
          <SearchView key={route.query ?? ''} query={route.query} />
        ) : route.screen === 'briefs' ? (
          <BriefsView key={route.briefId ?? ''} briefId={route.briefId} />
        ) : route.screen === 'conflicts' ? (
          <ConflictsView />
        ) : (
          <ReaderView
            key={route.documentId}
            documentId={route.documentId}
            focusAnnotationId={route.annotationId}
            at={route.at}
            sidebarHidden={sidebarHidden}
            ingestClient={importer.ingestClient}
          />
        )}
      </main>
      {quickOpen && <QuickOpen onClose={() => setQuickOpen(false)} />}
      {sharing && (
        <SendBundleDialog
          onClose={() => setSharing(false)}
          onImport={() => {
            setSharing(false);
            void pickBundles(t).then(addBundles);
          }}
        />
      )}
      {bundles.current && (
        <ReceiveBundleDialog
          key={bundles.current.key}
          name={bundles.current.file.name}
          bytes={bundles.current.file.bytes}
          waiting={bundles.waiting}
          onClose={bundles.done}
          onReviewConflicts={() => navigate({ screen: 'conflicts' })}
        />
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden>
          <p>{t('dropHere')}</p>
        </div>
      )}
      {importer.progress && (
        <ImportPanel
          progress={importer.progress}
          onCancel={importer.cancel}
          onClose={importer.dismiss}
          onChoose={(index, choice) => void importer.choose(index, choice)}
          onUnlock={(index, password) => void importer.unlock(index, password)}
        />
      )}
    </div>
  );
}
