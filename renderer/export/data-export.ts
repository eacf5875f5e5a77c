// Builds a data export — items as CSV, deadlines as iCalendar, highlights as W3C Web Annotation
// JSON-LD, or a REFI-QDA project — from the repository, then hands the finished bytes to the
// bridge. Nothing is written until the whole file exists in memory: the desktop then writes it
// atomically where the analyst chooses, the web build downloads it; a cancelled or failed export
// writes nothing. Reading is chunked (repository.exports) and building sliced (slices.ts), so a
// library of 20,000 items exports without freezing the page.
import { aliasTable } from '../../shared/extract/aliases';
import { annotationsJsonLdPieces, itemsByAnnotation } from '../../shared/export/annotations-jsonld';
import { datedItemCount, deadlinesIcalPieces } from '../../shared/export/deadlines-ical';
import type { ExportLookups } from '../../shared/export/export-data';
import { itemsCsvPieces } from '../../shared/export/items-csv';
import { qdpxSteps } from '../../shared/export/qdpx';
import type { FileFilter, SaveResult } from '../../shared/ipc/contract';
import { sortItems } from '../../shared/model/item-filters';
import { localDate } from '../../shared/model/items';
import { withAliases } from '../../shared/model/owners';
import {
  HIGHLIGHT_COLORS,
  type AnnotationRecord,
  type HighlightColor,
  type ItemKindDefinition,
  type ItemRecord,
} from '../../shared/model/types';
import { bridge } from '../bridge/bridge';
import type { Repository } from '../db/repository';
import type { Translate } from '../i18n/i18n';
import { kindName } from '../items/item-format';
import { collectText, drain } from './slices';

export const DATA_EXPORT_FORMATS = ['csv', 'ical', 'jsonld', 'qdpx'] as const;
export type DataExportFormat = (typeof DATA_EXPORT_FORMATS)[number];

/** What to export: these items (the items view's rows, or all its items, owners named as it shows them), or the whole library. */
export type DataExportScope = { kind: 'items'; items: readonly ItemRecord[] } | { kind: 'library' };

export type ExportStage = 'reading' | 'writing' | 'saving';

export interface DataExportOptions {
  t: Translate;
  signal?: AbortSignal;
  onStage?: (stage: ExportStage) => void;
  now?: Date;
}

export interface BuiltExport {
  bytes: Uint8Array<ArrayBuffer>;
  suggestedName: string;
  filters: FileFilter[];
  /** Records written: items, events, annotations or coded passages. */
  count: number;
  /** Highlights left out of a REFI-QDA project (their passage is gone from the text). */
  skipped: number;
}

/** There is nothing of this kind to export (no items, no deadlines, no highlights, no documents). */
export class NothingToExport extends Error {
  constructor(readonly format: DataExportFormat) {
    super(`nothing to export as ${format}`);
    this.name = 'NothingToExport';
  }
}

const FILTERS: Record<DataExportFormat, FileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  ical: { name: 'iCalendar', extensions: ['ics'] },
  jsonld: { name: 'JSON-LD', extensions: ['jsonld', 'json'] },
  qdpx: { name: 'REFI-QDA', extensions: ['qdpx'] },
};

const FILE_STEM: Record<DataExportFormat, string> = {
  csv: 'dossier-items',
  ical: 'dossier-deadlines',
  jsonld: 'dossier-annotations',
  qdpx: 'dossier-project',
};

/** The file name to suggest: what it holds and the day, e.g. dossier-items-2024-03-10.csv. */
export const exportFileName = (format: DataExportFormat, now: Date): string =>
  `${FILE_STEM[format]}-${localDate(now)}.${FILTERS[format].extensions[0]}`;

/** The app's address before the '#', for links back to passages. */
const appUrl = (): string => `${window.location.origin}${window.location.pathname}`;

const encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

/**
 * The items of the scope, with owners named under today's alias table: the items view hands its
 * rows over already named so; the library's are named here, and sorted by deadline.
 */
async function scopeItems(
  repository: Repository,
  scope: DataExportScope,
  signal?: AbortSignal,
): Promise<readonly ItemRecord[]> {
  if (scope.kind === 'items') return scope.items;
  const table = aliasTable(await repository.ownerAliases.get());
  const [items, documents] = await Promise.all([
    repository.exports.items(undefined, signal),
    repository.exports.documents(),
  ]);
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  return sortItems(withAliases(items, table), 'deadline', 'asc', titles);
}

/** The highlights the scope covers: its items' (items scope) or every one (library). */
async function scopeAnnotations(
  repository: Repository,
  scope: DataExportScope,
  items: readonly ItemRecord[],
  signal?: AbortSignal,
): Promise<AnnotationRecord[]> {
  if (scope.kind === 'library') return repository.exports.annotations(undefined, signal);
  return repository.exports.annotations([...new Set(items.flatMap((i) => i.annotationIds))], signal);
}

function kindLookups(kinds: readonly ItemKindDefinition[], t: Translate) {
  const names = new Map<string, string>(kinds.map((k) => [k.id, kindName(k, k.id, t)]));
  for (const id of ['task', 'commitment']) if (!names.has(id)) names.set(id, kindName(undefined, id, t));
  return { names, colors: new Map<string, HighlightColor>(kinds.map((k) => [k.id, k.color])) };
}

/** Reads what the format needs and builds the file, a slice at a time. */
export async function buildDataExport(
  repository: Repository,
  format: DataExportFormat,
  scope: DataExportScope,
  options: DataExportOptions,
): Promise<BuiltExport> {
  const { t, signal } = options;
  const now = options.now ?? new Date();
  options.onStage?.('reading');
  const [items, documentList, kinds] = await Promise.all([
    scopeItems(repository, scope, signal),
    repository.exports.documents(),
    repository.itemKinds.list(),
  ]);
  const documents = new Map(documentList.map((d) => [d.id, d]));
  const kind = kindLookups(kinds, t);
  const base = { suggestedName: exportFileName(format, now), filters: [FILTERS[format]], skipped: 0 };

  if (format === 'csv' || format === 'ical') {
    const count = format === 'csv' ? items.length : datedItemCount(items);
    if (count === 0) throw new NothingToExport(format);
    const annotations = await repository.exports.annotations(
      [...new Set(items.flatMap((i) => i.annotationIds))],
      signal,
    );
    const lookups: ExportLookups = {
      annotations: new Map(annotations.map((a) => [a.id, a])),
      documents,
      kindNames: kind.names,
      appUrl: appUrl(),
    };
    options.onStage?.('writing');
    const pieces =
      format === 'csv'
        ? itemsCsvPieces(items, lookups, localDate(now))
        : deadlinesIcalPieces(items, lookups, { now, appVersion: __APP_VERSION__, name: t('exportCalendarName') });
    return { ...base, bytes: encode(await collectText(pieces, signal)), count };
  }

  const annotations = await scopeAnnotations(repository, scope, items, signal);
  // Library: every item, so each highlight knows what it is tagged as; items scope: those items.
  const tagged = itemsByAnnotation(items);

  if (format === 'jsonld') {
    if (annotations.length === 0) throw new NothingToExport(format);
    const pairEnds = await repository.exports.surrogatePairs(
      [...new Set(annotations.map((a) => a.documentId))],
      signal,
    );
    options.onStage?.('writing');
    const pieces = annotationsJsonLdPieces({
      annotations,
      documents,
      itemsByAnnotation: tagged,
      kindNames: kind.names,
      pairEnds,
      created: now,
      label: t('exportAnnotationsLabel'),
    });
    return { ...base, bytes: encode(await collectText(pieces, signal)), count: annotations.length };
  }

  // REFI-QDA: the library's every document; the items' documents otherwise.
  const documentIds =
    scope.kind === 'library'
      ? documentList.map((d) => d.id)
      : [
          ...new Set([
            ...annotations.map((a) => a.documentId),
            ...items.flatMap((i) => (i.documentId ? [i.documentId] : [])),
          ]),
        ];
  if (documentIds.length === 0) throw new NothingToExport(format);
  const texts = await repository.exports.texts(documentIds, signal);
  options.onStage?.('writing');
  const colors = Object.fromEntries(HIGHLIGHT_COLORS.map((c) => [c, t(`color_${c}`)])) as Record<
    HighlightColor,
    string
  >;
  const result = await drain(
    qdpxSteps({
      documents: documentIds.flatMap((id) => {
        const meta = documents.get(id);
        const text = texts.get(id);
        return meta && text !== undefined ? [{ ...meta, text }] : [];
      }),
      annotations,
      itemsByAnnotation: tagged,
      kindNames: kind.names,
      kindColors: kind.colors,
      labels: { kinds: t('exportQdaKinds'), tags: t('tags'), colors: t('exportQdaColors'), color: colors },
      created: now,
      projectName: t('exportQdaProject'),
      appVersion: __APP_VERSION__,
    }),
    undefined,
    signal,
  );
  return { ...base, bytes: result.bytes, count: result.selections, skipped: result.skipped };
}

/** Builds the export and saves it through the bridge. */
export async function runDataExport(
  repository: Repository,
  format: DataExportFormat,
  scope: DataExportScope,
  options: DataExportOptions,
): Promise<{ built: BuiltExport; result: SaveResult }> {
  const built = await buildDataExport(repository, format, scope, options);
  options.signal?.throwIfAborted();
  options.onStage?.('saving');
  const result = await bridge.saveFile({
    suggestedName: built.suggestedName,
    bytes: built.bytes,
    filters: built.filters,
  });
  return { built, result };
}
