// Tagging passages as items from the reader: a fresh selection (highlight + item in one
// transaction) or an existing highlight. Fields are prefilled from the extraction rules.
import { useCallback } from 'react';
import type { AnchorText } from '../../../shared/anchoring/passage';
import type { AnnotationRecord, DocumentMeta, ItemKindDefinition, ItemRecord } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import { describePassage } from '../../../shared/extract/extract';
import type { Candidate } from '../../../shared/extract/types';
import { manualFields } from '../../../shared/model/items';
import { extractClient } from '../../extract/extract-client';
import { publishedDay } from '../../extract/refresh';

export function useTagging(args: {
  documentId: string;
  meta: DocumentMeta | null | undefined;
  body: AnchorText | null | undefined;
}) {
  const repository = useRepository();
  const { documentId, meta, body } = args;

  /** What the rules read from the passage, in the worker (the reader stays responsive); in the page if the worker fails. */
  const fieldsAt = useCallback(
    async (start: number, end: number): Promise<Candidate> => {
      const text = body!.text;
      // The analyst's owner aliases, as they are now (extraction adds them to the built-in table).
      const context = { published: meta ? publishedDay(meta) : null, aliases: await repository.ownerAliases.get() };
      try {
        return await extractClient().describe(text, start, end, context);
      } catch {
        return describePassage(text, start, end, context);
      }
    },
    [body, meta, repository],
  );

  /** Highlights [start, end) in the kind's colour and tags it; returns the new highlight's id. */
  const tagSelection = useCallback(
    async (range: { start: number; end: number }, kind: ItemKindDefinition): Promise<string | null> => {
      if (!body) return null;
      const { annotation } = await repository.items.tagPassage(
        { documentId, start: range.start, end: range.end, color: kind.color },
        body,
        manualFields(kind.id, await fieldsAt(range.start, range.end)),
      );
      return annotation.id;
    },
    [body, documentId, fieldsAt, repository],
  );

  /** Tags a highlight as this kind; a highlight already tagged changes kind instead. */
  const tagHighlight = useCallback(
    async (annotation: AnnotationRecord, kind: ItemKindDefinition, item: ItemRecord | undefined): Promise<void> => {
      if (item) {
        if (item.kind !== kind.id) await repository.items.update(item.id, { kind: kind.id });
        return;
      }
      if (!body) return;
      const { start, end } = annotation.target.position;
      await repository.items.create(manualFields(kind.id, await fieldsAt(start, end)), {
        documentId,
        annotationIds: [annotation.id],
      });
    },
    [body, documentId, fieldsAt, repository],
  );

  return { tagSelection, tagHighlight };
}
