// Events: dated entries of the timeline that are not items (a meeting, a milestone, a date
// the analyst pinned from the text). Part of the one repository (repository.ts): screens
// call these functions and never touch the tables. An event made from a passage highlights
// it and stores the event in one transaction, so neither is left without the other; deleting
// an event takes its links along (removed, or kept on its passage), as every deletion does.
import type { AnchorText } from '../../shared/anchoring/passage';
import { newHighlight, type NewHighlight } from '../../shared/model/highlights';
import { newRecordBase, touched } from '../../shared/model/records';
import type { AnnotationRecord, DateRange, EventRecord } from '../../shared/model/types';
import type { DossierDatabase } from './database';
import { deleteWithLinks, restoreWithLinks, type DeletedLinks } from './links';

/** What the analyst gives an event; the rest is bookkeeping. */
export interface EventFields {
  title: string;
  date: DateRange;
  note?: string | null;
  documentId?: string | null;
  annotationId?: string | null;
}

export type EventPatch = Partial<Pick<EventRecord, 'title' | 'date' | 'note'>>;

/** A passage of a document an event is made from (a date mention, a selection). */
export type EventPassage = NewHighlight;

/** A deleted event as it was, with the links it took along, so the deletion can be undone. */
export interface DeletedEvent {
  event: EventRecord;
  links: DeletedLinks;
}

const tidyNote = (note: string | null | undefined): string | null => (note?.trim() ? note.trim() : null);

export function newEvent(fields: EventFields, now: Date = new Date()): EventRecord {
  return {
    ...newRecordBase(now),
    title: fields.title.trim(),
    date: fields.date,
    documentId: fields.documentId ?? null,
    annotationId: fields.annotationId ?? null,
    note: tidyNote(fields.note),
  };
}

export function createEventRepository(db: DossierDatabase) {
  const events = {
    list: (): Promise<EventRecord[]> => db.events.toArray(),
    get: (id: string) => db.events.get(id),
    forDocument: (documentId: string) => db.events.where('documentId').equals(documentId).toArray(),

    /** An event by hand (a meeting, a milestone), or on a passage already highlighted. */
    async create(fields: EventFields, now: Date = new Date()): Promise<EventRecord> {
      const record = newEvent(fields, now);
      await db.events.add(record);
      return record;
    },

    /**
     * An event made from a passage: the passage is highlighted (or its highlight, when one
     * covers exactly these words, is reused) and the event stored, in one transaction.
     * `highlighted`: a highlight was made for it (so undoing the event may take it away too).
     */
    async fromPassage(
      passage: EventPassage,
      doc: AnchorText,
      fields: Omit<EventFields, 'documentId' | 'annotationId'>,
      now: Date = new Date(),
    ): Promise<{ annotation: AnnotationRecord; event: EventRecord; highlighted: boolean }> {
      return db.transaction('rw', db.annotations, db.events, async () => {
        const existing = (await db.annotations.where('documentId').equals(passage.documentId).toArray()).find(
          (a) => !a.orphaned && a.target.position.start === passage.start && a.target.position.end === passage.end,
        );
        let annotation = existing;
        if (!annotation) {
          annotation = newHighlight(passage, doc, now);
          await db.annotations.add(annotation);
        }
        const event = newEvent({ ...fields, documentId: passage.documentId, annotationId: annotation.id }, now);
        await db.events.add(event);
        return { annotation, event, highlighted: !existing };
      });
    },

    async update(id: string, patch: EventPatch, now: Date = new Date()): Promise<EventRecord> {
      return db.transaction('rw', db.events, async () => {
        const current = await db.events.get(id);
        if (!current) throw new Error(`No event ${id}`);
        const next: EventRecord = {
          ...touched(current, now),
          ...patch,
          ...(patch.title !== undefined && { title: patch.title.trim() }),
          ...(patch.note !== undefined && { note: tidyNote(patch.note) }),
        };
        await db.events.put(next);
        return next;
      });
    },

    /**
     * Deletes an event. Its links are removed, or with `keepLinks` kept on its passage (else its
     * document), in the same transaction; its highlight stays. Undone by `restore`.
     */
    async remove(id: string, options: { keepLinks?: boolean } = {}): Promise<DeletedEvent | undefined> {
      const deleted = await deleteWithLinks(db, db.events, { kind: 'event', id }, options.keepLinks ?? false);
      return deleted && { event: deleted.record, links: deleted.links };
    },

    restore: (deleted: DeletedEvent): Promise<void> => restoreWithLinks(db, db.events, deleted.event, deleted.links),
  };

  /** What the timeline reads besides the records it lists. */
  const timeline = {
    /** The highlights with these ids (for the quotes of a preview); missing ones are left out. */
    passages: async (ids: readonly string[]): Promise<AnnotationRecord[]> =>
      (await db.annotations.bulkGet([...new Set(ids)])).filter((a): a is AnnotationRecord => a !== undefined),
  };

  return { events, timeline };
}
