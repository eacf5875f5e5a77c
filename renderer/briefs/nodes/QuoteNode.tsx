// A quote from a highlight, as a block of a brief. It stores the words as quoted and a snapshot
// of the citation (shared/brief/serialized.ts: SerializedQuoteNode, exactly); what it shows is
// live: the highlight and its document are read from the library as they are now, so a corrected
// title or date shows at once, and a passage that changed since (the document was updated) or
// was deleted is said so, with the current words offered. Clicking the citation opens the
// reader at the passage. The node is a block decorator: selected by click or the arrow keys,
// deleted with Backspace/Delete like any block.
import { useRef, type JSX } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  $applyNodeReplacement,
  $getNodeByKey,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type SerializedPartial,
} from 'lexical';
import type { QuoteCitation, SerializedQuoteNode } from '../../../shared/brief/serialized';
import type { AnnotationRecord, DocumentMeta } from '../../../shared/model/types';
import { useRepository } from '../../app/repository-context';
import { navigate } from '../../app/route';
import { useLive } from '../../db/live';
import { useI18n } from '../../i18n/i18n';
import {
  citationParts,
  liveCitation,
  QUOTE_NODE_TYPE,
  quoteNodeJSON,
  quoteStatus,
  type QuoteStatus,
} from '../citation';
import { useClickSelection } from './block-chrome';
import { BriefBlockNode, str } from './block-node';

const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A citation read from untrusted JSON (a pasted node, an old brief): every field checked. */
function parseCitation(value: unknown): QuoteCitation {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const position = (raw.position && typeof raw.position === 'object' ? raw.position : {}) as Record<string, unknown>;
  const citation: QuoteCitation = {
    documentId: str(raw.documentId),
    title: str(raw.title),
    position: { start: num(position.start), end: num(position.end) },
  };
  if (typeof raw.site === 'string') citation.site = raw.site;
  if (typeof raw.url === 'string') citation.url = raw.url;
  const published = raw.published as Record<string, unknown> | undefined;
  if (published && typeof published.date === 'string' && typeof published.precision === 'string') {
    citation.published = {
      date: published.date,
      precision: published.precision as NonNullable<QuoteCitation['published']>['precision'],
    };
  }
  if (typeof raw.page === 'number') citation.page = raw.page;
  return citation;
}

export class BriefQuoteNode extends BriefBlockNode {
  __annotationId: string;
  __quote: string;
  __citation: QuoteCitation;

  static override getType(): string {
    return QUOTE_NODE_TYPE;
  }

  static override clone(node: BriefQuoteNode): BriefQuoteNode {
    return new BriefQuoteNode(node.__annotationId, node.__quote, node.__citation, node.__key);
  }

  constructor(
    annotationId = '',
    quote = '',
    citation: QuoteCitation = { documentId: '', title: '', position: { start: 0, end: 0 } },
    key?: NodeKey,
  ) {
    super(key);
    this.__annotationId = annotationId;
    this.__quote = quote;
    this.__citation = citation;
  }

  static override importJSON(json: SerializedPartial<SerializedLexicalNode> & Record<string, unknown>): BriefQuoteNode {
    return $createBriefQuoteNode({
      type: QUOTE_NODE_TYPE,
      version: 1,
      annotationId: str(json.annotationId),
      quote: str(json.quote),
      citation: parseCitation(json.citation),
    });
  }

  /** Exactly SerializedQuoteNode: the exporters and sync read this shape. */
  override exportJSON(): SerializedQuoteNode {
    const self = this.getLatest();
    return {
      type: QUOTE_NODE_TYPE,
      version: 1,
      annotationId: self.__annotationId,
      quote: self.__quote,
      citation: self.__citation,
    };
  }

  protected override hostClass(): string {
    return 'brief-quote-host';
  }

  /** Copied out of the editor (to a mail, a word processor): a block quote with its source. */
  override exportDOM(): DOMExportOutput {
    const self = this.getLatest();
    const quote = document.createElement('blockquote');
    const words = document.createElement('p');
    words.textContent = self.__quote;
    const cite = document.createElement('cite');
    cite.textContent = `《${self.__citation.title}》${self.__citation.site ? ` ${self.__citation.site}` : ''}`;
    quote.append(words, cite);
    return { element: quote };
  }

  protected override plainText(): string {
    return this.__quote;
  }

  getAnnotationId(): string {
    return this.getLatest().__annotationId;
  }

  getQuote(): string {
    return this.getLatest().__quote;
  }

  getCitation(): QuoteCitation {
    return this.getLatest().__citation;
  }

  /** Takes the source's current words (and its current citation). */
  setQuote(quote: string, citation: QuoteCitation): this {
    const writable = this.getWritable();
    writable.__quote = quote;
    writable.__citation = citation;
    return writable;
  }

  override decorate(): JSX.Element {
    return (
      <QuoteBlock
        nodeKey={this.__key}
        annotationId={this.__annotationId}
        quote={this.__quote}
        citation={this.__citation}
      />
    );
  }
}

export function $createBriefQuoteNode(json: SerializedQuoteNode): BriefQuoteNode {
  return $applyNodeReplacement(new BriefQuoteNode(json.annotationId, json.quote, json.citation));
}

/** A quote node for a highlight, its citation taken from the highlight and its document now. */
export function $createQuoteFromAnnotation(
  annotation: AnnotationRecord,
  document: DocumentMeta | undefined,
): BriefQuoteNode {
  return $createBriefQuoteNode(quoteNodeJSON(annotation, document));
}

export function $isBriefQuoteNode(node: LexicalNode | null | undefined): node is BriefQuoteNode {
  return node instanceof BriefQuoteNode;
}

/** Where a quote stands, as its badge says it (and data-status tells tests and styles). */
const BADGE: Record<Exclude<QuoteStatus, 'matches'>, 'briefQuoteChanged' | 'briefQuoteMissing'> = {
  changed: 'briefQuoteChanged',
  missing: 'briefQuoteMissing',
};

function QuoteBlock(props: { nodeKey: NodeKey; annotationId: string; quote: string; citation: QuoteCitation }) {
  const { nodeKey, annotationId, quote } = props;
  const [editor] = useLexicalComposerContext();
  const repository = useRepository();
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  // A click on the quote (not on its buttons) selects the block, as a click on an image would.
  const isSelected = useClickSelection(nodeKey, ref);
  // undefined while loading; null once the highlight is gone.
  const source = useLive(
    () => repository.quoteSources.get(annotationId).then((s) => s ?? null),
    [repository, annotationId],
  );
  const state = source === undefined ? { status: 'matches' as const } : quoteStatus(quote, source);
  const citation = liveCitation(props.citation, source);

  const open = () => {
    if (source) navigate({ screen: 'reader', documentId: source.annotation.documentId, annotationId });
    // The highlight is gone but its document is not: open the document where the passage was.
    else navigate({ screen: 'reader', documentId: citation.documentId, at: citation.position });
  };
  const useCurrent = () => {
    if (!source || !state.current) return;
    const words = state.current;
    const next = liveCitation(props.citation, source);
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isBriefQuoteNode(node)) node.setQuote(words, next);
    });
  };
  const parts = citationParts(citation, {
    page: (page) => t('briefCitePage', { page }),
    position: (start) => t('briefCitePosition', { start: start.toLocaleString() }),
  });

  return (
    <figure
      ref={ref}
      className={`brief-quote${isSelected ? ' selected' : ''}`}
      data-annotation-id={annotationId}
      data-status={source === undefined ? 'loading' : state.status}
    >
      <blockquote lang="zh">{quote}</blockquote>
      <figcaption>
        <button
          type="button"
          className="brief-citation"
          data-action="open-citation"
          disabled={source === null && !citation.documentId}
          title={t('briefCitationOpen')}
          onClick={open}
        >
          <span className="brief-citation-title" lang="zh">
            《{citation.title || t('briefUntitled')}》
          </span>
          {parts.map((part) => (
            <span key={part} className="brief-citation-part" lang="zh">
              {part}
            </span>
          ))}
        </button>
        {state.status !== 'matches' && (
          <span className={`brief-quote-badge ${state.status}`} role="status" data-badge={state.status}>
            {t(BADGE[state.status])}
          </span>
        )}
        {state.status === 'changed' && state.current && (
          <span className="brief-quote-current">
            <span className="muted">{t('briefQuoteNow')}</span>{' '}
            <q lang="zh">{state.current.length > 120 ? `${state.current.slice(0, 120)}…` : state.current}</q>{' '}
            <button type="button" className="link" data-action="use-current-text" onClick={useCurrent}>
              {t('briefUseCurrentText')}
            </button>
          </span>
        )}
      </figcaption>
    </figure>
  );
}
