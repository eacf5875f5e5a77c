// "Add to brief" on a highlight's card in the reader: the passage goes, as a quote with its
// citation, to the end of the brief edited last (or a new brief when there is none). The toast
// names the brief, opens it, and can undo.
import type { BriefRecord } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import type { Repository } from '../db/repository';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../ui/toasts';
import { quoteNodeJSON } from './citation';

export interface AddedToBrief {
  brief: BriefRecord;
  /** The brief as it was before (null: it was made for this quote). */
  before: BriefRecord | null;
}

/** Appends a quote of the highlight to the latest brief (or a new one titled `newTitle`). */
export async function addQuoteToBrief(
  repository: Repository,
  annotationId: string,
  newTitle: string,
): Promise<AddedToBrief | null> {
  const source = await repository.quoteSources.get(annotationId);
  if (!source) return null;
  const before = (await repository.briefs.latest()) ?? null;
  const target = before ?? (await repository.briefs.create({ title: newTitle }));
  const brief = await repository.briefs.appendBlocks(target.id, [quoteNodeJSON(source.annotation, source.document)]);
  return { brief, before };
}

const ICON = {
  width: 16,
  height: 16,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

export function AddToBriefButton({ annotationId }: { annotationId: string }) {
  const { t, language } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const add = async () => {
    const today = new Date().toLocaleDateString(language === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' });
    const added = await addQuoteToBrief(repository, annotationId, t('briefNewFromQuote', { date: today }));
    if (!added) return;
    const { brief, before } = added;
    const title = brief.title || t('briefUntitled');
    toast(
      before ? t('briefQuoteAdded', { title }) : t('briefQuoteAddedNew', { title }),
      () => (before ? repository.briefs.restore({ brief: before }) : void repository.briefs.remove(brief.id)),
      { label: t('briefOpen'), run: () => navigate({ screen: 'briefs', briefId: brief.id }) },
    );
  };
  // An icon: the card's row already holds the colours, the tags and Link….
  return (
    <button
      type="button"
      className="icon add-to-brief"
      data-action="add-to-brief"
      aria-label={t('briefAdd')}
      title={`${t('briefAdd')} — ${t('briefAddHint')}`}
      onClick={(e) => {
        e.stopPropagation();
        void add();
      }}
    >
      <svg {...ICON}>
        <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5M12 11v6M9 14h6" />
      </svg>
    </button>
  );
}
