// Sync storage: bundles out and in, conflicts. (Being written: signatures are final.)
import type { Revision } from '../../shared/model/types';
import type { SyncTable } from '../../shared/sync/tables';
import type { DossierDatabase } from './database';
import type {
  BundleSelection,
  ConflictEntry,
  ExportChoices,
  ExportedBundle,
  ImportOutcome,
  ImportPreview,
  PreviewResult,
  ReplicaIdentity,
  SyncProgress,
} from './sync-api';

export interface SyncTaskOptions {
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
}

const notYet = (): never => {
  throw new Error('sync storage: not implemented yet');
};

export function createSyncRepository(_db: DossierDatabase) {
  const sync = {
    identity: async (): Promise<ReplicaIdentity> => notYet(),
    setAnalyst: async (_name: string): Promise<void> => notYet(),
    exportChoices: async (): Promise<ExportChoices> => notYet(),
    exportBundle: async (_selection: BundleSelection, _options?: SyncTaskOptions): Promise<ExportedBundle> => notYet(),
    preview: async (_bytes: Uint8Array, _options?: SyncTaskOptions): Promise<PreviewResult> => notYet(),
    apply: async (_preview: ImportPreview, _options?: SyncTaskOptions): Promise<ImportOutcome> => notYet(),
    conflicts: {
      /** Records with unresolved conflicts. Live-query friendly (reads one table). */
      count: async (): Promise<number> => notYet(),
      list: async (): Promise<ConflictEntry[]> => notYet(),
      /** Keeps one version (the current one: "keep mine"; a conflict's rev: "keep theirs"); the others are superseded. */
      keep: async (_table: SyncTable, _id: string, _rev: Revision): Promise<void> => notYet(),
      /** Items: keeps the current version and makes the conflict version a new item of its own. */
      keepBoth: async (_table: SyncTable, _id: string, _rev: Revision): Promise<void> => notYet(),
    },
  };
  return { sync };
}
