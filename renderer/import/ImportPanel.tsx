import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { navigate } from '../app/route';
import type { FileProgress, ImportProgress } from './run-import';

const STATE_KEYS: Record<FileProgress['state'], StringKey> = {
  waiting: 'waiting',
  reading: 'reading',
  imported: 'imported',
  duplicate: 'duplicate',
  refused: 'refused',
};

/** The refusal in the analyst's language; the detailed sentence from ingest is English. */
function refusalText(file: FileProgress, i18n: ReturnType<typeof useI18n>): string {
  if (!file.refusal) return '';
  if (i18n.language === 'en') return file.refusal.message;
  const key = `refusal_${file.refusal.code.replace(/-/g, '_')}` as StringKey;
  return `${i18n.t(key)}（${file.refusal.message}）`;
}

/** Per-file progress of an import, then its summary: imported, skipped and refused, with reasons. */
export function ImportPanel(props: { progress: ImportProgress; onCancel: () => void; onClose: () => void }) {
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
          </p>
        )}
        <progress max={progress.files.length} value={finished ? progress.files.length : done} />
      </header>
      <ul className="import-files">
        {progress.files.map((file, i) => (
          <li key={i} className={`import-file state-${file.state}`} data-state={file.state}>
            <span className="file-name">{file.name}</span>
            <span className="file-state">{t(STATE_KEYS[file.state])}</span>
            {file.refusal && <span className="file-reason">{refusalText(file, i18n)}</span>}
            {file.documentId && (file.state === 'imported' || file.state === 'duplicate') && (
              <button className="link" onClick={() => navigate({ screen: 'reader', documentId: file.documentId! })}>
                {file.title}
              </button>
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
