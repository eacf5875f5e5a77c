// Lunar (农历) dates → Gregorian days, through the Chinese calendar of Intl (ICU), which Node 20
// and Chromium both carry. Only called on the rare 农历… match, so a short day-by-day search is fine.

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** Lunar month names: 正月 is the first, 冬月 and 腊月 the eleventh and twelfth. */
const MONTH_NAMES: Readonly<Record<string, number>> = { 正: 1, 冬: 11, 腊: 12, 臘: 12 };

/**
 * The Gregorian year in which the lunar year named by a stem-branch pair (壬寅) begins, taking
 * from the 60-year cycle the one nearest to `near` (the publication year, say). Null if not a pair.
 */
export function ganzhiYear(name: string, near: number): number | null {
  const stem = STEMS.indexOf(name[0] ?? '');
  const branch = BRANCHES.indexOf(name[1] ?? '');
  if (name.length !== 2 || stem < 0 || branch < 0 || stem % 2 !== branch % 2) return null;
  // Position in the cycle: the number ≡ stem (mod 10) and ≡ branch (mod 12); 1984 was 甲子 (0).
  let cycle = 0;
  while (cycle % 10 !== stem || cycle % 12 !== branch) cycle += 1;
  const base = near - ((((near - 1984) % 60) + 60) % 60); // the 甲子 year at or before `near`
  const candidates = [base - 60 + cycle, base + cycle, base + 60 + cycle];
  return candidates.reduce((best, y) => (Math.abs(y - near) < Math.abs(best - near) ? y : best));
}

/** A lunar month name (正, 二, 十一, 冬, 腊) → 1–12, or null. */
export function lunarMonth(name: string): number | null {
  if (name in MONTH_NAMES) return MONTH_NAMES[name]!;
  const n = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'].indexOf(name);
  return n < 0 ? null : n + 1;
}

/** A lunar day name (初一, 十四, 廿三, 二十, 三十) → 1–30, or null. */
export function lunarDay(name: string): number | null {
  const units = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const unit = (c: string | undefined) => (c === undefined ? 0 : units.indexOf(c) + 1 || NaN);
  let n: number;
  if (name === '初十') n = 10;
  else if (name.startsWith('初')) n = unit(name[1]);
  else if (name === '十') n = 10;
  else if (name.startsWith('十')) n = 10 + unit(name[1]);
  else if (name.startsWith('二十')) n = 20 + unit(name[2]);
  else if (name.startsWith('廿')) n = 20 + unit(name[1]);
  else if (name === '三十') n = 30;
  else n = unit(name[0]) + (name.length === 1 ? 0 : NaN);
  return Number.isInteger(n) && n >= 1 && n <= 30 ? n : null;
}

let formatter: Intl.DateTimeFormat | null = null;

/** [related Gregorian year, month, leap?, day] of a Gregorian day in the Chinese calendar. */
function chineseParts(utcMs: number): [number, number, boolean, number] {
  formatter ??= new Intl.DateTimeFormat('en-u-ca-chinese', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  let year = NaN;
  let month = NaN;
  let leap = false;
  let day = NaN;
  for (const p of formatter.formatToParts(utcMs)) {
    const type: string = p.type;
    if (type === 'relatedYear' || type === 'year') year = parseInt(p.value, 10);
    else if (type === 'month') {
      month = parseInt(p.value, 10);
      leap = /bis|leap|闰/i.test(p.value);
    } else if (type === 'day') day = parseInt(p.value, 10);
  }
  return [year, month, leap, day];
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The Gregorian day (YYYY-MM-DD) of a lunar date in the lunar year that begins in Gregorian
 * `year`, or null when there is no such day (or the runtime has no Chinese calendar).
 */
export function lunarToGregorian(year: number, month: number, day: number, leap = false): string | null {
  const key = `${year}-${month}-${leap ? 'leap' : ''}-${day}`;
  let found = converted.get(key);
  if (found === undefined) {
    found = search(year, month, day, leap);
    if (converted.size > 1000) converted.clear();
    converted.set(key, found);
  }
  return found;
}

/** Conversions already made: a newspaper repeats its masthead's lunar date on every page. */
const converted = new Map<string, string | null>();

function search(year: number, month: number, day: number, leap: boolean): string | null {
  // New Year falls between Jan 21 and Feb 20; each month is 29 or 30 days, a leap month adds one.
  const estimate = Date.UTC(year, 0, 21) + Math.floor((month - 1) * 29.5 + day - 1) * DAY_MS;
  try {
    for (let i = -3; i <= 66; i += 1) {
      const t = estimate + i * DAY_MS;
      const [y, m, l, d] = chineseParts(t);
      if (y === year && m === month && l === leap && d === day) {
        const g = new Date(t);
        return `${g.getUTCFullYear()}-${pad(g.getUTCMonth() + 1)}-${pad(g.getUTCDate())}`;
      }
    }
  } catch {
    return null; // no Chinese calendar in this runtime
  }
  return null;
}
