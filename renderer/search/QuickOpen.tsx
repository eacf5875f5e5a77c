// Quick-open (Ctrl/⌘+K): a box that finds a document, an item or an owner by part of its name
// as the analyst types — forgiving (协同发展规划 finds 京津冀协同发展规划纲要; 经信 finds
// 北京市经济和信息化局) — ↑ ↓ to choose, Enter to open. The last choice searches the text instead.
import { useEffect, useId, useRef, useState } from 'react';
import { navigate } from '../app/route';
import type { QuickOpenEntry } from '../db/search-index';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { SearchIcon } from './Highlighted';
import { openEntry } from './open-hit';
import { searchClient } from './search-client';
import { formatSearchQuery, EMPTY_SEARCH } from './search-query';

const LIMIT = 12;

export function QuickOpen({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const ids = { list: useId(), title: useId() };
  const [q, setQ] = useState('');
  const [answer, setAnswer] = useState<{ q: string; entries: QuickOpenEntry[] } | null>(null);
  const [active, setActive] = useState(0);

  // A modal dialog: the page behind is inert, focus returns where it was when it closes.
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    input.current?.focus();
  }, []);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(
      () =>
        void searchClient()
          .quickOpen(q, LIMIT)
          .then(
            (entries) => {
              if (cancelled) return;
              setAnswer({ q, entries });
              setActive(0);
            },
            () => {},
          ),
      q ? 60 : 0,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q]);

  const entries = answer?.entries ?? [];
  // The last option searches the text for what was typed.
  const options = q.trim() ? entries.length + 1 : entries.length;
  const current = Math.min(active, Math.max(0, options - 1));

  const close = () => dialog.current?.close();
  const choose = (index: number) => {
    close();
    if (index < entries.length) openEntry(entries[index]!);
    else navigate({ screen: 'search', query: formatSearchQuery({ ...EMPTY_SEARCH, q: q.trim() }) });
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options) setActive((current + (event.key === 'ArrowDown' ? 1 : options - 1)) % options);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (options) choose(current);
    }
  };

  return (
    <dialog ref={dialog} className="quick-open" aria-labelledby={ids.title} onClose={onClose}>
      <h2 id={ids.title} className="visually-hidden">
        {t('quickOpenLabel')}
      </h2>
      <div className="quick-open-box">
        <SearchIcon />
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-expanded={options > 0}
          aria-controls={ids.list}
          aria-activedescendant={options ? `${ids.list}-${current}` : undefined}
          aria-autocomplete="list"
          aria-label={t('quickOpenLabel')}
          placeholder={t('quickOpenPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
        />
        <kbd className="muted">Esc</kbd>
      </div>
      {!q.trim() && entries.length > 0 && <p className="quick-open-section muted">{t('quickOpenNewest')}</p>}
      <ul className="quick-open-list" id={ids.list} role="listbox" aria-label={t('quickOpenLabel')}>
        {entries.map((entry, i) => (
          <li
            key={`${entry.kind}:${entry.id}`}
            id={`${ids.list}-${i}`}
            role="option"
            aria-selected={i === current}
            data-kind={entry.kind}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => choose(i)}
          >
            <span className={`hit-kind kind-${entry.kind}`}>{t(`quickOpenKind_${entry.kind}` as StringKey)}</span>
            <span className="quick-open-title" lang="zh">
              {entry.title}
            </span>
            <span className="quick-open-detail muted" lang="zh">
              {entry.kind === 'owner' ? t('quickOpenOwnerItems', { count: entry.count ?? 0 }) : entry.detail}
            </span>
          </li>
        ))}
        {q.trim() && (
          <li
            id={`${ids.list}-${entries.length}`}
            role="option"
            aria-selected={current === entries.length}
            data-kind="search"
            onMouseMove={() => current !== entries.length && setActive(entries.length)}
            onClick={() => choose(entries.length)}
          >
            <span className="hit-kind kind-search">
              <SearchIcon />
            </span>
            <span className="quick-open-title">{t('quickOpenSearch', { q: q.trim() })}</span>
          </li>
        )}
      </ul>
      {q.trim() && answer?.q === q && entries.length === 0 && (
        <p className="quick-open-none muted" role="status">
          {t('quickOpenNone', { q: q.trim() })}
        </p>
      )}
    </dialog>
  );
}
