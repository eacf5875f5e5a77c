import { useState } from 'react';
import type { Block } from '../../shared/model/types';
import { useI18n } from '../i18n/i18n';

/**
 * Choose where each article of a newspaper page starts. Prefilled with the import's
 * proposal; the analyst ticks or unticks paragraphs.
 */
export function SplitDialog(props: {
  text: string;
  blocks: Block[];
  proposed: number[];
  onSplit: (firstBlocks: number[]) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [starts, setStarts] = useState(() => new Set(props.proposed.length ? props.proposed : [0]));
  const toggle = (index: number) =>
    setStarts((current) => {
      const next = new Set(current);
      if (next.has(index)) next.delete(index);
      else next.add(index);
      next.add(0);
      return next;
    });
  return (
    <div className="modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div className="modal" role="dialog" aria-modal aria-label={t('splitTitle')}>
        <h2>{t('splitTitle')}</h2>
        <p className="muted">{t('splitHelp')}</p>
        <ol className="split-blocks">
          {props.blocks.map((block, index) => (
            <li key={block.start} className={starts.has(index) ? 'split-start' : ''}>
              <label>
                <input
                  type="checkbox"
                  checked={starts.has(index)}
                  disabled={index === 0}
                  onChange={() => toggle(index)}
                />
                <span lang="zh">{props.text.slice(block.start, Math.min(block.end, block.start + 80))}</span>
              </label>
            </li>
          ))}
        </ol>
        <div className="form-actions">
          <button onClick={props.onClose}>{t('cancel')}</button>
          <button
            className="primary"
            disabled={starts.size < 2}
            onClick={() => props.onSplit([...starts].sort((a, b) => a - b))}
          >
            {t('splitConfirm', { count: starts.size })}
          </button>
        </div>
      </div>
    </div>
  );
}
