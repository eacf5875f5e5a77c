// Item tables and timeline sections in words: what each cell of a row says, in the brief's
// language, so the three formats print the same table. Pure.
import { markedTitle } from './citation';
import { formatDateRange, type BriefLanguage } from './dates';
import { briefLabels } from './labels';
import type { ItemRow } from './model';
import type { TimelineSectionEntry } from './serialized';

/** An item table row's cells, as text; the source cell is followed by the row's note reference. */
export interface ItemRowText {
  kind: string;
  text: string;
  owners: string;
  deadline: string;
  status: string;
  /** The source document's title in title marks, or '' when the item has no source. */
  source: string;
}

export function itemRowText(
  row: ItemRow,
  language: BriefLanguage,
  kindLabels: Readonly<Record<string, string>>,
): ItemRowText {
  const labels = briefLabels(language);
  const title = row.source ? markedTitle(row.source.title, language) : '';
  return {
    kind: kindLabels[row.kind] ?? labels.kinds[row.kind] ?? row.kind,
    text: row.text,
    owners: row.owners.join(labels.listSeparator),
    deadline: row.deadline ? formatDateRange(row.deadline, language) : '',
    status: labels.status[row.status],
    source: title && labels.titleOpen + title + labels.titleClose,
  };
}

/** The column heads of an item table, in the order of ItemRowText. */
export const itemColumns = (language: BriefLanguage): string[] => {
  const c = briefLabels(language).itemColumns;
  return [c.kind, c.text, c.owners, c.deadline, c.status, c.source];
};

/** A timeline entry's date (at its precision), label and details (kind, status, document). */
export interface TimelineEntryText {
  date: string;
  label: string;
  details: string;
}

export function timelineEntryText(entry: TimelineSectionEntry, language: BriefLanguage): TimelineEntryText {
  const labels = briefLabels(language);
  const parts = [labels.entryKinds[entry.kind], ...(entry.status ? [labels.status[entry.status]] : [])];
  return {
    date: formatDateRange(entry.date, language),
    label: entry.label,
    details: labels.entryDetails(
      parts,
      entry.documentTitle?.trim() ? markedTitle(entry.documentTitle, language) : undefined,
    ),
  };
}

/** The caption of a timeline section: the range of days it covers. */
export const timelineCaption = (range: { from: string; to: string }, language: BriefLanguage): string =>
  briefLabels(language).timelineCaption(formatDateRange({ ...range, precision: 'day' }, language));
