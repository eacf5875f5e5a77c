// The preview of a timeline entry: what it is (kind, title, status, owners, dates and the
// words they came from), the passage it comes from, its links and history across documents,
// and the way to its passage in the reader. Events can be edited and deleted here. Link…
// links it to any record (the link picker); its handle can be dragged onto another entry.
import { useState } from 'react';
import type { LinkEnd } from '../../shared/model/links';
import {
  ITEM_STATUSES,
  type DocumentMeta,
  type EventRecord,
  type ItemKindDefinition,
  type ItemRecord,
  type ItemStatus,
} from '../../shared/model/types';
import type { TimelineEntry } from '../../shared/timeline/entries';
import { useRepository } from '../app/repository-context';
import { useLive } from '../db/live';
import type { ResolvedChainStep } from '../db/links';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { deadlineTooltip, ownersLeadFirst, targetsText } from '../items/item-format';
import { linkCount } from '../links/link-format';
import { LinksList, useLinkData } from '../links/LinksList';
import { OpenIcon } from '../ui/icons';
import { entryKindLabel, formatRange, linkLabelText } from './format';
import { OwnerNames } from '../items/OwnerNames';

const QUOTE_SHOWN = 280;

export function EntryPreview(props: {
  entry: TimelineEntry;
  item: ItemRecord | undefined;
  event: EventRecord | undefined;
  document: DocumentMeta | undefined;
  documentTitle: string | undefined;
  kinds: ReadonlyMap<string, ItemKindDefinition>;
  chain: readonly ResolvedChainStep[];
  onOpenPassage: (entry: TimelineEntry) => void;
  onOpenChainStep: (step: ResolvedChainStep) => void;
  onEdit: (event: EventRecord) => void;
  /** Deletes the event; its links are removed, or kept on its passage (else its document). */
  onDelete: (event: EventRecord, keepLinks: boolean) => void;
  /** Link… : the link picker with this entry as one end. */
  onLink: (entry: TimelineEntry) => void;
  /** A pointer-down on the link handle: dragging it onto another entry links the two. */
  onLinkDrag: (entry: TimelineEntry, event: React.PointerEvent) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const repository = useRepository();
  const { entry, item, event } = props;
  const annotationId = entry.annotationId;
  const passages = useLive(
    () => (annotationId ? repository.timeline.passages([annotationId]) : Promise.resolve([])),
    [repository, annotationId],
  );
  const quote = passages?.[0]?.target.quote.exact;
  const owners = item ? ownersLeadFirst(item.owners) : [];
  const canOpen = entry.documentId !== null && (entry.kind === 'document' || props.documentTitle !== undefined);
  const kindLabel = entryKindLabel(entry, props.kinds, t);
  const color = item ? (props.kinds.get(item.kind)?.color ?? 'purple') : null;
  // Its links from both sides (an item's and its highlights', as on its card in the reader).
  const ends: LinkEnd[] = [
    { kind: entry.kind, id: entry.id },
    ...(item?.annotationIds ?? []).map((id) => ({ kind: 'annotation' as const, id })),
  ];
  const linkData = useLinkData(ends);
  const [confirming, setConfirming] = useState(false);
  /** The event's own links: deleting it asks whether they go too. */
  const eventLinks = event
    ? (linkData?.links.filter(
        (l) => (l.from.kind === 'event' && l.from.id === event.id) || (l.to.kind === 'event' && l.to.id === event.id),
      ).length ?? 0)
    : 0;

  return (
    <aside className="timeline-preview" aria-label={t('previewLabel', { title: entry.title })} data-key={entry.key}>
      <header>
        <span
          className={`kind-badge ${color ? `ink-${color}` : entry.kind === 'document' ? 'ink-neutral' : 'ink-pink'}`}
        >
          {kindLabel}
        </span>
        {entry.state === 'overdue' && <span className="overdue-flag">{t('itemsOverdue')}</span>}
        <span className="spacer" />
        <button
          type="button"
          className="icon"
          aria-label={t('previewClose')}
          title={t('previewClose')}
          onClick={props.onClose}
        >
          ×
        </button>
      </header>
      <h2 lang="zh">{entry.title}</h2>
      <dl className="preview-fields">
        <dt>{entry.kind === 'item' ? t('deadline') : entry.kind === 'document' ? t('colDate') : t('eventDate')}</dt>
        <dd data-field="date">
          <span title={item?.deadline ? deadlineTooltip(item.deadline, t) : undefined}>{formatRange(entry, t)}</span>{' '}
          <span className="muted">
            · {t(`precision_${entry.precision}` as StringKey)}
            {entry.text && (
              <>
                {' '}
                · <span lang="zh">{t('deadlineFrom', { text: entry.text })}</span>
              </>
            )}
          </span>
        </dd>
        {item && (
          <>
            <dt>{t('status')}</dt>
            <dd>
              <select
                className={`status-select status-${item.status}`}
                data-field="status"
                aria-label={t('status')}
                value={item.status}
                onChange={(e) => void repository.items.setStatus([item.id], e.target.value as ItemStatus)}
              >
                {ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status_${s}` as StringKey)}
                  </option>
                ))}
              </select>
            </dd>
            <dt>{t('owners')}</dt>
            <dd data-field="owners" lang="zh">
              <OwnerNames owners={owners} />
            </dd>
            {item.targets.length > 0 && (
              <>
                <dt>{t('targets')}</dt>
                <dd lang="zh">{targetsText(item.targets)}</dd>
              </>
            )}
            {item.category && (
              <>
                <dt>{t('category')}</dt>
                <dd lang="zh">{item.category}</dd>
              </>
            )}
            {item.tags.length > 0 && (
              <>
                <dt>{t('tags')}</dt>
                <dd lang="zh">{item.tags.join(', ')}</dd>
              </>
            )}
          </>
        )}
        {entry.kind !== 'document' && props.documentTitle && (
          <>
            <dt>{t('itemsColDocument')}</dt>
            <dd lang="zh">{props.documentTitle}</dd>
          </>
        )}
        {props.document?.source.site && (
          <>
            <dt>{t('site')}</dt>
            <dd lang="zh">{props.document.source.site}</dd>
          </>
        )}
      </dl>
      {quote && (
        <blockquote className="quote" lang="zh" data-field="quote">
          {quote.length > QUOTE_SHOWN ? `${quote.slice(0, QUOTE_SHOWN)}…` : quote}
        </blockquote>
      )}
      {event?.note && (
        <p className="preview-note" lang="zh">
          {event.note}
        </p>
      )}
      {item?.noteText && (
        <p className="preview-note" lang="zh">
          {item.noteText}
        </p>
      )}
      <div className="form-actions preview-actions">
        <button
          type="button"
          className="primary"
          data-action="open-passage"
          disabled={!canOpen}
          onClick={() => props.onOpenPassage(entry)}
        >
          <OpenIcon />{' '}
          {entry.kind === 'document' || !entry.annotationId ? t('previewOpenDocument') : t('itemsOpenPassage')}
        </button>
        <button
          type="button"
          data-action="link-entry"
          aria-haspopup="dialog"
          title={t('linkActionHint')}
          onClick={() => props.onLink(entry)}
        >
          {t('linkAction')}
        </button>
        <span
          className="link-handle"
          data-action="link-drag"
          title={t('previewLinkHandle')}
          aria-hidden
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            e.preventDefault();
            props.onLinkDrag(entry, e);
          }}
        >
          ⠿
        </span>
        {event && (
          <>
            <button type="button" data-action="edit-event" onClick={() => props.onEdit(event)}>
              {t('eventEdit')}
            </button>
            <button
              type="button"
              data-action="delete-event"
              onClick={() => (eventLinks > 0 ? setConfirming(true) : props.onDelete(event, false))}
            >
              {t('delete')}
            </button>
          </>
        )}
      </div>
      {event && confirming && (
        <div
          className="confirm-row"
          role="alertdialog"
          aria-label={t('delete')}
          onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}
        >
          <p>{t('eventDeleteLinksPrompt', { links: linkCount(eventLinks, t) })}</p>
          <div className="form-actions">
            <button
              className="primary"
              data-action="delete-remove-links"
              autoFocus
              onClick={() => props.onDelete(event, false)}
            >
              {t('deleteRemoveLinks')}
            </button>
            <button data-action="delete-keep-links" onClick={() => props.onDelete(event, true)}>
              {t('eventDeleteKeepLinks')}
            </button>
            <button onClick={() => setConfirming(false)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      <LinksList ends={ends} data={linkData} documentId={entry.documentId} />
      {props.chain.length > 1 && (
        <section className="preview-history" aria-label={t('timelineHistory')}>
          <h3>{t('timelineHistory')}</h3>
          <ol>
            {props.chain.map((step) => (
              <li key={`${step.end.kind}:${step.end.id}`} className={step.via ? '' : 'self'}>
                <span className="when">{step.date ?? '—'}</span>
                <span className="what">
                  {step.via && <span className="muted">{linkLabelText(step.via.label, t)} </span>}
                  <button type="button" className="link" lang="zh" onClick={() => props.onOpenChainStep(step)}>
                    {step.record.label || step.record.documentTitle || step.end.id}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}
