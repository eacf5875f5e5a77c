// The shared folder's place in the app: a top-bar button that runs the loop
// (./shared-folder.ts) for as long as the app is open, turns what it reports into toasts, and
// opens the panel — the folder, Sync now, when our bundle is written, and each colleague's
// bundle with when it was last imported and how.
import { Fragment, useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { bridge } from '../bridge/bridge';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import { BUNDLE_ERROR_CODES } from '../../shared/sync/bundle-errors';
import { useI18n, type Translate } from '../i18n/i18n';
import type { Language, StringKey } from '../i18n/strings';
import { useToast } from '../ui/toasts';
import {
  analystFromFileName,
  SHARED_FOLDER_SCHEDULES,
  sharedFolderSync,
  type ColleagueFile,
  type SharedFolderNotice,
  type SharedFolderSchedule,
  type SharedFolderStatus,
  type SharedFolderSync,
} from './shared-folder';
import './shared-folder.css';

function useSharedFolder(): { sync: SharedFolderSync; status: SharedFolderStatus } {
  const repository = useRepository();
  const sync = sharedFolderSync(repository, bridge.syncFolder);
  const status = useSyncExternalStore(sync.subscribe, sync.getStatus);
  return { sync, status };
}

/**
 * The analyst's words for the folder's own error codes and for an import or export that failed
 * (the bridge's `message` is English, for logs: it goes in a tooltip). Bundle refusals have theirs
 * in renderer/i18n/strings.ts (`bundleRefused_*`); these belong there too once that file is free.
 */
const FOLDER_REASONS: Record<Language, Record<string, string>> = {
  en: {
    unavailable: 'The folder is offline, or it was moved or removed.',
    permission: 'Dossier needs your permission to use the folder again.',
    'no-folder': 'Another folder was chosen meanwhile.',
    'not-found': 'The file is no longer in the folder.',
    'not-a-file': 'It is not a regular file (a link or a folder).',
    unreadable: 'The file could not be read. Dossier will try again.',
    'write-failed': 'The file could not be written (the folder may be read-only or full).',
    failed: 'The import failed and was undone. Dossier will try again.',
    'export-failed': 'Dossier could not make the bundle.',
  },
  zh: {
    unavailable: '文件夹不在线，或已被移动、删除。',
    permission: 'Dossier 需要您再次允许访问该文件夹。',
    'no-folder': '其间已选择了另一个文件夹。',
    'not-found': '该文件已不在文件夹中。',
    'not-a-file': '这不是普通文件（而是链接或文件夹）。',
    unreadable: '无法读取该文件，Dossier 会再试。',
    'write-failed': '无法写入该文件（文件夹可能是只读的或已满）。',
    failed: '导入失败，已全部撤销，Dossier 会再试。',
    'export-failed': 'Dossier 无法生成数据包。',
  },
};

/** Why something went wrong, in the analyst's language, chosen by its code. */
function reason(t: Translate, language: Language, error: { code: string; message: string } | null | undefined): string {
  if (!error) return '';
  if ((BUNDLE_ERROR_CODES as readonly string[]).includes(error.code))
    return t(`bundleRefused_${error.code}` as StringKey);
  return FOLDER_REASONS[language][error.code] ?? error.message;
}

/** Placeholders for parts of a translated sentence that are drawn as elements (`filled`). */
const SLOT = { name: '\uE000name\uE000', time: '\uE000time\uE000' } as const;

/** A translated sentence with its SLOT placeholders replaced by elements, in the language's own order. */
function filled(text: string, parts: Record<keyof typeof SLOT, ReactNode>): ReactNode[] {
  return text
    .split(/\uE000(name|time)\uE000/)
    .map((piece, i) => (i % 2 === 1 ? <Fragment key={i}>{parts[piece as keyof typeof SLOT]}</Fragment> : piece));
}

function noticeText(t: Translate, language: Language, notice: SharedFolderNotice): string {
  switch (notice.kind) {
    case 'imported':
      return notice.conflicts > 0
        ? t('sharedFolderImportedConflicts', {
            count: notice.written,
            analyst: notice.analyst,
            conflicts: notice.conflicts,
          })
        : t('sharedFolderImported', { count: notice.written, analyst: notice.analyst });
    case 'refused':
      return t('sharedFolderRefusedNotice', {
        analyst: notice.analyst,
        file: notice.file,
        message: reason(t, language, notice),
      });
    case 'write-failed':
      return t('sharedFolderWriteFailedNotice', { message: reason(t, language, notice) });
    case 'unavailable':
      return t('sharedFolderUnavailableNotice', { message: reason(t, language, notice) });
  }
}

const needsAttention = (status: SharedFolderStatus): boolean =>
  !!status.folder && (status.access !== 'granted' || !!status.problem || !!status.state.writeError);

/** The top bar's "Shared folder": runs the loop and opens the panel. */
export function SharedFolderButton() {
  const { t, language } = useI18n();
  const toast = useToast();
  const { sync, status } = useSharedFolder();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!status.supported) return;
    sync.start();
    // Coming back to the window is a good moment to look (the web build otherwise polls).
    const onFocus = () => void sync.requestCheck();
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      sync.stop();
    };
  }, [sync, status.supported]);
  useEffect(
    () =>
      sync.onNotice((notice) => {
        const message = noticeText(t, language, notice);
        if (notice.kind === 'imported' && notice.conflicts > 0)
          toast(message, undefined, { label: t('sharedFolderReview'), run: () => navigate({ screen: 'conflicts' }) });
        else if (notice.kind === 'imported') toast(message);
        else toast(message, undefined, { label: t('sharedFolderDetails'), run: () => setOpen(true) });
      }),
    [sync, t, language, toast],
  );

  const attention = needsAttention(status);
  const title = status.folder
    ? `${t('sharedFolderHint')} — ${status.folder.name}${attention ? ` (${t('sharedFolderAttention')})` : ''}`
    : t('sharedFolderHint');
  return (
    <>
      <button
        type="button"
        className="shared-folder-button"
        data-action="shared-folder"
        data-state={!status.folder ? 'off' : attention ? 'attention' : status.busy ? 'busy' : 'on'}
        aria-haspopup="dialog"
        title={title}
        onClick={() => setOpen(true)}
      >
        <span className="shared-folder-dot" aria-hidden />
        {t('sharedFolder')}
      </button>
      {open && <SharedFolderPanel sync={sync} status={status} onClose={() => setOpen(false)} />}
    </>
  );
}

export function SharedFolderPanel({
  sync,
  status,
  onClose,
}: {
  sync: SharedFolderSync;
  status: SharedFolderStatus;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const ids = { heading: useId(), intro: useId(), schedule: useId() };
  const dialog = useRef<HTMLDialogElement | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const time = (iso: string | null | undefined) =>
    iso
      ? new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' })
      : t('sharedFolderNever');
  const run = (action: () => Promise<unknown>) => {
    setError(null);
    action().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  const { folder, state, busy } = status;
  const files = Object.values(state.files).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  const granted = status.access === 'granted';
  return (
    <dialog
      ref={dialog}
      className="form-dialog shared-folder-panel"
      aria-labelledby={ids.heading}
      aria-describedby={ids.intro}
      onClose={onClose}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <h2 id={ids.heading}>{t('sharedFolderTitle')}</h2>
      <p id={ids.intro} className="muted shared-folder-intro">
        {t('sharedFolderIntro')}
      </p>

      {!status.supported ? (
        <p className="banner" role="note">
          {t('sharedFolderUnsupported')}
        </p>
      ) : (
        <>
          <section className="shared-folder-where" aria-label={t('sharedFolderTitle')}>
            <div className="shared-folder-name">
              <FolderIcon />
              {folder ? (
                <span>
                  <strong data-folder-name>{folder.name}</strong>
                  {folder.location !== folder.name && <span className="muted"> {folder.location}</span>}
                </span>
              ) : (
                <span className="muted">{t('sharedFolderNone')}</span>
              )}
            </div>
            <div className="shared-folder-actions">
              <button
                type="button"
                className={folder ? undefined : 'primary'}
                data-action="choose-shared-folder"
                disabled={!!busy}
                onClick={() => run(() => sync.pick(t('sharedFolderPickTitle')))}
              >
                {folder ? t('sharedFolderChange') : t('sharedFolderChoose')}
              </button>
              {folder && (
                <button
                  type="button"
                  data-action="forget-shared-folder"
                  title={t('sharedFolderStopHint')}
                  disabled={!!busy}
                  onClick={() => run(() => sync.forget())}
                >
                  {t('sharedFolderStop')}
                </button>
              )}
            </div>
          </section>

          {folder && status.access === 'prompt' && (
            <p className="banner shared-folder-access" role="alert">
              {t('sharedFolderAccessNeeded', { name: folder.name })}{' '}
              <button type="button" className="primary" onClick={() => run(() => sync.requestAccess())}>
                {t('sharedFolderAllow')}
              </button>
            </p>
          )}
          {folder && status.access === 'denied' && (
            <p className="banner error" role="alert">
              {t('sharedFolderAccessDenied', { name: folder.name })}
            </p>
          )}
          {folder && status.problem && status.problem.code !== 'permission' && (
            <p className="banner error" role="alert" data-problem={status.problem.code} title={status.problem.message}>
              {t('sharedFolderUnavailable', { message: reason(t, language, status.problem) })}
            </p>
          )}

          {folder && (
            <>
              <div className="shared-folder-sync">
                <button
                  type="button"
                  className="primary"
                  data-action="sync-now"
                  disabled={!!busy || !granted}
                  title={t('sharedFolderSyncNowHint')}
                  onClick={() => run(() => sync.syncNow())}
                >
                  {t('sharedFolderSyncNow')}
                </button>
                <span className="muted" role="status" aria-live="polite" data-busy={busy ?? ''}>
                  {busy === 'checking'
                    ? t('sharedFolderChecking')
                    : busy === 'writing'
                      ? t('sharedFolderWriting')
                      : t('sharedFolderLastCheck', { time: time(state.lastCheck) })}
                </span>
              </div>

              <dl className="shared-folder-facts">
                <dt>{t('sharedFolderMyFile')}</dt>
                <dd data-own-file>
                  {state.lastWrite
                    ? filled(t('sharedFolderWritten', { name: SLOT.name, time: SLOT.time }), {
                        name: <span className="shared-folder-own-name">{state.lastWrite.name}</span>,
                        time: <span className="shared-folder-when">{time(state.lastWrite.at)}</span>,
                      })
                    : status.ownFileName
                      ? `${status.ownFileName} — ${t('sharedFolderNotWritten')}`
                      : t('sharedFolderNotWritten')}
                  {state.writeError && (
                    <span className="shared-folder-error" role="alert" title={state.writeError.message}>
                      {t('sharedFolderWriteError', { message: reason(t, language, state.writeError) })}
                    </span>
                  )}
                </dd>
                <dt>
                  <label htmlFor={ids.schedule}>{t('sharedFolderSchedule')}</label>
                </dt>
                <dd className="shared-folder-schedule">
                  <select
                    id={ids.schedule}
                    data-setting="schedule"
                    value={state.schedule}
                    onChange={(e) => run(() => sync.setSchedule(e.target.value as SharedFolderSchedule))}
                  >
                    {SHARED_FOLDER_SCHEDULES.map((s) => (
                      <option key={s} value={s}>
                        {t(`sharedFolderSchedule_${s}`)}
                      </option>
                    ))}
                  </select>
                  <label>
                    <input
                      type="checkbox"
                      data-setting="include-pdfs"
                      checked={state.includePdfs}
                      onChange={(e) => run(() => sync.setIncludePdfs(e.target.checked))}
                    />
                    {t('sharedFolderIncludePdfs')}
                  </label>
                </dd>
              </dl>

              <h3>{t('sharedFolderColleagues')}</h3>
              {files.length === 0 ? (
                <p className="muted" data-empty>
                  {t('sharedFolderNoColleagues')}
                </p>
              ) : (
                <table className="shared-folder-files">
                  <thead>
                    <tr>
                      <th scope="col">{t('sharedFolderColAnalyst')}</th>
                      <th scope="col">{t('sharedFolderColImported')}</th>
                      <th scope="col">{t('sharedFolderColResult')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {files.map((file) => (
                      <tr key={file.name} data-file={file.name} data-result={file.result}>
                        <td>
                          <strong>{file.analyst || analystFromFileName(file.name)}</strong>
                          <span className="muted shared-folder-file" title={file.name}>
                            {file.name}
                          </span>
                        </td>
                        <td className="shared-folder-time">{time(file.importedAt)}</td>
                        <td>
                          <FileResultText file={file} t={t} language={language} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </>
      )}
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}

function FileResultText({ file, t, language }: { file: ColleagueFile; t: Translate; language: Language }) {
  switch (file.result) {
    case 'imported': {
      const changes = t('sharedFolderResultImported', { count: file.written ?? 0 });
      return (
        <span className="shared-folder-result ok">
          {changes}
          {!!file.conflicts && (
            <>
              {' · '}
              <button type="button" className="link" onClick={() => navigate({ screen: 'conflicts' })}>
                {t('sharedFolderResultConflicts', { count: file.conflicts })}
              </button>
            </>
          )}
        </span>
      );
    }
    case 'refused':
      return (
        <span className="shared-folder-result bad" title={file.error?.message}>
          {t('sharedFolderResultRefused', { message: reason(t, language, file.error) })}
        </span>
      );
    case 'failed':
      return (
        <span className="shared-folder-result bad" title={file.error?.message}>
          {t('sharedFolderResultFailed', { message: reason(t, language, file.error) })}
        </span>
      );
    case 'own':
      return <span className="shared-folder-result muted">{t('sharedFolderResultOwn')}</span>;
  }
}

/** A folder, as an inline SVG (no emoji font needed), in the text colour. */
function FolderIcon() {
  return (
    <svg
      className="shared-folder-icon"
      width={20}
      height={20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinejoin="round"
      aria-hidden
    >
      <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5h4.2l2 2.2h8.8A1.5 1.5 0 0 1 21 8.7v9.8a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z" />
    </svg>
  );
}
