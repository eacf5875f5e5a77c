// The manifest of a bundle (manifest.json): who wrote it, when, what it holds, and a SHA-256
// per entry. Read in three steps so a refusal names the real problem: is it ours at all
// (`format`), can we read this version (`formatVersion`), is it well formed (the schema).
import { z } from 'zod';
import { contentHashSchema, idSchema, isoTimeSchema, replicaIdSchema, revisionSchema } from './schemas';
import { SYNC_TABLES, type SyncTable } from './tables';

export const BUNDLE_FORMAT = 'dossier-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const MANIFEST_ENTRY = 'manifest.json';

/** What the sender chose to export, as the import preview and `bundle inspect` describe it. */
export const bundleFilterSchema = z.strictObject({
  /** Everything, or a selection by the fields below (all that are given must match). */
  scope: z.enum(['all', 'selection']),
  tags: z.array(z.string().max(1_000)).max(1_000).optional(),
  itemKinds: z.array(idSchema).max(1_000).optional(),
  documentIds: z.array(idSchema).max(100_000).optional(),
  owners: z.array(z.string().max(1_000)).max(1_000).optional(),
  /** Only what changed since this revision: the last exchange with `recipient`. */
  changedSince: revisionSchema.optional(),
  recipient: z.string().max(200).optional(),
});
export type BundleFilter = z.infer<typeof bundleFilterSchema>;

const countSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  replicaId: replicaIdSchema,
  analyst: z.string().max(200),
  createdAt: isoTimeSchema,
  appVersion: z.string().max(50),
  /** The sender's clock when it wrote the bundle: the receiver merges it into its own. */
  clock: revisionSchema,
  counts: z.strictObject({
    records: z.strictObject(
      Object.fromEntries(SYNC_TABLES.map((t) => [t, countSchema])) as Record<SyncTable, typeof countSchema>,
    ),
    texts: countSchema,
    pdfs: countSchema,
  }),
  /** Every other entry of the zip, with its inflated size and SHA-256. */
  entries: z.record(z.string().max(255), z.strictObject({ size: countSchema, sha256: contentHashSchema })),
  filter: bundleFilterSchema,
});
export type BundleManifest = z.infer<typeof manifestSchema>;

/** Entry names the format has: the manifest, one file per table, texts and PDFs by content hash. */
export const recordsEntry = (table: SyncTable) => `records/${table}.json`;
export const textEntry = (contentHash: string) => `texts/${contentHash}.json`;
export const pdfEntry = (contentHash: string) => `pdfs/${contentHash}.pdf`;

const ENTRY_NAME = new RegExp(
  `^(?:records/(?:${SYNC_TABLES.join('|')})\\.json|texts/[0-9a-f]{64}\\.json|pdfs/[0-9a-f]{64}\\.pdf)$`,
);
export const isFormatEntry = (name: string): boolean => ENTRY_NAME.test(name);
