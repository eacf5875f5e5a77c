// A brief as one self-contained HTML document: its own stylesheet inline, no scripts, nothing
// loaded from anywhere (a content security policy says so too), every word of the brief escaped.
// Quotes are <blockquote>s with a note marker linking to the notes at the end, which hold the
// citations. `print` sets it for Chromium's print to PDF (fonts that print as TrueType). Pure.
import { citationParts } from './citation';
import { formatBriefDate } from './dates';
import { briefStylesheet } from './html-style';
import { briefLabels } from './labels';
import {
  readBrief,
  type Block,
  type BriefDocument,
  type BriefExportInput,
  type ListBlock,
  type Run,
  type TableCell,
} from './model';
import { itemColumns, itemRowText, timelineCaption, timelineEntryText } from './sections';

export interface HtmlOptions {
  /** Typeset for printing to PDF in Chromium rather than for reading on screen. */
  print?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const HAN = /\p{Script=Han}/u;
const htmlLang = (language: BriefDocument['language']) => (language === 'zh' ? 'zh-CN' : 'en');

/** A lang attribute for text in the other language than the brief's, so fonts and line breaking suit it. */
function langAttribute(text: string, doc: BriefDocument): string {
  const lang = HAN.test(text) ? 'zh' : 'en';
  return lang === doc.language ? '' : ` lang="${htmlLang(lang)}"`;
}

const noteRef = (n: number): string =>
  `<sup class="note-ref"><a id="ref-${n}" href="#note-${n}" role="doc-noteref">${n}</a></sup>`;

function runHtml(run: Run): string {
  if (run.note !== undefined) return noteRef(run.note);
  let html = escapeHtml(run.text).replace(/\n/g, '<br>').replace(/\t/g, '\u2003');
  if (run.code) html = `<code>${html}</code>`;
  if (run.sub) html = `<sub>${html}</sub>`;
  if (run.sup) html = `<sup>${html}</sup>`;
  if (run.underline) html = `<u>${html}</u>`;
  if (run.strike) html = `<s>${html}</s>`;
  if (run.italic) html = `<em>${html}</em>`;
  if (run.bold) html = `<strong>${html}</strong>`;
  return html;
}

/** Runs as HTML; neighbouring runs with one address share one link. */
function inlineHtml(runs: readonly Run[]): string {
  let html = '';
  for (let i = 0; i < runs.length;) {
    const link = runs[i]!.note === undefined ? runs[i]!.link : undefined;
    let j = i + 1;
    while (link && j < runs.length && runs[j]!.link === link && runs[j]!.note === undefined) j++;
    const inner = runs.slice(i, j).map(runHtml).join('');
    html += link ? `<a href="${escapeHtml(link)}">${inner}</a>` : inner;
    i = j;
  }
  return html;
}

function listHtml(list: ListBlock): string {
  const items = list.items
    .map((item) => {
      const check =
        list.kind === 'check' ? `<span class="check" aria-hidden="true">${item.checked ? '✓' : ''}</span>` : '';
      return `<li>${check}${inlineHtml(item.runs)}${item.lists.map(listHtml).join('')}</li>`;
    })
    .join('');
  if (list.kind === 'number') return `<ol${list.start !== 1 ? ` start="${list.start}"` : ''}>${items}</ol>`;
  return `<ul${list.kind === 'check' ? ' class="checklist"' : ''}>${items}</ul>`;
}

function tableHtml(block: Extract<Block, { type: 'table' }>): string {
  const cell = (c: TableCell, inHead: boolean) => {
    const tag = c.header ? 'th' : 'td';
    const scope = c.header ? ` scope="${inHead ? 'col' : 'row'}"` : '';
    const spans = (c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '') + (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '');
    return `<${tag}${scope}${spans}>${inlineHtml(c.runs)}</${tag}>`;
  };
  // Only the leading header rows can repeat atop each printed page (a <thead>).
  const headCount = block.rows.findIndex((row) => !row.header);
  const split = headCount < 0 ? block.rows.length : headCount;
  const rows = (from: number, to: number, inHead: boolean) =>
    block.rows
      .slice(from, to)
      .map((row) => `<tr>${row.cells.map((c) => cell(c, inHead)).join('')}</tr>`)
      .join('\n');
  const head = split ? `<thead>\n${rows(0, split, true)}\n</thead>\n` : '';
  return `<table>\n${head}<tbody>\n${rows(split, block.rows.length, false)}\n</tbody>\n</table>`;
}

/** A table of Dossier's (items, timeline): one header row; `cellClasses` names the columns that need one. */
function dataTable(className: string, heads: string[], body: string[][], caption?: string, cellClasses: string[] = []) {
  const th = heads.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const td = (html: string, i: number) =>
    cellClasses[i] ? `<td class="${cellClasses[i]}">${html}</td>` : `<td>${html}</td>`;
  const rows = body.map((cells) => `<tr>${cells.map(td).join('')}</tr>`).join('\n');
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>\n` : '';
  return `<table class="${className}">\n${cap}<thead><tr>${th}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function blockHtml(block: Block, doc: BriefDocument): string {
  const labels = briefLabels(doc.language);
  switch (block.type) {
    case 'heading': {
      // The brief's title is the one <h1>: its headings sit a level below.
      const tag = `h${Math.min(block.level + 1, 6)}`;
      return `<${tag}>${inlineHtml(block.runs)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${inlineHtml(block.runs)}</p>`;
    case 'blockquote':
      return `<blockquote><p>${inlineHtml(block.runs)}</p></blockquote>`;
    case 'quote': {
      const status = block.status ? `\n<p class="quote-status">${escapeHtml(labels[block.status])}</p>` : '';
      const passage = escapeHtml(block.quote).replace(/\n+/g, '<br>');
      return `<blockquote class="cited"><p${langAttribute(block.quote, doc)}>${passage}${noteRef(block.note)}</p>${status}</blockquote>`;
    }
    case 'list':
      return listHtml(block);
    case 'table':
      return tableHtml(block);
    case 'item-table': {
      if (!block.rows.length) return `<p class="caption">${escapeHtml(labels.noItems)}</p>`;
      const rows = block.rows.map((row) => {
        const t = itemRowText(row, doc.language, doc.kindLabels);
        const source = escapeHtml(t.source) + (row.note ? noteRef(row.note) : '');
        return [t.kind, t.text, t.owners, t.deadline, t.status].map(escapeHtml).concat(source);
      });
      return dataTable('items', itemColumns(doc.language), rows);
    }
    case 'timeline': {
      const caption = timelineCaption(block.range, doc.language);
      if (!block.entries.length) {
        return `<p class="caption">${escapeHtml(caption)}</p>\n<p>${escapeHtml(labels.noEntries)}</p>`;
      }
      const c = labels.timelineColumns;
      const rows = block.entries.map((entry) => {
        const t = timelineEntryText(entry, doc.language);
        return [t.date, t.label, t.details].map(escapeHtml);
      });
      return dataTable('timeline', [c.date, c.entry, c.details], rows, caption, ['date']);
    }
  }
}

function notesHtml(doc: BriefDocument): string {
  const labels = briefLabels(doc.language);
  const items = doc.notes.map(({ n, citation }) => {
    const parts = citationParts(citation, doc.language);
    const title = `<a class="source" href="${escapeHtml(parts.href)}">${escapeHtml(parts.title)}</a>`;
    const locator = `<a class="locator" href="${escapeHtml(parts.locator)}">${escapeHtml(parts.locator)}</a>`;
    const back = `<a class="backref" href="#ref-${n}" aria-label="${escapeHtml(labels.backToText)}">↩</a>`;
    return `<li id="note-${n}">${escapeHtml(parts.open)}${title}${escapeHtml(parts.close)} ${locator}${back}</li>`;
  });
  return (
    `<section class="notes" role="doc-endnotes" aria-labelledby="notes-title">\n` +
    `<h2 id="notes-title">${escapeHtml(labels.notes)}</h2>\n<ol>\n${items.join('\n')}\n</ol>\n</section>`
  );
}

/** The HTML of a brief already read (./model.ts). */
export function htmlOfBrief(doc: BriefDocument, options: HtmlOptions = {}): string {
  const labels = briefLabels(doc.language);
  const title = doc.title.trim() || labels.untitled;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(doc.date)?.[0];
  const time = `<time${day ? ` datetime="${day}"` : ''}>${escapeHtml(formatBriefDate(doc.date, doc.language))}</time>`;
  const author = doc.author ? `<span class="author">${escapeHtml(doc.author)}</span>` : undefined;
  const body = doc.blocks.map((block) => blockHtml(block, doc)).filter(Boolean);
  return `<!doctype html>
<html lang="${htmlLang(doc.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${doc.author ? `<meta name="author" content="${escapeHtml(doc.author)}">\n` : ''}<meta name="generator" content="Dossier">
<style>
${briefStylesheet(doc.language, options.print ?? false)}
</style>
</head>
<body>
<article class="brief">
<header class="title-block">
<h1${langAttribute(title, doc)}>${escapeHtml(title)}</h1>
<p class="byline">${labels.byline(author, time)}</p>
</header>
${[...body, ...(doc.notes.length ? [notesHtml(doc)] : [])].join('\n')}
</article>
</body>
</html>
`;
}

/** A brief as a complete HTML document. Throws BriefFormatError when its content is not a brief. */
export const briefToHtml = (input: BriefExportInput, options: HtmlOptions = {}): string =>
  htmlOfBrief(readBrief(input), options);

/**
 * A footer for Chromium's print to PDF (`footerTemplate` with `displayHeaderFooter`): the page
 * number, centred. Chromium does not draw @page margin boxes, so the page numbers come from here.
 */
export function printFooterTemplate(language: BriefDocument['language']): string {
  const number = '<span class="pageNumber"></span>';
  const text = language === 'zh' ? `— ${number} —` : number;
  return `<div style="width:100%;text-align:center;font-size:8pt;color:#666;font-family:'WenQuanYi Zen Hei',serif">${text}</div>`;
}
