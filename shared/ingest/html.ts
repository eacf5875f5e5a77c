// HTML → text blocks and metadata candidates. Sanitising by construction: only text nodes
// of content elements come out (entity-decoded); tags, attributes, scripts, styles, form
// controls and embedded frames never do, and the app renders the canonical text, never the HTML.
// A <form> itself is a container (CMSs wrap whole articles in one); prose inside regions skipped
// as chrome is returned in `skipped` so nothing disappears silently.
import { Parser } from 'htmlparser2';
import type { ParsedPage, RawBlock } from './types';
import { metaFrom, wechatVars, type Collected } from './html-meta';
import { endsSentence, isCjk, isProse } from './shape';

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
  'head', 'script', 'style', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'nav', 'header', 'footer', 'aside', 'button', 'select', 'option', 'textarea', 'input', 'template', 'svg',
  'math', 'canvas', 'video', 'audio', 'map', 'dialog', 'menu', 'link', 'meta', 'base',
]); // prettier-ignore

/** Skipped elements that hold no readable text at all (the rest of SKIP is chrome whose prose is listed). */
const NO_TEXT = new Set([...SKIP].filter((t) => !['nav', 'header', 'footer', 'aside', 'dialog', 'menu'].includes(t)));

/** Elements that start and end a block of text. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'summary', 'ul', 'body', 'html', 'legend',
]); // prettier-ignore

/** class/id words of site chrome: menus, breadcrumbs, share bars, comment boxes, related lists, ads. */
const CHROME_WORDS =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|header|topbar|top-bar|logo|breadcrumbs?|crumbs?|bread|position|location|footer|foot|sidebar|side|share|sharing|social|comments?|reply|related|recommend|relate|hot|ads?|advert|banner|copyright|login|signin|register|toolbar|pagination|pager|qrcode|ewm|erweima|tools|hide|hidden)(?:$|[\s_\d-])/i;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar']);

// ---- Parsing into a light tree ------------------------------------------------------------

function buildTree(html: string): Collected<El> {
  const root: El = { tag: '#root', attrs: {}, children: [], len: 0 };
  const stack: El[] = [root];
  const out: Collected<El> = { root, title: '', metas: {}, canonical: null, times: [], jsonLd: [] };
  let inTitle = 0;
  let inScript = 0;
  let ldScript: string[] | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el: El = { tag: name, attrs, children: [], len: 0 };
        stack[stack.length - 1]!.children.push(el);
        stack.push(el);
        if (name === 'title') inTitle++;
        if (name === 'script') inScript++;
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
        if (inScript && (text.includes('var ct') || text.includes('var nickname'))) wechatVars(text, out.metas);
        if (ldScript) ldScript.push(text);
        stack[stack.length - 1]!.children.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = Math.max(0, inTitle - 1);
        if (name === 'script') inScript = Math.max(0, inScript - 1);
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

/**
 * A table holding data (cells of short text) rather than page layout (cells holding paragraphs or
 * tables). A Word paste wraps each cell's few words in <p>/<div>: that is still data.
 */
function isDataTable(table: El): boolean {
  let maxCols = 0;
  const todo: Node[] = [...table.children];
  while (todo.length) {
    const n = todo.pop()!;
    if (typeof n === 'string') continue;
    if ((n.tag === 'td' || n.tag === 'th') && n.len > 100) return false;
    if (n.tag === 'table' || (BLOCK.has(n.tag) && !/^(tbody|thead|tfoot|tr|td|th|caption|p|div)$/.test(n.tag)))
      return false;
    if (n.tag === 'tr') {
      const cols = n.children.filter((c) => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th')).length;
      maxCols = Math.max(maxCols, cols);
    }
    todo.push(...n.children);
  }
  return maxCols >= 2;
}

/** Lines of a skipped region, split where blocks and line breaks would split them (no recursion). */
function regionLines(el: El): string[] {
  const lines: string[] = [];
  let buf = '';
  const todo: (Node | null)[] = [el];
  while (todo.length) {
    const n = todo.pop()!;
    if (n === null || (typeof n !== 'string' && (n.tag === 'br' || BLOCK.has(n.tag)))) {
      const line = collapseWhitespace(buf);
      if (line) lines.push(line);
      buf = '';
    }
    if (typeof n === 'string') buf += n;
    else if (n === null || n.tag === 'br') continue;
    else if (!NO_TEXT.has(n.tag)) {
      if (BLOCK.has(n.tag)) todo.push(null);
      for (let i = n.children.length - 1; i >= 0; i--) todo.push(n.children[i]!);
    }
  }
  const last = collapseWhitespace(buf);
  if (last) lines.push(last);
  return lines;
}

/** Inline bold as Word and CMS editors write it: <span style="font-weight: bold">. */
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|[6-9]00)/i;

/** Characters other than white space. */
const nonSpace = (t: string): number => t.replace(/[\s\u00a0\u3000]+/g, '').length;

/** A title compared without punctuation, symbols or spaces. */
const titleKey = (t: string): string => t.replace(/[^\p{L}\p{N}]+/gu, '');

/** What the walk leaves out: text of skipped regions that reads as prose, for the analyst to review. */
interface Walked {
  blocks: RawBlock[];
  skipped: string[];
}

function walk(root: El, titles: readonly string[]): Walked {
  const blocks: RawBlock[] = [];
  const skipped: string[] = [];
  const keys = titles.map(titleKey).filter((k) => k.length >= 6);
  // A chrome region holding the headline (新华网's <div class="header">) is the article's head: walk it.
  const holdsTitle = (lines: string[]) =>
    lines.some((l) => {
      const k = titleKey(l);
      return k.length >= 6 && keys.some((t) => t.startsWith(k) && k.length * 2 >= t.length);
    });
  const ctx: Ctx[] = [{ type: 'paragraph' }];
  const tables: TableState[] = [];
  let tableCount = 0;
  let buf = '';
  let linkChars = 0;
  let boldChars = 0;
  let inLink = 0;
  let inBold = 0;
  let inPre = 0;
  let inQuote = 0;
  let inArticle = 0;
  let inForm = 0;
  const pageLen = root.len;

  const flush = () => {
    const c = ctx[ctx.length - 1]!;
    const text = inPre ? buf.replace(/^\n+|\s+$/g, '') : collapseWhitespace(buf);
    if (text) {
      // A line bold from end to end (<strong>…</strong><br>), not a full sentence, is an in-text heading.
      const bold =
        c.type === 'paragraph' &&
        boldChars > 0 &&
        text.length <= 80 &&
        boldChars === nonSpace(text) &&
        !endsSentence(text);
      const type = c.type === 'paragraph' && inQuote ? 'quote' : bold ? 'heading' : c.type;
      const block: RawBlock = { type, text };
      if (bold && !inQuote) block.level = 3;
      if (c.level !== undefined) block.level = c.level;
      if (type === 'list-item') block.ordered = c.ordered ?? false;
      if (c.table !== undefined) Object.assign(block, { table: c.table, row: c.row, col: c.col });
      if (linkChars > 0) block.linkRatio = Math.min(1, linkChars / text.length);
      blocks.push(block);
    }
    buf = '';
    linkChars = 0;
    boldChars = 0;
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
      if (inBold) boldChars += nonSpace(node);
      continue;
    }
    if (isChrome(node, pageLen, inArticle > 0)) {
      if (NO_TEXT.has(node.tag)) continue;
      const lines = regionLines(node);
      if (isHidden(node) || !holdsTitle(lines)) {
        for (const l of lines) if (isProse(l)) skipped.push(l);
        continue;
      }
    }
    const tag = node.tag;
    // A form is a container like any other; only its controls, and the labels naming them, are chrome.
    if (tag === 'label' && inForm > 0) continue;
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
    if (tag === 'strong' || tag === 'b' || (node.attrs.style !== undefined && BOLD_STYLE.test(node.attrs.style))) {
      inBold++;
      pops.push(() => void inBold--);
    }
    if (tag === 'form') {
      inForm++;
      pops.push(() => void inForm--);
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
  return { blocks, skipped };
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

/** Parses an HTML page into blocks (content only) and the metadata its head states. */
export function parseHtml(html: string): ParsedPage {
  const collected = buildTree(html);
  collected.title = collapseWhitespace(collected.title);
  const meta = metaFrom(collected);
  const { blocks, skipped } = walk(collected.root, meta.titles);
  return { kind: 'html', blocks, meta, skipped };
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
