// "Draft a brief": from a document (the reader), from items (the items view: the selected ones,
// else the filter) or from a range of the timeline (the filter's dates, else the days in view).
// The draft (shared/brief/draft.ts) is stored as a new brief, which then opens in the editor.
import { useState } from 'react';
import type { DraftSource } from '../../shared/brief/draft';
import { tableFilterOf } from '../../shared/brief/item-rows';
import { EMPTY_ITEM_FILTER, isEmptyFilter, type ItemFilter } from '../../shared/model/item-filters';
import { dayString } from '../../shared/timeline/dates';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import type { Repository } from '../db/repository';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/strings';
import { useToast } from '../ui/toasts';

/** The items view's draft: the selected items when there are any, else the items the filter shows. */
export function itemsDraft(filter: ItemFilter, selected: readonly string[]): DraftSource {
  return {
    kind: 'items',
    filter: selected.length > 0 ? tableFilterOf(EMPTY_ITEM_FILTER, selected) : tableFilterOf(filter),
  };
}

/**
 * The timeline's draft: the days of the filter's date range (either end, when set), else the days
 * in view, with the timeline's other filters; null before the timeline has a view.
 */
export function timelineDraft(
  filter: ItemFilter,
  visible: { start: number; end: number } | undefined,
): DraftSource | null {
  const from = filter.deadlineFrom || (visible ? dayString(Math.floor(visible.start)) : '');
  const to = filter.deadlineTo || (visible ? dayString(Math.ceil(visible.end) - 1) : '');
  if (!from || !to || from > to) return null;
  const rest: ItemFilter = { ...filter, deadlineFrom: '', deadlineTo: '' };
  return { kind: 'timeline', range: { from, to }, ...(!isEmptyFilter(rest) && { filter: tableFilterOf(rest) }) };
}

/** Drafts a brief from `source`, stores it and opens it; the new brief's id. */
export async function draftBrief(repository: Repository, source: DraftSource, language: Language): Promise<string> {
  const draft = await repository.briefData.draft(source, { language });
  const brief = await repository.briefs.create({ title: draft.title, content: JSON.stringify(draft.content) });
  navigate({ screen: 'briefs', briefId: brief.id });
  return brief.id;
}

/** The button: `source` is asked when it is pressed (the selection, the filter or the range then). */
export function DraftBriefButton(props: { source: () => DraftSource | null; title: string; className?: string }) {
  const { t, language } = useI18n();
  const repository = useRepository();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    const source = props.source();
    if (!source || busy) return;
    setBusy(true);
    draftBrief(repository, source, language)
      .catch((e: unknown) => toast(t('briefDraftFailed', { error: e instanceof Error ? e.message : String(e) })))
      .finally(() => setBusy(false));
  };
  return (
    <button
      type="button"
      className={props.className}
      data-action="draft-brief"
      title={props.title}
      disabled={busy}
      aria-busy={busy || undefined}
      onClick={onClick}
    >
      {busy ? t('briefDrafting') : t('briefDraft')}
    </button>
  );
}
