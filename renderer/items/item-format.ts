// How the items view writes an item's deadline, owners, targets and kind.
import type { DateRange, ItemDeadline, ItemKindDefinition, ItemOwner, QuantityTarget } from '../../shared/model/types';
import type { Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';

/** The day an item falls due, as precise as its words: "2019" (年底), "2019 H2", "2019 Q3", "2019-09", "2019-09-30". */
export function formatDeadline(date: Pick<DateRange, 'to' | 'precision'>, t: Translate): string {
  const year = date.to.slice(0, 4);
  const month = Number(date.to.slice(5, 7));
  switch (date.precision) {
    case 'year':
      return year;
    case 'half':
      return t(month <= 6 ? 'itemsHalf1' : 'itemsHalf2', { year });
    case 'quarter':
      return t('itemsQuarter', { year, quarter: Math.ceil(month / 3) });
    case 'month':
      return date.to.slice(0, 7);
    case 'day':
      return date.to;
  }
}

/** The tooltip of a deadline: the words it came from, the day it falls due, and where it was read. */
export function deadlineTooltip(deadline: ItemDeadline, t: Translate): string {
  return [
    deadline.text ? t('deadlineFrom', { text: deadline.text }) : '',
    t('itemsDue', { day: deadline.to }),
    t(`deadlineOrigin_${deadline.origin}` as StringKey),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Owners with the lead units first (in their given order otherwise). */
export function ownersLeadFirst(owners: readonly ItemOwner[]): ItemOwner[] {
  return [...owners.filter((o) => o.role === 'lead'), ...owners.filter((o) => o.role !== 'lead')];
}

export const ownerName = (owner: ItemOwner): string => owner.normalized || owner.asWritten;

/** The owners as written in the text, with their roles: the tooltip of the owners cell. */
export function ownersTooltip(owners: readonly ItemOwner[], t: Translate): string {
  return ownersLeadFirst(owners)
    .map((o) => {
      const written = o.asWritten && o.asWritten !== ownerName(o) ? `${o.asWritten} → ${ownerName(o)}` : ownerName(o);
      return o.role === 'lead' ? `${written} (${t('role_lead')})` : written;
    })
    .join('\n');
}

export const targetsText = (targets: readonly QuantityTarget[]): string => targets.map((x) => x.text).join('、');

/** The kind's name: the analyst's label, else the translated name of a built-in kind, else its id. */
export function kindName(kind: ItemKindDefinition | undefined, id: string, t: Translate): string {
  if (kind?.label) return kind.label;
  if (id === 'task' || id === 'commitment') return t(`kind_${id}`);
  return id;
}
