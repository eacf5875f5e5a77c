// The quote node writes exactly the stored shape of shared/brief/serialized.ts, reads it back
// unchanged, and reads damaged JSON (a paste, an old brief) without failing.
import { createEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { SerializedQuoteNode } from '../../../shared/brief/serialized';
import { BRIEF_NODES } from '../../../renderer/briefs/nodes';

const QUOTE: SerializedQuoteNode = {
  type: 'dossier-quote',
  version: 1,
  annotationId: '01HX',
  quote: '本市已经正式确定设立九大专项工作小组',
  citation: {
    documentId: '01HD',
    title: '北京市设九工作组',
    site: '北京青年报',
    url: 'https://example.org/a',
    published: { date: '2016-01-28', precision: 'day' },
    position: { start: 139, end: 157 },
    page: 2,
  },
};

const state = (children: unknown[]) =>
  JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } });

describe('the quote node', () => {
  it('round-trips SerializedQuoteNode exactly', () => {
    const editor = createEditor({
      nodes: BRIEF_NODES,
      onError: (e) => {
        throw e;
      },
    });
    const parsed = editor.parseEditorState(state([QUOTE]));
    const out = parsed.toJSON().root.children[0];
    expect(out).toEqual(QUOTE);
    expect(Object.keys(out!).sort()).toEqual(Object.keys(QUOTE).sort());
  });

  it('reads damaged JSON with defaults instead of failing', () => {
    const editor = createEditor({
      nodes: BRIEF_NODES,
      onError: (e) => {
        throw e;
      },
    });
    const parsed = editor.parseEditorState(
      state([{ type: 'dossier-quote', version: 1, annotationId: 7, citation: { title: 3, position: 'x' } }]),
    );
    expect(parsed.toJSON().root.children[0]).toEqual({
      type: 'dossier-quote',
      version: 1,
      annotationId: '',
      quote: '',
      citation: { documentId: '', title: '', position: { start: 0, end: 0 } },
    });
  });
});
