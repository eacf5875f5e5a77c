// The import pipeline, one pure function from a file's bytes to a document (or a refusal):
// decode → parse by format → spot boilerplate → pick the headline → clean → rejoin broken
// lines → detect date, source, writers and articles → canonical text and hash.
import type { DocumentKind, OriginalFile } from '../model/types';
import type { IngestInput, IngestOptions, IngestOutcome, ParsedPage, Refusal } from './types';
import { decodeBytes, normalizeText } from './decode';
import { kindFromName, sniffKind } from './formats';
import { parseText } from './text';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { classifyBlocks, SITE_FURNITURE } from './boilerplate';
import { pickTitle } from './title';
import { cleanBlocks } from './clean';
import { rejoinBlocks } from './rejoin';
import { proposeArticles } from './articles';
import { inferPublished } from './dates';
import { documentSource, statedPublished } from './metadata';
import { contentHash, toCanonical } from './canonical';
import { firstSentence } from './shape';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const refuse = (code: Refusal['code'], message: string): IngestOutcome => ({ ok: false, refusal: { code, message } });

/** 1536 → "1.5 KB", 20971520 → "20 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

const PARSERS: Record<Exclude<DocumentKind, 'pdf'>, (text: string) => ParsedPage> = {
  text: parseText,
  html: parseHtml,
  markdown: parseMarkdown,
};

/** Imports one file. Pure: the same bytes and name always give the same document. */
export function ingest(input: IngestInput, options: IngestOptions = {}): IngestOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const kind = kindFromName(input.name);
  if (!kind.ok) return { ok: false, refusal: kind.refusal };
  if (kind.kind === 'pdf') return refuse('unsupported-extension', `${input.name}: PDFs are imported by importFile().`);
  const size = input.bytes.byteLength;
  if (size > maxBytes) {
    return refuse(
      'too-large',
      `${input.name} is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} import limit.`,
    );
  }
  if (size === 0) return refuse('empty', `${input.name} is empty.`);
  const decoded = decodeBytes(input.bytes, input.name);
  if (!decoded.ok) return { ok: false, refusal: decoded.refusal };
  return processText({ name: input.name, encoding: decoded.encoding, size, text: decoded.text }, kind.kind);
}

/** Re-runs cleaning and detection on a stored original (after the rules improved, or to undo edits). */
export function reclean(original: OriginalFile): IngestOutcome {
  const kind = kindFromName(original.name);
  if (!kind.ok) return { ok: false, refusal: kind.refusal };
  if (kind.kind === 'pdf') return refuse('no-text', `${original.name}: a PDF has no text to clean again.`);
  return processText({ ...original, text: normalizeText(original.text) }, kind.kind);
}

function processText(original: OriginalFile, extensionKind: DocumentKind): IngestOutcome {
  const name = original.name;
  if (!original.text.trim()) return refuse('empty', `${name} contains only blank space, no text.`);
  const kind = sniffKind(extensionKind, original.text);
  const page = PARSERS[kind as keyof typeof PARSERS](original.text);

  const marks = classifyBlocks(page.blocks);
  const pick = pickTitle(page, marks);
  const stated = statedPublished(page, marks);
  const cleaned = cleanBlocks(page.blocks, marks, {
    titleIndex: pick.index,
    title: pick.title,
    year: stated ? Number(stated.from.slice(0, 4)) : null,
  });
  let blocks = rejoinBlocks(cleaned.blocks, cleaned.titleBlock, page.kind);

  // A newspaper page keeps each article's headline in the body; a single article loses it to the title.
  const paper = cleaned.dropped.find((d) => d.reason === 'paper')?.text ?? null;
  const articles = proposeArticles(blocks, paper !== null);
  let title = pick.title;
  if (articles.length > 1) {
    title = paper ? `${paper} ${stated?.text ?? ''}`.trim() : (pick.title ?? articles[0]!.title);
  } else if (cleaned.titleBlock) {
    blocks = blocks.filter((b) => b !== cleaned.titleBlock);
  }

  const canonical = toCanonical(blocks);
  if (!canonical.text.trim()) {
    return refuse(
      'no-text',
      `${name} has no article text left once menus, notices and other page furniture are removed.`,
    );
  }
  const texts = canonical.blocks.map((b) => canonical.text.slice(b.start, b.end));
  const { source, original: originalSource } = documentSource({
    page,
    kept: texts,
    dropped: cleaned.dropped,
    original: original.text,
    editor: cleaned.editor,
    titleChannel: pick.channel,
    titleSite: pick.site,
  });
  return {
    ok: true,
    doc: {
      title: title ?? firstSentence(texts[0]!),
      kind,
      source,
      published: stated ?? inferPublished(texts),
      text: canonical.text,
      blocks: canonical.blocks,
      contentHash: contentHash(canonical.text),
      original,
      articles,
      dropped: [...(page.skipped ?? []), ...cleaned.dropped.map((d) => d.text)],
      furniture: cleaned.dropped.filter((d) => SITE_FURNITURE.has(d.reason)).map((d) => d.text),
      originalSource,
    },
  };
}
