// When a document's stored suggestions must be read again, and doing it: the rules changed
// (EXTRACTOR_VERSION), the text changed (content hash), the publication date relative
// dates resolve against changed, or the analyst's owner aliases changed. Runs through an
// injected extractor (the worker in the app).
import { EXTRACTOR_VERSION } from '../../shared/extract/extract';
import type { ExtractContext } from '../../shared/extract/types';
import { aliasesKey } from '../../shared/model/owners';
import type { DocumentMeta } from '../../shared/model/types';
import type { DocumentExtraction } from '../db/database';
import type { Repository } from '../db/repository';
import type { ExtractResult } from './extract-client';

export type RunExtraction = (text: string, context: ExtractContext) => Promise<ExtractResult>;

/** The day relative expressions (今年, 年底) resolve against: the first day of the publication date. */
export const publishedDay = (meta: Pick<DocumentMeta, 'published'>): string | null => meta.published?.from ?? null;

/**
 * Whether a stored extraction still describes this document's text as the current rules read
 * it, with the analyst's current owner aliases (`aliases`: their aliasesKey, '' for none).
 */
export function isCurrent(
  stored: DocumentExtraction | null | undefined,
  meta: Pick<DocumentMeta, 'contentHash' | 'published'>,
  aliases: string = '',
  version: number = EXTRACTOR_VERSION,
): stored is DocumentExtraction {
  return (
    !!stored &&
    stored.version === version &&
    stored.contentHash === meta.contentHash &&
    (stored.published ?? null) === publishedDay(meta) &&
    (stored.aliases ?? '') === aliases
  );
}

// One run per document at a time: the reader and an import may ask at once.
const running = new WeakMap<Repository, Map<string, Promise<boolean>>>();

/** Reads a document again if its stored extraction is missing or out of date. True when it stored a new one. */
export function refreshExtraction(repository: Repository, documentId: string, run: RunExtraction): Promise<boolean> {
  let perRepository = running.get(repository);
  if (!perRepository) running.set(repository, (perRepository = new Map()));
  const inFlight = perRepository.get(documentId);
  // A run that finds its inputs changed under it stores nothing: then read again with the new ones.
  if (inFlight) return inFlight.then((stored) => stored || refreshExtraction(repository, documentId, run));
  const job = refresh(repository, documentId, run).finally(() => perRepository.delete(documentId));
  perRepository.set(documentId, job);
  return job;
}

async function refresh(repository: Repository, documentId: string, run: RunExtraction): Promise<boolean> {
  const [meta, body, stored, aliases] = await Promise.all([
    repository.documents.get(documentId),
    repository.documents.body(documentId),
    repository.extractions.get(documentId),
    repository.ownerAliases.get(),
  ]);
  const key = aliasesKey(aliases);
  if (!meta || !body || isCurrent(stored, meta, key)) return false;
  const published = publishedDay(meta);
  const { extraction, version } = await run(body.text, { published, aliases });
  // The text, date or aliases may have changed while the rules ran: then this result is already stale.
  const [now, aliasesNow] = await Promise.all([repository.documents.get(documentId), repository.ownerAliases.get()]);
  if (!now || now.contentHash !== meta.contentHash || publishedDay(now) !== published) return false;
  if (aliasesKey(aliasesNow) !== key) return false;
  await repository.extractions.put(documentId, meta.contentHash, version, extraction, published, key);
  return true;
}

/** Reads several documents one after another (after an import), never failing the caller. */
export async function refreshExtractions(
  repository: Repository,
  documentIds: readonly string[],
  run: RunExtraction,
): Promise<void> {
  for (const id of documentIds) {
    try {
      await refreshExtraction(repository, id, run);
    } catch (error) {
      // The reader tries again when the document is opened, and shows the error there.
      console.warn(`Extraction failed for ${id}:`, error);
    }
  }
}
