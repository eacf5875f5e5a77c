// Markdown → blocks: YAML front matter for metadata (tolerating the broken front matter
// scrapers write), marked's lexer for structure, inline markup flattened to plain text.
// Embedded HTML goes through the HTML parser, so <img>, comments and scripts vanish.
import { Lexer, type Token, type TokenizerExtensionFunction, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { MetaCandidates, ParsedPage, RawBlock } from './types';
import { emptyMeta } from './types';
import { decodeEntities, parseHtml } from './html';
import { readPlainFrontMatter } from './frontmatter';
import { lineBlock } from './text';
import { endsSentence, isCjk, squash } from './shape';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * HTML that holds no text: comments without "<" or ">" inside, tags, whitespace ("<!-- more -->",
 * "<img …/>"). The HTML parser would give no block for it, so it is not run.
 */
const TEXTLESS_HTML = /^(?:<!--[^<>]*-->|<\/?[A-Za-z][^<>]*>|\s)*$/;

/**
 * What inline Markdown needs: escapes, tags, images, emphasis, code, strike-through, character
 * references, GFM autolinks (letters or "@"), hard breaks (two spaces, line break). A run of
 * text with none of it is one text token; handing it over whole spares marked's inline rules,
 * which otherwise step through long Chinese paragraphs a few characters at a time.
 */
const INLINE_SYNTAX = /[A-Za-z\\<>!`*_~&@]| {2}\n/;
const plainRun: TokenizerExtensionFunction = function (src, tokens) {
  if (tokens.length > 0 || INLINE_SYNTAX.test(src)) return undefined;
  // "[…]" only links with "(…)" after it or with a link definition in the page ("[责任编辑：…]" does not).
  if (src.includes('[') && (src.includes('(') || Object.keys(this.lexer.tokens.links).length > 0)) return undefined;
  return { type: 'text', raw: src, text: src };
};

/** Front matter as key → value; never throws (a broken YAML block is read line by line). */
export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const m = FRONT_MATTER.exec(text.slice(0, 64 * 1024));
  if (!m) return { data: {}, body: text };
  const raw = m[1]!;
  const body = text.slice(m[0].length);
  // Plain "key: value" lines are read without the YAML parser (see frontmatter.ts).
  let data: Record<string, unknown> | null = readPlainFrontMatter(raw);
  if (!data) {
    data = {};
    try {
      const parsed: unknown = parseYaml(raw, { prettyErrors: false, uniqueKeys: false });
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    } catch {
      // fall through to the line reader
    }
  }
  // Keys the YAML parser could not read (or read as something else) come from the raw lines.
  for (const line of raw.split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = kv[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
    if (value && (data[key] === undefined || data[key] === null)) data[key] = value;
  }
  const lower: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) lower[k.toLowerCase()] = v;
  return { data: lower, body };
}

const asStrings = (v: unknown): string[] => {
  if (v instanceof Date) return isNaN(v.getTime()) ? [] : [v.toISOString().slice(0, 10)];
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() ? [String(v).trim()] : [];
  if (Array.isArray(v)) return v.flatMap(asStrings);
  if (v && typeof v === 'object' && 'name' in v) return asStrings((v as { name: unknown }).name);
  return [];
};

function metaFromFrontMatter(data: Record<string, unknown>): MetaCandidates {
  const meta = emptyMeta();
  const get = (...keys: string[]) => keys.flatMap((k) => asStrings(data[k]));
  meta.titles.push(...get('title', 'headline'));
  meta.dates.push(...get('date', 'published', 'pubdate', 'publishdate', 'published_at', 'created'));
  meta.authors.push(...get('author', 'authors', 'byline'));
  meta.sources.push(...get('source', 'publisher'));
  meta.sites.push(...get('site', 'site_name', 'sitename'));
  meta.url = get('url', 'link', 'permalink', 'canonical', 'source_url')[0] ?? null;
  meta.description = get('description', 'summary', 'excerpt')[0] ?? null;
  return meta;
}

/** "作者\｜…": a backslash before full-width punctuation escapes nothing in Markdown; the writer meant the mark. */
const unescapeWide = (t: string): string =>
  t.includes('\\') ? t.replace(/\\(?=[\u3000-\u303f\uff00-\uffef])/g, '') : t;

/** Inline tokens → plain text: markup dropped, link text kept, images and inline HTML tags gone. */
function inlineText(tokens: Token[] | undefined): string {
  let out = '';
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text':
        out += 'tokens' in t && t.tokens ? inlineText(t.tokens) : decodeEntities(unescapeWide(t.text));
        break;
      case 'escape':
      case 'codespan':
        out += t.text;
        break;
      case 'br':
        out += '\n';
        break;
      case 'image':
      case 'html':
      case 'checkbox':
        break;
      default:
        out +=
          'tokens' in t && t.tokens
            ? inlineText(t.tokens as Token[])
            : 'text' in t
              ? decodeEntities(String(t.text))
              : '';
    }
  }
  return out;
}

/**
 * A paragraph's soft-broken lines. Scraped Chinese pages put one paragraph per line, so a
 * line ending a sentence ends a block, and so does a line much shorter than its neighbours
 * (a label like "【纠错】"); a hard-wrapped line (nearly as long as the longest) runs on.
 */
function paragraphLines(text: string): string[] {
  const lines = text.split('\n').map(squash).filter(Boolean);
  if (lines.length <= 1) return lines;
  if (lines.some((l) => l.length > 100)) return lines;
  const width = Math.max(...lines.map((l) => l.length));
  const out: string[] = [];
  let cur = '';
  let last = '';
  for (const line of lines) {
    const wrapped = last.length >= 20 && last.length >= width * 0.6;
    const sentenceEnd = endsSentence(last) && /[\u3000-\u9fff]/.test(last);
    if (!cur) cur = line;
    else if (!wrapped || sentenceEnd) {
      out.push(cur);
      cur = line;
    } else cur += isCjk(cur[cur.length - 1]) && isCjk(line[0]) ? line : ` ${line}`;
    last = line;
  }
  if (cur) out.push(cur);
  return out;
}

/** A paragraph bold from end to end ("**一、总体要求**") that is not a full sentence is an in-text heading. */
const boldHeading = (raw: string, text: string): boolean =>
  /^(\*\*|__)(?:(?!\1)[^\n])+\1$/.test(raw.trim()) && text.length <= 80 && !endsSentence(text);

function tokensToBlocks(tokens: Token[], out: RawBlock[], state: { tables: number }, quote: boolean): void {
  const push = (b: RawBlock) => {
    if (!b.text) return;
    out.push(quote && (b.type === 'paragraph' || b.type === 'heading') ? { ...b, type: 'quote' } : b);
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'heading':
        push({ type: 'heading', level: (t as Tokens.Heading).depth, text: squash(inlineText(t.tokens)) });
        break;
      case 'paragraph':
      case 'text': {
        const lines = paragraphLines(inlineText('tokens' in t && t.tokens ? t.tokens : [t]));
        if (lines.length === 1 && boldHeading(t.raw, lines[0]!)) push({ type: 'heading', level: 3, text: lines[0]! });
        else for (const line of lines) push(lines.length > 1 ? lineBlock(line, 0) : { type: 'paragraph', text: line });
        break;
      }
      case 'list':
        for (const item of (t as Tokens.List).items) listItem(item, (t as Tokens.List).ordered, out, state, quote);
        break;
      case 'table': {
        const table = t as Tokens.Table;
        const index = state.tables++;
        const rows = [table.header, ...table.rows];
        rows.forEach((row, r) =>
          row.forEach((cell, c) =>
            push({ type: 'table-cell', table: index, row: r, col: c, text: squash(inlineText(cell.tokens)) }),
          ),
        );
        break;
      }
      case 'blockquote':
        tokensToBlocks((t as Tokens.Blockquote).tokens, out, state, true);
        break;
      case 'code':
        push({ type: 'preformatted', text: (t as Tokens.Code).text.replace(/\s+$/, '') });
        break;
      case 'html':
        if (TEXTLESS_HTML.test((t as Tokens.HTML).text)) break;
        for (const b of parseHtml((t as Tokens.HTML).text).blocks) push(b);
        break;
      default:
        break; // space, hr, def: no text
    }
  }
}

function listItem(item: Tokens.ListItem, ordered: boolean, out: RawBlock[], state: { tables: number }, quote: boolean) {
  const own = item.tokens.filter((t) => t.type !== 'list');
  const text = squash(own.map((t) => inlineText('tokens' in t && t.tokens ? t.tokens : [t])).join(' '));
  if (text) out.push({ type: quote ? 'quote' : 'list-item', ordered, text });
  const nested = item.tokens.filter((t) => t.type === 'list');
  if (nested.length) tokensToBlocks(nested, out, state, quote);
}

export function parseMarkdown(text: string): ParsedPage {
  const { data, body } = splitFrontMatter(text);
  const blocks: RawBlock[] = [];
  const lexer = new Lexer({ gfm: true, extensions: { renderers: {}, childTokens: {}, inline: [plainRun] } });
  tokensToBlocks(lexer.lex(body), blocks, { tables: 0 }, false);
  return { kind: 'markdown', blocks, meta: metaFromFrontMatter(data) };
}
