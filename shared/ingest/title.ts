// The document title: from the page's own headline line (removed from the body so the reader
// shows it once), else from the HTML head or front matter, cleaned of channel suffixes
// ("_河北频道", " - 新浪网", "|…") and column labels ("评论：").
import type { ParsedPage } from './types';
import type { BoilerKind } from './boilerplate';
import { BYLINE, compact, isHeadingLike, isProse, squash } from './shape';
import { findDate } from './dates';

export interface CleanedTitle {
  title: string;
  /** A channel named in the suffix: "河北频道". */
  channel: string | null;
  /** A site named in the suffix: "新浪网". */
  site: string | null;
}

/** Column labels written before a headline: "评论：…", "【独家】…". Speaker prefixes ("王毅：…") are kept. */
const COLUMN_PREFIX =
  /^[[【]?\s*(评论|社论|时评|短评|快评|观点|独家|快讯|视频|图解|图文|专访|原创|关注|聚焦|热点|深度|解读|权威发布|重磅|最新|要闻|头条|推荐|转载|原标题)\s*(?:[:：]|[】\]])\s*/;
const SUFFIX_SEP = /\s*(?:[_|｜]|\s[-–—]\s|\s?--\s?)\s*/;
const SITE_WORD = /(网|报|新闻|政府|门户|在线|电视台|客户端|网站|平台|\.com|\.cn|\.net|\.org)$/i;
const CHANNEL_WORD = /(频道|栏目|专题|板块|版块)$/;

export function cleanTitle(raw: string): CleanedTitle {
  let title = squash(raw);
  let channel: string | null = null;
  let site: string | null = null;
  const parts = title.split(SUFFIX_SEP).filter(Boolean);
  if (parts.length > 1 && parts[0]!.length >= 4) {
    const rest = parts.slice(1);
    if (rest.every((p) => p.length <= 20 || SITE_WORD.test(p) || CHANNEL_WORD.test(p))) {
      title = parts[0]!;
      channel = rest.find((p) => CHANNEL_WORD.test(p)) ?? null;
      site = rest.find((p) => SITE_WORD.test(p) && !CHANNEL_WORD.test(p)) ?? null;
    }
  } else {
    // "标题-中国政府网": an unspaced dash before a site name.
    const m = /^(.{4,}?)[-—](.{2,12}(?:网|报|政府|频道))$/.exec(title);
    if (m) {
      title = m[1]!;
      if (CHANNEL_WORD.test(m[2]!)) channel = m[2]!;
      else site = m[2]!;
    }
  }
  const unprefixed = title.replace(COLUMN_PREFIX, '');
  if (unprefixed.length >= 4) title = unprefixed;
  return { title: title.trim(), channel, site };
}

/** Bigram overlap (Dice) of two short strings, ignoring whitespace. */
function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, a.length - 1 + (b.length - 1));
  return (2 * common) / total;
}

/** Whether two lines are the same headline (up to layout, a suffix, or — when fuzzy — a small edit). */
export function similarTitles(a: string, b: string, fuzzy = true): boolean {
  const x = compact(a);
  const y = compact(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (long.includes(short) && short.length >= long.length * 0.6) return true;
  return fuzzy && dice(x, y) >= 0.75;
}

/** Letters and digits only: two headlines differing in punctuation or spacing compare equal. */
const titleKey = (t: string): string => cleanTitle(t).title.replace(/[^\p{L}\p{N}]+/gu, '');

/** The same headline exactly (up to punctuation, spacing and a channel suffix); a lead that extends it is not. */
export function sameTitle(line: string, title: string): boolean {
  const k = titleKey(line);
  return k.length > 0 && k === titleKey(title);
}

/**
 * How many lines from `i` on spell the headline exactly when read together (a headline broken
 * by <br> over 2–4 lines); 0 when they do not. Each line must be heading-shaped.
 */
export function titleLinesAt(texts: readonly string[], i: number, title: string): number {
  const want = titleKey(title);
  let got = '';
  for (let j = i; j < texts.length && j < i + 4; j++) {
    if (!isHeadingLike(texts[j]!, 60)) return 0;
    got += titleKey(texts[j]!);
    if (got === want) return j - i + 1;
    if (!want.startsWith(got)) return 0;
  }
  return 0;
}

export interface TitlePick {
  /** null when the page shows no headline (the caller falls back to the first sentence). */
  title: string | null;
  /** The block holding the headline, to take out of the body. */
  index: number | null;
  channel: string | null;
  site: string | null;
}

/** Index of the first block that reads as article prose (where the head of the page ends). */
export function proseStart(page: ParsedPage, marks: readonly (BoilerKind | null)[]): number {
  const i = page.blocks.findIndex((b, k) => !marks[k] && isProse(b.text));
  return i < 0 ? page.blocks.length : i;
}

/** A line that can be a headline: short, unpunctuated, not a byline or a date line. */
const headlineShaped = (text: string) =>
  isHeadingLike(text, 60) && text.length >= 4 && !BYLINE.test(text) && !(findDate(text) && text.length < 24);

/** The title a gov.cn particulars table states ("标 题：" | value): it survives a headline broken over lines. */
function labelledTitle(page: ParsedPage): string[] {
  const b = page.blocks;
  for (let i = 0; i + 1 < b.length && i < 60; i++) {
    if (b[i]!.type === 'table-cell' && b[i + 1]!.type === 'table-cell' && /^标\s*题\s*[:：]$/.test(b[i]!.text)) {
      return [b[i + 1]!.text];
    }
  }
  return [];
}

export function pickTitle(page: ParsedPage, marks: readonly (BoilerKind | null)[]): TitlePick {
  const blocks = page.blocks;
  const limit = Math.min(blocks.length, 20);
  const metaTitles = [...page.meta.titles, ...labelledTitle(page)].map(cleanTitle).filter((t) => t.title.length >= 2);
  const meta = metaTitles[0] ?? null;
  const hint = {
    channel: meta?.channel ?? metaTitles.find((t) => t.channel)?.channel ?? null,
    site: meta?.site ?? null,
  };

  const usable = (i: number) => !marks[i] && blocks[i]!.type !== 'table-cell';
  // 1. A block in the head that repeats the stated title (HTML <title>/og:title, front matter).
  for (const t of metaTitles) {
    for (let i = 0; i < limit; i++) {
      if (usable(i) && blocks[i]!.text.length <= 120 && similarTitles(blocks[i]!.text, t.title)) {
        // Front matter states the title on purpose (a page's <title> may be cut or suffixed); a line
        // that only resembles it ("原文来自「X」：<title>") then stays in the body.
        if (page.kind !== 'markdown') return { title: cleanTitle(blocks[i]!.text).title, index: i, ...hint };
        return { title: t.title, index: sameTitle(blocks[i]!.text, t.title) ? i : null, ...hint };
      }
    }
  }
  // 2. The page's main heading (HTML <h1>, Markdown "# ").
  if (page.kind !== 'text') {
    const h1 = blocks.findIndex((b, i) => i < limit && usable(i) && b.type === 'heading' && b.level === 1);
    if (h1 >= 0 && !meta) return { title: cleanTitle(blocks[h1]!.text).title, index: h1, ...hint };
    if (meta) return { title: meta.title, index: null, ...hint };
  }
  // 3. Plain text: the first headline-shaped line before the article prose starts.
  const start = Math.min(proseStart(page, marks), limit);
  for (let i = 0; i < start; i++) {
    if (usable(i) && headlineShaped(blocks[i]!.text)) {
      const c = cleanTitle(blocks[i]!.text);
      return { title: c.title, index: i, channel: c.channel ?? hint.channel, site: c.site ?? hint.site };
    }
  }
  return { title: meta?.title ?? null, index: null, ...hint };
}
