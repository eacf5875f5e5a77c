// Items and the suggestions they come from. Part of the one repository (repository.ts):
// screens call these functions and never touch the tables. Tagging a passage writes its
// highlight and its item in one transaction, so neither is ever left without the other.
import type { AnchorText } from '../../shared/anchoring/passage';
import type { Extraction } from '../../shared/extract/types';
import { DEFAULT_ITEM_KINDS, newItem, withStatus, type ItemFields } from '../../shared/model/items';
import { newHighlight, type NewHighlight } from '../../shared/model/highlights';
import { touched } from '../../shared/model/records';
import type { AnnotationRecord, ItemKindDefinition, ItemRecord, ItemStatus } from '../../shared/model/types';
import type { DocumentExtraction, DossierDatabase } from './database';
import { deleteWithLinks, restoreWithLinks, type DeletedLinks } from './links';
import { readSetting } from './settings';

/** A passage to highlight and tag in one step. */
export type TaggedPassage = NewHighlight;

export type ItemPatch = Partial<
  Pick<
    ItemRecord,
    'kind' | 'title' | 'owners' | 'deadline' | 'milestones' | 'targets' | 'category' | 'tags' | 'note' | 'noteText'
  >
>;

/** An untagged item as it was, with the links it took along, so Untag can be undone. */
export interface DeletedItem {
  item: ItemRecord;
  links: DeletedLinks;
}

/** Settings keys of the item layer. */
const KINDS_KEY = 'itemKinds';
const ALIASES_KEY = 'ownerAliases';

export function createItemRepository(db: DossierDatabase) {
  const items = {
    list: (): Promise<ItemRecord[]> => db.items.toArray(),
    get: (id: string) => db.items.get(id),
    forDocument: (documentId: string) => db.items.where('documentId').equals(documentId).toArray(),

    /** Tags an existing highlight (or none: an item of its own) as an item. */
    async create(
      fields: ItemFields,
      link: { documentId: string | null; annotationIds: string[] },
      now: Date = new Date(),
    ): Promise<ItemRecord> {
      const record = newItem(fields, link, now);
      await db.items.add(record);
      return record;
    },

    /** Highlights a passage and tags it as an item, in one transaction (accepting a suggestion, or Alt+T/Alt+C). */
    async tagPassage(
      passage: TaggedPassage,
      doc: AnchorText,
      fields: ItemFields,
      now: Date = new Date(),
    ): Promise<{ annotation: AnnotationRecord; item: ItemRecord }> {
      return db.transaction('rw', db.annotations, db.items, async () => {
        const annotation = newHighlight(passage, doc, now);
        await db.annotations.add(annotation);
        const item = newItem(fields, { documentId: passage.documentId, annotationIds: [annotation.id] }, now);
        await db.items.add(item);
        return { annotation, item };
      });
    },

    async update(id: string, patch: ItemPatch, now: Date = new Date()): Promise<ItemRecord> {
      return db.transaction('rw', db.items, async () => {
        const current = await db.items.get(id);
        if (!current) throw new Error(`No item ${id}`);
        const next = { ...touched(current, now), ...patch };
        await db.items.put(next);
        return next;
      });
    },

    /** Sets the status of one or many items (bulk change), each change dated in its history. */
    async setStatus(ids: readonly string[], status: ItemStatus, now: Date = new Date()): Promise<void> {
      await db.transaction('rw', db.items, async () => {
        const current = await db.items.bulkGet([...ids]);
        const changed = current.flatMap((item) =>
          item && item.status !== status ? [withStatus(item, status, now)] : [],
        );
        await db.items.bulkPut(changed);
      });
    },

    /**
     * Deletes an item (Untag: its highlight stays). Its links are removed, or with `keepLinks`
     * kept on its highlight (else its document), in the same transaction.
     */
    async remove(id: string, options: { keepLinks?: boolean } = {}): Promise<DeletedItem | undefined> {
      const deleted = await deleteWithLinks(db, db.items, { kind: 'item', id }, options.keepLinks ?? false);
      return deleted && { item: deleted.record, links: deleted.links };
    },

    restore: (deleted: DeletedItem): Promise<void> => restoreWithLinks(db, db.items, deleted.item, deleted.links),

    /** How many items there are of each kind (by kind id), read from the kind index. */
    async kindCounts(): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const kind of await db.items.orderBy('kind').uniqueKeys()) {
        counts[String(kind)] = await db.items.where('kind').equals(kind).count();
      }
      return counts;
    },
  };

  const extractions = {
    get: (documentId: string): Promise<DocumentExtraction | undefined> => db.extractions.get(documentId),

    /**
     * Stores what the rules read from a document, keeping the suggestions already dismissed.
     * `aliases` is the key of the analyst's owner aliases it was read with (aliasesKey).
     */
    async put(
      documentId: string,
      contentHash: string,
      version: number,
      extraction: Extraction,
      published: string | null = null,
      aliases: string = '',
    ): Promise<void> {
      await db.transaction('rw', db.extractions, async () => {
        const previous = await db.extractions.get(documentId);
        await db.extractions.put({
          documentId,
          contentHash,
          version,
          extraction,
          published,
          ...(aliases ? { aliases } : {}),
          dismissed: previous?.dismissed ?? [],
        });
      });
    },

    /** Remembers that the analyst dismissed the suggestion with this quote. */
    async dismiss(documentId: string, quote: string): Promise<void> {
      await db.transaction('rw', db.extractions, async () => {
        const current = await db.extractions.get(documentId);
        if (!current || current.dismissed.includes(quote)) return;
        await db.extractions.put({ ...current, dismissed: [...current.dismissed, quote] });
      });
    },

    async undismiss(documentId: string, quote: string): Promise<void> {
      await db.transaction('rw', db.extractions, async () => {
        const current = await db.extractions.get(documentId);
        if (!current) return;
        await db.extractions.put({ ...current, dismissed: current.dismissed.filter((q) => q !== quote) });
      });
    },
  };

  const setting = <T>(key: string, fallback: T) => readSetting(db, key, fallback);

  const itemKinds = {
    /** The built-in kinds (as the analyst configured them) followed by the analyst's own. */
    list: (): Promise<ItemKindDefinition[]> => setting<ItemKindDefinition[]>(KINDS_KEY, [...DEFAULT_ITEM_KINDS]),
    /**
     * Saves the kinds and, in the same transaction, moves the items of each kind in `moves`
     * (kind id → kind id) to another kind: a deleted kind's items are never left behind.
     */
    save: async (
      kinds: readonly ItemKindDefinition[],
      moves: Readonly<Record<string, string>> = {},
      now: Date = new Date(),
    ): Promise<void> => {
      await db.transaction('rw', db.settings, db.items, async () => {
        // Every item is read before any is moved, so a move reads each kind as it was.
        const sources = Object.keys(moves).filter((from) => moves[from] !== from);
        const items = sources.length ? await db.items.where('kind').anyOf(sources).toArray() : [];
        await db.items.bulkPut(items.map((item) => ({ ...touched(item, now), kind: moves[item.kind]! })));
        await db.settings.put({ key: KINDS_KEY, value: kinds });
      });
    },
  };

  const ownerAliases = {
    /** The analyst's own alias → canonical name entries (the built-in table is in shared/extract/aliases). */
    get: (): Promise<Record<string, string>> => setting<Record<string, string>>(ALIASES_KEY, {}),
    save: async (aliases: Readonly<Record<string, string>>): Promise<void> => {
      await db.settings.put({ key: ALIASES_KEY, value: aliases });
    },
  };

  return { items, extractions, itemKinds, ownerAliases };
}
