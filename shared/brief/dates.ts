// Dates as a brief prints them: only as precisely as they are known (a month-precise date is
// "June 2019", never "1 June 2019"), in the brief's language. Pure.
import type { DatePrecision } from '../model/types';

export type BriefLanguage = 'en' | 'zh';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ZH_QUARTERS = ['一', '二', '三', '四'];

/** Year, month and day of an ISO date (a date-time, or a bare year or month, too); null when it is none. */
function isoParts(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(iso.trim());
  if (!match) return null;
  const month = Number(match[2] ?? 1);
  const day = Number(match[3] ?? 1);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year: Number(match[1]), month, day };
}

/** One date at a precision: 2019年6月6日 / 6 June 2019, 2019年第二季度 / Q2 2019, 2019年 / 2019. */
export function formatDate(iso: string, precision: DatePrecision, language: BriefLanguage): string {
  const parts = isoParts(iso);
  // A date we cannot read is shown as written rather than dropped.
  if (!parts) return iso;
  const { year, month, day } = parts;
  const quarter = Math.ceil(month / 3);
  const firstHalf = month <= 6;
  if (language === 'zh') {
    switch (precision) {
      case 'year':
        return `${year}年`;
      case 'half':
        return `${year}年${firstHalf ? '上' : '下'}半年`;
      case 'quarter':
        return `${year}年第${ZH_QUARTERS[quarter - 1]}季度`;
      case 'month':
        return `${year}年${month}月`;
      default:
        return `${year}年${month}月${day}日`;
    }
  }
  switch (precision) {
    case 'year':
      return `${year}`;
    case 'half':
      return `H${firstHalf ? 1 : 2} ${year}`;
    case 'quarter':
      return `Q${quarter} ${year}`;
    case 'month':
      return `${EN_MONTHS[month - 1]} ${year}`;
    default:
      return `${day} ${EN_MONTHS[month - 1]} ${year}`;
  }
}

/** A date range at its precision: one date when both ends read the same, else "from – to" (zh: 至). */
export function formatDateRange(
  range: { from: string; to: string; precision: DatePrecision },
  language: BriefLanguage,
): string {
  const from = formatDate(range.from, range.precision, language);
  const to = formatDate(range.to || range.from, range.precision, language);
  if (from === to) return from;
  if (language === 'zh') return `${from}至${to}`;
  return range.precision === 'year' ? `${from}–${to}` : `${from} – ${to}`;
}

/** The day a brief is dated, from an ISO date or date-time. */
export const formatBriefDate = (iso: string, language: BriefLanguage): string => formatDate(iso, 'day', language);
