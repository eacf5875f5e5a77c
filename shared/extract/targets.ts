// Quantity targets: a number with its measure word or unit (309家, 7000亩, 1.7万亿元, 不少于5人).
//
// Value and unit: the value is in plain units and the 万/亿 multipliers are folded into it, so the
// unit is what follows them — 1.7万亿元 → {value: 1.7e12, unit: '元'}, 3.5万平方米 → {35000,
// '平方米'}. A scaled number with no unit ("2300万的人口目标") keeps unit ''. Qualifiers that bound
// the target are part of its text (不少于, 不低于, 超过, 约, 近…; 多/余 after the number), and
// value is the number written (100多名 → 100).
//
// Not targets: dates, times and durations (年, 月, 日, 小时, 个月 are not units here), ordinals
// (第3版), numbers inside Latin tokens or URLs (京ICP备…, /804215.html), numbers with no unit.
// Chinese-numeral counts are written for slogans and idioms as often as for quantities, so they
// count only when they are not 一 alone (一张网, 一年一个节点), not quoted ("四个中心"), and not
// the first half of a 一-idiom (五位一体). Arabic numerals are counted as written.
import { parseChineseNumber } from './chinese-numerals';
import type { TargetMention } from './types';

/** Bounds written before the number: they belong to the target. */
const QUALIFIERS = '不少于|不低于|不超过|不高于|不多于|超过|高于|低于|多于|少于|大约|将近|约|近|逾';

/**
 * A number, found left to right. Arabic: not right after a Latin letter, digit, 第 or URL/number
 * punctuation; thousands separators and full-width digits allowed; then 多/余, a 万/亿 multiplier,
 * 多/余 again (10余万人). Chinese: a run starting with a digit (so 万家灯火 and 千家万户 are not numbers).
 */
const NUMBER = new RegExp(
  `(${QUALIFIERS})?` +
    '(?:' +
    '(?<![A-Za-z0-9０-９_./:\\-#=?&%@+~第])([0-9０-９]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9０-９]+(?:[.．][0-9０-９]+)?)(多|余)?(万亿|千亿|百亿|亿|千万|百万|万)?(多|余)?' +
    '|(?<![第〇零一二两三四五六七八九十百千万亿])([〇零一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*)(多|余)?' +
    ')',
  'g',
);

/**
 * Measure words and units, longest first. Each single character is followed by what must not
 * come next for it to be a measure word (三部门 is not 三部, 5人民币 not 5人).
 */
const UNIT = new RegExp(
  '(?:' +
    [
      '个百分点',
      '个方面',
      '平方公里',
      '平方千米',
      '平方米',
      '立方米',
      '千瓦时',
      '千瓦',
      '兆瓦',
      '公里',
      '千米',
      '公顷',
      '标准箱',
      '人次',
      '车次',
      '架次',
      '床位',
      '美元',
      '港元',
      '个(?!月|多月|小时|工作日|星期|季度|年|世纪|钟头|礼拜)',
      '家',
      '所(?!以|在|有|属)',
      '亩',
      '项(?!目)',
      '名(?!单|称|义)',
      '人(?!民|口|才|员|们|大|工)',
      '位(?!于|置)',
      '户',
      '张',
      '条(?!例|件)',
      '座',
      '处(?!理|置|于)',
      '件',
      '台',
      '辆',
      '套',
      '间',
      '栋',
      '幢',
      '批(?!准|复)',
      '场(?!所|景|馆|地)',
      '次',
      '部(?!门|委|分|署)',
      '份',
      '类',
      '种(?!植|子)',
      '棵',
      '株',
      '吨',
      '元',
      '米',
      '倍',
      '层',
      '组(?!织|成|建)',
      '支(?!持|撑|付)',
      '块',
      '宗',
      '笔',
      '篇',
      '%',
      '％',
      '‰',
    ].join('|') +
    ')',
  'y',
);

/**
 * A count of government bodies names who acts, not what is to be achieved: "这23个部门将组成…"
 * and "市委、市政府23个部门" are owners (owners.ts), so their counts are not targets.
 */
const BODY_COUNT = /(?:市级|区级|县级|相关|有关|职能|成员)?(?:部门|单位|机关|委办局)/y;

/** Time words after a multiplied number: "5万年" is not a quantity of anything. */
const TIME_AFTER = /[年月日天周时]/y;

const MULTIPLIER: Readonly<Record<string, number>> = {
  万亿: 1e12,
  千亿: 1e11,
  百亿: 1e10,
  亿: 1e8,
  千万: 1e7,
  百万: 1e6,
  万: 1e4,
};

/** Rounds away float noise from the multiplication (1.7 × 1e12). */
const tidy = (n: number): number => Number(n.toPrecision(12));

/** Every quantity target in `text`, in order. */
export function findTargets(text: string): TargetMention[] {
  const found: TargetMention[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const end = m.index + m[0].length;
    const target = m[2] !== undefined ? arabicTarget(text, m, end) : chineseTarget(text, m, end);
    if (target) {
      found.push(target);
      NUMBER.lastIndex = target.end;
    }
  }
  return found;
}

/** The unit right after `end`, or null. */
function unitAt(text: string, end: number): string | null {
  UNIT.lastIndex = end;
  const m = UNIT.exec(text);
  return m ? m[0] : null;
}

function arabicTarget(text: string, m: RegExpExecArray, end: number): TargetMention | null {
  const [, , digits, , multiplier] = m;
  const number = Number(
    digits!
      .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
      .replace(/,/g, ''),
  );
  // A zero count is page furniture (共有0条评论), never a target.
  if (!Number.isFinite(number) || number === 0) return null;
  const unit = unitAt(text, end);
  if (unit === null) {
    // A multiplied number stands for a quantity on its own (2300万的人口目标); a bare one does not.
    if (!multiplier) return null;
    TIME_AFTER.lastIndex = end;
    if (TIME_AFTER.test(text)) return null;
  }
  const value = tidy(number * (multiplier ? MULTIPLIER[multiplier]! : 1));
  return mention(text, m.index, end + (unit?.length ?? 0), value, unit ?? '');
}

function chineseTarget(text: string, m: RegExpExecArray, end: number): TargetMention | null {
  const numeral = m[6]!;
  // 一 alone is an article or an idiom (一张网, 一年一个节点), not a count worth tracking.
  if (numeral === '一') return null;
  const unit = unitAt(text, end);
  if (unit === null) return null;
  const numberStart = end - numeral.length - (m[7]?.length ?? 0);
  // A quoted count is a slogan ("四个中心", "五个认同"); X位一体 and the like are idioms.
  if (/[“"「『‘]/.test(text[numberStart - 1] ?? '')) return null;
  const after = end + unit.length;
  if (/[“"「『‘一]/.test(text[after] ?? '')) return null;
  const value = parseChineseNumber(numeral);
  if (value === null) return null;
  return mention(text, m.index, after, value, unit);
}

function mention(text: string, start: number, end: number, value: number, unit: string): TargetMention | null {
  BODY_COUNT.lastIndex = end;
  if ((unit === '个' || unit === '家') && BODY_COUNT.test(text)) return null;
  return { text: text.slice(start, end), start, end, value, unit: unit === '％' ? '%' : unit };
}
