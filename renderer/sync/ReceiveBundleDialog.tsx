// Importing a bundle: the file is read and checked (in a worker) and planned against the
// library; the analyst sees who sent it, what they chose to send and what it would change —
// or why it is refused, with the library untouched — and imports it in one transaction.
// Keyboard: Enter imports (then closes), Esc cancels the reading or closes; nothing can be
// cancelled half-way through writing (it is one transaction).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { BundleFilter } from '../../shared/sync/manifest';
import type { RecordChange } from '../../shared/sync/library-merge';
import type { SyncTable } from '../../shared/sync/tables';
import type { LinkRecord } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { recordLabel } from '../db/sync';
import type { ImportOutcome, ImportPreview } from '../db/sync-api';
import { useI18n, type Translate } from '../i18n/i18n';
import type { Language, StringKey } from '../i18n/strings';
import { kindDefinition, kindLabel } from '../reader/items/kinds';
import { refusalText } from './bundle-errors-text';
import { ProgressLine, untilAborted, type Step } from './progress';
import './bundles.css';

type State =
  | { step: 'reading'; progress: Step }
  | { step: 'refused'; code: string; detail: string }
  | { step: 'failed'; message: string; preview?: ImportPreview }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'applying'; preview: ImportPreview; progress: Step }
  | { step: 'done'; preview: ImportPreview; outcome: ImportOutcome };

/** How many changes of each kind the preview lists by name. */
const LISTED = 50;

export function ReceiveBundleDialog({
  name,
  bytes,
  waiting = 0,
  onClose,
  onReviewConflicts,
}: {
  name: string;
  bytes: Uint8Array;
  /** More bundles queued after this one. */
  waiting?: number;
  onClose: () => void;
  onReviewConflicts: () => void;
}) {
  const { t, language } = useI18n();
  const repository = useRepository();
  const ids = { heading: useId(), status: useId() };
  const dialog = useRef<HTMLDialogElement | null>(null);
  const reading = useRef<AbortController | null>(null);
  const [state, setState] = useState<State>({ step: 'reading', progress: { phase: 'reading', done: 0, total: 1 } });

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    const controller = new AbortController();
    reading.current = controller;
    untilAborted(
      repository.sync.preview(bytes, {
        signal: controller.signal,
        onProgress: (progress) => !controller.signal.aborted && setState({ step: 'reading', progress }),
      }),
      controller.signal,
    )
      .then((result) =>
        setState(
          result.ok
            ? { step: 'preview', preview: result.preview }
            : { step: 'refused', code: result.error.code, detail: result.error.message },
        ),
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        if (reading.current === controller) reading.current = null;
      });
    return () => controller.abort();
  }, [bytes, repository]);

  // The action that matters gets the focus at each step: Import on a preview, Close after.
  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [state.step]);

  const close = () => dialog.current?.close(); // its close event calls onClose
  const cancelReading = () => {
    reading.current?.abort();
    close();
  };

  const apply = async (preview: ImportPreview) => {
    setState({ step: 'applying', preview, progress: { phase: 'writing', done: 0, total: 1 } });
    try {
      const outcome = await repository.sync.apply(preview, {
        onProgress: (progress) => setState({ step: 'applying', preview, progress }),
      });
      setState({ step: 'done', preview, outcome });
    } catch (error) {
      setState({ step: 'failed', preview, message: error instanceof Error ? error.message : String(error) });
    }
  };

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (state.step === 'preview') void apply(state.preview);
    else if (state.step !== 'applying' && state.step !== 'reading') close();
  };

  const preview = 'preview' in state ? state.preview : null;
  return (
    <dialog
      ref={dialog}
      className="form-dialog bundle-dialog receive-bundle-dialog"
      aria-labelledby={ids.heading}
      aria-describedby={ids.status}
      aria-busy={state.step === 'reading' || state.step === 'applying'}
      data-step={state.step}
      onClose={onClose}
      onCancel={(event) => {
        // Esc: stops reading (nothing was written), closes a preview or an outcome, and waits
        // for a running import (one transaction: it cannot be stopped half-way).
        if (state.step === 'applying') event.preventDefault();
        else if (state.step === 'reading') reading.current?.abort();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={onSubmit}>
        <h2 id={ids.heading}>{t('bundleReceiveTitle', { name })}</h2>
        {state.step === 'reading' && (
          <div id={ids.status} className="bundle-status" role="status" aria-live="polite">
            <ProgressLine step={state.progress} />
          </div>
        )}
        {state.step === 'refused' && (
          <div id={ids.status} role="alert" className="bundle-refused" data-code={state.code}>
            <p className="bundle-refused-what">
              <strong>{refusalText(t, state.code)}</strong>
            </p>
            <p className="bundle-refused-detail">
              <span className="muted">{t('bundleRefusedDetail')}</span> <code>{state.detail}</code>
            </p>
            <p className="bundle-unchanged">{t('bundleLibraryUnchanged')}</p>
          </div>
        )}
        {preview && <PreviewBody preview={preview} language={language} compact={state.step === 'done'} />}
        {state.step === 'applying' && (
          <div id={ids.status} className="bundle-status" role="status" aria-live="polite">
            <ProgressLine step={state.progress} />
          </div>
        )}
        {state.step === 'failed' && (
          <div id={ids.status} role="alert" className="banner error bundle-failed">
            <p>{t('bundleImportFailed', { message: state.message })}</p>
            <p>{t('bundleLibraryUnchanged')}</p>
          </div>
        )}
        {state.step === 'done' && (
          <Outcome
            id={ids.status}
            outcome={state.outcome}
            onReview={() => {
              close();
              onReviewConflicts();
            }}
          />
        )}
        {waiting > 0 && state.step !== 'applying' && (
          <p className="hint bundle-waiting">{t('bundleWaiting', { count: waiting })}</p>
        )}
        <div className="form-actions">
          {state.step === 'reading' && (
            <button type="button" data-action="cancel-bundle" data-autofocus onClick={cancelReading}>
              {t('cancel')}
            </button>
          )}
          {(state.step === 'preview' || state.step === 'applying') && (
            <>
              <button type="button" data-action="cancel-bundle" onClick={close} disabled={state.step === 'applying'}>
                {t('cancel')}
              </button>
              <button
                className="primary"
                type="submit"
                data-action="apply-bundle"
                data-autofocus
                disabled={state.step === 'applying'}
              >
                {state.step === 'applying' ? t('bundleApplying') : t('bundleImport')}
              </button>
            </>
          )}
          {(state.step === 'refused' || state.step === 'failed' || state.step === 'done') && (
            <button type="submit" className="primary" data-action="close-bundle" data-autofocus>
              {t('close')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}

function Outcome({ id, outcome, onReview }: { id: string; outcome: ImportOutcome; onReview: () => void }) {
  const { t } = useI18n();
  return (
    <div id={id} role="status" className="bundle-outcome" data-written={outcome.written}>
      <p>
        {/* Nothing written is "Nothing new", as the preview said, whatever else the outcome counts. */}
        {outcome.written === 0
          ? t('bundleNothingNew')
          : t(outcome.conflicts > 0 ? 'bundleDoneConflicts' : 'bundleDone', {
              written: outcome.written,
              documents: outcome.documentsAdded,
              conflicts: outcome.conflicts,
            })}
      </p>
      {(outcome.reanchored > 0 || outcome.orphaned > 0) && (
        <p className="muted">
          {t('bundleReanchoredOutcome', { reanchored: outcome.reanchored, orphaned: outcome.orphaned })}
        </p>
      )}
      {outcome.conflicts > 0 && (
        <p>
          <button type="button" className="link" data-action="review-conflicts" onClick={onReview}>
            {t('bundleReviewConflicts')}
          </button>
        </p>
      )}
    </div>
  );
}

type Count = [StringKey, keyof ImportPreview['summary']];
/** The counts, in two columns: what happens to records, and to documents and references. */
const COUNTS: [Count[], Count[]] = [
  [
    ['bundleNew', 'add'],
    ['bundleUpdated', 'update'],
    ['bundleConflicting', 'conflicts'],
    ['bundleDeleted', 'deletions'],
    ['bundleUnchanged', 'unchanged'],
  ],
  [
    ['bundleDocumentsToAdd', 'documentsToAdd'],
    ['bundleDocumentsMatched', 'documentsMatched'],
    ['bundleDocumentsToReanchor', 'documentsToReanchor'],
    ['bundleKindsToAdd', 'kindsToAdd'],
    ['bundleTextsMissingCount', 'textsMissing'],
    ['bundleDanglingCount', 'dangling'],
  ],
];

const GROUPS: [StringKey, 'add' | 'update' | 'conflicts' | 'deletions'][] = [
  ['bundleNew', 'add'],
  ['bundleUpdated', 'update'],
  ['bundleConflicting', 'conflicts'],
  ['bundleDeleted', 'deletions'],
];

function PreviewBody({
  preview,
  language,
  compact,
}: {
  preview: ImportPreview;
  language: Language;
  /** After the import: only who sent it (the outcome says the rest). */
  compact?: boolean;
}) {
  const { t } = useI18n();
  const { manifest, summary, plan } = preview;
  const nothingNew = plan.writes.length === 0 && preview.kinds.length === 0;
  const dateTime = (iso: string) =>
    new Date(iso).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const titles = useMemo(() => documentTitles(preview), [preview]);
  const firstOpen = GROUPS.find(([, group]) => plan[group].length > 0)?.[1];

  const warnings: { key: string; text: string }[] = [];
  if (preview.ownBundle) warnings.push({ key: 'own', text: t('bundleOwn') });
  if (preview.clockAhead) warnings.push({ key: 'clock', text: t('bundleClockAhead') });
  if (summary.textsMissing > 0)
    warnings.push({ key: 'texts', text: t('bundleTextsMissing', { count: summary.textsMissing }) });
  if (summary.dangling > 0) warnings.push({ key: 'dangling', text: t('bundleDangling', { count: summary.dangling }) });
  if (plan.clashes.length > 0)
    warnings.push({ key: 'clash', text: t('bundleClashes', { count: plan.clashes.length }) });

  return (
    <div className="bundle-preview">
      <div className="bundle-from">
        <p>
          <strong>
            {t('bundleFrom', { analyst: manifest.analyst || t('bundleNoName'), date: dateTime(manifest.createdAt) })}
          </strong>
          <span className="muted"> · Dossier {manifest.appVersion}</span>
        </p>
        <p className="muted bundle-filter-text">{describeFilter(manifest.filter, t, language)}</p>
      </div>
      {compact ? null : (
        <>
          {nothingNew && (
            <p className="banner bundle-nothing" role="status">
              {t('bundleNothingNew')}
            </p>
          )}
          {warnings.length > 0 && (
            <ul className="bundle-warnings">
              {warnings.map((w) => (
                <li key={w.key} data-warning={w.key}>
                  {w.text}
                </li>
              ))}
            </ul>
          )}
          {preview.matched.length > 0 && (
            <p className="muted bundle-matched">
              {t('bundleMatchedNote', {
                names:
                  preview.matched
                    .slice(0, 3)
                    .map((m) => `«${m.title}»`)
                    .join(language === 'zh' ? '、' : ', ') + (preview.matched.length > 3 ? ' …' : ''),
              })}
            </p>
          )}
          <div className="bundle-counts">
            {COUNTS.map((column, i) => (
              <table key={i}>
                <tbody>
                  {column.map(([key, field]) => (
                    <tr key={field} data-count={field} className={summary[field] === 0 ? 'zero' : undefined}>
                      <th scope="row">{t(key)}</th>
                      <td>{summary[field].toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
          {!nothingNew && (
            <div className="bundle-changes">
              {GROUPS.filter(([, group]) => plan[group].length > 0).map(([key, group]) => (
                <details key={group} data-group={group} open={group === firstOpen}>
                  <summary>
                    {t(key)} <span className="muted">({plan[group].length.toLocaleString()})</span>
                  </summary>
                  <ul>
                    {plan[group].slice(0, LISTED).map((change) => (
                      <ChangeRow key={`${change.table}/${change.id}`} change={change} titles={titles} />
                    ))}
                    {plan[group].length > LISTED && (
                      <li className="muted">
                        {t('bundleMoreChanges', { count: (plan[group].length - LISTED).toLocaleString() })}
                      </li>
                    )}
                  </ul>
                </details>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function ChangeRow({ change, titles }: { change: RecordChange; titles: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const label = changeLabel(change, t);
  // Where a highlight or item sits: its document's title, when the bundle or the plan knows it.
  const record = shown(change) as { documentId?: string | null };
  const where = change.table !== 'documents' && record.documentId ? titles.get(record.documentId) : undefined;
  return (
    <li data-table={change.table}>
      <span className="bundle-table">{t(`bundleTable_${change.table}` as StringKey)}</span>
      <span className="bundle-change-label" title={label}>
        {label || <span className="muted">{t('bundleUntitled')}</span>}
      </span>
      {where && <span className="muted bundle-change-where">{where}</span>}
    </li>
  );
}

/** The version the analyst recognises: for a deletion, what was deleted (as it was here). */
const shown = (change: RecordChange) =>
  change.after.current.deleted && change.before ? change.before.current : change.after.current;

function changeLabel(change: RecordChange, t: Translate): string {
  const record = shown(change);
  if (change.table === 'links') {
    const link = record as LinkRecord;
    return t(`linkLabel_${link.type.replace('-', '_')}` as StringKey);
  }
  if (change.table === 'itemKinds') {
    const kind = record as unknown as { id: string; label: string };
    return kindLabel({ ...kindDefinition([], kind.id), label: kind.label }, t);
  }
  const label = recordLabel(change.table as SyncTable, record);
  return label.length > 140 ? `${label.slice(0, 140)}…` : label;
}

/** Document titles the preview can name: those the bundle carries and those the plan touches. */
function documentTitles(preview: ImportPreview): Map<string, string> {
  const titles = new Map<string, string>();
  for (const doc of preview.contents.records.documents) titles.set(doc.id, doc.title);
  for (const change of preview.plan.writes) {
    if (change.table !== 'documents') continue;
    const doc = shown(change) as { title: string };
    titles.set(change.id, doc.title);
  }
  return titles;
}

/** What the sender chose to send, in a sentence: "Everything", or the filters and the recipient. */
export function describeFilter(filter: BundleFilter, t: Translate, language: Language): string {
  const list = (values: readonly string[]) => {
    const shownValues = values.slice(0, 5).join(language === 'zh' ? '、' : ', ');
    return values.length > 5 ? `${shownValues} …` : shownValues;
  };
  const parts: string[] = [];
  if (filter.scope === 'all') parts.push(t('bundleFilterAll'));
  else {
    const chosen: string[] = [];
    if (filter.tags?.length) chosen.push(t('bundleFilterTags', { list: list(filter.tags) }));
    if (filter.itemKinds?.length)
      chosen.push(
        t('bundleFilterKinds', {
          list: list(filter.itemKinds.map((id) => kindLabel(kindDefinition([], id), t))),
        }),
      );
    if (filter.documentIds?.length) chosen.push(t('bundleFilterDocuments', { count: filter.documentIds.length }));
    if (filter.owners?.length) chosen.push(t('bundleFilterOwners', { list: list(filter.owners) }));
    if (filter.changedSince) chosen.push(t('bundleFilterChangedSince'));
    parts.push(t('bundleFilterSelection', { list: chosen.join(language === 'zh' ? '；' : '; ') }));
  }
  if (filter.recipient) parts.push(t('bundleFilterFor', { name: filter.recipient }));
  return parts.join(language === 'zh' ? '，' : ' · ');
}
