// The editors of an item's fields, shared by the item editor (which saves each change) and
// a suggestion edited before it is accepted (which keeps the changes until Accept). Each
// is controlled: it shows a value and reports the next one.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { aliasTable, normalizeOwner } from '../../../shared/extract/aliases';
import { currentOwnerName } from '../../../shared/model/owners';
import type {
  DatePrecision,
  DateRange,
  ItemDeadline,
  ItemKindDefinition,
  ItemOwner,
  ItemStatus,
  QuantityTarget,
  StatusChange,
} from '../../../shared/model/types';
import { ITEM_STATUSES } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import { useLive } from '../../db/live';
import { useI18n } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import { parseTags } from '../tags';
import { editDeadline } from './deadline-edit';
import { kindDefinition, kindLabel } from './kinds';
import { parseTarget } from './targets';

const PRECISIONS: DatePrecision[] = ['day', 'month', 'quarter', 'half', 'year'];

/** A labelled row of the editor; the label names the group for screen readers. */
export function Field(props: { label: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={`item-field${props.className ? ` ${props.className}` : ''}`} role="group" aria-labelledby={id}>
      <span className="field-label" id={id}>
        {props.label}
      </span>
      <div className="field-body">{props.children}</div>
    </div>
  );
}

/** The kind's name on a chip in its colour. */
export function KindBadge({ kind }: { kind: ItemKindDefinition }) {
  const { t } = useI18n();
  return <span className={`kind-badge ink-${kind.color}`}>{kindLabel(kind, t)}</span>;
}

export function KindSelect(props: {
  value: string;
  kinds: readonly ItemKindDefinition[];
  onChange: (kind: ItemKindDefinition) => void;
}) {
  const { t } = useI18n();
  const kinds = props.kinds.some((k) => k.id === props.value)
    ? props.kinds
    : [...props.kinds, kindDefinition(props.kinds, props.value)];
  return (
    <select
      className="kind-select"
      aria-label={t('itemKind')}
      value={props.value}
      onChange={(e) => props.onChange(kindDefinition(kinds, e.target.value))}
    >
      {kinds.map((k) => (
        <option key={k.id} value={k.id}>
          {kindLabel(k, t)}
        </option>
      ))}
    </select>
  );
}

/** A text box that adds what is typed on Enter (or on leaving it), then empties. */
function AddInput(props: { label: string; placeholder: string; onAdd: (text: string) => void }) {
  const [text, setText] = useState('');
  const add = () => {
    if (text.trim()) props.onAdd(text.trim());
    setText('');
  };
  return (
    <input
      className="chip-input"
      lang="zh"
      aria-label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={add}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          add();
        } else if (e.key === 'Escape' && text) {
          e.stopPropagation();
          setText('');
        }
      }}
    />
  );
}

export function OwnersField(props: { owners: ItemOwner[]; onChange: (owners: ItemOwner[]) => void }) {
  const { t } = useI18n();
  const repository = useRepository();
  const aliases = useLive(() => repository.ownerAliases.get(), [repository]);
  // The table extraction uses: built-in aliases and the analyst's own (theirs win).
  const table = useMemo(() => aliasTable(aliases ?? {}), [aliases]);
  const { owners, onChange } = props;
  const set = (index: number, owner: ItemOwner | null) =>
    onChange(owner ? owners.map((o, i) => (i === index ? owner : o)) : owners.filter((_, i) => i !== index));
  return (
    <Field label={t('owners')}>
      <ul className="chips">
        {owners.map((owner, index) => {
          // Named as the items view names it: under the current alias table.
          const name = currentOwnerName(owner, table);
          return (
            <li key={`${owner.asWritten}:${index}`} className="chip owner-chip">
              <span lang="zh" title={name}>
                {owner.asWritten}
              </span>
              {name !== owner.asWritten && (
                <span className="muted normalized" lang="zh">
                  {name}
                </span>
              )}
              <select
                aria-label={t('ownerRole', { name: owner.asWritten })}
                value={owner.role}
                onChange={(e) => set(index, { ...owner, role: e.target.value as ItemOwner['role'] })}
              >
                <option value="lead">{t('role_lead')}</option>
                <option value="responsible">{t('role_responsible')}</option>
              </select>
              <button
                type="button"
                className="icon"
                aria-label={t('ownerRemove', { name: owner.asWritten })}
                title={t('ownerRemove', { name: owner.asWritten })}
                onClick={() => set(index, null)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <AddInput
        label={t('ownerAdd')}
        placeholder={t('ownerPlaceholder')}
        onAdd={(name) =>
          onChange([...owners, { asWritten: name, normalized: normalizeOwner(name, table), role: 'responsible' }])
        }
      />
    </Field>
  );
}

/** "6月底 → 2019-06-30" */
const rangeText = (range: DateRange) =>
  range.from !== range.to && range.precision !== 'day' ? `${range.from} – ${range.to}` : range.to;

export function DeadlineField(props: {
  deadline: ItemDeadline | null;
  milestones: DateRange[];
  onChange: (deadline: ItemDeadline | null) => void;
}) {
  const { t } = useI18n();
  const { deadline, onChange } = props;
  return (
    <Field label={t('deadline')} className="deadline-field">
      <div className="deadline-row">
        <input
          type="date"
          aria-label={t('deadlineDay')}
          value={deadline?.to ?? ''}
          onChange={(e) => onChange(editDeadline(deadline, { to: e.target.value }))}
        />
        <select
          aria-label={t('precision')}
          value={deadline?.precision ?? 'day'}
          disabled={!deadline}
          onChange={(e) => onChange(editDeadline(deadline, { precision: e.target.value as DatePrecision }))}
        >
          {PRECISIONS.map((p) => (
            <option key={p} value={p}>
              {t(`precision_${p}` as StringKey)}
            </option>
          ))}
        </select>
        {deadline && (
          <button
            type="button"
            className="icon"
            aria-label={t('deadlineClear')}
            title={t('deadlineClear')}
            onClick={() => onChange(null)}
          >
            ×
          </button>
        )}
      </div>
      <p className="field-note" data-field="deadline-source">
        {deadline ? (
          <>
            {deadline.precision !== 'day' && <span>{rangeText(deadline)} · </span>}
            {deadline.text && (
              <span lang="zh">
                {t('deadlineFrom', { text: deadline.text })}
                {' · '}
              </span>
            )}
            <span>{t(`deadlineOrigin_${deadline.origin}` as StringKey)}</span>
          </>
        ) : (
          t('noDeadline')
        )}
      </p>
      {props.milestones.length > 0 && (
        <div className="milestones">
          <span className="field-label">{t('milestones')}</span>
          <ul>
            {props.milestones.map((m, i) => (
              <li key={i}>
                <span lang="zh">{m.text}</span> → {rangeText(m)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}

export function TargetsField(props: { targets: QuantityTarget[]; onChange: (targets: QuantityTarget[]) => void }) {
  const { t } = useI18n();
  const { targets, onChange } = props;
  return (
    <Field label={t('targets')}>
      <ul className="chips">
        {targets.map((target, index) => (
          <li key={`${target.text}:${index}`} className="chip" lang="zh">
            {target.text}
            <button
              type="button"
              className="icon"
              aria-label={t('targetRemove', { text: target.text })}
              title={t('targetRemove', { text: target.text })}
              onClick={() => onChange(targets.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <AddInput
        label={t('targetAdd')}
        placeholder={t('targetPlaceholder')}
        onAdd={(text) => onChange([...targets, parseTarget(text)])}
      />
    </Field>
  );
}

/** A one-line text field saved when the analyst leaves it or presses Enter (keyed by its value, so a change from elsewhere shows). */
function CommitInput(props: { label: string; value: string; placeholder?: string; onCommit: (value: string) => void }) {
  const [text, setText] = useState(props.value);
  return (
    <input
      lang="zh"
      aria-label={props.label}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== props.value && props.onCommit(text)}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
    />
  );
}

export function CategoryField(props: { value: string | null; onChange: (category: string | null) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t('category')}>
      <CommitInput
        key={props.value ?? ''}
        label={t('category')}
        value={props.value ?? ''}
        placeholder={t('categoryPlaceholder')}
        onCommit={(text) => props.onChange(text.trim() || null)}
      />
    </Field>
  );
}

export function TagsField(props: { tags: string[]; onChange: (tags: string[]) => void }) {
  const { t } = useI18n();
  return (
    <Field label={t('tags')}>
      <CommitInput
        key={props.tags.join(', ')}
        label={t('tags')}
        value={props.tags.join(', ')}
        placeholder={t('tagsPlaceholder')}
        onCommit={(text) => props.onChange(parseTags(text))}
      />
    </Field>
  );
}

export function StatusField(props: {
  status: ItemStatus;
  history: StatusChange[];
  onChange: (status: ItemStatus) => void;
}) {
  const { t, language } = useI18n();
  const when = (at: string) =>
    new Date(at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Field label={t('status')} className="status-field">
      <select
        aria-label={t('status')}
        value={props.status}
        data-status={props.status}
        onChange={(e) => props.onChange(e.target.value as ItemStatus)}
      >
        {ITEM_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status_${s}` as StringKey)}
          </option>
        ))}
      </select>
      <details className="status-history">
        <summary>
          {t('statusHistory')} ({props.history.length})
        </summary>
        <ol>
          {[...props.history].reverse().map((change, i) => (
            <li key={i}>
              <span>{t(`status_${change.status}` as StringKey)}</span>{' '}
              <time dateTime={change.at} className="muted">
                {when(change.at)}
              </time>
            </li>
          ))}
        </ol>
      </details>
    </Field>
  );
}
