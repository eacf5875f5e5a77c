// Saving without ever leaving half a file: write a temporary file next to the target, flush it
// to disk, then rename it over the target (atomic on one file system). On any failure the
// temporary file is removed and the target is exactly as it was.
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** The part of node:fs/promises an atomic write needs (injected, so tests can make it fail). */
export interface AtomicWriteFs {
  open(
    filePath: string,
    flags: string,
    mode?: number,
  ): Promise<{ writeFile(data: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
}

/** The temporary name used next to `target`: hidden, unique, recognisably ours. */
export function temporaryPathFor(target: string, random: string = randomBytes(6).toString('hex')): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${random}.dossier-tmp`);
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

export async function writeFileAtomic(
  fs: AtomicWriteFs,
  target: string,
  data: Uint8Array,
  options: { platform?: NodeJS.Platform; retryDelayMs?: number } = {},
): Promise<void> {
  const temporary = temporaryPathFor(target);
  let created = false;
  try {
    // 'wx': fail rather than follow or clobber anything already at the temporary name.
    const handle = await fs.open(temporary, 'wx', 0o666);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, temporary, target, options);
    created = false;
  } finally {
    if (created) await fs.unlink(temporary).catch(() => undefined);
  }
}

/** On Windows a virus scanner or indexer may hold the target for a moment: retry briefly. */
async function renameWithRetry(
  fs: AtomicWriteFs,
  from: string,
  to: string,
  options: { platform?: NodeJS.Platform; retryDelayMs?: number },
): Promise<void> {
  const attempts = (options.platform ?? process.platform) === 'win32' ? 5 : 1;
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
      if (attempt >= attempts || !RENAME_RETRY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 50) * attempt));
    }
  }
}
