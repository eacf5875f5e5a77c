// A quantity target the analyst types (309家, 1.7万亿元, 三个): its number in plain units and its unit.
import type { QuantityTarget } from '../../../shared/model/types';

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: [string, number][] = [
  ['万亿', 1e12],
  ['亿', 1e8],
  ['万', 1e4],
];

/** 三百二十 → 320; null when the characters are not a Chinese numeral below ten thousand. */
function chineseNumber(text: string): number | null {
  let total = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in DIGITS) digit = DIGITS[char]!;
    else if (char in SMALL_UNITS) {
      total += (digit ?? 1) * SMALL_UNITS[char]!;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** Reads a target as written; a value of 0 when no number can be read from it (the text is kept). */
export function parseTarget(written: string): QuantityTarget {
  const text = written.trim();
  const match =
    /^(?:不少于|不低于|超过|约|近|达到|达)?([\d.,]+|[零〇一二两三四五六七八九十百千]+)(万亿|亿|万)?(.*)$/.exec(text);
  if (!match) return { value: 0, unit: '', text };
  const [, number, large, unit] = match;
  const base = /\d/.test(number!) ? Number(number!.replace(/,/g, '')) : chineseNumber(number!);
  const scale = LARGE_UNITS.find(([name]) => name === large)?.[1] ?? 1;
  const value = base === null || !Number.isFinite(base) ? 0 : base * scale;
  return { value, unit: (unit ?? '').trim(), text };
}
