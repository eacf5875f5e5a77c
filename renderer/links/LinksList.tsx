// Backlinks: the links of a passage or item from both sides — what it fulfils, updates,
// contradicts, and what fulfils, updates, contradicts it — each with the record at the other
// end (click to open it at its passage), its note, and Edit / Remove (with Undo). And an item's
// history across documents: the chain of records its updates / fulfils / contradicts links
// reach, oldest first.
import { useState } from 'react';
import {
  endKey,
  LINK_CHOICES,
  linkLabel,
  linkSides,
  orientLink,
  parseEndKey,
  sameEnd,
  type LinkEnd,
  type LinkSide,
} from '../../shared/model/links';
import type { LinkRecord } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { LinkError, type ResolvedEnd } from '../db/links';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import { TrashIcon } from '../ui/icons';
import { useToast } from '../ui/toasts';
import {
  canFollow,
  chainDate,
  followRecord,
  linkKindText,
  linkLabelText,
  linkProblemText,
  shortLabel,
} from './link-format';

/** The links around some records and the records at their other ends, read in one live query. */
export interface LinkData {
  links: LinkRecord[];
  records: Map<string, ResolvedEnd>;
}

/** A record at a link's far end: its kind, its text (a button that opens it), its document. */
function OtherEnd(props: { record: ResolvedEnd | undefined; end: LinkEnd; documentId?: string | null }) {
  const { t } = useI18n();
  const { record } = props;
  const label = record?.label ? shortLabel(record.label, 48) : '…';
  return (
    <>
      <span className={`link-kind link-kind-${props.end.kind}`}>{linkKindText(props.end.kind, t)}</span>
      {record && canFollow(record) ? (
        <button
          type="button"
          className="link-follow"
          lang="zh"
          title={t('linkFollow', { title: shortLabel(record.label, 80) })}
          onClick={() => followRecord(record)}
        >
          {label}
        </button>
      ) : (
        <span className="link-follow static" lang="zh">
          {label}
        </span>
      )}
      {record && record.end.kind !== 'document' && record.documentId !== props.documentId && (
        <span className="muted link-doc" lang="zh">
          {record.documentTitle ? shortLabel(record.documentTitle, 28) : t('linkNowhere')}
        </span>
      )}
    </>
  );
}

function LinkRow(props: { side: LinkSide; record: ResolvedEnd | undefined; documentId?: string | null }) {
  const { side, record } = props;
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const [editing, setEditing] = useState<{ choice: number; note: string; error: string | null } | null>(null);
  const label = linkLabel(side.link.type, side.direction);
  const title = shortLabel(record?.label ?? '', 40);

  const remove = async () => {
    const removed = await repository.links.remove(side.link.id);
    if (removed) toast(t('linkRemoved'), () => repository.links.restore(removed));
  };

  const save = async () => {
    if (!editing) return;
    const choice = LINK_CHOICES[editing.choice]!;
    try {
      await repository.links.update(side.link.id, { ...orientLink(side.self, side.other, choice), note: editing.note });
      setEditing(null);
      toast(t('linkSaved'));
    } catch (e) {
      if (e instanceof LinkError) setEditing({ ...editing, error: linkProblemText(e.problem, t) });
      else throw e;
    }
  };

  return (
    <li className="link-row" data-link-id={side.link.id} data-label={label} data-other={endKey(side.other)}>
      <div className="link-line">
        <span className={`link-label link-type-${side.link.type}`}>{linkLabelText(label, t)}</span>
        <OtherEnd record={record} end={side.other} documentId={props.documentId} />
        <span className="link-actions">
          <button
            type="button"
            className="icon"
            aria-label={t('linkEdit', { title })}
            title={t('linkEditShort')}
            aria-expanded={editing !== null}
            onClick={() =>
              setEditing(
                editing
                  ? null
                  : {
                      choice: Math.max(
                        0,
                        LINK_CHOICES.findIndex((c) => c.type === side.link.type && c.direction === side.direction),
                      ),
                      note: side.link.note ?? '',
                      error: null,
                    },
              )
            }
          >
            ✎
          </button>
          <button
            type="button"
            className="icon"
            data-action="remove-link"
            aria-label={t('linkRemove', { title })}
            title={t('linkRemove', { title })}
            onClick={() => void remove()}
          >
            <TrashIcon />
          </button>
        </span>
      </div>
      {side.link.note && !editing && (
        <p className="link-note" lang="zh">
          {side.link.note}
        </p>
      )}
      {editing && (
        <form
          className="link-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setEditing(null);
          }}
        >
          <select
            aria-label={t('linkPickerType')}
            value={editing.choice}
            onChange={(e) => setEditing({ ...editing, choice: Number(e.target.value), error: null })}
          >
            {LINK_CHOICES.map((c, i) => (
              <option key={i} value={i}>
                {linkLabelText(c.label, t)}
              </option>
            ))}
          </select>
          <input
            lang="zh"
            aria-label={t('linkPickerNote')}
            placeholder={t('linkPickerNote')}
            value={editing.note}
            onChange={(e) => setEditing({ ...editing, note: e.target.value })}
          />
          <button type="submit" className="primary">
            {t('save')}
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            {t('cancel')}
          </button>
          {editing.error && (
            <p className="link-picker-error" role="alert">
              {editing.error}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

/** The links of these records (a highlight and its item), from both sides. */
export function LinksList(props: { ends: readonly LinkEnd[]; data: LinkData | undefined; documentId?: string | null }) {
  const { t } = useI18n();
  const sides = linkSides(props.ends, props.data?.links ?? []);
  if (sides.length === 0) return null;
  return (
    <section className="links-list" aria-label={t('links')} onClick={(e) => e.stopPropagation()}>
      <h4>
        {t('links')} <span className="count">{sides.length}</span>
      </h4>
      <ul>
        {sides.map((side) => (
          <LinkRow
            key={side.link.id}
            side={side}
            record={props.data?.records.get(endKey(side.other))}
            documentId={props.documentId}
          />
        ))}
      </ul>
    </section>
  );
}

/** Loads the links around some records (a live query): for places that show one record's links. */
export function useLinkData(ends: readonly LinkEnd[]): LinkData | undefined {
  const repository = useRepository();
  const key = ends.map(endKey).join(' ');
  return useLive(() => repository.links.around(key ? key.split(' ').map(parseEndKey) : []), [repository, key]);
}

/**
 * An item's (or a passage's) history across documents: a small chain, oldest first, e.g. a
 * 2019 commitment → a 2021 progress report (updates) → a 2022 completion report (fulfils).
 * Shown when there is a history to show.
 */
export function HistoryChain(props: { start: LinkEnd }) {
  const { t } = useI18n();
  const repository = useRepository();
  const key = endKey(props.start);
  const chain = useLive(() => repository.links.chain(parseEndKey(key)), [repository, key]);
  if (!chain || chain.length < 2) return null;
  return (
    <section className="history-chain" aria-label={t('historyTitle')} onClick={(e) => e.stopPropagation()}>
      <h4 title={t('historyHint')}>{t('historyTitle')}</h4>
      <ol>
        {chain.map((step) => {
          const self = sameEnd(step.end, chain.find((s) => s.via === null)!.end);
          return (
            <li
              key={endKey(step.end)}
              className={self ? 'self' : undefined}
              aria-current={self ? 'true' : undefined}
              data-end={endKey(step.end)}
              data-label={step.via?.label ?? ''}
            >
              <span className="chain-date">{chainDate(step.date)}</span>
              <span className="chain-body">
                <OtherEnd record={step.record} end={step.end} />
                {step.via ? (
                  <span className={`link-label link-type-${step.via.link.type}`}>
                    {linkLabelText(step.via.label, t)}
                  </span>
                ) : (
                  <span className="badge">{t('historyThis')}</span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
