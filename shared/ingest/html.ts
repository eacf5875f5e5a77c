// HTML → text blocks and metadata candidates. Sanitising by construction: only text nodes
// of content elements come out (entity-decoded); tags, attributes, scripts, styles, forms
// and embedded frames never do, and the app renders the canonical text, never the HTML.
import { Parser } from 'htmlparser2';
import type { MetaCandidates, ParsedPage, RawBlock } from './types';
import { emptyMeta } from './types';
import { isCjk } from './shape';

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  /** Characters of text in the subtree (filled after parsing). */
  len: number;
}
type Node = El | string;

/** Elements whose content is never article text. */
const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form',
  'nav', 'header', 'footer', 'aside', 'button', 'select', 'option', 'textarea', 'input', 'template', 'svg',
  'math', 'canvas', 'video', 'audio', 'map', 'dialog', 'menu', 'link', 'meta', 'base',
]); // prettier-ignore

/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'summary', 'ul', 'body', 'html', 'legend',
]); // prettier-ignore

/** class/id words of site chrome: menus, breadcrumbs, share bars, comment boxes, related lists, ads. */
const CHROME_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|header|topbar|top-bar|logo|breadcrumbs?|crumbs?|bread|position|location|footer|foot|sidebar|side|share|sharing|social|comments?|reply|related|recommend|relate|hot|ads?|advert|banner|copyright|login|signin|register|toolbar|pagination|pager|qrcode|ewm|erweima|tools)(?:$|[\s_\d-])/i;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar']);

// ---- Parsing into a light tree ------------------------------------------------------------

interface Collected {
  root: El;
  title: string;
  metas: Record<string, string>;
  canonical: string | null;
  times: string[];
  jsonLd: string[];
}

function buildTree(html: string): Collected {
  const root: El = { tag: '#root', attrs: {}, children: [], len: 0 };
  const stack: El[] = [root];
  const out: Collected = { root, title: '', metas: {}, canonical: null, times: [], jsonLd: [] };
  let inTitle = 0;
  let ldScript: string[] | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: El = { tag: name, attrs, children: [], len: 0 };
        stack[stack.length - 1]!.children.push(el);
        stack.push(el);
        if (name === 'title') inTitle++;
        if (name === 'meta') {
          const key = (attrs.name ?? attrs.property ?? attrs.itemprop ?? '').toLowerCase();
          if (key && attrs.content && !(key in out.metas)) out.metas[key] = attrs.content;
        }
        if (name === 'link' && /\bcanonical\b/i.test(attrs.rel ?? '') && attrs.href) out.canonical ??= attrs.href;
        if (name === 'time' && attrs.datetime && out.times.length < 5) out.times.push(attrs.datetime);
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) ldScript = [];
      },
      ontext(text) {
        if (inTitle) out.title += text;
        if (ldScript) ldScript.push(text);
        stack[stack.length - 1]!.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = Math.max(0, inTitle - 1);
        if (name === 'script' && ldScript) {
          out.jsonLd.push(ldScript.join(''));
          ldScript = null;
        }
        // htmlparser2 reports implied closes too, so the stack top is the element being closed.
        if (stack.length > 1) stack.pop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  computeLengths(root);
  return out;
}

/** Text length of every subtree, bottom-up without recursion (deeply nested pages must not overflow). */
function computeLengths(root: El): void {
  const order: El[] = [];
  const todo: El[] = [root];
  while (todo.length) {
    const el = todo.pop()!;
    order.push(el);
    for (const c of el.children) if (typeof c !== 'string') todo.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let len = 0;
    for (const c of el.children) len += typeof c === 'string' ? c.trim().length : c.len;
    el.len = len;
  }
}

// ---- Walking the tree into blocks -----------------------------------------------------------

/** Whitespace as a browser shows it: runs collapse to one space, and a line break between two Chinese characters disappears. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/[ \t\n\r\f\u00a0\u3000]+/g, (run, at: number, all: string) =>
      run.includes('\n') && isWide(all[at - 1]) && isWide(all[at + run.length]) ? '' : ' ',
    )
    .trim();
}
const isWide = (ch: string | undefined): boolean =>
  isCjk(ch) || (ch !== undefined && /[\u3000-\u303f\uff00-\uffef]/.test(ch));

interface Ctx {
  type: RawBlock['type'];
  level?: number;
  ordered?: boolean;
  table?: number;
  row?: number;
  col?: number;
}

interface TableState {
  index: number;
  data: boolean;
  row: number;
  col: number;
}

function isHidden(el: El): boolean {
  const a = el.attrs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style ?? '');
}

/**
 * Site chrome by markup: skipped tags, hidden elements, ARIA roles, and class/id words — unless
 * it holds most of the page. An article's own <header>/<footer> (inside <article>/<main>) stays.
 */
function isChrome(el: El, pageLen: number, inArticle: boolean): boolean {
  if (inArticle && (el.tag === 'header' || el.tag === 'footer')) return false;
  if (SKIP.has(el.tag) || isHidden(el)) return true;
  if (el.tag === 'body' || el.tag === 'html' || el.tag === 'main' || el.tag === 'article') return false;
  const role = (el.attrs.role ?? '').toLowerCase();
  const marked = CHROME_ROLES.has(role) || CHROME_WORDS.test(`${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`);
  return marked && el.len < pageLen * 0.4;
}

/** A table holding data (cells of short text) rather than page layout (cells holding paragraphs or tables). */
function isDataTable(table: El): boolean {
  let maxCols = 0;
  const todo: Node[] = [...table.children];
  while (todo.length) {
    const n = todo.pop()!;
    if (typeof n === 'string') continue;
    if (n.tag === 'table' || (BLOCK.has(n.tag) && !/^(tbody|thead|tfoot|tr|td|th|caption)$/.test(n.tag))) return false;
    if (n.tag === 'tr') {
      const cols = n.children.filter((c) => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')).length;
      maxCols = Math.max(maxCols, cols);
    }
    todo.push(...n.children);
  }
  return maxCols >= 2;
}

function walk(root: El): RawBlock[] {
  const blocks: RawBlock[] = [];
  const ctx: Ctx[] = [{ type: 'paragraph' }];
  const tables: TableState[] = [];
  let tableCount = 0;
  let buf = '';
  let linkChars = 0;
  let inLink = 0;
  let inPre = 0;
  let inQuote = 0;
  let inArticle = 0;
  const pageLen = root.len;

  const flush = () => {
    const c = ctx[ctx.length - 1]!;
    const text = inPre ? buf.replace(/^\n+|\s+$/g, '') : collapseWhitespace(buf);
    if (text) {
      const type = c.type === 'paragraph' && inQuote ? 'quote' : c.type;
      const block: RawBlock = { type, text };
      if (c.level !== undefined) block.level = c.level;
      if (type === 'list-item') block.ordered = c.ordered ?? false;
      if (c.table !== undefined) Object.assign(block, { table: c.table, row: c.row, col: c.col });
      if (linkChars > 0) block.linkRatio = Math.min(1, linkChars / text.length);
      blocks.push(block);
    }
    buf = '';
    linkChars = 0;
  };

  type Frame = { node: Node; exit?: () => void };
  const todo: Frame[] = [{ node: root }];
  while (todo.length) {
    const frame = todo.pop()!;
    if (frame.exit) {
      frame.exit();
      continue;
    }
    const node = frame.node;
    if (typeof node === 'string') {
      buf += node;
      if (inLink) linkChars += node.trim().length;
      continue;
    }
    if (isChrome(node, pageLen, inArticle > 0)) continue;
    const tag = node.tag;
    const pops: (() => void)[] = [];
    const isBlock = BLOCK.has(tag);
    if (tag === 'br') {
      const c = ctx[ctx.length - 1]!;
      if (inPre) buf += '\n';
      else if (c.type === 'paragraph' || c.type === 'quote') flush();
      else buf += ' ';
      continue;
    }
    if (tag === 'img' || tag === 'hr') {
      if (tag === 'hr') flush();
      continue;
    }
    if (isBlock) {
      flush();
      if (blockContext(node, ctx, tables, () => tableCount++)) pops.push(() => void ctx.pop());
      if (tag === 'table') pops.push(() => void tables.pop());
      if (tag === 'pre') {
        inPre++;
        pops.push(() => void inPre--);
      }
      if (tag === 'blockquote') {
        inQuote++;
        pops.push(() => void inQuote--);
      }
    }
    if (tag === 'a') {
      inLink++;
      pops.push(() => void inLink--);
    }
    if (tag === 'article' || tag === 'main') {
      inArticle++;
      pops.push(() => void inArticle--);
    }
    // On leaving: emit the element's text with its own context, then restore the outer one.
    todo.push({
      node,
      exit: () => {
        if (isBlock) flush();
        pops.forEach((f) => f());
      },
    });
    for (let i = node.children.length - 1; i >= 0; i--) todo.push({ node: node.children[i]! });
  }
  flush();
  return blocks;
}

/** Pushes the typed context a block element sets (heading, list item, table cell, pre); false if none. */
function blockContext(el: El, ctx: Ctx[], tables: TableState[], nextTable: () => number): boolean {
  const tag = el.tag;
  const h = /^h([1-6])$/.exec(tag);
  if (h) return !!ctx.push({ type: 'heading', level: Number(h[1]) });
  if (tag === 'pre') return !!ctx.push({ type: 'preformatted' });
  if (tag === 'li') {
    const list = [...ctx].reverse().find((c) => c.ordered !== undefined);
    const ordered = list?.ordered ?? false;
    return !!ctx.push({ type: 'list-item', ordered });
  }
  if (tag === 'ol' || tag === 'ul') return !!ctx.push({ type: ctx[ctx.length - 1]!.type, ordered: tag === 'ol' });
  if (tag === 'table') {
    const data = isDataTable(el);
    tables.push({ index: data ? nextTable() : -1, data, row: -1, col: 0 });
    return false;
  }
  const table = tables[tables.length - 1];
  if (tag === 'tr' && table) {
    table.row++;
    table.col = 0;
    return false;
  }
  if ((tag === 'td' || tag === 'th') && table?.data) {
    const col = table.col;
    table.col += Math.max(1, Number(el.attrs.colspan) || 1);
    return !!ctx.push({ type: 'table-cell', table: table.index, row: table.row, col });
  }
  return false;
}

// ---- Metadata ---------------------------------------------------------------------------------

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

function metaFrom(c: Collected): MetaCandidates {
  const m = c.metas;
  const meta = emptyMeta();
  meta.titles.push(...pick(m, ['og:title', 'articletitle', 'twitter:title']));
  if (c.title.trim()) meta.titles.push(collapseWhitespace(c.title));
  meta.dates.push(
    ...pick(m, [
      'article:published_time', 'og:published_time', 'pubdate', 'publishdate', 'publish_date', 'publishtime',
      'firstpublishedtime', 'datepublished', 'dc.date.issued', 'dc.date', 'date', 'weibo:article:create_at',
    ]),
    ...c.times,
  ); // prettier-ignore
  meta.authors.push(...pick(m, ['author', 'article:author', 'dc.creator']).filter((a) => !/^https?:/i.test(a)));
  meta.sources.push(...pick(m, ['contentsource', 'source']));
  meta.sites.push(...pick(m, ['og:site_name', 'sitename', 'application-name']));
  meta.url = c.canonical ?? pick(m, ['og:url', 'url'])[0] ?? null;
  meta.description = pick(m, ['description', 'og:description'])[0] ?? null;
  fromJsonLd(c.jsonLd, meta);
  return meta;
}

/** Parses an HTML page into blocks (content only) and the metadata its head states. */
export function parseHtml(html: string): ParsedPage {
  const collected = buildTree(html);
  return { kind: 'html', blocks: walk(collected.root), meta: metaFrom(collected) };
}

/** Decodes HTML entities in a text fragment (Markdown text keeps them raw). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  const parser = new Parser({ ontext: (t) => void (out += t) }, { decodeEntities: true });
  parser.write(text.replace(/</g, '&lt;'));
  parser.end();
  return out;
}
