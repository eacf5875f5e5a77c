// Dropping a folder gives one entry for the folder, not its files: walk it, as an analyst
// who drops "a folder of scraped articles" expects every article inside to be imported.

/** The parts of the File and Directory Entries API this walk needs (Chromium and Electron have it). */
export interface DroppedEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: DroppedEntry[]) => void, failure?: (error: unknown) => void): void;
  };
}

function readAll(directory: DroppedEntry): Promise<DroppedEntry[]> {
  const reader = directory.createReader!();
  const entries: DroppedEntry[] = [];
  // readEntries returns at most ~100 entries per call: call it until it returns none.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(entries);
        entries.push(...batch);
        next();
      }, reject);
    next();
  });
}

/**
 * The files under the dropped entries, in name order within each folder. Files dropped
 * directly are all kept (an unsupported one is then refused with a reason); inside folders
 * only files whose extension Dossier imports are taken, and hidden files are skipped.
 */
export async function filesFromEntries(entries: DroppedEntry[], extensions: readonly string[]): Promise<File[]> {
  const files: File[] = [];
  const wanted = (name: string) => !name.startsWith('.') && extensions.includes(name.split('.').pop()!.toLowerCase());
  const visit = async (entry: DroppedEntry, inFolder: boolean): Promise<void> => {
    if (entry.isDirectory) {
      const children = (await readAll(entry)).sort((a, b) => a.name.localeCompare(b.name));
      for (const child of children) await visit(child, true);
    } else if (entry.isFile && (!inFolder || wanted(entry.name))) {
      files.push(await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)));
    }
  };
  for (const entry of entries) await visit(entry, false);
  return files;
}

/** Entries of a drop, or null when the platform gives none (then use dataTransfer.files). */
export function droppedEntries(transfer: DataTransfer): DroppedEntry[] | null {
  const entries = [...transfer.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry() as DroppedEntry | null);
  return entries.length > 0 && entries.every((e) => e !== null) ? (entries as DroppedEntry[]) : null;
}
