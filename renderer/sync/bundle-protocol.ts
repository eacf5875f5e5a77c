// Messages to and from the bundle worker (./bundle.worker.ts).
import type { BundleContents, BundleInput } from '../../shared/sync/bundle';
import type { BundleResult } from '../../shared/sync/bundle-errors';

export type BundleWorkerRequest =
  { id: number; type: 'read'; bytes: Uint8Array } | { id: number; type: 'write'; input: BundleInput };

export type BundleWorkerResponse =
  | { id: number; type: 'read'; result: BundleResult<BundleContents> }
  | { id: number; type: 'write'; bytes: Uint8Array }
  | { id: number; type: 'error'; message: string };
