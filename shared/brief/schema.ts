// What a brief must look like to be exported: Lexical's editor state around it (checked loosely:
// unknown nodes are read for their text) and Dossier's own nodes, checked against the shapes of
// serialized.ts so a damaged quote is refused by name rather than exported with a wrong citation.
import { z } from 'zod';
import { ITEM_STATUSES } from '../model/types';
import type { QuoteCitation } from './serialized';

/** A brief that cannot be exported; the message says why, in words an analyst can act on. */
export class BriefFormatError extends Error {
  override name = 'BriefFormatError';
}

/** Zod's issues as one short sentence: the first few, each with where it is. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'value'}: ${issue.message}`)
    .join('; ');
}

/** An optional field that a writer may also have left null. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const precision = z.enum(['year', 'half', 'quarter', 'month', 'day']);
const offset = z.number().int().nonnegative();
const dateRange = z.object({ from: z.string(), to: z.string(), precision });

export const exportInputSchema = z.object({
  title: z.string(),
  author: z.string().optional(),
  date: z.string().min(1),
  // Whether it is a brief at all is for editorStateSchema to say, with its own message.
  content: z.unknown(),
  language: z.enum(['en', 'zh']),
  quoteStatus: z.record(z.string(), z.enum(['matches', 'changed', 'missing'])).optional(),
  kindLabels: z.record(z.string(), z.string()).optional(),
});

const citationSchema = z
  .object({
    documentId: z.string().min(1),
    title: z.string(),
    site: optional(z.string()),
    url: optional(z.string()),
    published: optional(z.object({ date: z.string(), precision })),
    position: z
      .object({ start: offset, end: offset })
      .refine((p) => p.end >= p.start, 'the passage ends before it starts'),
    page: optional(z.number().int().positive()),
  })
  // Absent stays absent: exporters and round-trip tests compare citations as stored.
  .transform((c): QuoteCitation => {
    const citation: QuoteCitation = { documentId: c.documentId, title: c.title, position: c.position };
    if (c.site !== undefined) citation.site = c.site;
    if (c.url !== undefined) citation.url = c.url;
    if (c.published !== undefined) citation.published = c.published;
    if (c.page !== undefined) citation.page = c.page;
    return citation;
  });

// A status this version does not know (a newer app's) reads as unknown rather than refusing the brief.
const status = z.enum(ITEM_STATUSES).catch('unknown');

export const quoteNodeSchema = z.object({
  annotationId: z.string().min(1),
  quote: z.string(),
  citation: citationSchema,
});

const itemRowSchema = z.object({
  itemId: z.string(),
  kind: z.string(),
  text: z.string(),
  owners: z.array(z.string()),
  deadline: dateRange.nullable(),
  status,
  source: citationSchema.nullable(),
  annotationId: z.string().nullable(),
});

export const itemTableNodeSchema = z.object({ rows: z.array(itemRowSchema) });

const entrySchema = z.object({
  kind: z.enum(['item', 'event', 'document', 'mention']),
  ref: z.object({ kind: z.enum(['annotation', 'item', 'event', 'document']), id: z.string() }),
  date: dateRange,
  label: z.string(),
  status: optional(status),
  documentTitle: optional(z.string()),
});

export const timelineNodeSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  entries: z.array(entrySchema),
});

/** The envelope: `{ root: { type: 'root', children: [...] } }`; children may be left out (Lexical's compact form). */
export const editorStateSchema = z.object({
  root: z.object({
    type: z.literal('root'),
    children: z.array(z.unknown()).default([]),
  }),
});
