// Highlights and notes as W3C Web Annotation Data Model JSON-LD (https://www.w3.org/TR/annotation-model/):
// one AnnotationCollection whose single embedded AnnotationPage holds every annotation.
//
// Each annotation targets its document — the page's address when the import knew it (what other
// annotation tools anchor to), else urn:dossier:document:ID — with both selectors: the quote
// (exact, prefix, suffix: the part that survives a different text extraction) and the position
// (start, end) in Dossier's canonical text, counted in Unicode code points as the model requires.
// An orphan (its passage no longer found) keeps only its quote. Bodies: the note as a commenting
// TextualBody, each tag as a tagging one, each item kind the passage is tagged with as a
// classifying one. The annotation's motivation is its main purpose: commenting when it has a
// note, else tagging (tags) or classifying (an item), else highlighting.
import type { AnnotationRecord, ItemRecord } from '../model/types';
import { codePointOffsets } from './code-points';
import { kindLabel, type ExportDocument } from './export-data';
import { uuidV5 } from './uuid';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface AnnotationExportInput {
  annotations: readonly AnnotationRecord[];
  documents: ReadonlyMap<string, ExportDocument>;
  /** The items each annotation is tagged as (by annotation id). */
  itemsByAnnotation?: ReadonlyMap<string, readonly ItemRecord[]>;
  kindNames: ReadonlyMap<string, string>;
  /** Per document, surrogatePairEnds of its text; a document not listed has none (BMP only). */
  pairEnds?: ReadonlyMap<string, readonly number[]>;
  /** When the file is made. */
  created: Date;
  label?: string;
}

type Motivation = 'commenting' | 'tagging' | 'classifying' | 'highlighting';

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: Motivation;
  format?: 'text/plain';
  language?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
  body?: TextualBody[];
  target: {
    source: string;
    selector: Array<
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    >;
  };
}

/** The annotation's URI: stable across exports, so re-importing a newer file updates rather than duplicates. */
export const annotationUri = (id: string): string => `urn:dossier:annotation:${encodeURIComponent(id)}`;
export const documentUri = (id: string): string => `urn:dossier:document:${encodeURIComponent(id)}`;

/** The language of a note, as far as its script tells: Chinese, English (Latin letters only), or unknown. */
export function noteLanguage(text: string): string | undefined {
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  if (/\p{Script=Latin}/u.test(text)) return 'en';
  return undefined;
}

/** An absolute http(s) address, which JSON-LD and the model's "uri" format accept as the source. */
const isWebAddress = (url: string | null | undefined): url is string =>
  !!url && /^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url) && !/[^\x21-\x7e]/u.test(url);

/** One annotation in the model's shape. */
export function webAnnotation(annotation: AnnotationRecord, input: AnnotationExportInput): WebAnnotation {
  const items = input.itemsByAnnotation?.get(annotation.id) ?? [];
  const bodies: TextualBody[] = [];
  const note = annotation.noteText.trim();
  const addNote = (text: string) => {
    const language = noteLanguage(text);
    bodies.push({
      type: 'TextualBody',
      value: text,
      format: 'text/plain',
      ...(language && { language }),
      purpose: 'commenting',
    });
  };
  if (note) addNote(note);
  const tags = new Set(annotation.tags);
  for (const item of items) {
    if (item.noteText.trim() && item.noteText.trim() !== note) addNote(item.noteText.trim());
    for (const tag of item.tags) tags.add(tag);
  }
  for (const tag of tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  for (const kind of new Set(items.map((i) => kindLabel(input, i.kind)))) {
    bodies.push({ type: 'TextualBody', value: kind, purpose: 'classifying' });
  }
  const motivation: Motivation = bodies.some((b) => b.purpose === 'commenting')
    ? 'commenting'
    : tags.size > 0
      ? 'tagging'
      : items.length > 0
        ? 'classifying'
        : 'highlighting';

  const document = input.documents.get(annotation.documentId);
  const { quote, position } = annotation.target;
  const toCodePoints = codePointOffsets(input.pairEnds?.get(annotation.documentId) ?? []);
  return {
    id: annotationUri(annotation.id),
    type: 'Annotation',
    motivation,
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(annotation.author.trim() && { creator: { type: 'Person', name: annotation.author.trim() } }),
    ...(bodies.length > 0 && { body: bodies }),
    target: {
      source: isWebAddress(document?.source.url) ? document.source.url : documentUri(annotation.documentId),
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        // An orphan's position no longer holds its words: only the quote describes it.
        ...(annotation.orphaned
          ? []
          : [
              {
                type: 'TextPositionSelector' as const,
                start: toCodePoints(position.start),
                end: toCodePoints(position.end),
              },
            ]),
      ],
    },
  };
}

const ITEMS_MARK = '\u0000items\u0000';

/**
 * The collection in pieces: its head, then each annotation (pretty-printed, comma-separated),
 * then its tail — so a caller can build a large file a slice at a time.
 */
export function* annotationsJsonLdPieces(input: AnnotationExportInput): Generator<string> {
  const created = input.created.toISOString();
  const total = input.annotations.length;
  const id = `urn:uuid:${uuidV5(`collection:${created}:${total}`)}`;
  const pageId = `urn:uuid:${uuidV5(`page:${created}:${total}:0`)}`;
  const collection = {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: input.label ?? 'Dossier annotations',
    created,
    total,
    // The model: a collection with annotations MUST have a first page; an empty one has none.
    ...(total > 0 && {
      first: { id: pageId, type: 'AnnotationPage', startIndex: 0, items: ITEMS_MARK },
      last: pageId,
    }),
  };
  const json = JSON.stringify(collection, null, 2);
  const mark = JSON.stringify(ITEMS_MARK);
  const at = json.indexOf(mark);
  if (at < 0) {
    yield `${json}\n`;
    return;
  }
  yield `${json.slice(0, at)}[\n`;
  for (const [index, annotation] of input.annotations.entries()) {
    const text = JSON.stringify(webAnnotation(annotation, input), null, 2).replace(/\n/g, '\n      ');
    yield `${index > 0 ? ',\n' : ''}      ${text}`;
  }
  yield `\n    ]${json.slice(at + mark.length)}\n`;
}

/** The whole JSON-LD document as one string. */
export const annotationsJsonLd = (input: AnnotationExportInput): string => [...annotationsJsonLdPieces(input)].join('');

/** Items by the annotations they come from. */
export function itemsByAnnotation(items: Iterable<ItemRecord>): Map<string, ItemRecord[]> {
  const byAnnotation = new Map<string, ItemRecord[]>();
  for (const item of items) {
    for (const id of item.annotationIds) {
      const list = byAnnotation.get(id);
      if (list) list.push(item);
      else byAnnotation.set(id, [item]);
    }
  }
  return byAnnotation;
}
