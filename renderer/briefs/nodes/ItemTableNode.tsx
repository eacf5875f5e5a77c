// An item table, as a block of a brief: the tasks or commitments a filter chooses (owner,
// deadline, status, source…), stored as a snapshot of their rows as last refreshed
// (shared/brief/serialized.ts: SerializedItemTableNode, exactly), so the brief reads the same
// in print and in every export. Refresh reads the library again with the stored filter; Edit
// filter… changes it. Each row's passage opens the reader there.
import { useMemo, type JSX } from 'react';
import {
  $applyNodeReplacement,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import { EMPTY_TABLE_FILTER } from '../../../shared/brief/item-rows';
import type { ItemTableFilter, ItemTableRow, SerializedItemTableNode } from '../../../shared/brief/serialized';
import { isPending, localDate } from '../../../shared/model/items';
import { ITEM_STATUSES, type ItemStatus } from '../../../shared/model/types';
import { EVENT_KIND, PUBLICATION_KIND } from '../../../shared/timeline/entries';
import { useRepository } from '../../app/repository-context';
import { navigate } from '../../app/route';
import { useLive } from '../../db/live';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { StringKey } from '../../i18n/strings';
import { formatDeadline, kindName } from '../../items/item-format';
import { formatRange } from '../../timeline/format';
import { DataBlock, useSnapshotRefresh } from './block-chrome';
import { isRecord, oneOf, parseTotal, PRECISIONS, SnapshotBlockNode, str } from './block-node';
import { ItemFilterDialog } from './BlockDialogs';
import './brief-blocks.css';

export const ITEM_TABLE_NODE_TYPE = 'dossier-item-table';

// ---- Reading stored JSON (a pasted node, an old brief): every field checked ----------------

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function parseTableFilter(value: unknown): ItemTableFilter {
  const raw = isRecord(value) ? value : {};
  const filter: ItemTableFilter = {
    kinds: strings(raw.kinds),
    // A status this version does not know is left out, not read as another.
    statuses: strings(raw.statuses).filter((s): s is ItemStatus => (ITEM_STATUSES as readonly string[]).includes(s)),
    owners: strings(raw.owners),
    documentIds: strings(raw.documentIds),
  };
  if (typeof raw.deadlineFrom === 'string' && raw.deadlineFrom) filter.deadlineFrom = raw.deadlineFrom;
  if (typeof raw.deadlineTo === 'string' && raw.deadlineTo) filter.deadlineTo = raw.deadlineTo;
  if (Array.isArray(raw.itemIds)) filter.itemIds = strings(raw.itemIds);
  if (typeof raw.category === 'string' && raw.category) filter.category = raw.category;
  if (typeof raw.tag === 'string' && raw.tag) filter.tag = raw.tag;
  if (typeof raw.text === 'string' && raw.text) filter.text = raw.text;
  if (raw.overdueOnly === true) filter.overdueOnly = true;
  return filter;
}

function parseRow(value: unknown): ItemTableRow | null {
  if (!isRecord(value) || typeof value.itemId !== 'string') return null;
  const deadline = isRecord(value.deadline)
    ? {
        from: str(value.deadline.from),
        to: str(value.deadline.to),
        precision: oneOf(PRECISIONS, value.deadline.precision, 'day'),
      }
    : null;
  const source = isRecord(value.source) && typeof value.source.documentId === 'string' ? value.source : null;
  return {
    itemId: value.itemId,
    kind: str(value.kind),
    text: str(value.text),
    owners: strings(value.owners),
    deadline,
    status: oneOf<ItemStatus>(ITEM_STATUSES, value.status, 'unknown'),
    // A citation is copied as stored: the quote node's rules apply to it (shared/brief/serialized.ts).
    source: source as ItemTableRow['source'],
    annotationId: typeof value.annotationId === 'string' ? value.annotationId : null,
  };
}

// ---- The node ----------------------------------------------------------------------------

/** Its rows, their total (how many items the filter matched, when more) and time: SnapshotBlockNode's. */
export class ItemTableNode extends SnapshotBlockNode<ItemTableRow> {
  __filter: ItemTableFilter;

  static override getType(): string {
    return ITEM_TABLE_NODE_TYPE;
  }

  static override clone(node: ItemTableNode): ItemTableNode {
    return new ItemTableNode(node.__filter, node.__rows, node.__refreshedAt, node.__total, node.__key);
  }

  constructor(
    filter: ItemTableFilter = EMPTY_TABLE_FILTER,
    rows: ItemTableRow[] = [],
    refreshedAt = '',
    total?: number,
    key?: NodeKey,
  ) {
    super(rows, refreshedAt, total, key);
    this.__filter = filter;
  }

  static override importJSON(json: SerializedPartial<SerializedLexicalNode> & Record<string, unknown>): ItemTableNode {
    const rows = Array.isArray(json.rows) ? json.rows.map(parseRow).filter((r): r is ItemTableRow => r !== null) : [];
    return $createItemTableNode(
      parseTableFilter(json.filter),
      rows,
      str(json.refreshedAt),
      parseTotal(json.total, rows.length),
    );
  }

  /** Exactly SerializedItemTableNode: the exporters read this shape. */
  override exportJSON(): SerializedItemTableNode {
    const self = this.getLatest();
    return {
      type: ITEM_TABLE_NODE_TYPE,
      version: 1,
      filter: self.__filter,
      rows: self.__rows,
      ...(self.__total !== undefined && { total: self.__total }),
      refreshedAt: self.__refreshedAt,
    };
  }

  /** Copied out of the editor: a plain table of the rows. */
  override exportDOM(): DOMExportOutput {
    const table = document.createElement('table');
    for (const row of this.getLatest().__rows) {
      const tr = table.insertRow();
      for (const cell of [row.kind, row.text, row.owners.join('、'), row.deadline?.to ?? '', row.status]) {
        tr.insertCell().textContent = cell;
      }
    }
    return { element: table };
  }

  protected override rowText(row: ItemTableRow): string {
    return row.text;
  }

  getFilter(): ItemTableFilter {
    return this.getLatest().__filter;
  }

  setFilter(filter: ItemTableFilter): this {
    const writable = this.getWritable();
    writable.__filter = filter;
    return writable;
  }

  override decorate(): JSX.Element {
    return (
      <ItemTableBlock
        nodeKey={this.__key}
        filter={this.__filter}
        rows={this.__rows}
        total={this.__total}
        refreshedAt={this.__refreshedAt}
      />
    );
  }
}

export function $createItemTableNode(
  filter: ItemTableFilter,
  rows: ItemTableRow[],
  refreshedAt: string,
  total?: number,
): ItemTableNode {
  return $applyNodeReplacement(new ItemTableNode(filter, rows, refreshedAt, total));
}

export function $isItemTableNode(node: LexicalNode | null | undefined): node is ItemTableNode {
  return node instanceof ItemTableNode;
}

// ---- The block ---------------------------------------------------------------------------

const statusLabel = (s: ItemStatus, t: Translate) => t(`status_${s}` as StringKey);

/** The filter in a few words: "Owners: 市发改委 · Status: Open, In progress". */
export function filterSummary(filter: ItemTableFilter, t: Translate, titles: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  if (filter.itemIds) parts.push(t('briefFilterChosen', { count: filter.itemIds.length }));
  const kind = (id: string) =>
    id === EVENT_KIND ? t('laneEvents') : id === PUBLICATION_KIND ? t('lanePublications') : kindName(undefined, id, t);
  if (filter.kinds.length > 0) parts.push(`${t('itemKind')}: ${filter.kinds.map(kind).join(', ')}`);
  if (filter.statuses.length > 0)
    parts.push(`${t('status')}: ${filter.statuses.map((s) => statusLabel(s, t)).join(', ')}`);
  if (filter.owners.length > 0) parts.push(`${t('owners')}: ${filter.owners.join('、')}`);
  if (filter.documentIds.length > 0) {
    parts.push(`${t('itemsColDocument')}: ${filter.documentIds.map((id) => titles.get(id) ?? '…').join('、')}`);
  }
  if (filter.deadlineFrom || filter.deadlineTo) {
    parts.push(`${t('deadline')}: ${filter.deadlineFrom ?? '…'} – ${filter.deadlineTo ?? '…'}`);
  }
  if (filter.category) parts.push(`${t('category')}: ${filter.category}`);
  if (filter.tag) parts.push(`${t('tags')}: ${filter.tag}`);
  if (filter.text) parts.push(`“${filter.text}”`);
  if (filter.overdueOnly) parts.push(t('itemsOverdueOnly'));
  return parts.length > 0 ? parts.join(' · ') : t('briefFilterAll');
}

/** The titles of a filter's documents, as the library has them now. */
export function useDocumentTitles(ids: readonly string[]): ReadonlyMap<string, string> {
  const repository = useRepository();
  const titles = useLive(
    async () =>
      new Map(
        (await Promise.all(ids.map((id) => repository.documents.get(id)))).flatMap((d) =>
          d ? [[d.id, d.title] as const] : [],
        ),
      ),
    [repository, ids.join('\u0000')],
  );
  return titles ?? NO_TITLES;
}
const NO_TITLES: ReadonlyMap<string, string> = new Map();

function ItemTableBlock(props: {
  nodeKey: NodeKey;
  filter: ItemTableFilter;
  rows: ItemTableRow[];
  total: number | undefined;
  refreshedAt: string;
}) {
  const { nodeKey, filter, rows, total } = props;
  const repository = useRepository();
  const { t } = useI18n();
  const kinds = useLive(() => repository.itemKinds.list(), [repository]);
  const kindById = useMemo(() => new Map((kinds ?? []).map((k) => [k.id, k])), [kinds]);
  const filterTitles = useDocumentTitles(filter.documentIds);
  const today = localDate();

  /** Reads the rows again (with `next`, a new filter) and stores them in the node. */
  const refresh = useSnapshotRefresh(
    nodeKey,
    filter,
    (next) => repository.briefData.itemRows(next, today),
    $isItemTableNode,
    (node, next) => node.setFilter(next),
  );

  const open = (row: ItemTableRow) => {
    if (!row.source) return;
    navigate({ screen: 'reader', documentId: row.source.documentId, annotationId: row.annotationId ?? undefined });
  };

  return (
    <DataBlock
      nodeKey={nodeKey}
      className="brief-item-table"
      data={{ 'data-block': 'item-table', 'data-row-count': rows.length }}
      label={filterSummary(filter, t, filterTitles)}
      refreshedAt={props.refreshedAt}
      editLabel={t('briefTableEditFilter')}
      refresh={() => refresh()}
      more={
        total === undefined
          ? null
          : t('briefTableMore', { shown: rows.length.toLocaleString(), total: total.toLocaleString() })
      }
      editDialog={(close) => (
        <ItemFilterDialog
          initial={filter}
          heading={t('briefTableFilterTitle')}
          submitLabel={t('briefBlockApply')}
          onApply={(next) => refresh(next)}
          onClose={close}
        />
      )}
    >
      <table>
        <caption className="visually-hidden">{t('briefTableCaption', { count: rows.length })}</caption>
        <colgroup>
          <col className="col-kind" />
          <col className="col-text" />
          <col className="col-owners" />
          <col className="col-deadline" />
          <col className="col-status" />
          <col className="col-source" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('itemKind')}</th>
            <th scope="col">{t('itemsColItem')}</th>
            <th scope="col">{t('owners')}</th>
            <th scope="col">{t('deadline')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('colSource')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted brief-table-empty">
                {t('briefTableEmpty')}
              </td>
            </tr>
          ) : (
            rows.map((row) => {
              const kind = kindById.get(row.kind);
              const overdue = row.deadline !== null && row.deadline.to < today && isPending(row);
              return (
                <tr key={row.itemId} data-item-id={row.itemId} className={overdue ? 'overdue' : undefined}>
                  <td className="cell-kind">
                    <span className={`kind-chip hl-${kind?.color ?? 'purple'}`}>{kindName(kind, row.kind, t)}</span>
                  </td>
                  <td className="cell-text" lang="zh">
                    {row.source ? (
                      <button
                        type="button"
                        className="link brief-row-open"
                        data-action="open-row"
                        title={t('itemsOpenPassageOf', { title: row.text })}
                        onClick={() => open(row)}
                      >
                        {row.text}
                      </button>
                    ) : (
                      row.text
                    )}
                  </td>
                  <td className="cell-owners" lang="zh">
                    {row.owners.length > 0 ? row.owners.join('、') : <span className="muted">—</span>}
                  </td>
                  <td className="cell-deadline">
                    {row.deadline ? (
                      <span
                        title={`${formatRange(row.deadline, t)} · ${t(`precision_${row.deadline.precision}` as StringKey)}`}
                      >
                        {formatDeadline(row.deadline, t)}
                      </span>
                    ) : (
                      <span className="muted">{t('noDeadline')}</span>
                    )}
                    {overdue && <span className="overdue-flag">{t('itemsOverdue')}</span>}
                  </td>
                  <td className={`cell-status status-${row.status}`} data-status={row.status}>
                    {statusLabel(row.status, t)}
                  </td>
                  <td className="cell-source" lang="zh">
                    {row.source ? <SourceCell source={row.source} t={t} /> : <span className="muted">—</span>}
                  </td>
                </tr>
              );
            })
          )}
        </tbody>
      </table>
    </DataBlock>
  );
}

function SourceCell({ source, t }: { source: NonNullable<ItemTableRow['source']>; t: Translate }) {
  const parts = [
    source.site,
    source.published ? formatDeadline({ to: source.published.date, precision: source.published.precision }, t) : '',
    source.page !== undefined ? t('briefSourcePage', { page: source.page }) : '',
  ].filter(Boolean);
  return (
    <>
      <span className="brief-source-title">《{source.title}》</span>
      {parts.length > 0 && <span className="brief-source-meta">{parts.join('，')}</span>}
    </>
  );
}
