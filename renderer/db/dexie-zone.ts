// Dexie's zone: its async context, which tells Dexie's own middlewares (hooks, live-query
// cache) which transaction a write belongs to. It does not survive a native `await` inside a
// middleware, so a middleware that awaits before writing captures the zone when the write
// comes in and makes its later writes inside it.
import Dexie from 'dexie';

const dexiePromise = Dexie.Promise as unknown as { PSD: unknown; usePSD<T>(zone: unknown, fn: () => T): T };

export type DexieZone = { readonly zone: unknown };

export const captureZone = (): DexieZone => ({ zone: dexiePromise.PSD });

export const inZone = <T>(zone: DexieZone, fn: () => T): T => dexiePromise.usePSD(zone.zone, fn);
