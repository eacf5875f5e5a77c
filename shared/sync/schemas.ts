// Zod schemas for everything a bundle carries, checked on import (and on export, so we never
// write a bundle we would refuse). Objects are strict: an unknown field is refused rather
// than dropped, because dropping it would give one revision two contents on two replicas.
// Lengths are generous bounds against junk, not product limits.
import { z } from 'zod';
import {
  HIGHLIGHT_COLORS,
  ITEM_FIELDS,
  ITEM_STATUSES,
  type BlockType,
  type DatePrecision,
  type DocumentKind,
  type EditableField,
  type LinkEndKind,
  type LinkType,
} from '../model/types';
import { isReplicaId, isRevision, parseRevision } from './hlc';
import { dotOf, isNormalRanges, LEGACY_KEY_PREFIX, seenHas } from './lineage';
import type { DocumentText, SyncRecords, SyncTable } from './tables';

const SHORT = 1_000;
const MEDIUM = 100_000;
const LONG = 20_000_000;
const MANY = 100_000;

// eslint-disable-next-line no-control-regex -- ids must not hide control characters
const CONTROL = /[\u0000-\u001f\u007f]/;

export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => !CONTROL.test(s), 'no control characters');
export const revisionSchema = z.string().max(100).refine(isRevision, 'not a revision');
export const replicaIdSchema = z.string().refine(isReplicaId, 'not a replica id');
export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');
export const isoTimeSchema = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/, 'not an ISO 8601 time');
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date');
const text = (max: number) => z.string().max(max);
const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const finite = z.number().finite();
const list = <T extends z.ZodType>(item: T, max = MANY) => z.array(item).max(max);

const rangeSchema = z.tuple([z.int().min(1), z.int().min(1)]);
/** Keys of `seen`: a replica id, or `~` and the rev of a version from before sync. */
const seenKey = z
  .string()
  .max(120)
  .refine(
    (k) => isReplicaId(k) || (k.startsWith(LEGACY_KEY_PREFIX) && isRevision(k.slice(LEGACY_KEY_PREFIX.length))),
    'not a replica id',
  );
export const lineageSchema = z.strictObject({
  seq: z
    .int()
    .min(1)
    .max(2 ** 31),
  seen: z
    .record(seenKey, list(rangeSchema).refine(isNormalRanges, 'ranges must be sorted, disjoint and positive'))
    .refine((s) => Object.keys(s).length <= 10_000, 'too many replicas'),
});

const baseShape = {
  id: idSchema,
  createdAt: isoTimeSchema,
  updatedAt: isoTimeSchema,
  rev: revisionSchema,
  baseRev: revisionSchema.nullable(),
  deleted: z.boolean().optional(),
  lineage: lineageSchema.optional(),
};

/** Lineage only on clock revisions, and never superseding the version itself. */
function checkLineage(record: { rev: string; lineage?: z.infer<typeof lineageSchema> }, ctx: z.RefinementCtx): void {
  if (!record.lineage) return;
  if (parseRevision(record.rev)?.legacy !== false) {
    ctx.addIssue({ code: 'custom', path: ['lineage'], message: 'lineage on a revision from before sync' });
  } else if (seenHas(record.lineage.seen, dotOf(record))) {
    ctx.addIssue({ code: 'custom', path: ['lineage'], message: 'a version cannot supersede itself' });
  }
}

const DATE_PRECISIONS = ['year', 'half', 'quarter', 'month', 'day'] as const satisfies readonly DatePrecision[];
const dateRangeShape = {
  from: daySchema,
  to: daySchema,
  precision: z.enum(DATE_PRECISIONS),
  text: text(SHORT),
};
const dateRangeSchema = z.strictObject(dateRangeShape);

const DOCUMENT_KINDS = ['text', 'html', 'markdown', 'pdf'] as const satisfies readonly DocumentKind[];
const EDITABLE_FIELDS = ['title', 'site', 'url', 'authors'] as const satisfies readonly EditableField[];
const nullableText = (max: number) => text(max).nullable();

export const documentSchema = z
  .strictObject({
    ...baseShape,
    title: text(MEDIUM),
    kind: z.enum(DOCUMENT_KINDS),
    source: z.strictObject({
      site: nullableText(SHORT * 10),
      url: nullableText(SHORT * 10),
      authors: list(text(SHORT), 1_000),
      host: nullableText(SHORT * 10),
      editor: nullableText(SHORT * 10),
      originalSource: nullableText(SHORT * 10).optional(),
    }),
    published: z
      .strictObject({
        ...dateRangeShape,
        status: z.enum(['detected', 'inferred', 'confirmed', 'edited']),
      })
      .nullable(),
    importedAt: isoTimeSchema,
    contentHash: contentHashSchema,
    pdf: z.strictObject({ pages: count, textPages: count }).optional(),
    splitFrom: z.strictObject({ id: idSchema, title: text(MEDIUM), part: count }).optional(),
    proposedSplit: list(z.strictObject({ firstBlock: count, title: text(MEDIUM) }), 10_000).optional(),
    edited: list(z.enum(EDITABLE_FIELDS), 10).optional(),
    length: count,
  })
  .superRefine(checkLineage);

const pdfRectSchema = z.strictObject({ page: z.int().min(1), x: finite, y: finite, width: finite, height: finite });

export const annotationSchema = z
  .strictObject({
    ...baseShape,
    documentId: idSchema,
    target: z.strictObject({
      position: z.strictObject({ type: z.literal('TextPositionSelector'), start: count, end: count }),
      quote: z.strictObject({
        type: z.literal('TextQuoteSelector'),
        exact: text(LONG),
        prefix: text(MEDIUM),
        suffix: text(MEDIUM),
      }),
      rects: list(pdfRectSchema).optional(),
    }),
    orphaned: z.boolean().optional(),
    color: z.enum(HIGHLIGHT_COLORS),
    note: nullableText(LONG),
    noteText: text(LONG),
    tags: list(text(SHORT), 1_000),
    author: text(SHORT),
  })
  .superRefine(checkLineage);

export const itemSchema = z
  .strictObject({
    ...baseShape,
    kind: idSchema,
    title: text(MEDIUM),
    annotationIds: list(idSchema, 10_000),
    documentId: idSchema.nullable(),
    owners: list(
      z.strictObject({ asWritten: text(SHORT), normalized: text(SHORT), role: z.enum(['lead', 'responsible']) }),
      1_000,
    ),
    deadline: z
      .strictObject({ ...dateRangeShape, origin: z.enum(['explicit', 'section', 'context', 'analyst']) })
      .nullable(),
    milestones: list(dateRangeSchema, 1_000),
    targets: list(z.strictObject({ value: finite, unit: text(SHORT), text: text(SHORT) }), 1_000),
    status: z.enum(ITEM_STATUSES),
    statusHistory: list(z.strictObject({ status: z.enum(ITEM_STATUSES), at: isoTimeSchema }), 10_000),
    category: nullableText(SHORT),
    tags: list(text(SHORT), 1_000),
    note: nullableText(LONG),
    noteText: text(LONG),
    origin: z.enum(['suggested', 'manual']),
  })
  .superRefine(checkLineage);

export const eventSchema = z
  .strictObject({
    ...baseShape,
    title: text(MEDIUM),
    date: dateRangeSchema,
    documentId: idSchema.nullable(),
    annotationId: idSchema.nullable(),
    note: nullableText(LONG),
  })
  .superRefine(checkLineage);

const LINK_TYPES = [
  'relates',
  'updates',
  'fulfils',
  'contradicts',
  'duplicates',
  'on-timeline',
] as const satisfies readonly LinkType[];
const LINK_END_KINDS = ['annotation', 'item', 'event', 'document'] as const satisfies readonly LinkEndKind[];
const linkEndSchema = z.strictObject({ kind: z.enum(LINK_END_KINDS), id: idSchema });

export const linkSchema = z
  .strictObject({
    ...baseShape,
    type: z.enum(LINK_TYPES),
    from: linkEndSchema,
    to: linkEndSchema,
    note: nullableText(LONG),
  })
  .superRefine(checkLineage);

export const briefSchema = z
  .strictObject({ ...baseShape, title: text(MEDIUM), content: text(LONG) })
  .superRefine(checkLineage);

export const itemKindSchema = z
  .strictObject({
    ...baseShape,
    label: text(SHORT),
    color: z.enum(HIGHLIGHT_COLORS),
    shortcut: z.string().max(1).nullable(),
    fields: list(z.enum(ITEM_FIELDS), ITEM_FIELDS.length),
  })
  .superRefine(checkLineage);

/** The schema of each table's records. */
export const RECORD_SCHEMAS = {
  documents: documentSchema,
  annotations: annotationSchema,
  items: itemSchema,
  events: eventSchema,
  links: linkSchema,
  briefs: briefSchema,
  itemKinds: itemKindSchema,
} as const satisfies { [T in SyncTable]: z.ZodType<SyncRecords[T]> };

const BLOCK_TYPES = [
  'heading',
  'paragraph',
  'list-item',
  'table-cell',
  'quote',
  'preformatted',
] as const satisfies readonly BlockType[];

const blockSchema = z.strictObject({
  type: z.enum(BLOCK_TYPES),
  start: count,
  end: count,
  level: z.int().min(1).max(6).optional(),
  table: count.optional(),
  row: count.optional(),
  col: count.optional(),
  ordered: z.boolean().optional(),
});

const pdfItemSchema = z.strictObject({
  start: z.int().min(-1),
  lead: count,
  length: count,
  chars: count,
  skipped: list(count, 1_000_000).optional(),
  x: finite,
  y: finite,
  width: finite,
  height: finite,
});

export const documentTextSchema = z.strictObject({
  contentHash: contentHashSchema,
  text: text(100_000_000),
  blocks: list(blockSchema, 10_000_000),
  pageMap: z
    .strictObject({
      pages: list(
        z.strictObject({
          width: finite,
          height: finite,
          start: count,
          end: count,
          items: list(pdfItemSchema, 1_000_000),
        }),
      ),
    })
    .optional(),
  original: z.strictObject({ name: text(SHORT), encoding: text(100), size: count, text: text(200_000_000) }).optional(),
}) satisfies z.ZodType<DocumentText>;
