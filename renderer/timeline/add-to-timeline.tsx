// "Add to timeline" for a selection in the reader: an event prefilled from the passage (its
// words as the title; the date of a dated mention inside it, else the deadline the extraction
// rules read from its context, else the document's publication date), made with a highlight
// of the passage in one step.
import { useCallback, useState, type ReactNode } from 'react';
import type { AnchorText } from '../../shared/anchoring/passage';
import { describePassage } from '../../shared/extract/extract';
import type { TemporalMention } from '../../shared/extract/types';
import { mentionRange } from '../../shared/model/items';
import type { DateRange, DocumentMeta } from '../../shared/model/types';
import { rangeFor } from '../../shared/timeline/dates';
import { selectionDraft } from '../../shared/timeline/pins';
import { useRepository } from '../app/repository-context';
import { extractClient } from '../extract/extract-client';
import { publishedDay } from '../extract/refresh';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../ui/toasts';
import { EventDialog, type EventDraft } from './EventDialog';
import { showOnTimeline } from './timeline-query';

interface Pending {
  start: number;
  end: number;
  quote: string;
  draft: EventDraft;
}

export function useAddToTimeline(args: {
  documentId: string;
  meta: DocumentMeta | null | undefined;
  body: AnchorText | null | undefined;
  /** The document's dated mentions (its stored extraction), if read. */
  mentions: readonly TemporalMention[] | undefined;
}): { open: (range: { start: number; end: number }) => Promise<void>; dialog: ReactNode } {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const { documentId, meta, body, mentions } = args;
  const [pending, setPending] = useState<Pending | null>(null);

  /** What the rules read from the passage's context: its deadline, else its first milestone. */
  const contextDate = useCallback(
    async (start: number, end: number): Promise<DateRange | null> => {
      if (!body) return null;
      const context = { published: meta ? publishedDay(meta) : null };
      const passage = await extractClient()
        .describe(body.text, start, end, context)
        .catch(() => describePassage(body.text, start, end, context));
      const mention = passage.deadline ?? passage.milestones[0];
      return mention ? mentionRange(mention) : null;
    },
    [body, meta],
  );

  const open = useCallback(
    async (range: { start: number; end: number }) => {
      if (!body) return;
      const published = meta?.published ? rangeFor(meta.published.from, 'day', meta.published.text) : null;
      const draft = selectionDraft(body.text, range, mentions ?? []);
      const date = draft.date ?? (await contextDate(range.start, range.end)) ?? published;
      setPending({ ...range, quote: body.text.slice(range.start, range.end), draft: { ...draft, date, note: null } });
    },
    [body, meta, mentions, contextDate],
  );

  const dialog = pending && body && (
    <EventDialog
      heading={t('eventFromSelection')}
      submitLabel={t('eventAdd')}
      showLabel={t('eventAddAndShow')}
      quote={pending.quote}
      initial={pending.draft}
      onClose={() => setPending(null)}
      onSubmit={async (fields, andShow) => {
        const { event } = await repository.events.fromPassage(
          { documentId, start: pending.start, end: pending.end, color: 'purple' },
          body,
          fields,
        );
        if (andShow) showOnTimeline(`event:${event.id}`);
        else toast(t('eventAdded', { title: event.title }));
      }}
    />
  );
  return { open, dialog };
}
