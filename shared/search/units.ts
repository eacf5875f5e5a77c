// What the search index holds of each record: a document (title, source, authors and text),
// a highlight's note (its note and tags; the highlighted words are the document's), an item
// (title, owners as written and normalised, category, tags and note). Keys name the kind:
// d:<document id>, n:<annotation id>, i:<item id>.
import type { AnnotationRecord, DocumentMeta, ItemRecord } from '../model/types';
import type { UnitInput } from './engine';
import type { UnitKind } from './segment';

export const unitKey = (kind: UnitKind, id: string): string => `${kind[0]}:${id}`;

export function parseUnitKey(key: string): { kind: UnitKind; id: string } | null {
  const kind = ({ d: 'document', n: 'note', i: 'item' } as const)[key[0] as 'd' | 'n' | 'i'];
  return kind && key[1] === ':' ? { kind, id: key.slice(2) } : null;
}

const clip = (text: string, length = 80) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Title words count three times, owners and tags twice. */
const WEIGHT = { title: 3, strong: 2, text: 1 };

export function documentUnit(meta: DocumentMeta, text: string): UnitInput {
  return {
    key: unitKey('document', meta.id),
    info: {
      kind: 'document',
      id: meta.id,
      title: meta.title,
      documentId: meta.id,
      site: meta.source.site,
      published: meta.published ? { from: meta.published.from, to: meta.published.to } : null,
    },
    fields: [
      { text: meta.title, weight: WEIGHT.title },
      { text: [meta.source.site ?? '', ...meta.source.authors].join(' '), weight: WEIGHT.text },
      { text, weight: WEIGHT.text },
    ],
  };
}

/** Whether a highlight is indexed as a note: it has a note or tags. */
export const isNote = (annotation: Pick<AnnotationRecord, 'noteText' | 'tags'>): boolean =>
  annotation.noteText.trim().length > 0 || annotation.tags.length > 0;

export function noteUnit(annotation: AnnotationRecord): UnitInput {
  const note = annotation.noteText.trim();
  return {
    key: unitKey('note', annotation.id),
    info: {
      kind: 'note',
      id: annotation.id,
      // The passage it is about; the note itself is the snippet.
      title: clip(annotation.target.quote.exact.replace(/\s+/g, ' ').trim() || note),
      documentId: annotation.documentId,
      annotationId: annotation.id,
      tags: annotation.tags,
      color: annotation.color,
    },
    fields: [
      { text: note, weight: WEIGHT.strong },
      { text: annotation.tags.join(' '), weight: WEIGHT.strong },
    ],
  };
}

export function itemUnit(item: ItemRecord): UnitInput {
  const owners = new Map<string, Set<string>>();
  for (const owner of item.owners) {
    const name = owner.normalized || owner.asWritten;
    if (!name) continue;
    const written = owners.get(name) ?? new Set<string>();
    if (owner.asWritten && owner.asWritten !== name) written.add(owner.asWritten);
    owners.set(name, written);
  }
  const names = [...owners].flatMap(([name, written]) => [name, ...written]);
  return {
    key: unitKey('item', item.id),
    info: {
      kind: 'item',
      id: item.id,
      title: item.title,
      documentId: item.documentId,
      annotationId: item.annotationIds[0] ?? null,
      tags: item.tags,
      owners: [...owners].map(([name, written]) => ({ name, written: [...written] })),
      itemKind: item.kind,
      status: item.status,
    },
    fields: [
      { text: item.title, weight: WEIGHT.title },
      { text: names.join(' '), weight: WEIGHT.strong },
      { text: item.tags.join(' '), weight: WEIGHT.strong },
      { text: item.category ?? '', weight: WEIGHT.text },
      { text: item.noteText, weight: WEIGHT.text },
    ],
  };
}
