// Citations read back from a brief's Markdown (./markdown.ts): each footnote whose text holds a
// passage locator, with the quote (`>` block) that refers to it. What a Markdown export claims
// about its sources can so be checked against the library, or the quotes re-linked. Pure.
import { parsePassageLocator } from './citation';
import { unescapeMarkdown } from './markdown-inline';

export interface MarkdownCitation {
  /** The footnote's label: `1` for `[^1]`. */
  label: string;
  /** The quoted passage whose `>` block refers to the footnote; null when none does (an item table's source). */
  quote: string | null;
  citation: {
    documentId: string;
    position: { start: number; end: number };
    title: string;
    /** The source's web address, when the title links to one. */
    url?: string;
    page?: number;
  };
  /** The citation as a reader sees it, without its links. */
  text: string;
}

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
const LOCATOR = /dossier:\/\/doc\/[^\s<>)]+/g;

/** The first inline link `[text](dest)` of a line, with its escapes honoured. */
function firstLink(line: string): { text: string; href: string; end: number; start: number } | null {
  for (let start = line.indexOf('['); start >= 0; start = line.indexOf('[', start + 1)) {
    if (line[start - 1] === '\\') continue;
    let depth = 0;
    for (let i = start; i < line.length; i++) {
      const c = line[i];
      if (c === '\\') i++;
      else if (c === '[') depth++;
      else if (c === ']' && --depth === 0) {
        if (line[i + 1] !== '(') break;
        const rest = line.slice(i + 2);
        const dest = /^<([^<>\n]*)>\)|^([^\s)]*)\)/.exec(rest);
        if (!dest) break;
        return { text: line.slice(start + 1, i), href: dest[1] ?? dest[2] ?? '', start, end: i + 2 + dest[0].length };
      }
    }
  }
  return null;
}

/** A footnote's text as shown: links as their words, autolinks and escapes gone. */
function plainText(body: string): string {
  let text = body.replace(/\s*<[a-z][a-z0-9+.-]{1,31}:[^\s<>]*>/gi, '');
  for (let link = firstLink(text); link; link = firstLink(text)) {
    text = text.slice(0, link.start) + link.text + text.slice(link.end);
  }
  return unescapeMarkdown(text).trim();
}

/** The quote each footnote label is referred to from: the `>` block holding `[^label]`. */
function quotesByLabel(lines: string[]): Map<string, string> {
  const quotes = new Map<string, string>();
  let block: string[] = [];
  const flush = () => {
    block.forEach((line, i) => {
      const ref = /(?<!\\)\[\^([^\]\s]+)\]/.exec(line);
      if (!ref || quotes.has(ref[1]!)) return;
      const passage = [...block.slice(0, i), line.slice(0, ref.index)]
        // Paragraphs before the quote's own (a status note comes after) are not part of it.
        .join('\n')
        .split(/\n\s*\n/)
        .at(-1)!
        .split('\n')
        .map((l) => l.replace(/\\$/, ''))
        .join('\n');
      quotes.set(ref[1]!, unescapeMarkdown(passage).trim());
    });
    block = [];
  };
  for (const line of lines) {
    const match = /^ {0,3}>[ ]?(.*)$/.exec(line);
    if (match) block.push(match[1]!);
    else flush();
  }
  flush();
  return quotes;
}

/** The citations of a brief's Markdown, in the order of their footnotes. */
export function citationsFromMarkdown(markdown: string): MarkdownCitation[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const quotes = quotesByLabel(lines);
  const citations: MarkdownCitation[] = [];
  for (const line of lines) {
    const definition = DEFINITION.exec(line);
    if (!definition) continue;
    const [, label = '', body = ''] = definition;
    const location = [...body.matchAll(LOCATOR)].map((m) => parsePassageLocator(m[0])).findLast(Boolean);
    if (!location) continue; // a footnote of the analyst's own, not a citation
    const link = firstLink(body);
    const text = plainText(body);
    const shown = link ? unescapeMarkdown(link.text) : (/^[《“"]([^》”"]*)/.exec(text)?.[1] ?? '');
    // Titles inside 《》 were written with 〈〉 for the titles they name (citation.ts, markedTitle).
    const title = text.startsWith('《') ? shown.replace(/〈/g, '《').replace(/〉/g, '》') : shown;
    const after = link ? plainText(body.slice(link.end)) : text;
    const page = /第\s*(\d+)\s*页|\bpp?\.\s*(\d+)/.exec(after);
    const url = link && /^(?:https?:|mailto:)/i.test(link.href) ? link.href : undefined;
    citations.push({
      label,
      quote: quotes.get(label) ?? null,
      citation: {
        documentId: location.documentId,
        position: { start: location.start, end: location.end },
        title,
        ...(url && { url }),
        ...(page && { page: Number(page[1] ?? page[2]) }),
      },
      text,
    });
  }
  return citations;
}
