// Formatted runs as CommonMark/GFM inline text. Chinese text has no spaces around emphasis, and
// CommonMark's flanking rules refuse `**` that opens or closes on punctuation beside a letter
// (`**“要点”**后` stays literal), so such runs — and runs touching another marked run — are
// marked up with inline HTML tags instead, which every GFM reader accepts. Pure.
import type { Run } from './model';

/** Where inline text goes: a table cell takes no line breaks (they become <br>), a heading none at all. */
export type InlineMode = 'block' | 'table' | 'heading';

/** Markdown's inline punctuation escaped, so a brief's words are never read as markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\t/g, '\u2003');
}

/** Backslash escapes undone: the text a Markdown reader shows for escaped words. */
export const unescapeMarkdown = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** A line that would open a block (heading, list, rule, setext underline) escaped to stay text. */
export function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, '');
  if (/^#/.test(trimmed) || /^[-+=](?:\s|$)/.test(trimmed) || /^([-=])\1*\s*$/.test(trimmed)) return `\\${trimmed}`;
  return trimmed.replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

function codeSpan(text: string, mode: InlineMode): string {
  const body = mode === 'table' ? text.replace(/\|/g, '\\|') : text;
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^`|`$/.test(body) || /^ .*[^ ].* $/.test(body) ? ' ' : '';
  return fence + pad + body + pad + fence;
}

const hasDelimiters = (run: Run | undefined): boolean => Boolean(run && (run.bold || run.italic || run.strike));
const PUNCTUATION = /^[\p{P}\p{S}]|[\p{P}\p{S}]$/u;

/** One line's worth of a run, marked up. */
function markSegment(segment: string, run: Run, mode: InlineMode, besideMarked: boolean): string {
  // Spaces at the edges go outside the marks: `** bold**` is not bold.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(segment) ?? [];
  if (!core) return escapeMarkdown(segment);
  let body = run.code ? codeSpan(core, mode) : escapeMarkdown(core);
  if (run.sub) body = `<sub>${body}</sub>`;
  if (run.sup) body = `<sup>${body}</sup>`;
  if (run.underline) body = `<u>${body}</u>`;
  const html = besideMarked || PUNCTUATION.test(body);
  if (run.italic) body = html ? `<em>${body}</em>` : `*${body}*`;
  if (run.bold) body = html ? `<strong>${body}</strong>` : `**${body}**`;
  if (run.strike) body = html ? `<del>${body}</del>` : `~~${body}~~`;
  return escapeMarkdown(lead) + body + escapeMarkdown(trail);
}

const BREAK: Record<InlineMode, string> = { block: '\\\n', table: '<br>', heading: ' ' };

function markRun(run: Run, mode: InlineMode, besideMarked: boolean): string {
  if (run.note !== undefined) return `[^${run.note}]`;
  // Emphasis is closed at each line break rather than trusted to span it.
  return run.text
    .replace(/\n{2,}/g, '\n')
    .split('\n')
    .map((segment) => markSegment(segment, run, mode, besideMarked))
    .join(BREAK[mode]);
}

/** Runs as inline Markdown; in 'block' mode line breaks are hard breaks (a backslash before the newline). */
export function inlineMarkdown(runs: readonly Run[], mode: InlineMode = 'block'): string {
  let out = '';
  for (let i = 0; i < runs.length;) {
    // A link spans the neighbouring runs that share its address.
    const link = runs[i]!.link;
    let j = i;
    while (j < runs.length && runs[j]!.link === link && runs[j]!.note === undefined) j++;
    if (j === i) j = i + 1;
    const marked = runs
      .slice(i, j)
      .map((run, k) => {
        const at = i + k;
        const besideMarked = hasDelimiters(run) && (hasDelimiters(runs[at - 1]) || hasDelimiters(runs[at + 1]));
        return markRun(run, mode, besideMarked);
      })
      .join('');
    out += link && runs[i]!.note === undefined ? `[${marked || escapeMarkdown(link)}](<${link}>)` : marked;
    i = j;
  }
  return out;
}

/** Inline Markdown whose lines are each safe at the start of a line. */
export const lineSafe = (markdown: string): string => markdown.split('\n').map(escapeLineStart).join('\n');
