// Briefs: the analyst's own documents, written in Lexical, whose quote nodes cite highlights
// by id. Part of the one repository (repository.ts): screens call these functions and never
// touch the tables. A brief has no links, so deleting one is a single delete, undone by
// putting the record back as it was. The quote sources are read here too: the highlights a
// brief can quote, found by query (never by loading every highlight of the library), each with
// the document its citation names.
import { newRecordBase, touched } from '../../shared/model/records';
import type { AnnotationRecord, BriefRecord, DocumentMeta } from '../../shared/model/types';
import type { DossierDatabase } from './database';

/** A deleted brief as it was, so the deletion can be undone. */
export interface DeletedBrief {
  brief: BriefRecord;
}

export interface NewBrief {
  title: string;
  /** Lexical editor state as JSON; '' for an empty brief. */
  content?: string;
}

/** A highlight a brief quotes, with the document its citation names (undefined once deleted). */
export interface QuoteSource {
  annotation: AnnotationRecord;
  document: DocumentMeta | undefined;
}

/** Plain JSON of a Lexical node, as stored in a brief's content. */
type NodeJSON = { type: string; children?: NodeJSON[] } & Record<string, unknown>;

const emptyParagraph = (): NodeJSON => ({
  children: [],
  direction: null,
  format: '',
  indent: 0,
  type: 'paragraph',
  version: 1,
  textFormat: 0,
  textStyle: '',
});

/**
 * Appends block nodes to a brief's stored content (Lexical JSON) without an editor: before a
 * trailing empty paragraph when there is one, else followed by one, so the caret has a place
 * after the last block.
 */
export function appendBlocks(content: string, blocks: readonly object[]): string {
  const state = content
    ? (JSON.parse(content) as { root: NodeJSON })
    : {
        root: { children: [], direction: null, format: '', indent: 0, type: 'root', version: 1 } as NodeJSON,
      };
  const children = (state.root.children ??= []);
  const last = children[children.length - 1];
  const trailing = last?.type === 'paragraph' && (last.children?.length ?? 0) === 0;
  children.splice(trailing ? children.length - 1 : children.length, 0, ...(blocks as NodeJSON[]));
  if (!trailing) children.push(emptyParagraph());
  return JSON.stringify(state);
}

/** The name the analyst signed their last brief with (settings). */
const AUTHOR_KEY = 'briefAuthor';

export function createBriefRepository(db: DossierDatabase) {
  /** Highlights with their documents, read in one bulk lookup. */
  const withDocuments = async (annotations: AnnotationRecord[]): Promise<QuoteSource[]> => {
    const ids = [...new Set(annotations.map((a) => a.documentId))];
    const documents = await db.documents.bulkGet(ids);
    const byId = new Map(ids.map((id, i) => [id, documents[i]]));
    return annotations.map((annotation) => ({ annotation, document: byId.get(annotation.documentId) }));
  };

  const briefs = {
    /** Every brief, the most recently edited first. */
    list: (): Promise<BriefRecord[]> => db.briefs.orderBy('updatedAt').reverse().toArray(),
    get: (id: string) => db.briefs.get(id),
    /** The brief edited last, where "Add to brief" puts a quote. */
    latest: (): Promise<BriefRecord | undefined> => db.briefs.orderBy('updatedAt').last(),

    async create(fields: NewBrief, now: Date = new Date()): Promise<BriefRecord> {
      return db.transaction('rw', db.briefs, db.settings, async () => {
        // A new brief is signed by the name its analyst signed the last one with.
        const author = (await db.settings.get(AUTHOR_KEY))?.value;
        const record: BriefRecord = {
          ...newRecordBase(now),
          title: fields.title.trim(),
          content: fields.content ?? '',
          ...(typeof author === 'string' && author && { author }),
        };
        await db.briefs.add(record);
        return record;
      });
    },

    /** Signs a brief (its exports' title pages name the author), and remembers the name for new briefs. */
    async setAuthor(id: string, author: string, now: Date = new Date()): Promise<void> {
      const name = author.trim();
      await db.transaction('rw', db.briefs, db.settings, async () => {
        const current = await db.briefs.get(id);
        if (!current || (current.author ?? '') === name) return;
        await db.briefs.put({ ...touched(current, now), author: name });
        await db.settings.put({ key: AUTHOR_KEY, value: name });
      });
    },

    /**
     * Saves what changed of a brief (autosave: its title, its content or both). Nothing is
     * written when nothing changed, so a save on leaving the editor does not reorder the list.
     */
    async save(
      id: string,
      patch: Partial<Pick<BriefRecord, 'title' | 'content'>>,
      now: Date = new Date(),
    ): Promise<BriefRecord> {
      return db.transaction('rw', db.briefs, async () => {
        const current = await db.briefs.get(id);
        if (!current) throw new Error(`No brief ${id}`);
        const title = patch.title === undefined ? current.title : patch.title.trim();
        const content = patch.content ?? current.content;
        if (title === current.title && content === current.content) return current;
        const next: BriefRecord = { ...touched(current, now), title, content };
        await db.briefs.put(next);
        return next;
      });
    },

    rename: (id: string, title: string, now: Date = new Date()) => briefs.save(id, { title }, now),

    /** A copy of a brief under another title; quotes keep citing the same highlights. */
    async duplicate(id: string, title: string, now: Date = new Date()): Promise<BriefRecord> {
      const source = await db.briefs.get(id);
      if (!source) throw new Error(`No brief ${id}`);
      return briefs.create({ title, content: source.content }, now);
    },

    async remove(id: string): Promise<DeletedBrief | undefined> {
      return db.transaction('rw', db.briefs, async () => {
        const brief = await db.briefs.get(id);
        if (!brief) return undefined;
        await db.briefs.delete(id);
        return { brief };
      });
    },

    restore: async (deleted: DeletedBrief): Promise<void> => {
      await db.briefs.put(deleted.brief);
    },

    /** Appends blocks (serialized Lexical nodes, e.g. a quote) to the end of a brief. */
    async appendBlocks(id: string, blocks: readonly object[], now: Date = new Date()): Promise<BriefRecord> {
      return db.transaction('rw', db.briefs, async () => {
        const current = await db.briefs.get(id);
        if (!current) throw new Error(`No brief ${id}`);
        const next: BriefRecord = { ...touched(current, now), content: appendBlocks(current.content, blocks) };
        await db.briefs.put(next);
        return next;
      });
    },
  };

  const quoteSources = {
    /** One highlight and its document; undefined when the highlight was deleted. */
    async get(annotationId: string): Promise<QuoteSource | undefined> {
      const annotation = await db.annotations.get(annotationId);
      if (!annotation) return undefined;
      return { annotation, document: await db.documents.get(annotation.documentId) };
    },

    /** The highlights with these ids (missing ones left out), with their documents. */
    async many(annotationIds: readonly string[]): Promise<Map<string, QuoteSource>> {
      const ids = [...new Set(annotationIds)];
      const found = (await db.annotations.bulkGet(ids)).filter((a): a is AnnotationRecord => a !== undefined);
      return new Map((await withDocuments(found)).map((s) => [s.annotation.id, s]));
    },

    /** The highlights edited last, by the updatedAt index (a few, whatever the library's size). */
    async recent(limit: number): Promise<QuoteSource[]> {
      const annotations = await db.annotations.orderBy('updatedAt').reverse().limit(limit).toArray();
      return withDocuments(annotations);
    },

    /** The highlights of these documents, by the documentId index, at most `limit`. */
    async inDocuments(documentIds: readonly string[], limit: number): Promise<QuoteSource[]> {
      if (documentIds.length === 0) return [];
      const annotations = await db.annotations
        .where('documentId')
        .anyOf([...documentIds])
        .limit(limit)
        .toArray();
      return withDocuments(annotations);
    },

    /** The passage an item comes from (its first highlight), for an item dropped into a brief. */
    async ofItem(itemId: string): Promise<QuoteSource | undefined> {
      const item = await db.items.get(itemId);
      const first = item?.annotationIds[0];
      return first ? quoteSources.get(first) : undefined;
    },
  };

  return { briefs, quoteSources };
}
