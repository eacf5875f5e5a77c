// A record without its sync stamps: Undo writes a new version of the same content (a new
// revision, superseding the deletion), so tests of Undo compare content.
export function content<T extends object>(record: T | undefined): Omit<T, 'rev' | 'baseRev' | 'lineage'> | undefined {
  if (!record) return record;
  const {
    rev: _rev,
    baseRev: _baseRev,
    lineage: _lineage,
    ...rest
  } = record as T & {
    rev?: unknown;
    baseRev?: unknown;
    lineage?: unknown;
  };
  return rest;
}
