// An item's deadline as the analyst corrects it: a day typed in the date field, or a
// coarser precision (the deadline becomes the whole month, quarter… holding its day).
import type { DatePrecision, ItemDeadline } from '../../../shared/model/types';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The first and last day of the year, half, quarter, month or day holding `day` (YYYY-MM-DD). */
export function unitBounds(day: string, precision: DatePrecision): { from: string; to: string } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const months = { year: 12, half: 6, quarter: 3, month: 1, day: 0 }[precision];
  if (months === 0) return { from: day, to: day };
  const first = Math.floor((month - 1) / months) * months + 1;
  const last = first + months - 1;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The deadline after the analyst's change: a new day (at day precision; '' clears the
 * deadline) or a new precision around the current day. The words it came from stay shown;
 * the origin becomes 'analyst'.
 */
export function editDeadline(
  previous: ItemDeadline | null,
  change: { to: string } | { precision: DatePrecision },
): ItemDeadline | null {
  if ('to' in change) {
    if (!change.to) return null;
    if (!isDay(change.to)) return previous;
    return { from: change.to, to: change.to, precision: 'day', text: previous?.text ?? '', origin: 'analyst' };
  }
  if (!previous) return null;
  return { ...previous, ...unitBounds(previous.to, change.precision), precision: change.precision, origin: 'analyst' };
}
