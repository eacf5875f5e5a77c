// The tasks and commitments the extraction rules found in the open document, each with
// the fields they read (kind, deadline and its words, owners, targets, category, how
// sure). Accept highlights the passage and tags it in one step; Edit changes the fields
// first; Dismiss hides it (undo, or "show dismissed" and Restore).
import { useRef, useState } from 'react';
import type { AnchorText } from '../../../shared/anchoring/passage';
import type { Candidate } from '../../../shared/extract/types';
import { candidateFields, type ItemFields } from '../../../shared/model/items';
import type { ItemKindDefinition } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import { useToast } from '../../ui/toasts';
import { DatedMentions } from '../../timeline/DatedMentions';
import { CategoryField, DeadlineField, Field, KindBadge, KindSelect, OwnersField, TargetsField } from './fields';
import { kindDefinition, kindLabel } from './kinds';
import type { Suggestion } from './suggestions';
import type { ExtractionState } from './use-extraction';

const QUOTE_SHOWN = 140;

function SuggestionFields({ fields }: { fields: ItemFields }) {
  const { t } = useI18n();
  const { deadline } = fields;
  return (
    <dl className="suggestion-fields">
      {deadline && (
        <>
          <dt>{t('deadline')}</dt>
          <dd data-field="deadline">
            {deadline.to}{' '}
            <span className="muted">
              <span lang="zh">{deadline.text && t('deadlineFrom', { text: deadline.text })}</span> ·{' '}
              {t(`deadlineOrigin_${deadline.origin}` as StringKey)}
            </span>
          </dd>
        </>
      )}
      {fields.owners.length > 0 && (
        <>
          <dt>{t('owners')}</dt>
          <dd>
            <ul className="chips">
              {fields.owners.map((o, i) => (
                <li key={i} className="chip" lang="zh" title={o.normalized}>
                  {o.asWritten}
                  {o.normalized !== o.asWritten && <span className="muted normalized">{o.normalized}</span>}
                  <span className="muted">· {t(`role_${o.role}` as StringKey)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {fields.targets.length > 0 && (
        <>
          <dt>{t('targets')}</dt>
          <dd>
            <ul className="chips">
              {fields.targets.map((target, i) => (
                <li key={i} className="chip" lang="zh">
                  {target.text}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {fields.category && (
        <>
          <dt>{t('category')}</dt>
          <dd lang="zh">{fields.category}</dd>
        </>
      )}
    </dl>
  );
}

/** The fields of a suggestion as the analyst changes them before accepting. */
function SuggestionEditor(props: {
  fields: ItemFields;
  kinds: readonly ItemKindDefinition[];
  onChange: (fields: ItemFields) => void;
  onAccept: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { fields, onChange } = props;
  const set = (patch: Partial<ItemFields>) => onChange({ ...fields, ...patch });
  return (
    <div
      className="suggestion-editor"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        props.onCancel();
      }}
    >
      <Field label={t('itemKind')}>
        <KindSelect value={fields.kind} kinds={props.kinds} onChange={(kind) => set({ kind: kind.id })} />
      </Field>
      <DeadlineField
        deadline={fields.deadline}
        milestones={fields.milestones}
        onChange={(deadline) => set({ deadline })}
      />
      <OwnersField owners={fields.owners} onChange={(owners) => set({ owners })} />
      <TargetsField targets={fields.targets} onChange={(targets) => set({ targets })} />
      <CategoryField value={fields.category} onChange={(category) => set({ category })} />
      <div className="form-actions">
        <button type="button" className="primary" data-action="accept-edited" onClick={props.onAccept}>
          {t('accept')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

function SuggestionCard(props: {
  suggestion: Suggestion;
  documentId: string;
  body: AnchorText;
  kinds: readonly ItemKindDefinition[];
  onShow: (candidate: Candidate) => void;
  onAccepted: (annotationId: string) => void;
  onOpenItem: (annotationId: string) => void;
}) {
  const { suggestion, documentId, kinds } = props;
  const { candidate, state } = suggestion;
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const ref = useRef<HTMLLIElement>(null);
  /** The fields being edited before accepting; null when not editing. */
  const [draft, setDraft] = useState<ItemFields | null>(null);
  const proposed = candidateFields(candidate);
  const kind = kindDefinition(kinds, (draft ?? proposed).kind);
  const stop = (e: React.SyntheticEvent) => e.stopPropagation();

  const accept = async (fields: ItemFields) => {
    const chosen = kindDefinition(kinds, fields.kind);
    const { annotation } = await repository.items.tagPassage(
      { documentId, start: candidate.start, end: candidate.end, color: chosen.color },
      props.body,
      fields,
    );
    setDraft(null);
    ref.current?.focus();
    props.onAccepted(annotation.id);
    toast(t('acceptedAs', { kind: kindLabel(chosen, t) }), async () => {
      await repository.annotations.remove(annotation.id, { withItems: true });
    });
  };

  const dismiss = async () => {
    // The card leaves the list: focus goes on to the next one, so the keyboard keeps its place.
    const next = (ref.current?.nextElementSibling ?? ref.current?.previousElementSibling) as HTMLElement | null;
    await repository.extractions.dismiss(documentId, candidate.quote);
    next?.focus();
    toast(t('suggestionDismissed'), () => repository.extractions.undismiss(documentId, candidate.quote));
  };

  const quote = candidate.quote.length > QUOTE_SHOWN ? `${candidate.quote.slice(0, QUOTE_SHOWN)}…` : candidate.quote;
  return (
    <li
      ref={ref}
      className={`annotation-card suggestion state-${state}`}
      data-suggestion={suggestion.key}
      data-state={state}
      tabIndex={0}
      aria-label={`${kindLabel(kind, t)}: ${candidate.quote}`}
      onClick={() => props.onShow(candidate)}
      onKeyDown={(e) => e.target === e.currentTarget && e.key === 'Enter' && props.onShow(candidate)}
    >
      <div className="item-summary">
        <KindBadge kind={kind} />
        <span className="confidence" title={String(candidate.confidence)}>
          {t('confidence', { percent: Math.round(candidate.confidence * 100) })}
        </span>
        {state === 'accepted' && <span className="state-badge">{t('accepted')}</span>}
      </div>
      <blockquote className={`quote hl-border-${kind.color}`} lang="zh">
        {quote}
      </blockquote>
      {draft ? (
        <div onClick={stop}>
          <SuggestionEditor
            fields={draft}
            kinds={kinds}
            onChange={setDraft}
            onAccept={() => void accept(draft)}
            onCancel={() => {
              setDraft(null);
              ref.current?.focus();
            }}
          />
        </div>
      ) : (
        <>
          <SuggestionFields fields={proposed} />
          {candidate.cues.length > 0 && (
            <p className="muted cues" lang="zh">
              {t('cues', { cues: candidate.cues.join('、') })}
            </p>
          )}
          <div className="card-row card-actions" onClick={stop}>
            {state === 'open' && (
              <>
                <button className="primary" data-action="accept" onClick={() => void accept(proposed)}>
                  {t('accept')}
                </button>
                <button data-action="edit" onClick={() => setDraft(proposed)}>
                  {t('editThenAccept')}
                </button>
                <button data-action="dismiss" onClick={() => void dismiss()}>
                  {t('dismiss')}
                </button>
              </>
            )}
            {state === 'accepted' && suggestion.annotationId && (
              <button data-action="open-item" onClick={() => props.onOpenItem(suggestion.annotationId!)}>
                {t('openItem')}
              </button>
            )}
            {state === 'dismissed' && (
              <button
                data-action="restore"
                onClick={() => void repository.extractions.undismiss(documentId, candidate.quote)}
              >
                {t('restoreSuggestion')}
              </button>
            )}
          </div>
        </>
      )}
    </li>
  );
}

export function SuggestionsPanel(props: {
  documentId: string;
  body: AnchorText;
  extraction: ExtractionState;
  suggestions: Suggestion[];
  kinds: readonly ItemKindDefinition[];
  onShow: (passage: Pick<Candidate, 'start' | 'end'>) => void;
  onAccepted: (annotationId: string) => void;
  onOpenItem: (annotationId: string) => void;
}) {
  const { t } = useI18n();
  const [showDismissed, setShowDismissed] = useState(false);
  const { stored, pending, error, retry } = props.extraction;
  const dismissed = props.suggestions.filter((s) => s.state === 'dismissed').length;
  const open = props.suggestions.filter((s) => s.state === 'open').length;
  const shown = props.suggestions.filter((s) => showDismissed || s.state !== 'dismissed');
  return (
    <aside className="sidebar suggestions-panel" aria-label={t('suggestions')} aria-busy={pending}>
      <h2>
        {t('suggestions')} {stored && <span className="count">{open}</span>}
      </h2>
      {pending && (
        <p className="muted reading" role="status">
          {t('suggestionsReading')}
        </p>
      )}
      {error && (
        <p className="banner error" role="alert">
          {t('suggestionsFailed', { error })}{' '}
          <button className="link" onClick={retry}>
            {t('retry')}
          </button>
        </p>
      )}
      {stored && props.suggestions.length === 0 && <p className="muted">{t('suggestionsNone')}</p>}
      {stored && props.suggestions.length > 0 && (
        <p className="muted hint">{open > 0 ? t('suggestionsHint') : t('suggestionsAllDone')}</p>
      )}
      {dismissed > 0 && (
        <label className="toggle">
          <input type="checkbox" checked={showDismissed} onChange={(e) => setShowDismissed(e.target.checked)} />{' '}
          {t('showDismissed', { count: dismissed })}
        </label>
      )}
      <ul className="annotation-list suggestion-list">
        {shown.map((s) => (
          <SuggestionCard
            key={s.key}
            suggestion={s}
            documentId={props.documentId}
            body={props.body}
            kinds={props.kinds}
            onShow={props.onShow}
            onAccepted={props.onAccepted}
            onOpenItem={props.onOpenItem}
          />
        ))}
      </ul>
      {stored && (
        <DatedMentions
          documentId={props.documentId}
          body={props.body}
          mentions={[...stored.extraction.temporal, ...stored.extraction.stages]}
          onShow={props.onShow}
        />
      )}
    </aside>
  );
}
