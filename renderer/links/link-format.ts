// How links read in the UI: their labels from either end, the kinds of records they join, and
// where following one goes (the other end's passage, item or document in the reader).
import type { LinkLabel, LinkProblem } from '../../shared/model/links';
import type { LinkEndKind } from '../../shared/model/types';
import { navigate } from '../app/route';
import type { ResolvedEnd } from '../db/links';
import type { Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';

export const linkLabelText = (label: LinkLabel, t: Translate): string =>
  t(`linkLabel_${label.replace(/-/g, '_')}` as StringKey);

export const linkKindText = (kind: LinkEndKind, t: Translate): string => t(`linkKind_${kind}` as StringKey);

export function linkProblemText(problem: LinkProblem, t: Translate): string {
  if (problem === 'missing-from' || problem === 'missing-to') return t('linkProblem_missing');
  return t(`linkProblem_${problem}` as StringKey);
}

/** "1 link", "3 links" (条关联 in Chinese). */
export const linkCount = (count: number, t: Translate): string =>
  count === 1 ? t('linkCountOne') : t('linkCountMany', { count: count.toLocaleString() });

/** A record's text cut for a list row. */
export const shortLabel = (text: string, length = 60): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
};

/** Whether a record can be opened in the reader (it belongs to a document). */
export const canFollow = (record: ResolvedEnd): boolean => record.exists && record.documentId !== null;

/** Opens the record at the other end of a link: its passage (a highlight, an item's), else its document. */
export function followRecord(record: ResolvedEnd): void {
  if (!canFollow(record)) return;
  navigate({ screen: 'reader', documentId: record.documentId!, annotationId: record.annotationId ?? undefined });
}

/** The year (or day) a record is dated by, as a chain shows it. */
export const chainDate = (date: string | null): string => date ?? '—';
