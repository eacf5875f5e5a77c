// A timeline section, as a block of a brief: a static rendering of a range of days with what
// falls in it (item deadlines, events, dates pinned from the text, publications), stored as a
// snapshot of its entries as last refreshed (shared/brief/serialized.ts:
// SerializedTimelineSectionNode, exactly). Drawn compactly for print: a strip of the range with
// a mark per entry, then the entries listed by period. Refresh reads the library again over the
// stored range (and filter); Edit range… changes the range. An entry opens where it comes from.
import { useMemo, type JSX } from 'react';
import {
  $applyNodeReplacement,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import type { SerializedTimelineSectionNode, TimelineSectionEntry } from '../../../shared/brief/serialized';
import type { SectionRange } from '../../../shared/brief/timeline-entries';
import { isPending, localDate } from '../../../shared/model/items';
import { ITEM_STATUSES, type ItemStatus } from '../../../shared/model/types';
import { dayNumber, dayString, isDay, rangeDays } from '../../../shared/timeline/dates';
import { ticks } from '../../../shared/timeline/scale';
import { useRepository } from '../../app/repository-context';
import { navigate } from '../../app/route';
import type { Repository } from '../../db/repository';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import { formatDeadline } from '../../items/item-format';
import { formatRange } from '../../timeline/format';
import { showOnTimeline } from '../../timeline/timeline-query';
import { DataBlock, useSnapshotRefresh } from './block-chrome';
import { isRecord, oneOf, parseTotal, PRECISIONS, SnapshotBlockNode, str } from './block-node';
import { RangeDialog } from './BlockDialogs';
import { filterSummary, parseTableFilter, useDocumentTitles } from './ItemTableNode';
import './brief-blocks.css';

export const TIMELINE_NODE_TYPE = 'dossier-timeline';

// ---- Reading stored JSON: every field checked --------------------------------------------

const KINDS: readonly TimelineSectionEntry['kind'][] = ['item', 'event', 'document', 'mention'];
const REF_KINDS: readonly TimelineSectionEntry['ref']['kind'][] = ['annotation', 'item', 'event', 'document'];

function parseEntry(value: unknown): TimelineSectionEntry | null {
  if (!isRecord(value) || !isRecord(value.ref) || !isRecord(value.date)) return null;
  const entry: TimelineSectionEntry = {
    kind: oneOf(KINDS, value.kind, 'event'),
    ref: { kind: oneOf(REF_KINDS, value.ref.kind, 'event'), id: str(value.ref.id) },
    date: {
      from: str(value.date.from),
      to: str(value.date.to),
      precision: oneOf(PRECISIONS, value.date.precision, 'day'),
    },
    label: str(value.label),
  };
  if (value.status !== undefined) entry.status = oneOf<ItemStatus>(ITEM_STATUSES, value.status, 'unknown');
  if (typeof value.documentTitle === 'string') entry.documentTitle = value.documentTitle;
  return entry;
}

function parseRange(value: unknown): SectionRange {
  const raw = isRecord(value) ? value : {};
  const from = isDay(str(raw.from)) ? str(raw.from) : '';
  const to = isDay(str(raw.to)) ? str(raw.to) : from;
  return { from: from || to, to };
}

/** The range a new section starts with: this year. */
export const thisYear = (today = localDate()): SectionRange => ({
  from: `${today.slice(0, 4)}-01-01`,
  to: `${today.slice(0, 4)}-12-31`,
});

// ---- The node ----------------------------------------------------------------------------

/** Its entries (__rows), their total (how many the range holds, when more) and time: SnapshotBlockNode's. */
export class TimelineSectionNode extends SnapshotBlockNode<TimelineSectionEntry> {
  __range: SectionRange;
  __filter: SerializedTimelineSectionNode['filter'];

  static override getType(): string {
    return TIMELINE_NODE_TYPE;
  }

  static override clone(node: TimelineSectionNode): TimelineSectionNode {
    return new TimelineSectionNode(
      node.__range,
      node.__rows,
      node.__refreshedAt,
      node.__filter,
      node.__total,
      node.__key,
    );
  }

  constructor(
    range: SectionRange = thisYear(),
    entries: TimelineSectionEntry[] = [],
    refreshedAt = '',
    filter?: SerializedTimelineSectionNode['filter'],
    total?: number,
    key?: NodeKey,
  ) {
    super(entries, refreshedAt, total, key);
    this.__range = range;
    this.__filter = filter;
  }

  static override importJSON(
    json: SerializedPartial<SerializedLexicalNode> & Record<string, unknown>,
  ): TimelineSectionNode {
    const entries = Array.isArray(json.entries)
      ? json.entries.map(parseEntry).filter((e): e is TimelineSectionEntry => e !== null)
      : [];
    return $createTimelineSectionNode(
      parseRange(json.range),
      entries,
      str(json.refreshedAt),
      json.filter === undefined ? undefined : parseTableFilter(json.filter),
      parseTotal(json.total, entries.length),
    );
  }

  /** Exactly SerializedTimelineSectionNode: the exporters read this shape. */
  override exportJSON(): SerializedTimelineSectionNode {
    const self = this.getLatest();
    return {
      type: TIMELINE_NODE_TYPE,
      version: 1,
      range: self.__range,
      ...(self.__filter && { filter: self.__filter }),
      entries: self.__rows,
      ...(self.__total !== undefined && { total: self.__total }),
      refreshedAt: self.__refreshedAt,
    };
  }

  /** Copied out of the editor: the entries as a list of "date — label". */
  override exportDOM(): DOMExportOutput {
    const list = document.createElement('ul');
    for (const entry of this.getLatest().__rows) {
      list.appendChild(document.createElement('li')).textContent = `${entry.date.to} — ${entry.label}`;
    }
    return { element: list };
  }

  protected override rowText(entry: TimelineSectionEntry): string {
    return `${entry.date.to} ${entry.label}`;
  }

  setRange(range: SectionRange): this {
    const writable = this.getWritable();
    writable.__range = range;
    return writable;
  }

  override decorate(): JSX.Element {
    return (
      <TimelineSectionBlock
        nodeKey={this.__key}
        range={this.__range}
        filter={this.__filter}
        entries={this.__rows}
        total={this.__total}
        refreshedAt={this.__refreshedAt}
      />
    );
  }
}

export function $createTimelineSectionNode(
  range: SectionRange,
  entries: TimelineSectionEntry[],
  refreshedAt: string,
  filter?: SerializedTimelineSectionNode['filter'],
  total?: number,
): TimelineSectionNode {
  return $applyNodeReplacement(new TimelineSectionNode(range, entries, refreshedAt, filter, total));
}

export function $isTimelineSectionNode(node: LexicalNode | null | undefined): node is TimelineSectionNode {
  return node instanceof TimelineSectionNode;
}

// ---- The block ---------------------------------------------------------------------------

type GroupUnit = 'year' | 'quarter' | 'month';

/** Entries are listed by year over a long range, by quarter over a few years, else by month. */
function groupUnit(range: SectionRange): GroupUnit {
  const days = dayNumber(range.to) - dayNumber(range.from);
  return days > 3 * 366 ? 'year' : days > 366 ? 'quarter' : 'month';
}

/** The entries by the period of their last day, in order. */
function groups(entries: readonly TimelineSectionEntry[], unit: GroupUnit, t: Translate) {
  const result: { label: string; entries: TimelineSectionEntry[] }[] = [];
  for (const entry of entries) {
    const label = entry.date.to ? formatDeadline({ to: entry.date.to, precision: unit }, t) : '—';
    const last = result[result.length - 1];
    if (last?.label === label) last.entries.push(entry);
    else result.push({ label, entries: [entry] });
  }
  return result;
}

const entryKindLabel = (entry: TimelineSectionEntry, t: Translate): string =>
  entry.kind === 'item'
    ? t('briefEntryItem')
    : entry.kind === 'document'
      ? t('entryKind_document')
      : entry.kind === 'mention'
        ? t('entryKind_pinned')
        : t('entryKind_event');

/** How an entry is drawn: its kind, and an item's status (pending items past their day are overdue). */
function entryClass(entry: TimelineSectionEntry, today: string): string {
  const state =
    entry.status === undefined
      ? ''
      : isPending({ status: entry.status }) && entry.date.to < today
        ? ' state-overdue'
        : ` state-${entry.status}`;
  return `brief-tl-entry kind-${entry.kind}${state}`;
}

/** Opens what an entry stands for: an item's or a pinned date's passage, a document; else the timeline there. */
async function openEntry(repository: Repository, entry: TimelineSectionEntry): Promise<void> {
  const { kind, id } = entry.ref;
  if (kind === 'document') return navigate({ screen: 'reader', documentId: id });
  if (kind === 'item') {
    const item = await repository.items.get(id);
    if (item?.documentId) {
      return navigate({ screen: 'reader', documentId: item.documentId, annotationId: item.annotationIds[0] });
    }
  }
  if (kind === 'event') {
    const event = await repository.events.get(id);
    if (event?.documentId) {
      return navigate({
        screen: 'reader',
        documentId: event.documentId,
        annotationId: event.annotationId ?? undefined,
      });
    }
  }
  showOnTimeline(`${kind}:${id}`);
}

const NO_IDS: readonly string[] = [];

/** Most marks the strip draws, and in how many rows; the list below shows every entry. */
const MAX_MARKS = 400;
const MARK_ROWS = 3;

interface Mark {
  entry: TimelineSectionEntry;
  left: number;
  right: number;
  row: number;
}

/** Marks packed into rows so that none hides another (a full-year deadline under a day's). */
function packMarks(entries: readonly TimelineSectionEntry[], first: number, end: number): Mark[] {
  const gap = (end - first) / 200;
  const marks = entries.slice(0, MAX_MARKS).flatMap((entry) => {
    const days = rangeDays(entry.date);
    if (!days) return [];
    return [{ entry, left: Math.max(days.start, first), right: Math.min(days.end, end), row: 0 }];
  });
  marks.sort((a, b) => a.left - b.left || b.right - a.right);
  const rowEnds: number[] = [];
  for (const mark of marks) {
    let row = rowEnds.findIndex((rowEnd) => rowEnd <= mark.left);
    if (row < 0) row = rowEnds.length < MARK_ROWS ? rowEnds.length : rowEnds.indexOf(Math.min(...rowEnds));
    rowEnds[row] = Math.max(rowEnds[row] ?? first, mark.right + gap);
    mark.row = row;
  }
  return marks;
}

/** The range as a strip: its years, quarters or months marked, a mark per entry where it falls. */
function Strip(props: { range: SectionRange; entries: readonly TimelineSectionEntry[]; today: string }) {
  const { language } = useI18n();
  const { range, entries, today } = props;
  const first = dayNumber(range.from);
  const end = dayNumber(range.to) + 1;
  const span = Math.max(1, end - first);
  const at = (day: number) => `${(Math.min(Math.max(day, first), end) - first) * (100 / span)}%`;
  // The axis as the timeline labels it at a scale where the range fills about 640 pixels: the
  // small units, each large one (a year) named where it starts.
  const labels = useMemo(() => {
    const axis = ticks(first, end, 640 / span, language);
    const major = new Map(axis.major.map((tick) => [tick.day, tick.label]));
    const minor = axis.minor.some((tick) => tick.label) ? axis.minor : axis.major;
    return minor
      .filter((tick) => tick.day >= first && tick.day < end)
      .map((tick) => {
        const year = major.get(tick.day);
        return { day: tick.day, label: year && year !== tick.label ? `${year} ${tick.label}` : tick.label };
      });
  }, [first, end, span, language]);
  const marks = useMemo(() => packMarks(entries, first, end), [entries, first, end]);
  const rows = Math.max(1, ...marks.map((m) => m.row + 1));
  const todayDay = dayNumber(today);
  return (
    <div className="brief-tl-strip" aria-hidden="true">
      <div className="brief-tl-axis">
        {labels.map((tick) => (
          <span key={tick.day} className="brief-tl-tick" style={{ left: at(tick.day) }}>
            {tick.label || dayString(tick.day).slice(0, 7)}
          </span>
        ))}
        {todayDay >= first && todayDay < end && <span className="brief-tl-today" style={{ left: at(todayDay) }} />}
      </div>
      <div className="brief-tl-marks" style={{ height: `${rows * 0.55 + 0.2}rem` }}>
        {marks.map((mark, i) => (
          <span
            key={i}
            className={`brief-tl-mark ${entryClass(mark.entry, today)}${mark.right - mark.left < span / 100 ? ' point' : ''}`}
            style={{
              left: at(mark.left),
              top: `${mark.row * 0.55 + 0.1}rem`,
              width: `max(3px, ${((mark.right - mark.left) * 100) / span}%)`,
            }}
          />
        ))}
      </div>
    </div>
  );
}

function TimelineSectionBlock(props: {
  nodeKey: NodeKey;
  range: SectionRange;
  filter: SerializedTimelineSectionNode['filter'];
  entries: TimelineSectionEntry[];
  total: number | undefined;
  refreshedAt: string;
}) {
  const { nodeKey, range, filter, entries, total } = props;
  const repository = useRepository();
  const { t } = useI18n();
  const today = localDate();
  const listed = useMemo(() => groups(entries, groupUnit(range), t), [entries, range, t]);
  const rangeText = formatRange({ from: range.from, to: range.to, precision: 'day' }, t);
  const titles = useDocumentTitles(filter?.documentIds ?? NO_IDS);

  const refresh = useSnapshotRefresh(
    nodeKey,
    range,
    (next) => repository.briefData.timelineEntries(next, filter, today),
    $isTimelineSectionNode,
    (node, next) => node.setRange(next),
  );

  const label = [
    t('briefTimelineLabel', { range: rangeText }),
    t('briefTimelineCount', { count: (total ?? entries.length).toLocaleString() }),
    ...(filter ? [filterSummary(filter, t, titles)] : []),
  ].join(' · ');

  return (
    <DataBlock
      nodeKey={nodeKey}
      className="brief-timeline"
      data={{
        'data-block': 'timeline',
        'data-range': `${range.from}/${range.to}`,
        'data-entry-count': entries.length,
      }}
      label={label}
      refreshedAt={props.refreshedAt}
      editLabel={t('briefTimelineEditRange')}
      refresh={() => refresh()}
      more={
        total === undefined
          ? null
          : t('briefTimelineMore', { shown: entries.length.toLocaleString(), total: total.toLocaleString() })
      }
      editDialog={(close) => (
        <RangeDialog
          initial={range}
          heading={t('briefTimelineRangeTitle')}
          submitLabel={t('briefBlockApply')}
          onApply={(next) => refresh(next)}
          onClose={close}
        />
      )}
    >
      {entries.length === 0 ? (
        <p className="muted brief-tl-empty">{t('briefTimelineEmpty')}</p>
      ) : (
        <>
          <Strip range={range} entries={entries} today={today} />
          <div className="brief-tl-groups">
            {listed.map((group) => (
              <section key={group.label} className="brief-tl-group">
                <h4>{group.label}</h4>
                <ol>
                  {group.entries.map((entry, i) => (
                    <li
                      key={`${entry.ref.kind}:${entry.ref.id}:${i}`}
                      className={entryClass(entry, today)}
                      data-entry={`${entry.ref.kind}:${entry.ref.id}`}
                    >
                      <span className="brief-tl-date">{formatRange(entry.date, t)}</span>
                      <span className="brief-tl-dot" aria-hidden="true" />
                      <span className="brief-tl-body">
                        <button
                          type="button"
                          className="link brief-tl-open"
                          data-action="open-entry"
                          lang="zh"
                          onClick={() => void openEntry(repository, entry)}
                        >
                          {entry.label}
                        </button>
                        <span className="brief-tl-meta">
                          {entryKindLabel(entry, t)}
                          {entry.status && ` · ${t(`status_${entry.status}` as StringKey)}`}
                          {entry.documentTitle && <span lang="zh"> · 《{entry.documentTitle}》</span>}
                        </span>
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        </>
      )}
    </DataBlock>
  );
}
