import { documentToMarkdown, exportFileName } from '../../shared/export/document-markdown';
import { bridge } from '../bridge/bridge';
import type { Repository } from '../db/repository';

/** Saves a document with its highlights and notes as Markdown; resolves to where it went, or null if cancelled. */
export async function exportDocument(repository: Repository, documentId: string): Promise<string | null> {
  const [meta, body, annotations] = await Promise.all([
    repository.documents.get(documentId),
    repository.documents.body(documentId),
    repository.annotations.forDocument(documentId),
  ]);
  if (!meta || !body) return null;
  const markdown = documentToMarkdown(meta, body.text, body.blocks, annotations);
  const result = await bridge.saveFile({
    suggestedName: exportFileName(meta.title, 'md'),
    bytes: new TextEncoder().encode(markdown),
    filters: [{ name: 'Markdown', extensions: ['md'] }],
  });
  return result.saved ? (result.location ?? meta.title) : null;
}
