// PDFs printed by Chromium with CFF CJK fonts (Noto) come out with Type 3 fonts whose
// ToUnicode maps some glyphs to radical code points: "⼼" (U+2F3C) for 心, "⻚" (U+2EDA) for 页.
// Readers, search and anchoring want the ideograph. Every mapping here is one UTF-16 unit to
// one, so offsets into a text item stay valid (the text layer's spans hold the raw string).

/** Radicals-supplement forms that stand for a whole character; NFKC leaves most of them alone. */
const SUPPLEMENT: Record<string, string> = {
  '⺟': '母',
  '⺠': '民',
  '⺩': '王',
  '⺰': '纟',
  '⻅': '见',
  '⻆': '角',
  '⻈': '讠',
  '⻉': '贝',
  '⻋': '车',
  '⻐': '钅',
  '⻓': '长',
  '⻔': '门',
  '⻗': '雨',
  '⻘': '青',
  '⻙': '韦',
  '⻚': '页',
  '⻛': '风',
  '⻜': '飞',
  '⻝': '食',
  '⻠': '饣',
  '⻢': '马',
  '⻣': '骨',
  '⻤': '鬼',
  '⻥': '鱼',
  '⻦': '鸟',
  '⻧': '卤',
  '⻨': '麦',
  '⻩': '黄',
  '⻪': '黾',
  '⻬': '齐',
  '⻮': '齿',
  '⻰': '龙',
  '⻳': '龟',
};

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** The ideograph a radical code point stands for (Kangxi radicals by NFKC, the supplement by table). */
function ideograph(radical: string): string {
  const mapped = SUPPLEMENT[radical] ?? radical.normalize('NFKC');
  return mapped.length === 1 ? mapped : radical;
}

/** Replaces radical code points by the ideographs they stand for, keeping the length. */
export function mapRadicals(text: string): string {
  return text.replace(RADICAL, ideograph);
}
