// A REFI-QDA project (.qdpx, https://www.qdasoftware.org/), so qualitative-analysis tools (ATLAS.ti,
// MAXQDA, NVivo, QualCoder…) open the tagged passages: a zip holding project.qde (XML in the
// urn:QDA-XML:project:1.0 namespace, Project-mrt2019.xsd) and Sources/<guid>.txt, the canonical
// text of each document (UTF-8, no byte-order mark, so position 0 is the first character).
//
// The codebook has three groups: item kinds, tags, and highlight colours; every highlight is a
// PlainTextSelection coded with its colour, its tags (and its items' tags) and the kinds of the
// items it is tagged as; its notes are the selection's Description. Positions count Unicode code
// points: the schema only says "integer", and the tools that read these files in Python (str
// indexes) count code points, as the W3C model does; UTF-16 units would drift after an emoji or a
// CJK Extension B character. A highlight whose words are not at its position (an orphan) is left
// out, and counted. GUIDs are version-5 UUIDs of our ids, so exporting twice gives the same GUIDs.
import { Zip, ZipDeflate } from 'fflate';
import type { AnnotationRecord, HighlightColor, ItemRecord } from '../model/types';
import { HIGHLIGHT_COLORS } from '../model/types';
import { codePointOffsets, surrogatePairEnds } from './code-points';
import { kindLabel, publishedText, shorten, type ExportDocument } from './export-data';
import { uuidV5 } from './uuid';
import { xmlAttr, xmlText } from './xml';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** The highlight colours of the light theme (renderer/styles.css --hl-*), as code colours. */
export const COLOR_HEX: Record<HighlightColor, string> = {
  yellow: '#FDE68A',
  green: '#BBF7D0',
  blue: '#BFDBFE',
  pink: '#FBCFE8',
  purple: '#DDD6FE',
};

export interface QdpxDocument extends ExportDocument {
  /** The canonical text the annotations' offsets point into. */
  text: string;
}

export interface QdpxInput {
  documents: readonly QdpxDocument[];
  annotations: readonly AnnotationRecord[];
  itemsByAnnotation?: ReadonlyMap<string, readonly ItemRecord[]>;
  kindNames: ReadonlyMap<string, string>;
  /** Each kind's colour, for its code. */
  kindColors?: ReadonlyMap<string, HighlightColor>;
  /** Names of the code groups and colours, in the analyst's language (English by default). */
  labels?: Partial<QdpxLabels>;
  created: Date;
  projectName?: string;
  appVersion?: string;
}

export interface QdpxLabels {
  kinds: string;
  tags: string;
  colors: string;
  color: Record<HighlightColor, string>;
}

const DEFAULT_LABELS: QdpxLabels = {
  kinds: 'Item kinds',
  tags: 'Tags',
  colors: 'Highlight colours',
  color: { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' },
};

export interface QdpxResult {
  bytes: Uint8Array<ArrayBuffer>;
  /** Highlights written as coded selections. */
  selections: number;
  /** Highlights left out: orphans, or words no longer at their position. */
  skipped: number;
}

const guid = (what: string, id: string): string => uuidV5(`${what}:${id}`);
export const sourceGuid = (documentId: string): string => guid('document', documentId);
export const selectionGuid = (annotationId: string): string => guid('selection', annotationId);
export const kindCodeGuid = (kind: string): string => guid('code:kind', kind);
export const tagCodeGuid = (tag: string): string => guid('code:tag', tag);
export const colorCodeGuid = (color: HighlightColor): string => guid('code:color', color);
const userGuid = (name: string): string => guid('user', name);

const DOSSIER_USER = 'Dossier';

interface Code {
  guid: string;
  name: string;
  color?: string;
}

function codeXml(group: Code, children: readonly Code[]): string {
  const child = (code: Code) =>
    `      <Code guid="${code.guid}" name="${xmlAttr(code.name)}" isCodable="true"${code.color ? ` color="${code.color}"` : ''}/>`;
  return [
    `    <Code guid="${group.guid}" name="${xmlAttr(group.name)}" isCodable="false">`,
    ...children.map(child),
    '    </Code>',
  ].join('\n');
}

/** What each highlight is coded with, and the codebook those codes make. */
function codesOf(input: QdpxInput, labels: QdpxLabels) {
  const kinds = new Map<string, Code>();
  const tags = new Map<string, Code>();
  const colors = new Map<HighlightColor, Code>();
  const codingsOf = (annotation: AnnotationRecord): string[] => {
    const items = input.itemsByAnnotation?.get(annotation.id) ?? [];
    const codes: string[] = [];
    if (!colors.has(annotation.color)) {
      colors.set(annotation.color, {
        guid: colorCodeGuid(annotation.color),
        name: labels.color[annotation.color],
        color: COLOR_HEX[annotation.color],
      });
    }
    codes.push(colorCodeGuid(annotation.color));
    for (const item of items) {
      if (!kinds.has(item.kind)) {
        const color = input.kindColors?.get(item.kind);
        kinds.set(item.kind, {
          guid: kindCodeGuid(item.kind),
          name: kindLabel(input, item.kind),
          ...(color && { color: COLOR_HEX[color] }),
        });
      }
      codes.push(kindCodeGuid(item.kind));
    }
    for (const tag of new Set([...annotation.tags, ...items.flatMap((i) => i.tags)])) {
      if (!tags.has(tag)) tags.set(tag, { guid: tagCodeGuid(tag), name: tag });
      codes.push(tagCodeGuid(tag));
    }
    return [...new Set(codes)];
  };
  const codebook = (): string => {
    const groups: string[] = [];
    if (kinds.size > 0)
      groups.push(codeXml({ guid: guid('code:group', 'kinds'), name: labels.kinds }, [...kinds.values()]));
    if (tags.size > 0)
      groups.push(codeXml({ guid: guid('code:group', 'tags'), name: labels.tags }, [...tags.values()]));
    const usedColors = HIGHLIGHT_COLORS.flatMap((c) => (colors.has(c) ? [colors.get(c)!] : []));
    if (usedColors.length > 0) {
      groups.push(codeXml({ guid: guid('code:group', 'colors'), name: labels.colors }, usedColors));
    }
    return groups.length > 0 ? `  <CodeBook>\n   <Codes>\n${groups.join('\n')}\n   </Codes>\n  </CodeBook>` : '';
  };
  return { codingsOf, codebook };
}

/** A document's description: where it is from. */
function sourceDescription(document: ExportDocument): string {
  return [
    document.source.site && `Source: ${document.source.site}`,
    document.published && `Published: ${publishedText(document.published)}`,
    document.source.url && `URL: ${document.source.url}`,
    document.source.authors.length > 0 && `Authors: ${document.source.authors.join(', ')}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * Builds the project a step at a time — one document's XML, then one zip entry per step — and
 * returns the .qdpx bytes; drive it with `for…of` (or `qdpx` for all at once).
 */
export function* qdpxSteps(input: QdpxInput): Generator<void, QdpxResult> {
  const labels: QdpxLabels = {
    ...DEFAULT_LABELS,
    ...input.labels,
    color: { ...DEFAULT_LABELS.color, ...input.labels?.color },
  };
  const created = input.created.toISOString();
  const { codingsOf, codebook } = codesOf(input, labels);
  const byDocument = new Map<string, AnnotationRecord[]>();
  for (const annotation of input.annotations) {
    const list = byDocument.get(annotation.documentId);
    if (list) list.push(annotation);
    else byDocument.set(annotation.documentId, [annotation]);
  }
  const users = new Map<string, string>();
  const userOf = (name: string): string => {
    const key = name.trim() || DOSSIER_USER;
    let id = users.get(key);
    if (!id) users.set(key, (id = userGuid(key)));
    return id;
  };
  const projectUser = userOf(DOSSIER_USER);

  let selections = 0;
  let skipped = input.annotations.length;
  const sourcesXml: string[] = [];
  const texts: { path: string; text: string }[] = [];
  for (const document of input.documents) {
    const sourceId = sourceGuid(document.id);
    const toCodePoints = codePointOffsets(surrogatePairEnds(document.text));
    const placed = (byDocument.get(document.id) ?? [])
      .filter((a) => {
        const { start, end } = a.target.position;
        return !a.orphaned && end > start && document.text.slice(start, end) === a.target.quote.exact;
      })
      .sort(
        (a, b) => a.target.position.start - b.target.position.start || a.target.position.end - b.target.position.end,
      );
    const selectionXml = placed.map((annotation) => {
      const { start, end } = annotation.target.position;
      const notes = [
        annotation.noteText.trim(),
        ...(input.itemsByAnnotation?.get(annotation.id) ?? []).map((i) => i.noteText.trim()),
      ].filter((note, i, all) => note && all.indexOf(note) === i);
      const user = userOf(annotation.author);
      const codings = codingsOf(annotation).map(
        (code) =>
          `      <Coding guid="${uuidV5(`coding:${annotation.id}:${code}`)}" creatingUser="${user}" creationDateTime="${xmlAttr(annotation.createdAt)}">\n` +
          `        <CodeRef targetGUID="${code}"/>\n      </Coding>`,
      );
      return [
        `     <PlainTextSelection guid="${selectionGuid(annotation.id)}" name="${xmlAttr(shorten(annotation.target.quote.exact, 40))}"` +
          ` startPosition="${toCodePoints(start)}" endPosition="${toCodePoints(end)}"` +
          ` creatingUser="${user}" creationDateTime="${xmlAttr(annotation.createdAt)}"` +
          ` modifyingUser="${user}" modifiedDateTime="${xmlAttr(annotation.updatedAt)}">`,
        ...(notes.length > 0 ? [`      <Description>${xmlText(notes.join('\n\n'))}</Description>`] : []),
        ...codings,
        '     </PlainTextSelection>',
      ].join('\n');
    });
    selections += placed.length;
    const description = sourceDescription(document);
    sourcesXml.push(
      [
        `    <TextSource guid="${sourceId}" name="${xmlAttr(document.title)}" plainTextPath="internal://${sourceId}.txt"` +
          ` creatingUser="${projectUser}" creationDateTime="${xmlAttr(document.importedAt)}">`,
        ...(description ? [`     <Description>${xmlText(description)}</Description>`] : []),
        ...selectionXml,
        '    </TextSource>',
      ].join('\n'),
    );
    texts.push({ path: `Sources/${sourceId}.txt`, text: document.text });
    yield;
  }
  skipped -= selections;

  const usersXml = [...users].map(([name, id]) => `    <User guid="${id}" name="${xmlAttr(name)}"/>`);
  const xml = [
    '<?xml version="1.0" encoding="utf-8" standalone="yes"?>',
    `<Project xmlns="${QDA_NAMESPACE}" name="${xmlAttr(input.projectName ?? 'Dossier export')}"` +
      ` origin="${xmlAttr(`Dossier${input.appVersion ? ` ${input.appVersion}` : ''}`)}"` +
      ` creatingUserGUID="${projectUser}" creationDateTime="${created}">`,
    `  <Users>\n${usersXml.join('\n')}\n  </Users>`,
    codebook(),
    ...(sourcesXml.length > 0 ? [`  <Sources>\n${sourcesXml.join('\n')}\n  </Sources>`] : []),
    '</Project>',
    '',
  ]
    .filter((part) => part !== '')
    .join('\n');

  const bytes = yield* zipSteps([{ path: 'project.qde', text: `${xml}\n` }, ...texts], input.created);
  return { bytes, selections, skipped };
}

/** Zips text files one per step (deflated), all dated `mtime`. */
function* zipSteps(
  files: readonly { path: string; text: string }[],
  mtime: Date,
): Generator<void, Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  const encoder = new TextEncoder();
  for (const file of files) {
    const entry = new ZipDeflate(file.path, { level: 6 });
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(encoder.encode(file.text), true);
    if (failure) throw failure;
    yield;
  }
  zip.end();
  if (failure) throw failure;
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** The whole project at once. */
export function qdpx(input: QdpxInput): QdpxResult {
  const steps = qdpxSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
