// Calendar arithmetic for the timeline. Days are counted from 1970-01-01 (day 0) in the
// proleptic Gregorian calendar, so a date range becomes a half-open interval of numbers
// [start, end) that can be sorted, packed and searched. Pure: no time zones are involved,
// a day is a calendar day.
import type { DatePrecision, DateRange } from '../model/types';

const MS_PER_DAY = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const isDay = (value: string): boolean => DAY.test(value);

/** The day number of YYYY-MM-DD (1970-01-01 is 0); NaN for anything else. */
export function dayNumber(day: string): number {
  const match = DAY.exec(day);
  if (!match) return Number.NaN;
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY);
}

/** The calendar date of a day number, as {year, month (1–12), day (1–31)}. */
export function calendarDate(n: number): { year: number; month: number; day: number } {
  const date = new Date(Math.floor(n) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** YYYY-MM-DD of a day number (a fractional day is the day it falls in). */
export function dayString(n: number): string {
  const { year, month, day } = calendarDate(n);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The day number of the first day of `month` (1–12; months past 12 or below 1 roll into other years). */
export function monthStart(year: number, month: number): number {
  return Math.round(Date.UTC(year, month - 1, 1) / MS_PER_DAY);
}

/** Day of the week, 0 = Monday … 6 = Sunday. */
export const weekday = (n: number): number => (((Math.floor(n) + 3) % 7) + 7) % 7;

const MONTHS_IN: Record<DatePrecision, number> = { year: 12, half: 6, quarter: 3, month: 1, day: 0 };

/** The first and last day (YYYY-MM-DD, inclusive) of the year, half, quarter, month or day holding `day`. */
export function unitBounds(day: string, precision: DatePrecision): { from: string; to: string } {
  const months = MONTHS_IN[precision];
  if (months === 0) return { from: day, to: day };
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const first = Math.floor((month - 1) / months) * months + 1;
  return { from: dayString(monthStart(year, first)), to: dayString(monthStart(year, first + months) - 1) };
}

/**
 * A date range as a half-open interval of day numbers [start, end). The range covers its
 * own from..to and at least the whole unit of its precision that holds `to`: a deadline
 * "2019年" spans 2019, "9月底前" spans September, "2019年6月底" is one day. A range given
 * backwards is turned round; null when a day is malformed.
 */
export function rangeDays(range: Pick<DateRange, 'from' | 'to' | 'precision'>): { start: number; end: number } | null {
  const to = dayNumber(range.to);
  const from = range.from ? dayNumber(range.from) : to;
  if (Number.isNaN(to) || Number.isNaN(from)) return null;
  const last = Math.max(from, to);
  const unit = unitBounds(dayString(last), range.precision);
  return { start: Math.min(from, to, dayNumber(unit.from)), end: last + 1 };
}

/**
 * The date range of the unit of `precision` holding `day`, through the unit holding `until`
 * when given (a meeting over three days, a plan over five years). `text` is kept as written.
 */
export function rangeFor(day: string, precision: DatePrecision, text = '', until?: string): DateRange {
  const first = unitBounds(day, precision);
  const last = until && isDay(until) && until > day ? unitBounds(until, precision) : first;
  return { from: first.from, to: last.to, precision, text };
}
