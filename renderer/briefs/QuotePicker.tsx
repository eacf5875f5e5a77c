// Insert quote… (Ctrl/⌘+Shift+Q): a search box over the library's highlights, by words or a
// document's title, ↑ ↓ to choose, Enter to insert the quote where the caret was. A modal
// dialog, like Go to…: the page behind is inert and Esc closes it.
import { useEffect, useId, useRef, useState } from 'react';
import type { QuoteSource } from '../db/briefs';
import { useRepository } from '../app/repository-context';
import { useI18n } from '../i18n/i18n';
import { SearchIcon } from '../search/Highlighted';
import { SourceSummary } from './SourcesPanel';
import { useQuoteSources } from './sources-query';

export function QuotePicker(props: { onInsert: (source: QuoteSource) => void; onClose: () => void }) {
  const { t } = useI18n();
  const repository = useRepository();
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = { list: useId(), title: useId() };
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const found = useQuoteSources(repository, { q, documentId: null });
  const sources = found ?? [];
  const current = Math.min(active, Math.max(0, sources.length - 1));
  const chosen = useRef<QuoteSource | null>(null);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  // The dialog closes first (focus returns to the editor), then the quote goes in.
  const choose = (index: number) => {
    const source = sources[index];
    if (!source) return;
    chosen.current = source;
    dialog.current?.close();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (sources.length) setActive((current + (event.key === 'ArrowDown' ? 1 : sources.length - 1)) % sources.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="quick-open quote-picker"
      aria-labelledby={ids.title}
      onClose={() => {
        if (chosen.current) props.onInsert(chosen.current);
        props.onClose();
      }}
    >
      <h2 id={ids.title} className="visually-hidden">
        {t('briefInsertQuote')}
      </h2>
      <div className="quick-open-box">
        <SearchIcon />
        <input
          autoFocus
          type="text"
          role="combobox"
          data-quote-picker
          aria-expanded={sources.length > 0}
          aria-controls={ids.list}
          aria-activedescendant={sources.length ? `${ids.list}-${current}` : undefined}
          aria-autocomplete="list"
          aria-label={t('briefInsertQuote')}
          placeholder={t('briefSourcesPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        <kbd className="muted">Esc</kbd>
      </div>
      {!q.trim() && sources.length > 0 && <p className="quick-open-section muted">{t('briefSourcesRecent')}</p>}
      <ul className="quick-open-list quote-picker-list" id={ids.list} role="listbox" aria-label={t('briefSources')}>
        {sources.map((source, i) => (
          <li
            key={source.annotation.id}
            id={`${ids.list}-${i}`}
            role="option"
            aria-selected={i === current}
            data-annotation-id={source.annotation.id}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => choose(i)}
          >
            <SourceSummary source={source} />
          </li>
        ))}
      </ul>
      {q.trim() && found?.length === 0 && (
        <p className="quick-open-none muted" role="status">
          {t('briefSourcesNone', { q: q.trim() })}
        </p>
      )}
    </dialog>
  );
}
