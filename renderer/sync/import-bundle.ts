// How `.dossier` bundles reach the import screen: Import… (its file dialog offers documents and
// bundles), Share…'s "Import a bundle…" (bundles only), and files dropped anywhere on the
// window. Bundles are taken out of the batch before document ingest sees it and are opened one
// at a time, in the order they came.
import { useCallback, useRef, useState } from 'react';
import type { PickedFile } from '../../shared/ipc/contract';
import { bridge } from '../bridge/bridge';
import type { Translate } from '../i18n/i18n';

export const BUNDLE_EXTENSION = 'dossier';

export const isBundleName = (name: string): boolean => name.toLowerCase().endsWith(`.${BUNDLE_EXTENSION}`);

/** The bundles of a batch of files, and the rest (documents, for ingest), each in their order. */
export function splitBundles<T extends { name: string }>(files: readonly T[]): { bundles: T[]; documents: T[] } {
  const bundles: T[] = [];
  const documents: T[] = [];
  for (const file of files) (isBundleName(file.name) ? bundles : documents).push(file);
  return { bundles, documents };
}

/** The file filter for bundles, in the open and save dialogs. */
export const bundleFileFilter = (t: Translate) => ({ name: t('bundleFileType'), extensions: [BUNDLE_EXTENSION] });

/** Asks for bundle files (an open dialog that offers `.dossier` files only). */
export async function pickBundles(t: Translate): Promise<PickedFile[]> {
  const files = await bridge.openFiles({ title: t('bundleOpenTitle'), multiple: true, filters: [bundleFileFilter(t)] });
  return files.filter((f) => isBundleName(f.name));
}

/** A bundle waiting for (or shown in) the import dialog; `key` tells two drops of one file apart. */
export interface QueuedBundle {
  key: number;
  file: PickedFile;
}

/** Bundles to import, one dialog at a time: `current` is shown, `done` moves on to the next. */
export function useBundleQueue() {
  const [queue, setQueue] = useState<QueuedBundle[]>([]);
  const next = useRef(1);
  const add = useCallback((files: readonly PickedFile[]) => {
    if (!files.length) return;
    setQueue((queued) => [...queued, ...files.map((file) => ({ key: next.current++, file }))]);
  }, []);
  const done = useCallback(() => setQueue((queued) => queued.slice(1)), []);
  return { current: queue[0] ?? null, waiting: Math.max(0, queue.length - 1), add, done };
}
