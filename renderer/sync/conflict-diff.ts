// Comparing two versions of a record field by field, for the conflicts view
// (renderer/sync/ConflictsView.tsx). Pure: no DOM. This says which fields to show, in what
// order, and which differ (compared on the stored values); `formatValue` says how a value
// reads to an analyst, in their language (given the translate function).
//
// Items and highlights have their fields chosen and ordered (what an analyst edits); other
// records are compared key by key, nested objects flattened to paths (`source.site`). The id
// and the fields that change with every write (rev, baseRev, lineage, createdAt, updatedAt)
// are never shown;
// `deleted` is reported apart (the view shows such a version as "Deleted").
import type {
  DateRange,
  ItemKindDefinition,
  ItemOwner,
  PdfRect,
  QuantityTarget,
  StatusChange,
} from '../../shared/model/types';
import { stableJson } from '../../shared/sync/merge';
import type { SyncRecord, SyncTable } from '../../shared/sync/tables';
import type { Translate } from '../i18n/i18n';
import { en, type Language, type StringKey } from '../i18n/strings';
import { formatDeadline, kindName, ownerName } from '../items/item-format';

/** Fields that say how a version was written, not what it says. */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'rev',
  'baseRev',
  'lineage',
  'updatedAt',
  'createdAt',
  'deleted',
]);

export interface FieldComparison {
  /** A field name or a path into the record: `title`, `deadline.text`, `source.site`. */
  field: string;
  /** The values at that path (undefined where the version has none). */
  mine: unknown;
  theirs: unknown;
  differs: boolean;
  /** For a note: the words are the same and only their formatting differs. */
  formattingOnly?: boolean;
}

export interface VersionComparison {
  fields: FieldComparison[];
  mineDeleted: boolean;
  theirsDeleted: boolean;
  /** How many of `fields` differ. */
  differing: number;
}

type Path = string;

/**
 * The fields shown for items and highlights, always, in this order. A path names a value in
 * the record; `deadline.dates` is the deadline's range (from, to, precision) without its words.
 */
export const CHOSEN_FIELDS: Partial<Record<SyncTable, readonly Path[]>> = {
  items: [
    'title',
    'kind',
    'status',
    'deadline.text',
    'deadline.dates',
    'owners',
    'targets',
    'category',
    'tags',
    'noteText',
  ],
  annotations: ['target.quote.exact', 'noteText', 'color', 'tags'],
};

/** Fields a chosen field stands for: not listed again among the other differences. */
const COVERED: Partial<Record<SyncTable, readonly Path[]>> = {
  items: ['deadline', 'note'],
  annotations: ['note'],
};

/** Lists whose order means nothing to the analyst: compared as sets. */
const UNORDERED: ReadonlySet<Path> = new Set(['tags', 'owners', 'targets', 'source.authors']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path (`a.b.c`), with `deadline.dates` read as the deadline's range. */
export function valueAt(record: object, path: Path): unknown {
  if (path === 'deadline.dates') {
    const deadline = (record as { deadline?: { from: string; to: string; precision: string } | null }).deadline;
    return deadline ? { from: deadline.from, to: deadline.to, precision: deadline.precision } : deadline;
  }
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (!isPlainObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** Absent, null, '' and [] are all "nothing" to the analyst (a note cleared or never written). */
const comparable = (path: Path, value: unknown): string => {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return 'null';
  if (Array.isArray(value) && UNORDERED.has(path)) return stableJson(value.map((v) => stableJson(v)).sort());
  return stableJson(value);
};

export const sameValue = (path: Path, a: unknown, b: unknown): boolean => comparable(path, a) === comparable(path, b);

/**
 * Every path of a record's content: nested plain objects flattened (`source.site`,
 * `date.from`), arrays and other values kept whole. Bookkeeping fields are left out.
 */
export function contentPaths(record: object, prefix = ''): Path[] {
  const paths: Path[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (!prefix && BOOKKEEPING_FIELDS.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) paths.push(...contentPaths(value, path));
    else paths.push(path);
  }
  return paths;
}

/**
 * The union of two lists of paths, in first-seen order, without a path that another one lies
 * under (`published` null here, `published.from` there: the leaves are compared).
 */
function union(a: readonly Path[], b: readonly Path[]): Path[] {
  const all = [...new Set([...a, ...b])];
  return all.filter((path) => !all.some((other) => other.startsWith(`${path}.`)));
}

/** Whether `path` is `covered` or lies under it. */
const under = (path: Path, covered: Path) => path === covered || path.startsWith(`${covered}.`);

/**
 * Compares the version the library shows (`mine`, the current one) with a concurrent one
 * (`theirs`). Items and highlights: their chosen fields, then any other field that differs;
 * other tables: every content field.
 */
export function compareVersions(table: SyncTable, mine: SyncRecord, theirs: SyncRecord): VersionComparison {
  const chosen = CHOSEN_FIELDS[table];
  const compare = (field: Path): FieldComparison => {
    const a = valueAt(mine, field);
    const b = valueAt(theirs, field);
    return { field, mine: a, theirs: b, differs: !sameValue(field, a, b) };
  };
  let fields: FieldComparison[];
  if (chosen) {
    const named = chosen.map(compare);
    // A note whose words are the same can still differ in formatting (bold, a list).
    const note = named.find((f) => f.field === 'noteText');
    if (note && !note.differs && !sameValue('note', valueAt(mine, 'note'), valueAt(theirs, 'note'))) {
      note.differs = true;
      note.formattingOnly = true;
    }
    const skip = [...chosen, ...(COVERED[table] ?? [])];
    const others = union(contentPaths(mine), contentPaths(theirs))
      .filter((path) => !skip.some((s) => under(path, s) || under(s, path)))
      .map(compare)
      .filter((f) => f.differs);
    fields = [...named, ...others];
  } else {
    fields = union(contentPaths(mine), contentPaths(theirs)).map(compare);
  }
  return {
    fields,
    mineDeleted: mine.deleted === true,
    theirsDeleted: theirs.deleted === true,
    differing: fields.filter((f) => f.differs).length,
  };
}

/** Inline nodes of a Lexical editor state: their text runs on in the line. */
const INLINE = new Set(['text', 'link', 'autolink', 'hashtag', 'code-highlight', 'tab']);

/**
 * The plain text of a Lexical editor state (a note, a brief), one line per block; null when
 * `json` is not one.
 */
export function lexicalText(json: string): string | null {
  if (!json.startsWith('{')) return null;
  let state: unknown;
  try {
    state = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isPlainObject(state) || !isPlainObject(state.root)) return null;
  const walk = (node: unknown): string => {
    if (!isPlainObject(node)) return '';
    if (node.type === 'linebreak') return '\n';
    if (typeof node.text === 'string' && !Array.isArray(node.children)) return node.text;
    const children = Array.isArray(node.children) ? node.children : [];
    let out = '';
    for (const child of children) {
      const inline = isPlainObject(child) && (INLINE.has(String(child.type)) || child.type === 'linebreak');
      const text = walk(child);
      out += inline || !out ? text : `\n${text}`;
    }
    return out;
  };
  return walk(state.root).trim();
}

/**
 * A value as words, for fields the view has no format of its own for: strings as they are
 * (a Lexical state as its text), numbers and booleans written out, lists one entry each
 * (an entry with a `text` or `title` as that), anything else as compact JSON; null for nothing.
 */
export function displayValue(value: unknown): string | string[] | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return lexicalText(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    return value.map((entry) => {
      if (typeof entry === 'string') return entry;
      if (isPlainObject(entry) && typeof entry.text === 'string' && entry.text) return entry.text;
      if (isPlainObject(entry) && typeof entry.title === 'string' && entry.title) return entry.title;
      return typeof entry === 'object' && entry !== null ? stableJson(entry) : String(entry);
    });
  }
  return stableJson(value);
}

/** A value as the view shows it: words, a list of them (one a line), or nothing. */
export type Shown = string | string[] | null;

export interface FormatContext {
  t: Translate;
  language: Language;
  /** The library's item kinds, by id (their names). */
  kinds?: ReadonlyMap<string, ItemKindDefinition>;
  /** Document titles, by id. */
  titles?: ReadonlyMap<string, string>;
}

/** A string the tables have, else `fallback` (values and field names come from records, so can be anything). */
export const known = (t: Translate, key: string, fallback: string): string =>
  Object.hasOwn(en, key) ? t(key as StringKey) : fallback;

/** What a link's end is (annotation, item, event, document), as the conflicts list names the tables. */
export const endName = (kind: string, t: Translate): string =>
  known(t, `conflictTable_${kind === 'annotation' ? 'annotations' : `${kind}s`}`, kind);

/** A moment (ISO time) as the conflicts view writes times: "2 May 2024, 10:00", "2024年5月2日 10:00". */
export function dateTime(iso: string, language: Language): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return when.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date range as precise as its words: "2024-06-30", "2024-06-01 – 2024-06-30", "2024-06", "2024 H2". */
function rangeText(range: Pick<DateRange, 'from' | 'to' | 'precision'>, t: Translate): string {
  if (range.precision !== 'day') return formatDeadline(range, t);
  return range.from === range.to ? range.to : `${range.from} – ${range.to}`;
}

/** Words joined as the language lists them: "a, b" or "甲、乙". */
const joined = (values: readonly string[], language: Language) => values.join(language === 'zh' ? '、' : ', ');

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const isString = (value: unknown): value is string => typeof value === 'string';

/** Fields whose value is one of a few words the app translates: the field, its string key prefix. */
const LABELLED: Record<string, string> = {
  status: 'status_',
  color: 'color_',
  'deadline.precision': 'precision_',
  'published.precision': 'precision_',
  'date.precision': 'precision_',
  'published.status': 'conflictDateStatus_',
  origin: 'conflictOrigin_',
};

/** A document's hand-corrected fields, by the names its conflict rows have. */
const EDITED_FIELD: Record<string, string> = {
  title: 'title',
  site: 'source.site',
  url: 'source.url',
  authors: 'source.authors',
};

/**
 * How a field's value reads: translated where the app has words for it (statuses, colours,
 * kinds, relations, precisions), structured values the way the items view writes them (owners
 * by name, deadlines and milestones as dates, the status history a line per change, newest
 * first), lists of words on one line, times in the analyst's language; anything else as plain
 * words (`displayValue`).
 */
export function formatValue(table: SyncTable, field: string, value: unknown, context: FormatContext): Shown {
  const { t, language } = context;
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? t('conflictYes') : t('conflictNo');
  if (isString(value) && Object.hasOwn(LABELLED, field)) {
    return known(t, `${LABELLED[field]}${value}`, value);
  }
  if (field === 'kind' && table === 'items' && isString(value)) return kindName(context.kinds?.get(value), value, t);
  if (field === 'type' && table === 'links' && isString(value))
    return known(t, `linkLabel_${value.replace(/-/g, '_')}`, value);
  if ((field === 'from.kind' || field === 'to.kind') && table === 'links' && isString(value)) return endName(value, t);
  if (field === 'documentId' && isString(value)) return context.titles?.get(value) ?? value;
  if (field === 'shortcut' && table === 'itemKinds' && isString(value)) return `Alt+${value.toUpperCase()}`;
  if (field === 'deadline.dates') {
    const range = value as Pick<DateRange, 'from' | 'to' | 'precision'>;
    const span = range.from === range.to ? range.from : `${range.from} – ${range.to}`;
    return range.precision === 'day' ? span : `${formatDeadline(range, t)} (${span})`;
  }
  if (!Array.isArray(value)) {
    if (isString(value) && /At$/.test(field) && ISO_TIME.test(value)) return dateTime(value, language);
    return displayValue(value);
  }
  if (value.length === 0) return null;
  switch (field) {
    case 'owners':
      return (value as ItemOwner[]).map((o) => {
        const name = ownerName(o);
        const written = o.asWritten && o.asWritten !== name ? `${o.asWritten} → ${name}` : name;
        return o.role === 'lead' ? `${written} (${t('role_lead')})` : written;
      });
    case 'targets':
      return (value as QuantityTarget[]).map((x) => x.text);
    case 'statusHistory':
      // Newest first, as the item editor lists it.
      return (value as StatusChange[])
        .map((change) => `${known(t, `status_${change.status}`, change.status)} — ${dateTime(change.at, language)}`)
        .reverse();
    case 'milestones':
      return (value as DateRange[]).map((m) => (m.text ? `${m.text} (${rangeText(m, t)})` : rangeText(m, t)));
    case 'target.rects': {
      const pages = new Map<number, number>();
      for (const rect of value as PdfRect[]) pages.set(rect.page, (pages.get(rect.page) ?? 0) + 1);
      return [...pages].map(([page, count]) => t('conflictRectsOnPage', { page, count }));
    }
    case 'edited':
      if (table !== 'documents') break;
      return joined(
        (value as string[]).map((f) => known(t, `conflictField_${EDITED_FIELD[f] ?? f}`, f)),
        language,
      );
    case 'fields':
      // An item kind's fields, named as the kinds dialog names them.
      if (table !== 'itemKinds') break;
      return joined(
        (value as string[]).map((f) => known(t, f, f)),
        language,
      );
  }
  if (value.every(isString)) return joined(value, language);
  return displayValue(value);
}
