import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { navigate } from '../app/route';
import { reanchorReportText } from './reanchor-report';
import type { FileProgress, ImportProgress } from './run-import';

const STATE_KEYS: Record<FileProgress['state'], StringKey> = {
  waiting: 'waiting',
  reading: 'reading',
  imported: 'imported',
  duplicate: 'duplicate',
  refused: 'refused',
  'new-version': 'newVersion',
  updating: 'updating',
  updated: 'updated',
};

/** The refusal in the analyst's language; the detailed sentence from ingest is English. */
function refusalText(file: FileProgress, i18n: ReturnType<typeof useI18n>): string {
  if (!file.refusal) return '';
  if (i18n.language === 'en') return file.refusal.message;
  const key = `refusal_${file.refusal.code.replace(/-/g, '_')}` as StringKey;
  return `${i18n.t(key)}（${file.refusal.message}）`;
}

/** Per-file progress of an import, then its summary: imported, skipped and refused, with reasons. */
export function ImportPanel(props: {
  progress: ImportProgress;
  onCancel: () => void;
  onClose: () => void;
  /** The analyst's choice for a new version of a stored document (held, not stored, until then). */
  onChoose: (index: number, choice: 'update' | 'new') => void;
  /** Import a password-protected PDF of the batch with this password. */
  onUnlock: (index: number, password: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { progress } = props;
  const finished = progress.phase !== 'running';
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (finished) closeRef.current?.focus();
  }, [finished]);

  const count = (state: FileProgress['state']) => progress.files.filter((f) => f.state === state).length;
  const done = progress.files.filter((f) => f.state !== 'waiting' && f.state !== 'reading').length;
  const pending = count('new-version') + count('updating');
  const updated = count('updated');
  const heading =
    progress.phase === 'running'
      ? t('importing', { done: Math.min(done + 1, progress.files.length), total: progress.files.length })
      : progress.phase === 'cancelled'
        ? t('importCancelled')
        : progress.phase === 'failed'
          ? `${t('refusal_crashed')}: ${progress.error}`
          : t('importDone');

  return (
    <section className="import-panel" role="dialog" aria-label={t('import')} aria-busy={!finished}>
      <header>
        <h2>{heading}</h2>
        {progress.phase === 'done' && (
          <p className="import-summary">
            {t('summary', { added: count('imported'), skipped: count('duplicate'), refused: count('refused') })}
            {updated > 0 && `, ${t('summaryUpdated', { count: updated })}`}
          </p>
        )}
        {progress.phase === 'done' && pending > 0 && (
          <p className="import-pending" role="note">
            {pending === 1 ? t('versionsPendingOne') : t('versionsPending', { count: pending })}
          </p>
        )}
        <progress max={progress.files.length} value={finished ? progress.files.length : done} />
      </header>
      <ul className="import-files">
        {progress.files.map((file, i) => (
          <li key={i} className={`import-file state-${file.state}`} data-state={file.state}>
            <span className="file-name">{file.name}</span>
            <span className="file-state">{t(STATE_KEYS[file.state])}</span>
            {file.state === 'reading' && file.pages && <span className="file-pages">{t('pagesRead', file.pages)}</span>}
            {file.refusal && <span className="file-reason">{refusalText(file, i18n)}</span>}
            {file.state === 'refused' && file.locked && finished && (
              <PasswordForm key={file.refusal?.code} onSubmit={(password) => props.onUnlock(i, password)} />
            )}
            {file.documentId && (file.state === 'imported' || file.state === 'duplicate') && (
              <button className="link" onClick={() => navigate({ screen: 'reader', documentId: file.documentId! })}>
                {file.title}
              </button>
            )}
            {(file.state === 'new-version' || file.state === 'updating') && (
              <div className="version-choice" role="group" aria-label={t('newVersionOf', { title: file.title ?? '' })}>
                <span className="version-of">{t('newVersionOf', { title: file.title ?? '' })}</span>
                <div className="version-actions">
                  <button
                    className="primary"
                    data-action="update-version"
                    disabled={file.state === 'updating'}
                    onClick={() => props.onChoose(i, 'update')}
                  >
                    {t('update')}
                  </button>
                  <button
                    data-action="import-as-new"
                    disabled={file.state === 'updating'}
                    onClick={() => props.onChoose(i, 'new')}
                  >
                    {t('importAsNew')}
                  </button>
                </div>
              </div>
            )}
            {file.state === 'updated' && file.documentId && (
              <div className="version-choice">
                <span className="version-report" data-report>
                  {file.report && reanchorReportText(t, file.report)}
                </span>
                <button
                  className="link"
                  data-action="open-updated"
                  onClick={() => navigate({ screen: 'reader', documentId: file.documentId! })}
                >
                  {t('openDocument')}: <span lang="zh">{file.title}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <footer>
        {finished ? (
          <button ref={closeRef} onClick={props.onClose}>
            {t('close')}
          </button>
        ) : (
          <button onClick={props.onCancel}>{t('cancel')}</button>
        )}
      </footer>
    </section>
  );
}

/** Asks for a protected PDF's password; the file is then read again with it. */
function PasswordForm(props: { onSubmit: (password: string) => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  return (
    <form
      className="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) props.onSubmit(password);
      }}
    >
      <input
        type="password"
        value={password}
        autoComplete="off"
        placeholder={t('pdfPassword')}
        aria-label={t('pdfPassword')}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" disabled={!password}>
        {t('pdfUnlock')}
      </button>
    </form>
  );
}
