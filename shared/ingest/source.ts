// Who published the page, and where it was hosted. Evidence, strongest first: an explicit
// "来源:" line; a newspaper's masthead or its reporters ("北京青年报记者", "本报讯"); the
// page's own metadata; a channel named in the title suffix with the site's web address;
// the site that signs the footer (copyright, "返回…首页", "…提供,转载请注明出处").
import type { MetaCandidates } from './types';
import type { DroppedLine } from './clean';
import { CJK } from './shape';
import { stripDatesAndTimes } from './dates';

export interface SourceFacts {
  site: string | null;
  host: string | null;
  url: string | null;
  /** The original publisher of a repost, e.g. "识政君 (ID:PoliticalInside)". */
  original: string | null;
}

export interface SourceEvidence {
  meta: MetaCandidates;
  /** Texts of the kept blocks, in order. */
  kept: readonly string[];
  dropped: readonly DroppedLine[];
  /** The decoded original file (web addresses in it hint at the site). */
  original: string;
  /** Channel and site named in the title suffix ("_河北频道", " - 新浪网"). */
  titleChannel: string | null;
  titleSite: string | null;
}

/** Well-known news sites by domain, to name a site from the addresses its pages carry. */
const BRANDS: [RegExp, string][] = [
  [/(^|\.)ifeng(img)?\.com$/, '凤凰网'],
  [/(^|\.)(sina\.com\.cn|sina\.cn|sinaimg\.cn)$/, '新浪网'],
  [/(^|\.)(qq\.com|gtimg\.cn)$/, '腾讯网'],
  [/(^|\.)sohu\.com$/, '搜狐网'],
  [/(^|\.)(163\.com|126\.net)$/, '网易'],
  [/(^|\.)people\.com\.cn$/, '人民网'],
  [/(^|\.)(xinhuanet\.com|news\.cn)$/, '新华网'],
  [/^www\.gov\.cn$/, '中国政府网'],
  [/(^|\.)chinanews\.com(\.cn)?$/, '中国新闻网'],
  [/(^|\.)(cctv\.com|cntv\.cn)$/, '央视网'],
  [/(^|\.)chinadaily\.com\.cn$/, '中国日报网'],
  [/(^|\.)thepaper\.cn$/, '澎湃新闻'],
  [/(^|\.)ce\.cn$/, '中国经济网'],
  [/(^|\.)china\.com\.cn$/, '中国网'],
  [/(^|\.)cnr\.cn$/, '央广网'],
  [/(^|\.)gmw\.cn$/, '光明网'],
  [/(^|\.)youth\.cn$/, '中国青年网'],
  [/(^|\.)bjnews\.com\.cn$/, '新京报'],
  [/(^|\.)ynet\.com$/, '北青网'],
  [/(^|\.)caixin\.com$/, '财新网'],
];

const brandOf = (host: string): string | null => {
  const h = host.toLowerCase();
  return BRANDS.find(([re]) => re.test(h))?.[1] ?? null;
};

/** The site most often named by the web addresses in a text. */
function brandFromAddresses(text: string, preferred: string | null): string | null {
  if (preferred) {
    const host = /^https?:\/\/([^/:?#]+)/i.exec(preferred)?.[1];
    const b = host ? brandOf(host) : null;
    if (b) return b;
  }
  const votes = new Map<string, number>();
  // Substring searches are far cheaper than the pattern's scan, and most pages name no address.
  const addresses = text.includes('://') ? text.matchAll(/https?:\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi) : [];
  for (const m of addresses) {
    const b = brandOf(m[1]!);
    if (b) votes.set(b, (votes.get(b) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const MEANINGLESS = /^(本站|本网|网络|互联网|未知|网友|原创|转载|综合|其他|网络整理)$/;

/** Words that start the next label or a button after a source's value. */
const VALUE_END =
  /浏览|访问|作者|时间|发布|编辑|责任|日期|点击|阅读|举报|纠错|参与|互动|评论|分享|收藏|打印|字号|来源|\d{4}[-年/.]/;

/** "来源:北京市发展和改革委员会   浏览(127) 2019-06-06" → 北京市发展和改革委员会 */
function explicitSource(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (line.length > 120 || !(line.includes('源') || line.includes('来自'))) continue; // every label holds one
    const m =
      /(?:^|[\s【[(（|｜])(?:来源于|来源|稿源|文章来源|本文来源|信息来源|来自)\s*[:：]\s*([^\s|｜,，。;；()（）【】[\]]{2,40})/.exec(
        ` ${line}`,
      );
    if (!m) continue;
    // The value ends where the next label or button starts: "访问量：199", "新华社举报", "求是网参与互动".
    const value = m[1]!.split(VALUE_END)[0]!.trim();
    if (value.length >= 2 && !/^https?:/i.test(value) && !MEANINGLESS.test(value)) return value;
  }
  return null;
}

/** "2020年05月22日 09:14  人民网": an outlet named on the date line of the page head. */
function datelineOutlet(lines: readonly string[]): string | null {
  for (const line of lines) {
    const rest = stripDatesAndTimes(line)
      .replace(/(星期|周)[一二三四五六日天]|[\s|｜/·]+/g, ' ')
      .trim();
    if (/^[\u4e00-\u9fffA-Za-z]{2,15}(网|报|社|台|新闻|客户端|杂志|网站|频道)$/.test(rest)) return rest;
  }
  return null;
}

const NEWSPAPER = new RegExp(`(?:^|[^${CJK}])([${CJK}]{2,8}报)(?:记者|讯|消息)`, 'g');

/** The paper whose reporters wrote the piece: "北京青年报记者…", "北青报记者…" → the fullest name. */
function newspaperInBody(kept: readonly string[]): string | null {
  let best: string | null = null;
  for (const text of kept.slice(0, 12)) {
    // The pattern needs "报" right before 记者/讯/消息; most paragraphs have none.
    if (!text.includes('报记者') && !text.includes('报讯') && !text.includes('报消息')) continue;
    for (const m of text.matchAll(NEWSPAPER)) {
      const name = m[1]!;
      if (/^[本该此我其]/.test(name) || /^(日报|晚报|情报|简报|公报)$/.test(name)) continue;
      if (!best || name.length > best.length) best = name;
    }
  }
  return best;
}

/**
 * Footer signatures, in the order they vote: [a word the pattern cannot match without (null:
 * always try), the pattern, the vote's weight]. The word check skips hopeless regex scans.
 */
const SIGNATURES: [string | null, RegExp, number][] = [
  [
    '版权所有',
    /版权所有\s*[:：©]?\s*(?:©|\(c\))?\s*([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,20}?)(?=\s|$|[,，。;；|(（]|Copyright|All|\d)/i,
    3,
  ],
  [
    null,
    /(?:Copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}\s*(?:[-–—~]\s*\d{4})?\s*)?([\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]{1,20}?)(?=\s|$|All|版权|[,，.。;；|(（])/i,
    3,
  ],
  ['版权所有', /(?:^|\s)([\u4e00-\u9fff]{2,12})\s*版权所有/, 2],
  ['提供', /([^\s\-—_|》<>:：,，]{2,12}?)提供[,，]?\s*转载/, 2],
  ['返回', /返回(.{2,12}?)首页/, 2],
];

/** Who signs the footer: copyright holder, "返回X首页", "X提供,转载请注明出处", breadcrumb root. */
function footerSite(lines: readonly string[]): string | null {
  const votes = new Map<string, number>();
  const vote = (name: string | undefined, weight: number) => {
    const n = name?.trim();
    if (n && n.length >= 2 && n.length <= 20 && !/^(首页|主页|网站首页|本网|本站)$/.test(n)) {
      // A company signing the copyright is weaker evidence of the site's name than the site itself.
      votes.set(n, (votes.get(n) ?? 0) + (/(公司|集团|有限)$/.test(n) ? 1 : weight));
    }
  };
  for (const line of lines) {
    for (const [word, re, weight] of SIGNATURES) {
      if (word === null || line.includes(word)) vote(re.exec(line)?.[1], weight);
    }
    const crumb = /^([^\s>»›→＞]{2,12})\s*(?:>>|>|»|›|→|＞)/.exec(line)?.[1];
    if (crumb && /(网|站|报|频道|在线|新闻)$/.test(crumb)) vote(crumb, 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** A repost's original: "识政君(ID:PoliticalInside)", "来源：微信公众号“X”", "本文转自X". */
function originalPublisher(kept: readonly string[]): string | null {
  for (const text of kept) {
    if (!/ID|公众号|转|原载|原文/.test(text)) continue;
    // Find the "(ID:…)" first, then the name right before it (a leading CJK run would backtrack).
    const id = /[(（]\s*(?:微信(?:公众)?号?\s*)?ID\s*[:：]\s*([A-Za-z][\w-]{2,40})\s*[)）]/.exec(text);
    const name = id ? /([\u4e00-\u9fff]{2,10})\s*$/.exec(text.slice(Math.max(0, id.index - 12), id.index)) : null;
    if (id && name) return `${name[1]} (ID:${id[1]})`;
    const wx = /(?:微信公众号|公众号)\s*[“"「]([^”"」]{2,20})[”"」]/.exec(text);
    if (wx) return wx[1]!;
    const via =
      /(?:本文|文章)?(?:转自|转载自|原载于|原文来源|原文来自)\s*[:：]?\s*[“"《「]?([\u4e00-\u9fffA-Za-z0-9|]{2,20})/.exec(
        text,
      );
    if (via && text.length <= 120) return via[1]!;
  }
  return null;
}

function urlIn(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (!line.includes('://')) continue; // the address the pattern captures
    const m =
      /(?:转载请注明出处|原文链接|本文链接|原文地址|文章链接|本文地址)\s*[:：]?\s*(https?:\/\/[^\s,，。;；"'<>)）]+)/.exec(
        line,
      );
    if (m) return m[1]!;
  }
  return null;
}

export function detectSource(e: SourceEvidence): SourceFacts {
  const dropped = e.dropped.filter((d) => d.reason !== 'related' && d.reason !== 'duplicate').map((d) => d.text);
  const near = [...e.kept.slice(0, 10), ...e.kept.slice(-5)];
  const paper = e.dropped.find((d) => d.reason === 'paper')?.text ?? null;
  const named = (xs: string[]) => xs.find((s) => s.length <= 30 && !/^https?:/i.test(s)) ?? null;
  const metaSource = named(e.meta.sources);
  const metaSite = named(e.meta.sites);
  const datelines = e.dropped.filter((d) => d.reason === 'dateline').map((d) => d.text);
  const url = e.meta.url ?? urlIn([...dropped, ...near]);
  const brand = brandFromAddresses(e.original, url);
  const hostName = footerSite(dropped) ?? metaSite;
  const channel = e.titleChannel ? `${e.titleSite ?? brand ?? ''}${e.titleChannel}` : null;

  const site =
    explicitSource([...dropped, ...near]) ??
    metaSource ??
    datelineOutlet(datelines) ??
    paper ??
    newspaperInBody(e.kept) ??
    metaSite ??
    channel ??
    e.titleSite ??
    hostName ??
    brand;
  const host =
    [hostName, brand].find((h): h is string => !!h && !!site && !site.includes(h) && !h.includes(site)) ?? null;
  return { site, host, url, original: originalPublisher(e.kept) };
}
