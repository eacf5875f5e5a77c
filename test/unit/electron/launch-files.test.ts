import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePathsFromArgv, isBundlePath, OpenedBundles } from '../../../electron/launch-files';

describe('.dossier bundles from the command line', () => {
  it('picks the bundles out of a packaged launch (Windows/Linux file association)', () => {
    expect(bundlePathsFromArgv(['/opt/Dossier/dossier', '/home/a/Downloads/from-li.dossier'], '/home/a')).toEqual([
      '/home/a/Downloads/from-li.dossier',
    ]);
  });

  it('ignores the executable, the app path, switches and other files; resolves relative paths; dedupes', () => {
    const argv = [
      '/usr/bin/electron',
      '.',
      '--inspect=9229',
      '--open=evil.dossier',
      'notes.txt',
      'team/week12.DOSSIER',
      '/abs/week12.dossier',
      'team/week12.DOSSIER',
      '.dossier',
    ];
    expect(bundlePathsFromArgv(argv, '/work')).toEqual([
      path.resolve('/work', 'team/week12.DOSSIER'),
      '/abs/week12.dossier',
    ]);
  });

  it('recognises bundle paths by extension', () => {
    expect(isBundlePath('/a/b.dossier')).toBe(true);
    expect(isBundlePath('/a/b.Dossier')).toBe(true);
    expect(isBundlePath('/a/b.dossier.zip')).toBe(false);
    expect(isBundlePath('/a/.dossier')).toBe(false);
  });
});

describe('bundles opened before and while the app runs', () => {
  it('are held until taken, in order, each once; only new bundles ask to tell the page', () => {
    const opened = new OpenedBundles();
    expect(opened.add(['/a/first.dossier', '/a/notes.txt'])).toBe(true);
    expect(opened.add(['/a/first.dossier'])).toBe(false);
    expect(opened.add(['/a/second.dossier'])).toBe(true);
    expect(opened.take()).toEqual(['/a/first.dossier', '/a/second.dossier']);
    expect(opened.take()).toEqual([]);
    // Opened again after it was taken (the analyst double-clicks it once more): delivered again.
    expect(opened.add(['/a/first.dossier'])).toBe(true);
    expect(opened.take()).toEqual(['/a/first.dossier']);
  });
});
