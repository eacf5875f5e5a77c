// How the timeline writes its entries, lanes and dates.
import type { DateRange, ItemKindDefinition } from '../../shared/model/types';
import { unitBounds } from '../../shared/timeline/dates';
import type { TimelineEntry } from '../../shared/timeline/entries';
import type { LaneGrouping, LaneLayout } from '../../shared/timeline/layout';
import type { Translate } from '../i18n/i18n';
import { LANGUAGES, type StringKey } from '../i18n/strings';
import { formatDeadline, kindName } from '../items/item-format';

/**
 * A date range as precise as its words: "2019", "2019 Q3", "2019-09-30"; a range over several
 * units gives both ends ("2016 – 2020", "2022-03-15 – 2022-03-17").
 */
export function formatRange(range: Pick<DateRange, 'from' | 'to' | 'precision'>, t: Translate): string {
  const last = formatDeadline(range, t);
  if (!range.from || range.from >= unitBounds(range.to, range.precision).from) return last;
  const first = formatDeadline({ to: range.from, precision: range.precision }, t);
  return first === last ? last : `${first} – ${last}`;
}

export const entryDate = (entry: TimelineEntry, t: Translate): string => formatRange(entry, t);

/** What kind of entry it is, in words: the item's kind, an event, a pinned date, a publication. */
export function entryKindLabel(entry: TimelineEntry, kinds: ReadonlyMap<string, ItemKindDefinition>, t: Translate) {
  if (entry.kind === 'item') return kindName(kinds.get(entry.itemKind ?? ''), entry.itemKind ?? '', t);
  if (entry.kind === 'document') return t('entryKind_document');
  return entry.pinned ? t('entryKind_pinned') : t('entryKind_event');
}

/** The entry as a screen reader hears it: kind, title, date, state and owners. */
export function entryAriaLabel(
  entry: TimelineEntry,
  kinds: ReadonlyMap<string, ItemKindDefinition>,
  t: Translate,
): string {
  const parts = [`${entryKindLabel(entry, kinds, t)}: ${entry.title}`, formatRange(entry, t)];
  if (entry.state === 'overdue') parts.push(t('itemsOverdue'));
  else if (entry.state) parts.push(t(`status_${entry.state}` as StringKey));
  if (entry.owners.length > 0) parts.push(entry.owners.join('、'));
  return parts.join(', ');
}

/** A lane's name under the grouping. */
export function laneName(
  lane: Pick<LaneLayout, 'type' | 'name'>,
  grouping: LaneGrouping,
  kinds: ReadonlyMap<string, ItemKindDefinition>,
  titles: ReadonlyMap<string, string>,
  t: Translate,
): string {
  switch (lane.type) {
    case 'publications':
      return t('lanePublications');
    case 'events':
      return t('laneEvents');
    case 'none':
      return grouping === 'category'
        ? t('laneNoCategory')
        : grouping === 'owner'
          ? t('laneNoOwner')
          : grouping === 'document'
            ? t('itemsNoDocument')
            : '—';
    case 'group':
      if (grouping === 'kind') return kindName(kinds.get(lane.name), lane.name, t);
      if (grouping === 'document') return titles.get(lane.name) ?? lane.name;
      return lane.name;
  }
}

/** A link label of the links layer (linkLabel_updated_by…), or the label itself where no string has it. */
export function linkLabelText(label: string, t: Translate): string {
  const key = `linkLabel_${label.replace(/-/g, '_')}`;
  return key in LANGUAGES.en ? t(key as StringKey) : label;
}
