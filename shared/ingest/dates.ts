// Publication dates: full dates as pages write them, and — when a page states none — a
// date inferred from "今天(2月7日)" plus the year the text itself points at.
import type { PublishedDate } from '../model/types';

export interface FoundDate {
  /** YYYY-MM-DD */
  date: string;
  /** The words as written. */
  text: string;
  index: number;
}

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十六 → 16, 二十 → 20, 十 → 10. */
function cnNumber(s: string): number {
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return CN_DIGITS[s] ?? NaN;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s[0]!] ?? NaN);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s[ten + 1]!] ?? NaN);
  return tens * 10 + ones;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD when year/month/day make a real calendar date (years 1900–2100). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1)) return null;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** `needs`: characters of which every match holds one (a cheap test that skips most lines). */
type Reader = { re: RegExp; needs: RegExp; read: (m: RegExpExecArray) => [number, number, number] };

/** Date patterns, each giving [year, month, day]. */
const READERS: Reader[] = [
  // 2022年3月16日, 2022 年 3 月 16 号
  { re: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g, needs: /年/, read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // 二〇二二年三月十六日
  {
    re: /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/g,
    needs: /年/,
    read: (m) => [Number([...m[1]!].map((c) => CN_DIGITS[c]).join('')), cnNumber(m[2]!), cnNumber(m[3]!)],
  },
  // 2019-06-06, 2019/6/6, 2019.06.06, 2019-02-22- 07:31, ISO datetimes
  { re: /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g, needs: /[-/.]/, read: (m) => [+m[1]!, +m[3]!, +m[4]!] },
  // 28.01.2016 and 28-01-2016: day first (European order)
  { re: /(?<![\d.])(\d{1,2})([.-])(\d{1,2})\2(\d{4})(?!\d)/g, needs: /[.-]/, read: (m) => [+m[4]!, +m[3]!, +m[1]!] },
  // 01/28/2016 month first unless the first number cannot be a month
  {
    re: /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/g,
    needs: /\//,
    read: (m) => (+m[1]! > 12 ? [+m[3]!, +m[2]!, +m[1]!] : [+m[3]!, +m[1]!, +m[2]!]),
  },
];

/** All full dates in a text, in order of appearance. */
export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  // Every pattern needs an ASCII digit, except the Chinese-numeral one, which needs 年.
  if (!/\d/.test(text) && !text.includes('年')) return out;
  for (const { re, needs, read } of READERS) {
    if (!needs.test(text)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = read(m);
      const date = isoDate(y, mo, d);
      if (date && !out.some((o) => m!.index < o.index + o.text.length && o.index < m!.index + m![0].length)) {
        out.push({ date, text: m[0], index: m.index });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first full date in a text, or null. */
export const findDate = (text: string): FoundDate | null => findDates(text)[0] ?? null;

/** The text with its dates (`findDates(text)`, passed when at hand) and clock times removed: what else a line says. */
export function stripDatesAndTimes(text: string, dates: readonly FoundDate[] = findDates(text)): string {
  let out = text;
  for (const d of [...dates].reverse()) out = out.slice(0, d.index) + out.slice(d.index + d.text.length);
  return out.replace(/\d{1,2}[:：]\d{2}([:：]\d{2})?|T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, '');
}

export const dayDate = (date: string, text: string, status: PublishedDate['status']): PublishedDate => ({
  from: date,
  to: date,
  precision: 'day',
  text,
  status,
});

/** A stated publication date from candidate strings (meta tags, date lines), first readable wins. */
export function firstDate(candidates: readonly string[]): PublishedDate | null {
  for (const c of candidates) {
    const d = findDate(c);
    if (d) return dayDate(d.date, d.text, 'detected');
  }
  return null;
}

// ---- Inference --------------------------------------------------------------------------------

/** "今天(2月7日)" and kin: the day the page speaks of, and how far the publication is from it. */
const TODAY = /(今天|今日|昨天|昨日|前天|明天)\s*[(（]\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]/;
const SHIFT: Record<string, number> = { 今天: 0, 今日: 0, 昨天: 1, 昨日: 1, 前天: 2, 明天: -1 };
/** A wire-service dateline opening a paragraph: "新华社北京7月3日电". */
const DATELINE = /(?:^|\n)[^，。,\n]{0,20}?(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:电|讯)/;

/** Year mentions: "2017年底" counts double (a deadline in the current year); ranges and horizons ("至2030年", "2015年-2017年") do not count. */
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/g;

/** The year a text is most plausibly written in, judged by how it mentions years; null if it mentions none. */
export function inferYear(text: string): { year: number; text: string } | null {
  const score = new Map<number, number>();
  const evidence = new Map<number, string>();
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/[至到—–~\-－]\s*$/.test(before) || /^\s*[至到—–~\-－]\s*(?:19|20)?\d{2}/.test(after)) continue;
    const year = +m[1]!;
    const near = /^(底|末|内|年底)/.test(after);
    score.set(year, (score.get(year) ?? 0) + (near ? 2 : 1));
    if (near || !evidence.has(year)) evidence.set(year, m[0] + (near ? after[0] : ''));
  }
  let best: number | null = null;
  for (const [year, s] of score) {
    if (best === null || s > score.get(best)! || (s === score.get(best)! && year > best)) best = year;
  }
  return best === null ? null : { year: best, text: evidence.get(best)! };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A publication date reasoned from the article when it states none (status 'inferred', for
 * the analyst to confirm). The day and month come from "今天(2月7日)"-like phrases (or a wire
 * dateline "…7月3日电") near the top; the year from the years the text mentions — the most
 * mentioned one, with "YYYY年底/年末/年内" counting double because such a deadline is
 * spoken of in the year it falls in, and ranges or plan horizons ("至2030年") ignored.
 */
export function inferPublished(paragraphs: readonly string[]): PublishedDate | null {
  const top = paragraphs.slice(0, 8).join('\n').slice(0, 4000);
  let month = 0;
  let day = 0;
  let shift = 0;
  let words = '';
  const today = TODAY.exec(top);
  const wire = today ? null : DATELINE.exec(top);
  if (today) {
    [month, day, shift, words] = [+today[2]!, +today[3]!, SHIFT[today[1]!] ?? 0, today[0]];
  } else if (wire) {
    [month, day, words] = [+wire[1]!, +wire[2]!, wire[0].replace(/^\n/, '')];
  } else return null;
  const year = inferYear(paragraphs.join('\n'));
  if (!year) return null;
  const date = isoDate(year.year, month, day);
  if (!date) return null;
  return dayDate(addDays(date, shift), `${words}；${year.text}`, 'inferred');
}
