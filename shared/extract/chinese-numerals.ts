// Chinese numerals → numbers: 二〇一九 (digit by digit), 十二, 一百二十三, 两千, 廿, 一万五,
// and Arabic numbers with Chinese units (1.7万, 3千, 1.7万亿). Used for dates and quantity targets.

/** The value of each Chinese digit; 〇/零/○ are zero, 两 is two. */
const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  '○': 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Units below 万: they multiply the digit before them (百 alone is 100). */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** 廿 and 卅 are whole tens on their own. */
const TENS: Readonly<Record<string, number>> = { 廿: 20, 卅: 30 };

/** A number with Chinese digits only (二〇一九, 一九九五) is read digit by digit. */
const POSITIONAL = /^[〇零○一二三四五六七八九]{2,}$/;

/** A plain Arabic number. */
const PLAIN = /^[0-9]+(?:\.[0-9]+)?$/;

/** An Arabic number at the start of a string. */
const ARABIC = /^[0-9]+(?:\.[0-9]+)?/;

/** Full-width ０-９ → 0-9 (same length, so offsets into the original still hold). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Products of decimals and units (1.7 × 10⁴ × 10⁸) rounded back to what was written. */
const tidy = (n: number): number => Number(n.toPrecision(12));

/**
 * The value of a number as written in Chinese or mixed notation, or null when `s` is not one.
 * 一百二十三 → 123, 二〇一九 → 2019, 两千 → 2000, 廿 → 20, 一万五 → 15000, 1.7万 → 17000,
 * 三千五百万 → 35000000, 1.7万亿 → 1.7e12, 1,200 → 1200.
 */
export function parseChineseNumber(input: string): number | null {
  if (PLAIN.test(input)) return Number(input); // the common case: 2019, 06, 1.7
  const s = asciiDigits(input.trim()).replace(/(?<=\d),(?=\d{3})/g, '');
  if (s === '') return null;
  if (POSITIONAL.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));

  let yi = 0; // everything already multiplied by 亿
  let wan = 0; // the part below 亿 already multiplied by 万
  let section = 0; // the part below 万
  let digit: number | null = null; // a digit (or Arabic number) waiting for its unit
  let lastUnit = 0; // the unit read last, for the abbreviated 一万五 (= 一万五千)
  let zero = false; // a 零 since that unit: 一万零五 is 10005, not 15000

  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    const arabic = /[0-9]/.test(c) ? ARABIC.exec(s.slice(i)) : null;
    if (arabic) {
      if (digit !== null) return null;
      digit = Number(arabic[0]);
      i += arabic[0].length;
      continue;
    }
    i += 1;
    if (c in DIGITS) {
      if (digit !== null) return null; // two digits in a row outside the positional form
      const v = DIGITS[c]!;
      if (v === 0) zero = true;
      else digit = v;
      continue;
    }
    if (c in TENS) {
      if (digit !== null) return null;
      section += TENS[c]!;
      lastUnit = 10;
      zero = false;
      continue;
    }
    if (c in SMALL_UNITS) {
      const unit = SMALL_UNITS[c]!;
      section += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
      zero = false;
      continue;
    }
    if (c === '万' || c === '萬') {
      wan += (section + (digit ?? (section === 0 ? 1 : 0))) * 1e4;
      section = 0;
      digit = null;
      lastUnit = 1e4;
      zero = false;
      continue;
    }
    if (c === '亿' || c === '億') {
      yi = (yi + wan + section + (digit ?? (wan + section === 0 ? 1 : 0))) * 1e8;
      wan = 0;
      section = 0;
      digit = null;
      lastUnit = 1e8;
      zero = false;
      continue;
    }
    return null;
  }

  // A digit right after a unit stands for the next unit down: 一万五 → 15000, 三百五 → 350, 十二 → 12.
  const tail =
    digit === null ? 0 : lastUnit >= 100 && !zero && Number.isInteger(digit) ? digit * (lastUnit / 10) : digit;
  return tidy(yi + wan + section + tail);
}
