// What Dossier's block nodes share (a quote, an item table, a timeline section): a block-level
// decorator drawn by React into a host element of its own, never updated in place; for the data
// blocks, a snapshot of their rows as last refreshed. Also the checks their importJSON reads
// stored JSON with (a pasted node, an old brief). Each node keeps its own type, fields, JSON and
// exportDOM.
import type { JSX } from 'react';
import { DecoratorNode, type NodeKey } from 'lexical';
import type { DatePrecision } from '../../../shared/model/types';

// ---- Reading stored JSON: every field checked ---------------------------------------------

export const PRECISIONS: readonly DatePrecision[] = ['year', 'half', 'quarter', 'month', 'day'];
export const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object';
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const oneOf = <T>(list: readonly T[], value: unknown, fallback: T): T =>
  list.includes(value as T) ? (value as T) : fallback;
/** A snapshot's stored total, kept only when it is more than the rows kept. */
export const parseTotal = (value: unknown, kept: number): number | undefined =>
  typeof value === 'number' && value > kept ? value : undefined;

// ---- The nodes -----------------------------------------------------------------------------

/** A block of the brief that React draws (decorate) into its host element. */
export abstract class BriefBlockNode extends DecoratorNode<JSX.Element> {
  /** The class of the host element (the brief's stylesheet spaces blocks by it). */
  protected hostClass(): string {
    return 'brief-block-host';
  }

  /** The block as plain text, without the blank line that ends it. */
  protected abstract plainText(): string;

  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = this.hostClass();
    return div;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): false {
    return false;
  }

  override getTextContent(): string {
    return `${this.getLatest().plainText()}\n\n`;
  }
}

/** A data block: the rows its query matched when last refreshed, and how many there were. */
export abstract class SnapshotBlockNode<Row> extends BriefBlockNode {
  __rows: Row[];
  __refreshedAt: string;
  /** How many rows the query matched, when more than the rows kept. */
  __total: number | undefined;

  constructor(rows: Row[], refreshedAt: string, total: number | undefined, key?: NodeKey) {
    super(key);
    this.__rows = rows;
    this.__refreshedAt = refreshedAt;
    this.__total = total;
  }

  /** One row as plain text (a line of getTextContent). */
  protected abstract rowText(row: Row): string;

  protected override plainText(): string {
    return this.__rows.map((row) => this.rowText(row)).join('\n');
  }

  /** The rows as the library holds them now. */
  setSnapshot(rows: Row[], refreshedAt: string, total?: number): this {
    const writable = this.getWritable();
    writable.__rows = rows;
    writable.__refreshedAt = refreshedAt;
    writable.__total = total;
    return writable;
  }
}
