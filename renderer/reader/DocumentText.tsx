import { memo, type ReactNode } from 'react';
import { segmentSpan, type MarkedRange } from '../../shared/anchoring/segments';
import type { AnnotationRecord, Block, HighlightColor } from '../../shared/model/types';

/** How a highlight tagged as an item is marked in the text: its kind's name and colour. */
export interface MarkedKind {
  label: string;
  color: HighlightColor;
}

interface Props {
  text: string;
  blocks: Block[];
  annotations: AnnotationRecord[];
  activeId: string | null;
  /** Items by the id of their highlight. */
  kinds?: ReadonlyMap<string, MarkedKind>;
}

/** A block's text, cut into runs at highlight boundaries; highlighted runs are <mark>s. */
function Runs({
  text,
  block,
  ranges,
  colors,
  activeId,
  kinds,
  starts,
}: {
  text: string;
  block: Block;
  ranges: MarkedRange[];
  colors: Map<string, string>;
  activeId: string | null;
  kinds: ReadonlyMap<string, MarkedKind> | undefined;
  starts: ReadonlyMap<string, number>;
}) {
  return (
    <>
      {segmentSpan(block, ranges).map((seg) => {
        const content = text.slice(seg.start, seg.end);
        if (seg.ids.length === 0) {
          return (
            <span key={seg.start} data-offset={seg.start}>
              {content}
            </span>
          );
        }
        const top = seg.ids[seg.ids.length - 1]!;
        const taggedId = [...seg.ids].reverse().find((id) => kinds?.has(id));
        const kind = taggedId ? kinds!.get(taggedId) : undefined;
        // The kind's name is drawn (CSS ::before, not text) where its passage starts.
        const startsItem = seg.ids.find((id) => kinds?.has(id) && starts.get(id) === seg.start);
        return (
          <mark
            key={seg.start}
            data-offset={seg.start}
            data-ids={seg.ids.join(' ')}
            data-kind-label={startsItem ? kinds!.get(startsItem)!.label : undefined}
            className={`hl hl-${colors.get(top)}${seg.ids.length > 1 ? ' hl-overlap' : ''}${activeId && seg.ids.includes(activeId) ? ' hl-active' : ''}${kind ? ` hl-item ink-${kind.color}` : ''}`}
          >
            {content}
          </mark>
        );
      })}
    </>
  );
}

/**
 * The canonical text, block by block: headings, paragraphs, lists and tables, with
 * highlights drawn from annotation offsets. Consecutive list items form one list and
 * table cells one table.
 */
export const DocumentText = memo(function DocumentText({ text, blocks, annotations, activeId, kinds }: Props) {
  const ranges: MarkedRange[] = annotations
    .filter((a) => !a.orphaned)
    .map((a) => ({ id: a.id, start: a.target.position.start, end: a.target.position.end }));
  const colors = new Map(annotations.map((a) => [a.id, a.color]));
  const starts = new Map(ranges.map((r) => [r.id, r.start]));
  const runs = (block: Block) => (
    <Runs text={text} block={block} ranges={ranges} colors={colors} activeId={activeId} kinds={kinds} starts={starts} />
  );

  const out: ReactNode[] = [];
  for (let i = 0; i < blocks.length;) {
    const block = blocks[i]!;
    if (block.type === 'list-item') {
      const items: Block[] = [];
      while (i < blocks.length && blocks[i]!.type === 'list-item' && blocks[i]!.ordered === block.ordered)
        items.push(blocks[i++]!);
      const List = block.ordered ? 'ol' : 'ul';
      out.push(
        <List key={block.start}>
          {items.map((item) => (
            <li key={item.start} data-start={item.start}>
              {runs(item)}
            </li>
          ))}
        </List>,
      );
      continue;
    }
    if (block.type === 'table-cell') {
      const cells: Block[] = [];
      while (i < blocks.length && blocks[i]!.type === 'table-cell' && blocks[i]!.table === block.table)
        cells.push(blocks[i++]!);
      const rows = new Map<number, Block[]>();
      for (const cell of cells) rows.set(cell.row ?? 0, [...(rows.get(cell.row ?? 0) ?? []), cell]);
      out.push(
        <table key={block.start} className="doc-table">
          <tbody>
            {[...rows.entries()].map(([row, rowCells]) => (
              <tr key={row}>
                {rowCells.map((cell) => (
                  <td key={cell.start} data-start={cell.start}>
                    {runs(cell)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>,
      );
      continue;
    }
    i++;
    if (block.type === 'heading') {
      const level = Math.min(Math.max((block.level ?? 2) + 1, 2), 6);
      const Heading = `h${level}` as 'h2';
      out.push(
        <Heading key={block.start} data-start={block.start}>
          {runs(block)}
        </Heading>,
      );
    } else if (block.type === 'quote') {
      out.push(
        <blockquote key={block.start} data-start={block.start}>
          {runs(block)}
        </blockquote>,
      );
    } else if (block.type === 'preformatted') {
      out.push(
        <pre key={block.start} data-start={block.start}>
          {runs(block)}
        </pre>,
      );
    } else {
      out.push(
        <p key={block.start} data-start={block.start}>
          {runs(block)}
        </p>,
      );
    }
  }
  return <>{out}</>;
});
