// Importing a bundle, up to the point of asking the analyst: read and check the file, then
// plan the merge against the library. Nothing is written; on a refusal the caller has
// nothing to undo, and on success it applies `plan.writes` in one transaction.
import { readBundle, DEFAULT_BUNDLE_LIMITS, type BundleContents, type BundleLimits } from './bundle';
import type { BundleResult } from './bundle-errors';
import { planMerge, type LibrarySnapshot, type MergePlan } from './library-merge';

export interface ImportPreview {
  contents: BundleContents;
  plan: MergePlan;
}

export function previewImport(
  local: LibrarySnapshot,
  bytes: Uint8Array,
  limits: BundleLimits = DEFAULT_BUNDLE_LIMITS,
): BundleResult<ImportPreview> {
  const read = readBundle(bytes, limits);
  if (!read.ok) return read;
  const contents = read.value;
  const plan = planMerge(local, { records: contents.records, texts: new Set(contents.texts.keys()) });
  return { ok: true, value: { contents, plan } };
}
