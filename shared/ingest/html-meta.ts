// Metadata an HTML page states outside its text: <title>, meta tags, <time>, the canonical
// link, JSON-LD, and the script variables of a saved WeChat article.
import type { MetaCandidates } from './types';
import { emptyMeta } from './types';

/** What the parse collects besides the tree (the title is white-space collapsed by the caller). */
export interface Collected<Root = unknown> {
  root: Root;
  title: string;
  metas: Record<string, string>;
  canonical: string | null;
  times: string[];
  jsonLd: string[];
}

/**
 * A saved WeChat article states its date and account only in script variables: `var ct = "1581517074"`
 * (unix seconds) and `var nickname = "爱否科技"`. Read as the wechat:ct / wechat:nickname meta tags.
 */
export function wechatVars(script: string, metas: Record<string, string>): void {
  const ct = /var ct\s*=\s*"(\d{9,11})"/.exec(script)?.[1];
  // Beijing time (UTC+8): the day the account published on.
  if (ct && !metas['wechat:ct'])
    metas['wechat:ct'] = new Date((Number(ct) + 8 * 3600) * 1000).toISOString().slice(0, 10);
  const nick = /var nickname\s*=\s*"([^"\\]{1,40})"/.exec(script)?.[1];
  if (nick && !metas['wechat:nickname']) metas['wechat:nickname'] = nick;
}

const pick = (metas: Record<string, string>, keys: string[]): string[] =>
  keys.map((k) => metas[k]?.trim()).filter((v): v is string => !!v);

function fromJsonLd(sources: string[], meta: MetaCandidates): void {
  for (const src of sources) {
    let data: unknown;
    try {
      data = JSON.parse(src);
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((d) =>
      d && typeof d === 'object' && Array.isArray((d as Record<string, unknown>)['@graph'])
        ? ((d as Record<string, unknown>)['@graph'] as unknown[])
        : [d],
    );
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const o = item as Record<string, unknown>;
      const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
      const name = (v: unknown): string | null =>
        str(v) ?? (v && typeof v === 'object' ? str((v as Record<string, unknown>).name) : null);
      const headline = str(o.headline);
      if (headline) meta.titles.push(headline);
      const date = str(o.datePublished);
      if (date) meta.dates.push(date);
      for (const a of Array.isArray(o.author) ? o.author : [o.author]) {
        const n = name(a);
        if (n) meta.authors.push(n);
      }
      const publisher = name(o.publisher);
      if (publisher) meta.sites.push(publisher);
    }
  }
}

export function metaFrom(c: Collected): MetaCandidates {
  const m = c.metas;
  const meta = emptyMeta();
  meta.titles.push(...pick(m, ['og:title', 'articletitle', 'twitter:title']));
  if (c.title.trim()) meta.titles.push(c.title);
  meta.dates.push(
    ...pick(m, [
      'article:published_time', 'og:published_time', 'pubdate', 'publishdate', 'publish_date', 'publishtime',
      'firstpublishedtime', 'datepublished', 'dc.date.issued', 'dc.date', 'date', 'weibo:article:create_at', 'wechat:ct',
    ]),
    ...c.times,
  ); // prettier-ignore
  meta.authors.push(...pick(m, ['author', 'article:author', 'dc.creator']).filter((a) => !/^https?:/i.test(a)));
  meta.sources.push(...pick(m, ['contentsource', 'source', 'wechat:nickname']));
  meta.sites.push(...pick(m, ['og:site_name', 'sitename', 'application-name']));
  meta.url = c.canonical ?? pick(m, ['og:url', 'url'])[0] ?? null;
  meta.description = pick(m, ['description', 'og:description'])[0] ?? null;
  if (/页面生成时间/.test(m.others ?? '')) meta.generated = m.others!;
  fromJsonLd(c.jsonLd, meta);
  return meta;
}
