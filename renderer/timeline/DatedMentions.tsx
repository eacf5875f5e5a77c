// The dates the extraction found in the open document (2019年6月底, 年底, 十三五…), listed in
// the reader's Suggestions tab: Pin puts one on the timeline as an event (its words
// highlighted, its sentence as the title); a pinned one offers "Show on timeline".
import { useMemo, useState } from 'react';
import type { AnchorText } from '../../shared/anchoring/passage';
import type { TemporalMention } from '../../shared/extract/types';
import { datedMentions, mentionTitle, pinnedEvents } from '../../shared/timeline/pins';
import { useRepository } from '../app/repository-context';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../ui/toasts';
import { formatRange } from './format';
import { showOnTimeline } from './timeline-query';

const CONTEXT = 14;

export function DatedMentions(props: {
  documentId: string;
  body: AnchorText;
  mentions: readonly TemporalMention[];
  onShow: (passage: { start: number; end: number }) => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const { documentId, body } = props;
  const [open, setOpen] = useState(false);
  const events = useLive(() => repository.events.forDocument(documentId), [repository, documentId]);
  const annotations = useLive(() => repository.annotations.forDocument(documentId), [repository, documentId]);
  const dated = useMemo(
    () => datedMentions(props.mentions).sort((a, b) => a.mention.start - b.mention.start),
    [props.mentions],
  );
  const pinned = useMemo(() => {
    const at = new Map((annotations ?? []).map((a) => [a.id, a.target.position]));
    const pins = (events ?? []).flatMap((e) => {
      const position = e.annotationId ? at.get(e.annotationId) : undefined;
      return position ? [{ eventId: e.id, start: position.start, end: position.end }] : [];
    });
    return pinnedEvents(
      dated.map((d) => d.mention),
      pins,
    );
  }, [dated, events, annotations]);

  /** A few words after the mention, to tell apart the many 今年 of a text. */
  const after = (mention: TemporalMention) => {
    const rest = body.text.slice(mention.end, mention.end + CONTEXT).split(/[。！？；\n]/)[0]!;
    return rest.length === CONTEXT ? `${rest}…` : rest;
  };

  const pin = async (index: number) => {
    const { mention, date } = dated[index]!;
    const { annotation, event, highlighted } = await repository.events.fromPassage(
      { documentId, start: mention.start, end: mention.end, color: 'purple' },
      body,
      { title: mentionTitle(body.text, mention), date },
    );
    toast(t('pinnedToast', { text: mention.text }), async () => {
      await repository.events.remove(event.id);
      // The highlight was made for the pin: it goes with it (one that was there already stays).
      if (highlighted) await repository.annotations.remove(annotation.id);
    });
  };

  return (
    <details className="dated-mentions" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('datedMentions')} <span className="count">{dated.length}</span>
      </summary>
      {open && (
        <>
          <p className="muted hint">{dated.length > 0 ? t('datedMentionsHint') : t('datedMentionsNone')}</p>
          <ul className="dated-mention-list">
            {dated.map(({ mention, date }, i) => {
              const eventId = pinned[i];
              return (
                <li key={`${mention.start}:${mention.end}`} data-mention={mention.text} data-pinned={!!eventId}>
                  <button type="button" className="mention" onClick={() => props.onShow(mention)}>
                    <span className="words" lang="zh">
                      {mention.text}
                      <span className="context">{after(mention)}</span>
                    </span>
                    <span className="muted when">{formatRange(date, t)}</span>
                  </button>
                  {eventId ? (
                    <button
                      type="button"
                      className="link"
                      data-action="show-on-timeline"
                      onClick={() => showOnTimeline(`event:${eventId}`)}
                    >
                      {t('showOnTimeline')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      data-action="pin-date"
                      aria-label={t('pinDateOf', { text: mention.text })}
                      onClick={() => void pin(i)}
                    >
                      {t('pinDate')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </details>
  );
}
