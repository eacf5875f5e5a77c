// A PDF's text and page map, made a document: title from the info dictionary unless it is
// a word processor's placeholder, else the largest type on the first page; date from a
// labelled or standalone date line, else reasoned from the text, else the file's creation
// date (inferred, for the analyst to confirm).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DocumentSource, PublishedDate } from '../../model/types';
import { contentHash } from '../canonical';
import { dayDate, findDate, inferPublished, isoDate } from '../dates';
import { documentSource, labelledDate } from '../metadata';
import { firstSentence } from '../shape';
import { emptyMeta, type IngestOutcome } from '../types';
import type { ExtractedPdf, PdfInfo } from './extract';
import { layoutPdf } from './layout';

/** Placeholder titles word processors and scanners write into the info dictionary. */
const PLACEHOLDER_TITLE = /^(?:untitled|document\d*|doc\d*|无标题|新建.*文档|slide\s*\d*|scan\S*|image\S*|\W*)$/i;
/** Author fields that name a machine account, not a writer. */
const PLACEHOLDER_AUTHOR = /^(?:admin(?:istrator)?|user|owner|lenovo|dell|hp|microsoft|wps|sky|pc|think\w*|\W*)$/i;
/** A line that is only a date: the signing date under an official document. */
const DATE_LINE = /^[\s(（]*(?:(?:19|20)\d{2}|[一二〇○零]{4})\s*年[^。，,；]{1,12}日[\s)）]*$/;
/** A short line under the title with a full date in it ("来源：… 2019-06-06", "2019年6月6日 来源：…"): not prose. */
const isDateByline = (line: string) => line.length <= 80 && !/[。；！？]/.test(line);

export function pdfTitle(info: PdfInfo): string | null {
  if (!info.title) return null;
  const title = info.title
    .replace(/^microsoft (?:word|powerpoint|excel) - /i, '')
    .replace(/\.(?:docx?|wps|pdf|pptx?|xlsx?|txt|html?)$/i, '')
    .trim();
  return PLACEHOLDER_TITLE.test(title) ? null : title;
}

/** The file's name without folders (the command line passes paths) or extension: a scan's title. */
const fileTitle = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.pdf$/i, '') || name;

/** "D:20190606093000+08'00'" → "2019-06-06". */
export function pdfDate(value: string | null): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value ?? '');
  return m ? isoDate(+m[1]!, +(m[2] ?? 1), +(m[3] ?? 1)) : null;
}

export function ingestPdf(name: string, bytes: Uint8Array, extracted: ExtractedPdf): IngestOutcome & { ok: true } {
  const layout = layoutPdf(extracted.pages);
  const texts = layout.blocks.map((b) => layout.text.slice(b.start, b.end));
  const firstPage = texts.filter((_, i) => layout.blockPages[i] === 1);
  const titleBlock = largestOnFirstPage(layout.blockSizes, layout.blockPages);
  const title =
    pdfTitle(extracted.info) ??
    (titleBlock !== null ? texts[titleBlock]! : null) ??
    (texts[0] ? firstSentence(texts[0]) : fileTitle(name));
  const author = extracted.info.author;
  return {
    ok: true,
    doc: {
      title,
      kind: 'pdf',
      source: pdfSource(texts, author && !PLACEHOLDER_AUTHOR.test(author) ? author : null, layout.text),
      published: publishedDate(firstPage, texts, extracted.info),
      text: layout.text,
      blocks: layout.blocks,
      // A scan has no text to tell it apart from another scan: its bytes do.
      contentHash: layout.text ? contentHash(layout.text) : `pdf:${bytesToHex(sha256(bytes))}`,
      original: { name, encoding: 'binary', size: bytes.byteLength, text: '', bytes },
      articles: [],
      dropped: layout.dropped,
      originalSource: null,
      pdf: { summary: { pages: extracted.pages.length, textPages: layout.textPages }, pageMap: layout.pageMap },
    },
  };
}

/** Source and writers as the text states them ("来源：…", "记者 …"), by the same rules as web pages. */
function pdfSource(texts: readonly string[], author: string | null, text: string): DocumentSource {
  const meta = { ...emptyMeta(), authors: author ? [author] : [] };
  const page = { kind: 'pdf' as const, blocks: texts.map((t) => ({ type: 'paragraph' as const, text: t })), meta };
  const { source } = documentSource({
    page,
    kept: texts,
    dropped: [],
    original: text,
    editor: null,
    titleChannel: null,
    titleSite: null,
  });
  return source;
}

/** The first-page block set in the largest type, when it is larger than the text around it. */
function largestOnFirstPage(sizes: readonly number[], pages: readonly number[]): number | null {
  let best: number | null = null;
  for (let i = 0; i < sizes.length && pages[i] === 1; i++) {
    if (best === null || sizes[i]! > sizes[best]! * 1.05) best = i;
  }
  const body = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
  return best !== null && sizes[best]! > body * 1.1 ? best : null;
}

function publishedDate(firstPage: readonly string[], texts: readonly string[], info: PdfInfo): PublishedDate | null {
  const labelled = labelledDate(firstPage.map((text) => ({ text })));
  if (labelled) return labelled;
  // A byline under the title on the first page, or the signing date at the end of an official document.
  const candidates = [
    ...firstPage.slice(0, 8).filter(isDateByline),
    ...texts.slice(-6).filter((line) => DATE_LINE.test(line)),
  ];
  for (const line of candidates) {
    const found = findDate(line);
    if (found) return dayDate(found.date, found.text, 'detected');
  }
  const inferred = inferPublished(texts);
  if (inferred) return inferred;
  const created = pdfDate(info.creationDate);
  return created ? dayDate(created, `PDF CreationDate ${info.creationDate}`, 'inferred') : null;
}
