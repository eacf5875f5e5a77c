// `.dossier` bundles the OS asks us to open through the file association: on Windows and Linux
// they arrive as command-line arguments (of the first or a second instance), on macOS as
// 'open-file' events, possibly before any window exists. main.ts keeps them in an
// OpenedBundles list until the page takes them (the takeOpenedFiles channel).
import path from 'node:path';

export const BUNDLE_EXTENSION = '.dossier';

export function isBundlePath(candidate: string): boolean {
  return path.extname(candidate).toLowerCase() === BUNDLE_EXTENSION && path.basename(candidate) !== BUNDLE_EXTENSION;
}

/**
 * The bundle paths in a command line, made absolute against `cwd` (the launching shell's
 * directory, which a second instance reports). Switches (`--foo=x.dossier`) and the executable
 * and app arguments are ignored.
 */
export function bundlePathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || !isBundlePath(arg)) continue;
    const absolute = path.resolve(cwd, arg);
    if (!paths.includes(absolute)) paths.push(absolute);
  }
  return paths;
}

/** Bundle paths the OS opened, held until the page takes them: each is handed over once. */
export class OpenedBundles {
  private pending: string[] = [];

  /** Adds the bundle paths among `paths`; true when any was new (the page should be told). */
  add(paths: readonly string[]): boolean {
    const fresh = paths.filter((p) => isBundlePath(p) && !this.pending.includes(p));
    this.pending.push(...fresh);
    return fresh.length > 0;
  }

  /** The paths waiting, in the order they came; the list is empty afterwards. */
  take(): string[] {
    return this.pending.splice(0);
  }
}
