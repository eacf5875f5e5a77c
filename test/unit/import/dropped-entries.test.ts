import { describe, expect, it } from 'vitest';
import { filesFromEntries, type DroppedEntry } from '../../../renderer/import/dropped-entries';

const file = (name: string): DroppedEntry => ({
  name,
  isFile: true,
  isDirectory: false,
  file: (ok) => ok({ name, arrayBuffer: async () => new ArrayBuffer(0) } as File),
});

/** A folder whose reader hands out its children two at a time, as real readers page them. */
const folder = (name: string, children: DroppedEntry[]): DroppedEntry => ({
  name,
  isFile: false,
  isDirectory: true,
  createReader: () => {
    let at = 0;
    return {
      readEntries: (ok) => {
        const page = children.slice(at, at + 2);
        at += 2;
        queueMicrotask(() => ok(page));
      },
    };
  },
});

const EXT = ['txt', 'md', 'markdown', 'html', 'htm'];

describe('filesFromEntries', () => {
  it('walks dropped folders, in name order, taking only document files', async () => {
    const dropped = [
      folder('articles', [
        file('b.html'),
        file('a.txt'),
        file('photo.jpg'),
        file('.DS_Store'),
        folder('2019', [file('plan.md'), file('notes.MARKDOWN')]),
      ]),
    ];
    const names = (await filesFromEntries(dropped, EXT)).map((f) => f.name);
    expect(names).toEqual(['notes.MARKDOWN', 'plan.md', 'a.txt', 'b.html']);
  });

  it('keeps every file dropped directly, so an unsupported one is refused with a reason', async () => {
    const names = (await filesFromEntries([file('slides.pptx'), file('a.txt')], EXT)).map((f) => f.name);
    expect(names).toEqual(['slides.pptx', 'a.txt']);
  });
});
