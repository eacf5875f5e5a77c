import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/anchoring/describe';
import { documentToMarkdown, exportFileName } from '../../../shared/export/document-markdown';
import type { AnnotationRecord, Block, DocumentMeta } from '../../../shared/model/types';
import { marked } from 'marked';

const text = '一、主要考虑\n\n今年将完成90项具体任务。京张铁路年底建成通车。\n\n推进交通一体化';
const span = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });
const blocks: Block[] = [
  { type: 'heading', level: 1, ...span('一、主要考虑') },
  { type: 'paragraph', ...span('今年将完成90项具体任务。京张铁路年底建成通车。') },
  { type: 'list-item', ...span('推进交通一体化') },
];
const meta = {
  id: 'd1',
  title: '本市发布《北京市推进京津冀协同发展2019年工作要点》',
  source: {
    site: '北京市发展和改革委员会',
    url: 'https://example.org/a?b=1',
    authors: ['林艳'],
    host: null,
    editor: null,
  },
  published: { from: '2019-06-06', to: '2019-06-06', precision: 'day', text: '2019-06-06', status: 'detected' },
} as DocumentMeta;
const annotation = (start: number, end: number, extra: Partial<AnnotationRecord> = {}) =>
  ({ id: `a${start}`, target: describeRange(text, start, end), noteText: '', tags: [], ...extra }) as AnnotationRecord;

describe('documentToMarkdown', () => {
  const quoteStart = text.indexOf('京张铁路');
  const md = documentToMarkdown(meta, text, blocks, [
    annotation(quoteStart, quoteStart + '京张铁路年底建成通车。'.length, {
      noteText: 'Due 2019-12-31',
      tags: ['commitment', '交通 一体化'],
    }),
    annotation(text.indexOf('90项'), text.indexOf('90项') + 7),
  ]);

  it('writes metadata as front matter, the text with its structure, and highlights in reading order', () => {
    expect(md).toMatch(/^---\ntitle: 本市发布《北京市推进京津冀协同发展2019年工作要点》\npublished: 2019-06-06\n/);
    expect(md).toContain('url: "https://example.org/a?b=1"');
    expect(md).toContain('## 一、主要考虑');
    expect(md).toContain('- 推进交通一体化');
    expect(md.indexOf('> 90项具体任务')).toBeLessThan(md.indexOf('> 京张铁路年底建成通车。'));
    expect(md).toContain('Due 2019-12-31');
    expect(md).toContain('#commitment #交通_一体化');
  });

  it('is Markdown a parser reads back: headings, list and quotes', () => {
    const html = marked.parse(md.replace(/^---[\s\S]*?---\n/, '')) as string;
    expect(html).toContain('<h2>一、主要考虑</h2>');
    expect(html).toContain('<li>推进交通一体化</li>');
    expect(html).toMatch(/<blockquote>\s*<p>京张铁路年底建成通车。<\/p>/);
  });
});

describe('exportFileName', () => {
  it('keeps Chinese titles and drops characters file systems refuse', () => {
    expect(exportFileName('关于/印发:《方案》?', 'md')).toBe('关于 印发 《方案》.md');
    expect(exportFileName('   ', 'md')).toBe('document.md');
  });
});
