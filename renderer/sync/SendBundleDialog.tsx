// "Share…": writes a bundle (.dossier) for colleagues — everything, or a selection by tag,
// item kind, document and owner, and/or only what changed since the last bundle sent to a
// colleague — signed with the analyst's name, and saves it where the analyst chooses (a
// download on the web). A modal form: Enter writes the bundle, Esc cancels a running export
// (nothing is saved) or closes. Long lists (documents, owners) narrow as you type.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useRepository } from '../app/repository-context';
import { bridge } from '../bridge/bridge';
import type { BundleSelection, Colleague, ExportChoices } from '../db/sync-api';
import { useI18n } from '../i18n/i18n';
import { kindDefinition, kindLabel } from '../reader/items/kinds';
import { useToast } from '../ui/toasts';
import { Checklist } from './Checklist';
import { bundleFileFilter } from './import-bundle';
import { ProgressLine, untilAborted, type Step } from './progress';
import './bundles.css';

type Scope = 'all' | 'selection';
type Filters = Required<Pick<BundleSelection, 'tags' | 'itemKinds' | 'documentIds' | 'owners'>>;
const NO_FILTERS: Filters = { tags: [], itemKinds: [], documentIds: [], owners: [] };

export function SendBundleDialog({ onClose, onImport }: { onClose: () => void; onImport?: () => void }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const ids = { heading: useId(), status: useId(), analyst: useId(), since: useId(), recipient: useId() };
  const dialog = useRef<HTMLDialogElement | null>(null);
  const running = useRef<AbortController | null>(null);
  const [choices, setChoices] = useState<ExportChoices | null>(null);
  const [library, setLibrary] = useState<{ documents: number; highlights: number; items: number } | null>(null);
  const [analyst, setAnalyst] = useState<string | null>(null);
  const [scope, setScope] = useState<Scope>('all');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [since, setSince] = useState('');
  const [includePdfs, setIncludePdfs] = useState(false);
  const [recipient, setRecipient] = useState('');
  const [step, setStep] = useState<Step | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    let live = true;
    void Promise.all([repository.sync.exportChoices(), repository.sync.identity(), repository.exports.counts()]).then(
      ([c, me, counts]) => {
        if (!live) return;
        setChoices(c);
        setAnalyst(me.analyst);
        setLibrary(counts);
      },
    );
    return () => {
      live = false;
      running.current?.abort();
    };
  }, [repository]);

  // Focus where the analyst starts: their name when it is not set yet, else what to share.
  useEffect(() => {
    if (analyst === null) return;
    const el = dialog.current;
    if (!analyst) el?.querySelector<HTMLInputElement>('input[name="analyst"]')?.focus();
    else el?.querySelector<HTMLInputElement>('input[name="scope"]:checked')?.focus();
    // Only once, when the name has been read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [analyst === null]);

  const colleague: Colleague | undefined = choices?.colleagues.find((c) => c.replicaId === since);
  const date = (iso: string) =>
    new Date(iso).toLocaleDateString(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' });
  const colleagueName = (c: Colleague) => c.analyst || t('bundleUnnamedColleague', { id: c.replicaId.slice(-6) });

  const kindOptions = useMemo(
    () =>
      (choices?.itemKinds ?? []).map((k) => ({
        value: k.id,
        label: kindLabel({ ...kindDefinition([], k.id), label: k.label }, t),
      })),
    [choices, t],
  );
  const documentOptions = useMemo(
    () => (choices?.documents ?? []).map((d) => ({ value: d.id, label: d.title || t('bundleUntitled') })),
    [choices, t],
  );
  const plain = (values: readonly string[] | undefined) => (values ?? []).map((v) => ({ value: v, label: v }));
  const tagOptions = useMemo(() => plain(choices?.tags), [choices]);
  const ownerOptions = useMemo(() => plain(choices?.owners), [choices]);

  const chosenCount =
    filters.tags.length + filters.itemKinds.length + filters.documentIds.length + filters.owners.length;
  const selectionEmpty = scope === 'selection' && chosenCount === 0 && !since;
  const busy = step !== null;
  const close = () => dialog.current?.close(); // its close event calls onClose

  const run = async (event: React.FormEvent) => {
    event.preventDefault();
    if (running.current || busy || selectionEmpty || !analyst?.trim()) return;
    const controller = new AbortController();
    running.current = controller;
    setMessage(null);
    setStep({ phase: 'reading', done: 0, total: 1 });
    try {
      await repository.sync.setAnalyst(analyst);
      const selection: BundleSelection = {
        ...(scope === 'selection' && {
          ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v.length)),
          ...(since && { changedSinceExchangeWith: since }),
        }),
        includePdfs,
        ...(recipient.trim() && { recipient: recipient.trim() }),
      };
      const bundle = await untilAborted(
        repository.sync.exportBundle(selection, { signal: controller.signal, onProgress: (p) => setStep(p) }),
        controller.signal,
      );
      setStep({ phase: 'saving' });
      const result = await bridge.saveFile({
        suggestedName: bundle.fileName,
        bytes: bundle.bytes,
        filters: [bundleFileFilter(t)],
      });
      if (!result.saved) {
        setMessage({ text: t('exportDataNotSaved'), error: false });
        return;
      }
      // Only a saved bundle counts as sent: the next "changed since" bundle starts after it.
      if (bundle.sent) await repository.sync.noteSent(bundle.sent);
      const records = Object.values(bundle.counts.records).reduce((a, b) => a + b, 0);
      toast(
        t('bundleSent', {
          records,
          documents: bundle.counts.records.documents,
          location: result.location ?? bundle.fileName,
        }),
      );
      close();
    } catch (error) {
      if (controller.signal.aborted) setMessage({ text: t('bundleSendCancelled'), error: false });
      else
        setMessage({
          text: t('bundleSendFailed', { message: error instanceof Error ? error.message : String(error) }),
          error: true,
        });
    } finally {
      running.current = null;
      setStep(null);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="form-dialog bundle-dialog send-bundle-dialog"
      aria-labelledby={ids.heading}
      aria-describedby={ids.status}
      aria-busy={busy}
      onClose={onClose}
      onCancel={(event) => {
        // Esc while writing stops it (nothing is saved); the dialog stays for the message.
        if (running.current) {
          event.preventDefault();
          running.current.abort();
        }
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={(e) => void run(e)}>
        <h2 id={ids.heading}>{t('bundleSendTitle')}</h2>
        <p className="hint">{t('bundleSendHint')}</p>
        <div className="bundle-row">
          <label htmlFor={ids.analyst}>{t('bundleAnalyst')}</label>
          <input
            id={ids.analyst}
            name="analyst"
            autoComplete="name"
            value={analyst ?? ''}
            disabled={busy}
            onChange={(e) => setAnalyst(e.currentTarget.value)}
            placeholder={t('bundleAnalystPlaceholder')}
            aria-describedby={analyst === '' ? `${ids.analyst}-needed` : undefined}
            required
          />
          {analyst === '' && (
            <p id={`${ids.analyst}-needed`} className="hint">
              {t('bundleAnalystNeeded')}
            </p>
          )}
        </div>
        <fieldset className="bundle-scope" disabled={busy}>
          <legend>{t('bundleWhat')}</legend>
          <label className={`bundle-scope-option${scope === 'all' ? ' checked' : ''}`}>
            <input type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} />
            <span>
              <strong>{t('bundleEverything')}</strong>
              <span className="muted">
                {library
                  ? t('bundleEverythingHint', {
                      documents: library.documents,
                      highlights: library.highlights,
                      items: library.items,
                    })
                  : '\u00a0'}
              </span>
            </span>
          </label>
          <label className={`bundle-scope-option${scope === 'selection' ? ' checked' : ''}`}>
            <input
              type="radio"
              name="scope"
              value="selection"
              checked={scope === 'selection'}
              onChange={() => setScope('selection')}
            />
            <span>
              <strong>{t('bundleSelection')}</strong>
              <span className="muted">{t('bundleSelectionHint')}</span>
            </span>
          </label>
        </fieldset>
        {scope === 'selection' && (
          <div className="bundle-filters" data-loaded={choices ? 'true' : undefined}>
            {choices ? (
              <>
                <div className="bundle-row wide bundle-since">
                  <label htmlFor={ids.since}>{t('bundleChangedSince')}</label>
                  <select
                    id={ids.since}
                    name="changed-since"
                    value={since}
                    disabled={busy || choices.colleagues.length === 0}
                    onChange={(e) => setSince(e.currentTarget.value)}
                  >
                    <option value="">{choices.colleagues.length ? t('bundleAnyTime') : t('bundleNoColleagues')}</option>
                    {choices.colleagues.map((c) => (
                      <option key={c.replicaId} value={c.replicaId}>
                        {colleagueName(c)}
                        {c.lastSent
                          ? ` — ${t('bundleLastSent', { date: date(c.lastSent) })}`
                          : c.lastReceived
                            ? ` — ${t('bundleLastReceived', { date: date(c.lastReceived) })}`
                            : ''}
                      </option>
                    ))}
                  </select>
                  {colleague && !colleague.lastSent && (
                    <p className="hint">{t('bundleNeverSent', { name: colleagueName(colleague) })}</p>
                  )}
                </div>
                <Checklist
                  label={t('bundleTags')}
                  name="tags"
                  options={tagOptions}
                  chosen={filters.tags}
                  disabled={busy}
                  onChange={(tags) => setFilters((f) => ({ ...f, tags }))}
                />
                <Checklist
                  label={t('bundleKinds')}
                  name="kinds"
                  options={kindOptions}
                  chosen={filters.itemKinds}
                  disabled={busy}
                  onChange={(itemKinds) => setFilters((f) => ({ ...f, itemKinds }))}
                />
                <Checklist
                  label={t('bundleOwners')}
                  name="owners"
                  options={ownerOptions}
                  chosen={filters.owners}
                  disabled={busy}
                  onChange={(owners) => setFilters((f) => ({ ...f, owners }))}
                />
                <Checklist
                  label={t('bundleDocuments')}
                  name="documents"
                  options={documentOptions}
                  chosen={filters.documentIds}
                  disabled={busy}
                  onChange={(documentIds) => setFilters((f) => ({ ...f, documentIds }))}
                />
                <p className="hint wide">{selectionEmpty ? t('bundleChooseSomething') : t('bundleFiltersAnd')}</p>
              </>
            ) : (
              <p className="hint wide">{t('bundleLoading')}</p>
            )}
          </div>
        )}
        <div className="bundle-row">
          <label htmlFor={ids.recipient}>{t('bundleRecipient')}</label>
          <input
            id={ids.recipient}
            name="recipient"
            value={recipient}
            disabled={busy}
            placeholder={colleague ? colleagueName(colleague) : t('bundleRecipientPlaceholder')}
            onChange={(e) => setRecipient(e.currentTarget.value)}
          />
        </div>
        <label className="bundle-check">
          <input
            type="checkbox"
            name="include-pdfs"
            checked={includePdfs}
            disabled={busy}
            onChange={(e) => setIncludePdfs(e.currentTarget.checked)}
          />
          <span>{t('bundleIncludePdfs')}</span>
        </label>
        <div id={ids.status} className="bundle-status" role="status" aria-live="polite">
          {step ? (
            <ProgressLine step={step} />
          ) : message && !message.error ? (
            <span className="muted">{message.text}</span>
          ) : (
            '\u00a0'
          )}
        </div>
        {message?.error && (
          <p className="banner error" role="alert">
            {message.text}
          </p>
        )}
        <div className="form-actions">
          {onImport && (
            <button type="button" className="bundle-import-link" data-action="import-bundle" onClick={onImport}>
              {t('bundleOpen')}
            </button>
          )}
          <span className="spacer" />
          <button
            type="button"
            data-action="cancel-bundle"
            onClick={() => (running.current ? running.current.abort() : close())}
          >
            {t('cancel')}
          </button>
          <button
            className="primary"
            type="submit"
            data-action="send-bundle"
            disabled={busy || !analyst?.trim() || selectionEmpty}
          >
            {t('bundleSend')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
