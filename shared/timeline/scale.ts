// The timeline's time scale: how many pixels a day takes, the named zoom levels from
// decades to days, and the ticks and labels of the axis at each level, in English and
// Chinese. Pure: the view asks for the ticks of the days it draws.
import { calendarDate, monthStart, weekday } from './dates';

export const ZOOM_LEVELS = ['decades', 'years', 'quarters', 'months', 'weeks', 'days'] as const;
export type ZoomLevel = (typeof ZOOM_LEVELS)[number];

/** Pixels per day each level is drawn at when the analyst steps to it (+ / −). */
export const LEVEL_SCALE: Readonly<Record<ZoomLevel, number>> = {
  decades: 0.05, // a decade ≈ 180 px
  years: 0.25, // a year ≈ 90 px
  quarters: 1, // a quarter ≈ 90 px
  months: 3.5, // a month ≈ 105 px
  weeks: 12, // a week ≈ 84 px
  days: 48,
};

/** The widest and the closest the timeline zooms: about 160 years across a screen, a day of 160 px. */
export const MIN_PX_PER_DAY = 0.02;
export const MAX_PX_PER_DAY = 160;

export const clampScale = (pxPerDay: number): number =>
  Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, Number.isFinite(pxPerDay) ? pxPerDay : 1));

/** The level a scale shows: the one whose own scale is nearest (on a log scale). */
export function levelAt(pxPerDay: number): ZoomLevel {
  let best: ZoomLevel = 'decades';
  let distance = Infinity;
  for (const level of ZOOM_LEVELS) {
    const d = Math.abs(Math.log(pxPerDay / LEVEL_SCALE[level]));
    if (d < distance) {
      distance = d;
      best = level;
    }
  }
  return best;
}

/**
 * The scale one level closer (+1) or wider (−1) than `pxPerDay`: the next level's own scale.
 * Between levels (after a wheel zoom) it goes to the nearest level in that direction.
 */
export function stepScale(pxPerDay: number, direction: 1 | -1): number {
  const scales = ZOOM_LEVELS.map((l) => LEVEL_SCALE[l]);
  if (direction > 0) return scales.find((s) => s > pxPerDay * 1.01) ?? MAX_PX_PER_DAY;
  return [...scales].reverse().find((s) => s < pxPerDay / 1.01) ?? MIN_PX_PER_DAY;
}

export type TickLanguage = 'en' | 'zh';

export interface Tick {
  /** Day number where the tick is drawn (the first day of its unit). */
  day: number;
  /** '' when there is no room for a label at this scale. */
  label: string;
}

export interface Ticks {
  level: ZoomLevel;
  /** The large units: decades, years or months, labelled. */
  major: Tick[];
  /** The small units between them. */
  minor: Tick[];
  /** The label of the major unit holding the first day drawn (kept in view at the axis's left edge). */
  context: string;
}

/** Fewer pixels than this between two minor ticks and they go unlabelled. */
export const MIN_LABEL_PX = 28;
/** About how many pixels a label takes at the axis's type size: CJK characters are wide, digits narrow. */
export function labelWidth(text: string): number {
  let width = 10;
  for (const ch of text) width += /[\u3000-\u9fff]/.test(ch) ? 12 : 7.5;
  return width;
}

/** No more ticks than this are made for one call, whatever the window. */
const MAX_TICKS = 4000;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ZH_QUARTERS = ['一', '二', '三', '四'];

/** Labels of the units, per language. */
export const tickLabel = {
  decade: (year: number, lang: TickLanguage) => (lang === 'zh' ? `${year}年代` : `${year}s`),
  year: (year: number, lang: TickLanguage) => (lang === 'zh' ? `${year}年` : String(year)),
  quarter: (quarter: number, lang: TickLanguage) => (lang === 'zh' ? `${ZH_QUARTERS[quarter - 1]}季度` : `Q${quarter}`),
  month: (month: number, lang: TickLanguage) => (lang === 'zh' ? `${month}月` : EN_MONTHS[month - 1]!),
  monthOfYear: (year: number, month: number, lang: TickLanguage) =>
    lang === 'zh' ? `${year}年${month}月` : `${EN_MONTHS[month - 1]} ${year}`,
  day: (day: number, lang: TickLanguage) => (lang === 'zh' ? `${day}日` : String(day)),
};

type Unit = 'decade' | 'year' | 'quarter' | 'month' | 'week' | 'day';

/** The first day of the unit holding day `n`. */
function unitStart(unit: Unit, n: number): number {
  const { year, month } = calendarDate(n);
  switch (unit) {
    case 'decade':
      return monthStart(Math.floor(year / 10) * 10, 1);
    case 'year':
      return monthStart(year, 1);
    case 'quarter':
      return monthStart(year, Math.floor((month - 1) / 3) * 3 + 1);
    case 'month':
      return monthStart(year, month);
    case 'week':
      return Math.floor(n) - weekday(n);
    case 'day':
      return Math.floor(n);
  }
}

/** The first day of the unit after the one starting on `n`. */
function nextUnit(unit: Unit, n: number): number {
  const { year, month } = calendarDate(n);
  switch (unit) {
    case 'decade':
      return monthStart(year + 10, 1);
    case 'year':
      return monthStart(year + 1, 1);
    case 'quarter':
      return monthStart(year, month + 3);
    case 'month':
      return monthStart(year, month + 1);
    case 'week':
      return n + 7;
    case 'day':
      return n + 1;
  }
}

function label(unit: Unit, n: number, lang: TickLanguage): string {
  const { year, month, day } = calendarDate(n);
  switch (unit) {
    case 'decade':
      return tickLabel.decade(year, lang);
    case 'year':
      return tickLabel.year(year, lang);
    case 'quarter':
      return tickLabel.quarter(Math.floor((month - 1) / 3) + 1, lang);
    case 'month':
      return tickLabel.month(month, lang);
    case 'week':
    case 'day':
      return tickLabel.day(day, lang);
  }
}

/** The major and minor units of each level, and the typical length of a minor unit in days. */
const LEVEL_UNITS: Record<ZoomLevel, { major: Unit; minor: Unit; minorDays: number }> = {
  decades: { major: 'decade', minor: 'year', minorDays: 365.25 },
  years: { major: 'year', minor: 'quarter', minorDays: 91.3 },
  quarters: { major: 'year', minor: 'quarter', minorDays: 91.3 },
  months: { major: 'year', minor: 'month', minorDays: 30.4 },
  weeks: { major: 'month', minor: 'week', minorDays: 7 },
  days: { major: 'month', minor: 'day', minorDays: 1 },
};

function majorLabel(unit: Unit, n: number, lang: TickLanguage): string {
  if (unit !== 'month') return label(unit, n, lang);
  const { year, month } = calendarDate(n);
  return tickLabel.monthOfYear(year, month, lang);
}

function unitTicks(unit: Unit, from: number, to: number, make: (n: number) => string): Tick[] {
  const ticks: Tick[] = [];
  for (let n = unitStart(unit, from); n <= to && ticks.length < MAX_TICKS; n = nextUnit(unit, n)) {
    ticks.push({ day: n, label: make(n) });
  }
  return ticks;
}

/**
 * The axis between day `from` and day `to` at `pxPerDay`: major ticks (decades, years or
 * months, always labelled) and minor ticks (years, quarters, months, weeks or days, labelled
 * when there is room). Ticks start at the unit holding `from`, which may begin before it.
 */
export function ticks(from: number, to: number, pxPerDay: number, lang: TickLanguage): Ticks {
  const level = levelAt(pxPerDay);
  const units = LEVEL_UNITS[level];
  // Labelled when the widest label of the unit fits between two ticks.
  const widest = label(units.minor, monthStart(2000, 12) + 27, lang);
  const labelled = units.minorDays * pxPerDay >= Math.max(MIN_LABEL_PX, labelWidth(widest));
  const major = unitTicks(units.major, from, to, (n) => majorLabel(units.major, n, lang));
  const minor = unitTicks(units.minor, from, to, (n) => (labelled ? label(units.minor, n, lang) : ''));
  return { level, major, minor, context: majorLabel(units.major, unitStart(units.major, from), lang) };
}
