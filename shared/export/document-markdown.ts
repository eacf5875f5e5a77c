import type { AnnotationRecord, Block, DocumentMeta } from '../model/types';

/** Markdown-safe YAML scalar: quoted whenever it is not plain text. */
const yamlValue = (value: string): string =>
  /^[\p{L}\p{N} _.\-—·（）《》“”]+$/u.test(value) ? value : JSON.stringify(value);

function blockMarkdown(text: string, block: Block): string {
  const content = text.slice(block.start, block.end);
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(Math.min((block.level ?? 1) + 1, 6))} ${content}`;
    case 'list-item':
      return `${block.ordered ? '1.' : '-'} ${content}`;
    case 'quote':
      return `> ${content}`;
    case 'preformatted':
      return `\`\`\`\n${content}\n\`\`\``;
    default:
      return content;
  }
}

/**
 * A document with its highlights as one Markdown file: metadata as front matter, the
 * cleaned text, then each highlight (in reading order) as a quote with its note and tags.
 */
export function documentToMarkdown(
  meta: DocumentMeta,
  text: string,
  blocks: Block[],
  annotations: AnnotationRecord[],
): string {
  const front = [
    `title: ${yamlValue(meta.title)}`,
    meta.published && `published: ${meta.published.from}${meta.published.status === 'inferred' ? ' # inferred' : ''}`,
    meta.source.site && `source: ${yamlValue(meta.source.site)}`,
    meta.source.authors.length > 0 && `authors: [${meta.source.authors.map(yamlValue).join(', ')}]`,
    meta.source.url && `url: ${yamlValue(meta.source.url)}`,
  ].filter(Boolean);
  const body = blocks.map((b) => blockMarkdown(text, b)).join('\n\n');
  const highlights = [...annotations]
    .sort(
      (a, b) =>
        Number(a.orphaned ?? false) - Number(b.orphaned ?? false) || a.target.position.start - b.target.position.start,
    )
    .map((a) => {
      const lines = [`> ${a.target.quote.exact.replace(/\s*\n+\s*/g, ' ').trim()}`];
      if (a.noteText) lines.push('', a.noteText);
      if (a.tags.length) lines.push('', a.tags.map((t) => `#${t.replace(/\s+/g, '_')}`).join(' '));
      if (a.orphaned) lines.push('', '_(passage no longer found in the text)_');
      return lines.join('\n');
    });
  return (
    [
      `---\n${front.join('\n')}\n---`,
      `# ${meta.title}`,
      body,
      ...(highlights.length ? ['## Highlights', ...highlights] : []),
    ].join('\n\n') + '\n'
  );
}

/** A file name for the export: the title without characters file systems refuse. */
export function exportFileName(title: string, extension: string): string {
  const base =
    title
      // eslint-disable-next-line no-control-regex -- control characters are what file names may not hold
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || 'document';
  return `${base}.${extension}`;
}
