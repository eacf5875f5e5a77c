// Temporal expressions in Chinese policy text: dates, deadlines, periods and dates relative to
// publication, each with its exact span and a normalised value (the gold files' RULES.md).
//
// How: a dozen global regex passes over the text, one per shape of expression, give drafts;
// of overlapping drafts the longest stays; then each draft is resolved in text order — its
// year (written, relative to publication, or carried from a year written earlier in the same
// sentence), the days it covers, and its kind from the words around it (到/至…, …前, 底, 年内).
// Every pattern is linear (no nested quantifiers, no two adjacent open-ended ones), and the
// lunar calendar is consulted only on a 农历… match.
import type { DatePrecision } from '../model/types';
import { isoDate } from '../ingest/dates';
import { asciiDigits, parseChineseNumber } from './chinese-numerals';
import { ganzhiYear, lunarDay, lunarMonth, lunarToGregorian } from './lunar';
import type { NormalizedDate, TemporalKind, TemporalMention } from './types';

// ---- Calendar helpers ----------------------------------------------------------------------------

/** The days an expression covers, first and last (YYYY-MM-DD). */
interface Cover {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const yearCover = (y: number): Cover => ({ from: `${y}-01-01`, to: `${y}-12-31` });
const monthCover = (y: number, m: number): Cover | null =>
  m >= 1 && m <= 12 ? { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(lastDay(y, m))}` } : null;
const monthsCover = (y: number, m1: number, m2: number): Cover | null => {
  const a = monthCover(y, m1);
  const b = monthCover(y, m2);
  return a && b ? { from: a.from, to: b.to } : null;
};
const dayCover = (y: number, m: number, d: number): Cover | null => {
  const iso = isoDate(y, m, d);
  return iso ? { from: iso, to: iso } : null;
};

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const yearOfIso = (iso: string | null): number | null => (iso ? Number(iso.slice(0, 4)) : null);

/** A number in Arabic or Chinese digits (06, 十二, 二〇一九, 廿三); NaN if none. */
const num = (s: string): number => parseChineseNumber(s) ?? NaN;

/** The number in a month or day as matched (6 月份, 十六日, 初五 → 6, 16, 5). */
const numIn = (s: string): number => num(s.replace(/[^0-9〇零一二三四五六七八九十廿]/g, ''));

// ---- Drafts --------------------------------------------------------------------------------------

/** How a year is written: a number, an offset from the publication year (今年 0, 去年 −1), or not at all. */
type YearSpec = { abs: number } | { rel: number } | null;

/**
 * What the words say about the kind: …前 (before: a deadline), 底/末 (end: a deadline unless
 * already past), 年内 (within: a deadline), a range or plan (period).
 */
type Cue = 'none' | 'before' | 'end' | 'within' | 'period';

interface Draft {
  start: number;
  end: number;
  year: YearSpec;
  /** The days covered once the year is known; null when the words name no real day. */
  cover: (year: number) => Cover | null;
  precision: DatePrecision;
  /** Report `from`: ranges, periods and parts of a year (年初, 上半年, 一季度). */
  showFrom: boolean;
  cue: Cue;
  /** With no year written: a month or day is a `date`, a bare part of a year (上半年) is `relative`. */
  yearless: 'date' | 'relative';
  /** A plain year (2035年): a deadline when a verb of reaching a state follows. */
  bareYear: boolean;
  /** Not a temporal expression, yet it hides its parts (the range in 每年3—6月, a frequency). */
  silent?: boolean;
  /** Resolved while scanning (numeric and lunar dates, 今天, 未来五年, 十四五). */
  fixed?: { kind: TemporalKind; normalized: NormalizedDate };
}

type Reading = Pick<Draft, 'cover' | 'precision' | 'showFrom' | 'cue'>;

/** A draft with defaults; every draft is built here, with its fields in one order (one object shape). */
const draft = (start: number, end: number, d: Partial<Draft> & Pick<Draft, 'cover' | 'precision'>): Draft => ({
  start,
  end,
  year: d.year ?? null,
  cover: d.cover,
  precision: d.precision,
  showFrom: d.showFrom ?? false,
  cue: d.cue ?? 'none',
  yearless: d.yearless ?? 'date',
  bareYear: d.bareYear ?? false,
  silent: d.silent ?? false,
  fixed: d.fixed,
});

const fixed = (m: RegExpExecArray, kind: TemporalKind, normalized: NormalizedDate): Draft =>
  draft(m.index, m.index + m[0].length, {
    cover: () => null,
    precision: normalized.precision,
    fixed: { kind, normalized },
  });

// ---- Words ---------------------------------------------------------------------------------------

/** Spaces between parts: PDFs and some pages write "2022 年 3 月", and masked markup leaves runs of them. */
const SP = '[ \\t\\u3000]*';
/** Between a year's digits and 年 even a line break: "2018\n年" can mean nothing else. */
const YEAR_GAP = '\\s*';
/** Range connectors: 2018—2035年, 2015年-2017年, 1月16日至18日. */
const CONN = '[—–\\-－~～至到]';
const CN_DIGIT = '〇零○一二三四五六七八九';
const CN_1_9 = '[一二三四五六七八九]';
/** A four-digit year not glued to ASCII letters, digits or path characters (URLs, file names, IDs). */
const YEAR_AR = '(?<![0-9A-Za-z/_\\\\])(?<![0-9]\\.)(?:19|20)[0-9]{2}';
/** 二〇一九, 一九九五: four Chinese digits, not part of a longer number. */
const YEAR_CN = `(?<![${CN_DIGIT}十百千万])[一二][${CN_DIGIT}]{3}`;
/** 年, but not 年代/年级/年龄/年轻/年纪 (1990年代 is a decade, not a year). */
const NIAN = '年(?![代级龄轻纪])';
/** Relative years, guarded against words that merely contain them (失去年轻, 说明年度, 此前年均). */
const REL_YEAR =
  '(?:今年|(?<![失过除抹省减删])去年|(?<![说声表证标文发透查阐光简照])明年|(?<![此之以提目空向超当日年月从往眼跟面上])前年)(?![轻纪龄级均华])';
const REL_YEAR_OFFSET: Readonly<Record<string, number>> = { 今年: 0, 明年: 1, 去年: -1, 前年: -2 };
const MONTH_AR = '(?<![0-9A-Za-z/_.第])(?:1[0-2]|0?[1-9])';
/** Chinese months, not inside a larger number or a count (第一月, 每三月, 前两月). */
const MONTH_CN = `(?<![${CN_DIGIT}十百千万两第每前近数几个])(?:十[一二]?|${CN_1_9})`;
const MONTH = `(?:${MONTH_AR}|${MONTH_CN})${SP}月(?![亮球饼光])份?`;
const DAY_AR = '(?:3[01]|[12][0-9]|0?[1-9])';
const DAY_CN = `(?:三十一?|二十${CN_1_9}?|廿${CN_1_9}?|十${CN_1_9}?|${CN_1_9})`;
/** A Chinese day without 日 (二月十四, 正月初五): two characters at least, no measure word after. */
const DAY_CN_BARE = `(?:三十一?|二十${CN_1_9}?|廿${CN_1_9}?|十${CN_1_9}?|初(?:十|${CN_1_9}))(?![${CN_DIGIT}十百千万亿个项家人名次条件元年月日号岁位届%])`;
/** 16日, 十六日, 3月1号 (not 1号线, 1号楼), or a bare Chinese day. */
const DAY = `(?:(?:${DAY_AR}|${DAY_CN})${SP}[日号](?![线楼院令机位码])|${DAY_CN_BARE})`;
/** 底 (end) but not 底线/底数/底层…; 初 (start) but not 初步/初见/初心…; 内 (within) but not 内容/内部/内蒙古…. */
const END = '底(?![线数气层部色座子蕴薪牌])';
const START = '初(?![步见次期中心衷始创稿])';
const WITHIN = '内(?![容部外涵在蒙地陆需核])';
/** Parts of a month: 底/末 (its end), 初/上旬, 中旬, 下旬. */
const MONTH_PART = `(?:${END}|末|${START}|[上中下]旬)`;
/** Parts of a year after 年: 底, 末, 初, 内, 度 (年度), 全年, 上半年, 第二季度, 前三季度. */
const YEAR_PART = `(?:年?${END}|年?末|年?${START}|年?${WITHIN}|度|全年|[上下]半年|第?[一二三四1-4]季度|前[一二三]季度)`;
/** The same parts standing alone: 年底, 年内, 年初, 上半年, 一季度. */
const BARE_YEAR_PART = `(?:年${END}|年末|年${START}|年${WITHIN}|[上下]半年|第?[一二三四1-4]季度|前[一二三]季度)`;
/** …前, 以前, 之前: a time limit (not 前后, 前往, 前列, 前三季度 and kin). */
const BEFORE = `(?:以前|之前|前(?![后夕往进行面列沿端景提期线台述身置来锋哨夜天年月日半多几两十${CN_DIGIT}0-9]))`;

const re = (source: string) => new RegExp(source, 'g');

// ---- Readings ------------------------------------------------------------------------------------

/** The days of a year or a part of it (年底, 上半年, 一季度…), and how to report them. */
function yearPart(part: string): Reading {
  const p = part.replace(/^年/, '');
  const quarter = /^第?([一二三四1-4])季度$/.exec(p);
  if (quarter) {
    const q = num(quarter[1]!);
    return { cover: (y) => monthsCover(y, q * 3 - 2, q * 3), precision: 'quarter', showFrom: true, cue: 'none' };
  }
  const firstQuarters = /^前([一二三])季度$/.exec(p);
  if (firstQuarters) {
    const q = num(firstQuarters[1]!);
    return { cover: (y) => monthsCover(y, 1, q * 3), precision: 'quarter', showFrom: true, cue: 'none' };
  }
  switch (p) {
    case '底':
    case '末': // 年底: Dec 31, a deadline unless already past
      return { cover: yearCover, precision: 'year', showFrom: false, cue: 'end' };
    case '初': // 年初: the first quarter (RULES.md)
      return { cover: (y) => monthsCover(y, 1, 3), precision: 'quarter', showFrom: true, cue: 'none' };
    case '内': // 年内: within the year, a time limit
      return { cover: yearCover, precision: 'year', showFrom: false, cue: 'within' };
    case '上半年':
      return { cover: (y) => monthsCover(y, 1, 6), precision: 'half', showFrom: true, cue: 'none' };
    case '下半年':
      return { cover: (y) => monthsCover(y, 7, 12), precision: 'half', showFrom: true, cue: 'none' };
    default: // 年, 年度, 全年: the whole year
      return { cover: yearCover, precision: 'year', showFrom: false, cue: 'none' };
  }
}

/** The days of a month, a day, or a part of a month (月底, 上旬). */
function monthPart(month: number, day: number | null, part: string | undefined): Reading {
  if (day !== null) return { cover: (y) => dayCover(y, month, day), precision: 'day', showFrom: false, cue: 'none' };
  const days = (first: number, last: number | null) => (y: number) => {
    const from = isoDate(y, month, first);
    return from ? { from, to: `${y}-${pad(month)}-${pad(last ?? lastDay(y, month))}` } : null;
  };
  switch (part) {
    case '底':
    case '末': // 6月底: the month's last day, a deadline unless already past
      return { cover: (y) => monthCover(y, month), precision: 'month', showFrom: false, cue: 'end' };
    case '初':
    case '上旬':
      return { cover: days(1, 10), precision: 'day', showFrom: true, cue: 'none' };
    case '中旬':
      return { cover: days(11, 20), precision: 'day', showFrom: true, cue: 'none' };
    case '下旬':
      return { cover: days(21, null), precision: 'day', showFrom: true, cue: 'none' };
    default:
      return { cover: (y) => monthCover(y, month), precision: 'month', showFrom: false, cue: 'none' };
  }
}

/** A month with its optional day and part, from the groups m, d, mp. */
function monthReading(g: Groups): Reading & { wholeMonth: boolean } {
  const day = g.d ? numIn(g.d) : null;
  return { ...monthPart(numIn(g.m!), day, g.mp), wholeMonth: day === null && !g.mp };
}

/**
 * …前 makes a deadline: "X月X日前" → that day; "X月前" → the last day of the month before
 * (RULES.md); "2020年前" likewise → the last day of the year before; 底前 and parts of a year
 * keep their own end.
 */
function withBefore(d: Draft, unit: 'year' | 'month' | 'other'): Draft {
  const cover = d.cover;
  const dayBefore = (y: number) => {
    const c = cover(y);
    return c && { from: c.from, to: addDays(c.from, -1) };
  };
  // "X月前" ends with the month before (RULES.md); "2030年前" is read as "by 2030", the way
  // plans use it (2030年前碳达峰), so a year keeps its own cover.
  const before = unit === 'month' ? dayBefore : cover;
  return draft(d.start, d.end, { ...d, cover: before, cue: 'before', showFrom: false, bareYear: false });
}

/** Ranges are periods and report their first day. */
const PERIOD = { showFrom: true, cue: 'period' } as const;

/**
 * A range that names no real span (5月至3月, 2月30日) is dropped while scanning, so that the
 * dates inside it still count on their own. Without a written year a leap year stands in.
 */
function checked(d: Draft): Draft | null {
  const y = d.year && 'abs' in d.year ? d.year.abs : 2000;
  return d.cover(y) ? d : null;
}

// ---- Passes --------------------------------------------------------------------------------------

type Groups = Record<string, string | undefined>;

interface Pass {
  pattern: RegExp;
  /** A cheap test that the text can hold a match at all. */
  needs: (text: string) => boolean;
  scan: (m: RegExpExecArray, g: Groups, published: string | null) => Draft | null;
}

const yearOf = (g: Groups): YearSpec => {
  if (g.y) return { abs: num(g.y) };
  if (g.r) return { rel: REL_YEAR_OFFSET[g.r] ?? 0 };
  return null;
};

/** 2019年, 2019年底前, 今年年初, 二〇一九年十二月, 2022 年度, 去年同期, 今年3月1日前. */
const yearExpression: Pass = {
  pattern: re(
    `(?:(?<y>${YEAR_AR}|${YEAR_CN})${YEAR_GAP}${NIAN}|(?<r>${REL_YEAR}))` +
      `(?:${SP}(?<m>${MONTH})(?:${SP}(?<d>${DAY}))?(?<mp>${MONTH_PART})?|(?<yp>${YEAR_PART})|(?<same>同期))?` +
      `(?<b>${BEFORE})?`,
  ),
  needs: (t) => t.includes('年'),
  scan(m, g) {
    const year = yearOf(g);
    if (year && 'abs' in year && !(year.abs >= 1900 && year.abs <= 2100)) return null;
    const [start, end] = [m.index, m.index + m[0].length];
    if (g.m) {
      const { wholeMonth, ...reading } = monthReading(g);
      const d = draft(start, end, { year, ...reading });
      return g.b ? withBefore(d, wholeMonth ? 'month' : 'other') : d;
    }
    // 去年同期 (the same period last year) is read at the precision of the year.
    const plain = !g.yp && !g.same;
    const d = draft(start, end, { year, ...yearPart(g.yp ?? ''), bareYear: plain });
    return g.b ? withBefore(d, plain ? 'year' : 'other') : d;
  },
};

/** 每年6月, 每年的1月1日: a month that comes back every year is a frequency, not a date. */
const EVERY_YEAR = /每年的?[ \t\u3000]*$/;
const recurs = (m: RegExpExecArray): boolean => EVERY_YEAR.test(m.input.slice(Math.max(0, m.index - 8), m.index));

/** A month or day with no year written: 6月底, 9月底前, 3月1日前, 2月7日, 十二月. */
const monthExpression: Pass = {
  pattern: re(`(?<m>${MONTH})(?:${SP}(?<d>${DAY}))?(?<mp>${MONTH_PART})?(?<b>${BEFORE})?`),
  needs: (t) => t.includes('月'),
  scan(m, g) {
    if (recurs(m)) return null;
    const { wholeMonth, ...reading } = monthReading(g);
    const d = draft(m.index, m.index + m[0].length, reading);
    return g.b ? withBefore(d, wholeMonth ? 'month' : 'other') : d;
  },
};

/**
 * A part of a year with no year written: 年底, 年内, 年初, 上半年, 一季度. Not after a number,
 * 每, 当 or 同 (三年内 is a duration, 每年年底 a frequency, 当年底 points elsewhere).
 */
const yearPartExpression: Pass = {
  pattern: re(
    `(?<![${CN_DIGIT}十百千万两几多数每逐历同当次该本上下前后近首头半年个余今明去整全0-9A-Za-z])` +
      `(?<yp>${BARE_YEAR_PART})(?<b>${BEFORE})?`,
  ),
  needs: (t) => t.includes('年') || t.includes('季'),
  scan(m, g) {
    const d = draft(m.index, m.index + m[0].length, { ...yearPart(g.yp!), yearless: 'relative' });
    return g.b ? withBefore(d, 'other') : d;
  },
};

/** 2018—2035年, 2015年-2017年, 2015至2017年: a period of whole years. */
const yearRange: Pass = {
  pattern: re(`(?<y>${YEAR_AR})(?:${YEAR_GAP}年)?${SP}${CONN}${SP}(?<y2>${YEAR_AR})${YEAR_GAP}${NIAN}`),
  needs: (t) => t.includes('年'),
  scan(m, g) {
    const [y1, y2] = [num(g.y!), num(g.y2!)];
    if (!(y1 < y2 && y2 - y1 <= 100)) return null;
    return draft(m.index, m.index + m[0].length, {
      year: { abs: y1 },
      cover: () => ({ from: `${y1}-01-01`, to: `${y2}-12-31` }),
      precision: 'year',
      ...PERIOD,
    });
  },
};

/** 1至5月, 2023年1—5月, 2019年12月至2020年3月: a period of months. */
const monthRange: Pass = {
  pattern: re(
    `(?:(?<y>${YEAR_AR})${YEAR_GAP}年${SP}|(?<r>${REL_YEAR}))?(?<m1>${MONTH_AR})(?:${SP}月)?${SP}${CONN}${SP}` +
      `(?:(?<y2>${YEAR_AR})${YEAR_GAP}年${SP})?(?<m2>${MONTH_AR})${SP}月份?(?!${SP}[0-9]|[日号])`,
  ),
  needs: (t) => t.includes('月'),
  scan(m, g) {
    const [m1, m2] = [num(g.m1!), num(g.m2!)];
    const y2 = g.y2 ? num(g.y2) : null;
    const cover = (y: number) => {
      const a = monthCover(y, m1);
      const b = monthCover(y2 ?? y, m2);
      return a && b && a.from < b.to ? { from: a.from, to: b.to } : null;
    };
    const silent = !g.y && !g.r && recurs(m);
    const year = yearOf(g);
    return checked(draft(m.index, m.index + m[0].length, { year, cover, precision: 'month', ...PERIOD, silent }));
  },
};

/** 2019年1月16日至18日, 1月16日至18日, 6月1日起至7月15日: a period of days. */
const dayRange: Pass = {
  pattern: re(
    `(?:(?<y>${YEAR_AR})${YEAR_GAP}年${SP}|(?<r>${REL_YEAR}))?(?<m1>${MONTH_AR})${SP}月${SP}(?<d1>${DAY_AR})(?:${SP}[日号])?(?:${SP}起)?${SP}${CONN}${SP}` +
      `(?:(?<y2>${YEAR_AR})${YEAR_GAP}年${SP})?(?:(?<m2>${MONTH_AR})${SP}月${SP})?(?<d2>${DAY_AR})${SP}[日号]`,
  ),
  needs: (t) => t.includes('日') || t.includes('号'),
  scan(m, g) {
    const [m1, d1, d2] = [num(g.m1!), num(g.d1!), num(g.d2!)];
    const m2 = g.m2 ? num(g.m2) : m1;
    const y2 = g.y2 ? num(g.y2) : null;
    const cover = (y: number) => {
      const from = isoDate(y, m1, d1);
      const to = isoDate(y2 ?? y, m2, d2);
      return from && to && from <= to ? { from, to } : null;
    };
    const silent = !g.y && !g.r && recurs(m);
    const year = yearOf(g);
    return checked(draft(m.index, m.index + m[0].length, { year, cover, precision: 'day', ...PERIOD, silent }));
  },
};

/** A numeric date's draft, if the numbers make a real day. */
function numericDay(m: RegExpExecArray, y: number, mo: number, d: number): Draft | null {
  if (!isoDate(y, mo, d)) return null;
  return draft(m.index, m.index + m[0].length, {
    year: { abs: y },
    cover: (yy) => dayCover(yy, mo, d),
    precision: 'day',
  });
}

/** 2019-06-06, 2019/6/6, 2019.06.06 (and ISO date-times); not inside URLs, paths or version strings. */
const numericYMD: Pass = {
  pattern: re(
    '(?<![0-9A-Za-z/_.\\\\-])(?<y>(?:19|20)[0-9]{2})(?<s>[-/.])(?<m>[0-9]{1,2})\\k<s>(?<d>[0-9]{1,2})(?!(?!T[0-9])[0-9A-Za-z/_]|\\.[0-9])',
  ),
  needs: (t) => /[-/.]/.test(t),
  scan: (m, g) => numericDay(m, num(g.y!), num(g.m!), num(g.d!)),
};

/** 28.01.2016, 28-01-2016: day first, as European-style page headers write it. */
const numericDMY: Pass = {
  pattern: re(
    '(?<![0-9A-Za-z/_.\\\\-])(?<d>[0-9]{1,2})(?<s>[.-])(?<m>[0-9]{1,2})\\k<s>(?<y>(?:19|20)[0-9]{2})(?![0-9A-Za-z/_]|\\.[0-9])',
  ),
  needs: (t) => /[.-]/.test(t),
  scan: (m, g) => numericDay(m, num(g.y!), num(g.m!), num(g.d!)),
};

/**
 * Five-year plans: 十一五 (2006–2010) … 十六五; 十四五末 is the plan's last year's end. Not part
 * of a larger number (二十五, 第十五) and not followed by a measure word (十五个).
 */
const fiveYearPlan: Pass = {
  pattern: re(
    `(?<![${CN_DIGIT}十百千万两第])十(?<n>[一二三四五六])五(?![${CN_DIGIT}十百千万亿个项家人名次条件元年月日号岁位届%])(?<end>期?末)?`,
  ),
  needs: (t) => t.includes('五'),
  scan(m, g) {
    // The third plan began in 1966, and one every five years since (the 13th: 2016–2020).
    const first = 1966 + 5 * (10 + num(g.n!) - 3);
    if (g.end) {
      const year = { abs: first + 4 };
      return draft(m.index, m.index + m[0].length, { year, cover: yearCover, precision: 'year', cue: 'end' });
    }
    return fixed(m, 'period', { from: `${first}-01-01`, to: `${first + 4}-12-31`, precision: 'year' });
  },
};

const distance = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b));

/** 农历壬寅年二月十四, 农历正月十五: the Gregorian day. */
const lunarDate: Pass = {
  pattern: re(
    `农历${SP}(?:(?:(?<gz>[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])|(?<y>(?:19|20)[0-9]{2}))年${SP})?` +
      `(?<leap>闰)?(?<m>正|冬|腊|十[一二]?|${CN_1_9})月(?<d>初(?:十|${CN_1_9})|三十|二十${CN_1_9}?|廿${CN_1_9}?|十${CN_1_9}?|${CN_1_9})日?`,
  ),
  needs: (t) => t.includes('农历'),
  scan(m, g, published) {
    const month = lunarMonth(g.m!);
    const day = lunarDay(g.d!);
    if (month === null || day === null) return null;
    const leap = g.leap !== undefined;
    const pubYear = yearOfIso(published);
    let to: string | null = null;
    if (g.y) to = lunarToGregorian(num(g.y), month, day, leap);
    else if (g.gz) {
      // A stem-branch year: the one of its 60-year cycle nearest the publication.
      const year = ganzhiYear(g.gz, pubYear ?? 2000);
      to = year === null ? null : lunarToGregorian(year, month, day, leap);
    } else if (published && pubYear !== null) {
      // No year: the lunar year (this one or the last) that puts the day nearest the publication.
      for (const y of [pubYear - 1, pubYear]) {
        const d = lunarToGregorian(y, month, day, leap);
        if (d && (!to || distance(d, published) < distance(to, published))) to = d;
      }
    }
    return fixed(m, 'date', { from: null, to, precision: 'day' });
  },
};

const MONTH_OFFSET: Readonly<Record<string, number>> = { 本月: 0, 上月: -1, 上个月: -1, 下月: 1, 下个月: 1 };

/** 本月, 上月底, 下个月初: a month relative to publication (not 基本月薪, 马上月底, 以下月份). */
const relativeMonth: Pass = {
  pattern: re(
    `(?<w>(?<![基日书资版])本月|(?<![马晚早以线])上个?月|(?<![以上])下个?月)(?!份额)(?<mp>${MONTH_PART})?(?<b>${BEFORE})?`,
  ),
  needs: (t) => t.includes('月'),
  scan(m, g, published) {
    const offset = MONTH_OFFSET[g.w!] ?? 0;
    // The month counted from the publication's; its year as an offset from the publication year.
    const [py, pm] = published ? [Number(published.slice(0, 4)), Number(published.slice(5, 7))] : [0, 1];
    const index = py * 12 + (pm - 1) + offset;
    const reading = monthPart((index % 12) + 1, null, g.mp);
    const d = draft(m.index, m.index + m[0].length, { ...reading, year: { rel: Math.floor(index / 12) - py } });
    return g.b ? withBefore(d, g.mp ? 'other' : 'month') : d;
  },
};

const DAY_OFFSET: Readonly<Record<string, number>> = {
  今天: 0,
  今日: 0,
  昨天: -1,
  昨日: -1,
  前天: -2,
  明天: 1,
  明日: 1,
};

/** 今天, 今日, 昨天, 明天, 前天: a day relative to publication (not 目前天气, 提前天数, 今天津…). */
const relativeDay: Pass = {
  pattern: re('(?<w>今天|今日|昨天|昨日|明天|明日|(?<![提目此之以空向超当日年月])前天)(?![津然数气空])'),
  needs: (t) => t.includes('天') || t.includes('日'),
  scan(m, g, published) {
    const to = published ? addDays(published, DAY_OFFSET[g.w!] ?? 0) : null;
    return fixed(m, 'relative', { from: null, to, precision: 'day' });
  },
};

/** 未来五年, 今后三年: the years from the publication year on (2022 → 2022–2026). */
const relativeYears: Pass = {
  pattern: re('(?:未来|今后)(?<n>[一二三四五六七八九十两]|[1-9][0-9]?)年(?![来代级])'),
  needs: (t) => t.includes('未来') || t.includes('今后'),
  scan(m, g, published) {
    const n = num(g.n!);
    const y = yearOfIso(published);
    const span = y === null ? { from: null, to: null } : { from: `${y}-01-01`, to: `${y + n - 1}-12-31` };
    return fixed(m, 'relative', { ...span, precision: 'year' });
  },
};

/** On equal spans the earlier pass wins: the more specific shapes come first. */
const PASSES: readonly Pass[] = [
  numericYMD,
  numericDMY,
  lunarDate,
  dayRange,
  monthRange,
  yearRange,
  fiveYearPlan,
  relativeYears,
  yearExpression,
  monthExpression,
  yearPartExpression,
  relativeMonth,
  relativeDay,
];

// ---- Choosing among overlapping drafts -----------------------------------------------------------

/** Non-overlapping drafts in text order; of overlapping ones the longest (then the earliest pass) stays. */
function nonOverlapping(drafts: readonly Draft[]): Draft[] {
  const order = drafts.map((d, i) => ({ d, i }));
  order.sort((a, b) => a.d.start - b.d.start || b.d.end - a.d.end || a.i - b.i);
  const out: Draft[] = [];
  for (const { d } of order) {
    const last = out[out.length - 1];
    if (!last || d.start >= last.end) out.push(d);
    else if (d.end - d.start > last.end - last.start) out[out.length - 1] = d;
  }
  return out;
}

// ---- Kind ----------------------------------------------------------------------------------------

/** The preposition before a span (not part of it): 'by' (到/至…) makes a deadline; 'asOf' (截至) a date if past. */
type Prefix = 'by' | 'asOf' | null;

const AS_OF = /(?:截至|截止到|截止至|截止)[ \t\u3000]*$/;
/** 到/至 and target words (力争, 确保); but 达到/做到/以至/甚至 and kin are no prepositions. */
const BY = /(?:(?<![达做得受看提回来感遇找收报想谈说听见])到|(?<![以乃甚及])至|(?:力争|争取|确保)[在于]?)[ \t\u3000]*$/;

function prefixOf(text: string, start: number): Prefix {
  const before = text.slice(Math.max(0, start - 12), start);
  if (AS_OF.test(before)) return 'asOf';
  if (BY.test(before)) return 'by';
  return null;
}

/** A verb of reaching a state shortly after a year, in the same clause: 2035年基本实现… (not …完成情况). */
const REACHES_STATE =
  /^[^，。；,;：:、！？!?\s（）()“”"《》]{0,8}?(?:基本|全面|初步|率先)?(?:实现|建成|达到|完成|形成)(?!情况|率)/;

interface KindFacts {
  cover: Cover | null;
  year: number | null;
  relative: boolean;
  prefix: Prefix;
}

function decideKind(d: Draft, f: KindFacts, text: string, published: string | null): TemporalKind {
  if (d.cue === 'period') return 'period';
  if (d.cue === 'before' || f.prefix === 'by') return 'deadline';
  const past = f.cover && published ? f.cover.to < published : null;
  // 截至 a day already past dates a report (截至12月底…共完成); a day still ahead is a time limit.
  if (f.prefix === 'asOf') return past === false ? 'deadline' : 'date';
  if (d.cue === 'within') return 'deadline';
  if (d.cue === 'end' && past !== true) return 'deadline';
  if (f.relative) return 'relative';
  // A year by which a state is reached is a deadline — unless that year is already behind the text.
  const pubYear = yearOfIso(published);
  const ahead = f.year !== null && (pubYear === null || f.year >= pubYear);
  if (d.bareYear && ahead && REACHES_STATE.test(text.slice(d.end, d.end + 20))) return 'deadline';
  return 'date';
}

// ---- Year context --------------------------------------------------------------------------------

/** A year written earlier in the same sentence (and not too far back) carries over to a later 12月底. */
const SENTENCE_END = '。！？!?\n';
const CONTEXT_REACH = 200;

function sameSentence(text: string, from: number, to: number): boolean {
  if (to - from > CONTEXT_REACH) return false;
  for (let i = from; i < to; i += 1) if (SENTENCE_END.includes(text[i]!)) return false;
  return true;
}

// ---- Entry ---------------------------------------------------------------------------------------

/**
 * The temporal expressions of a text, sorted by start and non-overlapping. `published`
 * (YYYY-MM-DD) anchors relative expressions (今年, 昨天) and unwritten years (6月底); when it is
 * null those keep their kind and precision but get `to: null`.
 */
export function findTemporal(text: string, published: string | null): TemporalMention[] {
  // Full-width digits read as ASCII ones; the copy has the same length, so offsets hold.
  const scan = /[０-９]/.test(text) ? asciiDigits(text) : text;
  const drafts: Draft[] = [];
  for (const pass of PASSES) {
    if (!pass.needs(scan)) continue;
    const pattern = pass.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(scan); m; m = pattern.exec(scan)) {
      const d = pass.scan(m, (m.groups ?? {}) as Groups, published);
      if (d && d.end > d.start) drafts.push(d);
    }
  }

  const pubYear = yearOfIso(published);
  let context: { year: number; end: number } | null = null;
  const out: TemporalMention[] = [];
  for (const d of nonOverlapping(drafts)) {
    const mention = resolve(d);
    if (mention) out.push(mention);
  }
  return out;

  function resolve(d: Draft): TemporalMention | null {
    if (d.silent) return null;
    const words = text.slice(d.start, d.end);
    if (d.fixed) return { text: words, start: d.start, end: d.end, ...d.fixed };

    let year: number | null;
    let relative = false;
    let fromPublication = false;
    if (d.year && 'abs' in d.year) year = d.year.abs;
    else if (d.year) {
      year = pubYear === null ? null : pubYear + d.year.rel;
      relative = true;
    } else if (context && sameSentence(text, context.end, d.start)) year = context.year;
    else {
      year = pubYear;
      relative = d.yearless === 'relative';
      fromPublication = true;
    }
    if (d.year && year !== null && d.cue !== 'period') context = { year, end: d.end };

    const prefix = prefixOf(text, d.start);
    let cover = year === null ? null : d.cover(year);
    // 截至 an unwritten year's day still ahead of publication: the report means last year's.
    if (fromPublication && prefix === 'asOf' && year !== null && cover && published && cover.to > published) {
      year -= 1;
      cover = d.cover(year);
    }
    if (year !== null && !cover) return null; // no such day (2月30日)
    const kind = decideKind(d, { cover, year, relative, prefix }, text, published);
    const normalized = { from: cover && d.showFrom ? cover.from : null, to: cover?.to ?? null, precision: d.precision };
    return { text: words, start: d.start, end: d.end, kind, normalized };
  }
}
