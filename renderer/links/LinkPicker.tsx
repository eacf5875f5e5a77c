// The link picker: a modal dialog that links the current passage or item to another record
// of the library — a document (by title), a passage (by its quote), an item (by its title) or
// an event — with a type (fulfils, is fulfilled by, updates…) and an optional note. The
// search is a plain substring / character-pair match over what the repository lists
// (matchScore); it needs no index. Keyboard: type, ↑↓ to move, Enter to pick, Enter again
// (in the note) to link; Esc closes and focus returns where it was. Opened by a drag and drop,
// it has both ends already (`other`) and opens on the relation: the analyst picks it and confirms.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  endKey,
  LINK_CHOICES,
  linkLabel,
  linkSides,
  matchScore,
  orientLink,
  parseEndKey,
  sameEnd,
  type LinkEnd,
} from '../../shared/model/links';
import type { LinkEndKind } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { LinkError, type LinkCandidates } from '../db/links';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import { useToast } from '../ui/toasts';
import { linkKindText, linkLabelText, linkProblemText, shortLabel } from './link-format';

interface Entry {
  end: LinkEnd;
  key: string;
  label: string;
  /** The document it belongs to (for a document: its source or date). */
  context: string;
  date: string | null;
  updatedAt: string;
}

/** Most useful first when nothing is typed, and on equal scores. */
const KIND_ORDER: Record<LinkEndKind, number> = { item: 0, annotation: 1, event: 2, document: 3 };
const SHOWN = 40;

/**
 * Everything that can be linked to, except the record itself (and what stands for it). `keep`:
 * a record to list even where it would not be offered (a tagged highlight dropped on).
 */
function entriesOf(data: LinkCandidates, excluded: readonly LinkEnd[], keep?: LinkEnd): Entry[] {
  const titles = new Map(data.documents.map((d) => [d.id, d.title]));
  const published = new Map(data.documents.map((d) => [d.id, d.published?.from ?? null]));
  // A highlight tagged as an item is offered as its item.
  const tagged = new Set(data.items.flatMap((i) => i.annotationIds));
  if (keep?.kind === 'annotation') tagged.delete(keep.id);
  const entries: Entry[] = [
    ...data.items.map((i): Entry => ({
      end: { kind: 'item', id: i.id },
      key: `item:${i.id}`,
      label: i.title,
      context: (i.documentId && titles.get(i.documentId)) || '',
      date: (i.documentId && published.get(i.documentId)) || null,
      updatedAt: i.updatedAt,
    })),
    ...data.annotations
      .filter((a) => !tagged.has(a.id))
      .map((a): Entry => ({
        end: { kind: 'annotation', id: a.id },
        key: `annotation:${a.id}`,
        label: a.target.quote.exact,
        context: titles.get(a.documentId) ?? '',
        date: published.get(a.documentId) ?? null,
        updatedAt: a.updatedAt,
      })),
    ...data.events.map((e): Entry => ({
      end: { kind: 'event', id: e.id },
      key: `event:${e.id}`,
      label: e.title,
      context: (e.documentId && titles.get(e.documentId)) || e.date.text,
      date: e.date.from,
      updatedAt: e.updatedAt,
    })),
    ...data.documents.map((d): Entry => ({
      end: { kind: 'document', id: d.id },
      key: `document:${d.id}`,
      label: d.title,
      context: [d.source.site, d.published?.from].filter(Boolean).join(' · '),
      date: d.published?.from ?? null,
      updatedAt: d.updatedAt,
    })),
  ];
  return entries.filter((e) => !excluded.some((x) => sameEnd(x, e.end)));
}

function rank(entries: readonly Entry[], query: string): Entry[] {
  if (!query.trim()) {
    return [...entries]
      .sort(
        (a, b) =>
          KIND_ORDER[a.end.kind] - KIND_ORDER[b.end.kind] ||
          (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0),
      )
      .slice(0, SHOWN);
  }
  const scored: { entry: Entry; score: number }[] = [];
  for (const entry of entries) {
    const score = Math.max(matchScore(query, entry.label), 0.6 * matchScore(query, entry.context));
    if (score > 0) scored.push({ entry, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      KIND_ORDER[a.entry.end.kind] - KIND_ORDER[b.entry.end.kind] ||
      (a.entry.date ?? '').localeCompare(b.entry.date ?? ''),
  );
  return scored.slice(0, SHOWN).map((s) => s.entry);
}

export function LinkPicker(props: {
  /** The record being linked (the `self` end of the link). */
  self: LinkEnd;
  /** Records that stand for the same thing (a highlight's item, an item's highlights): not offered. */
  also?: readonly LinkEnd[];
  /** How the record reads (its quote or title). */
  selfLabel: string;
  /** The other end, already chosen (a drag and drop): the picker opens on the relation. */
  other?: LinkEnd;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const { self, onClose } = props;
  const ids = { title: useId(), list: useId(), type: useId(), note: useId(), error: useId(), hint: useId() };
  const dialog = useRef<HTMLDialogElement | null>(null);
  const search = useRef<HTMLInputElement | null>(null);
  const note = useRef<HTMLInputElement | null>(null);
  const type = useRef<HTMLSelectElement | null>(null);

  const [data, setData] = useState<LinkCandidates | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Entry | null>(null);
  const [choice, setChoice] = useState(0);
  const [noteText, setNoteText] = useState('');
  const [error, setError] = useState<string | null>(null);

  // The record and what stands for it, kept by value so a re-render does not query again.
  const ownKey = [self, ...(props.also ?? [])].map(endKey).join(' ');
  const own = useMemo(() => ownKey.split(' ').map(parseEndKey), [ownKey]);
  const existing = useLive(() => repository.links.forRecords(own), [repository, own]);

  // The other end, when a drop chose it, by value (as `own`).
  const presetKey = props.other ? endKey(props.other) : null;
  const preset = useMemo(() => (presetKey ? parseEndKey(presetKey) : undefined), [presetKey]);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    if (!preset) search.current?.focus();
    let live = true;
    void repository.links.candidates().then((loaded) => {
      if (!live) return;
      setData(loaded);
      const other = preset && entriesOf(loaded, own, preset).find((e) => sameEnd(e.end, preset));
      if (other) {
        setChosen(other);
        requestAnimationFrame(() => type.current?.focus());
      } else if (preset) requestAnimationFrame(() => search.current?.focus());
    });
    return () => {
      live = false;
    };
  }, [repository, preset, own]);

  const entries = useMemo(() => (data ? entriesOf(data, own, preset) : []), [data, own, preset]);
  const results = useMemo(() => rank(entries, query), [entries, query]);
  const linkedAs = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const side of linkSides(own, existing ?? [])) {
      const key = endKey(side.other);
      const label = linkLabelText(linkLabel(side.link.type, side.direction), t);
      map.set(key, [...(map.get(key) ?? []), label]);
    }
    return map;
  }, [own, existing, t]);

  const activeIndex = Math.min(active, Math.max(0, results.length - 1));
  const optionId = (index: number) => `${ids.list}-option-${index}`;

  const pick = (entry: Entry) => {
    setChosen(entry);
    setError(null);
    requestAnimationFrame(() => note.current?.focus());
  };

  const onSearchKey = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = Math.max(0, Math.min(results.length - 1, activeIndex + step));
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = results[activeIndex];
      if (entry) pick(entry);
    }
  };

  const close = () => dialog.current?.close(); // its close event calls onClose

  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (!chosen) {
      setError(t('linkPickerNone'));
      search.current?.focus();
      return;
    }
    const how = LINK_CHOICES[choice]!;
    try {
      const link = await repository.links.create({ ...orientLink(self, chosen.end, how), note: noteText });
      close();
      toast(t('linkCreated', { label: linkLabelText(how.label, t), title: shortLabel(chosen.label, 30) }), () =>
        repository.links.remove(link.id).then(() => undefined),
      );
    } catch (e) {
      if (e instanceof LinkError) setError(linkProblemText(e.problem, t));
      else throw e;
    }
  };

  const kindOfSelf = linkKindText(self.kind, t).toLowerCase();

  return (
    <dialog
      ref={dialog}
      className="link-picker"
      aria-labelledby={ids.title}
      onClose={onClose}
      // Clicks and keys inside stay here: the highlight card around it has its own.
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <header className="link-picker-head">
          <h2 id={ids.title}>{t('linkPickerTitle')}</h2>
          <button type="button" className="icon" aria-label={t('close')} title={t('close')} onClick={close}>
            ×
          </button>
        </header>
        <div className="link-picker-body">
          <p className="link-picker-self">
            <span className="muted">{t('linkPickerFrom', { kind: kindOfSelf })}</span>{' '}
            <q lang="zh">{shortLabel(props.selfLabel, 80)}</q>
          </p>
          <label className="link-picker-type">
            <span>{t('linkPickerType')}</span>
            <select
              ref={type}
              id={ids.type}
              data-field="link-type"
              value={`${LINK_CHOICES[choice]!.type}:${LINK_CHOICES[choice]!.direction}`}
              onChange={(e) =>
                setChoice(
                  Math.max(
                    0,
                    LINK_CHOICES.findIndex((c) => `${c.type}:${c.direction}` === e.target.value),
                  ),
                )
              }
            >
              {LINK_CHOICES.map((c) => (
                <option key={`${c.type}:${c.direction}`} value={`${c.type}:${c.direction}`}>
                  {linkLabelText(c.label, t)}
                </option>
              ))}
            </select>
          </label>
          {chosen ? (
            <div className="link-picker-chosen" data-chosen={chosen.key}>
              <span className="muted">{t('linkPickerChosen')}</span>
              <span className={`link-kind link-kind-${chosen.end.kind}`}>{linkKindText(chosen.end.kind, t)}</span>
              <span className="link-picker-label" lang="zh">
                {shortLabel(chosen.label, 70)}
              </span>
              {chosen.context && chosen.end.kind !== 'document' && (
                <span className="muted link-picker-context" lang="zh">
                  {shortLabel(chosen.context, 40)}
                </span>
              )}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setChosen(null);
                  search.current?.focus();
                }}
              >
                {t('linkPickerChange')}
              </button>
            </div>
          ) : null}
          <div className="link-picker-search" hidden={chosen !== null || (preset !== undefined && data === null)}>
            <input
              ref={search}
              type="search"
              role="combobox"
              lang="zh"
              aria-label={t('linkPickerSearch')}
              placeholder={t('linkPickerSearch')}
              aria-expanded="true"
              aria-controls={ids.list}
              aria-autocomplete="list"
              aria-describedby={ids.hint}
              aria-activedescendant={results.length ? optionId(activeIndex) : undefined}
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onSearchKey}
            />
            <p className="muted link-picker-hint" id={ids.hint}>
              {query.trim() ? t('linkPickerHint') : `${t('linkPickerRecent')} ${t('linkPickerHint')}`}
            </p>
            <ul className="link-picker-results" role="listbox" id={ids.list} aria-label={t('linkPickerResults')}>
              {data &&
                results.map((entry, index) => {
                  const already = linkedAs.get(entry.key);
                  return (
                    <li
                      key={entry.key}
                      id={optionId(index)}
                      role="option"
                      aria-selected={index === activeIndex}
                      data-key={entry.key}
                      className={index === activeIndex ? 'active' : undefined}
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseMove={() => index !== activeIndex && setActive(index)}
                      onClick={() => pick(entry)}
                    >
                      <span className={`link-kind link-kind-${entry.end.kind}`}>{linkKindText(entry.end.kind, t)}</span>
                      <span className="link-picker-label" lang="zh">
                        {shortLabel(entry.label, 70)}
                      </span>
                      <span className="muted link-picker-context" lang="zh">
                        {entry.end.kind === 'document' ? entry.context : shortLabel(entry.context, 36)}
                      </span>
                      {already && (
                        <span className="badge">{t('linkPickerAlready', { label: already.join(', ') })}</span>
                      )}
                    </li>
                  );
                })}
              {data && results.length === 0 && <li className="muted empty">{t('linkPickerNoMatch')}</li>}
            </ul>
          </div>
          <label className="link-picker-note">
            <span>{t('linkPickerNote')}</span>
            <input ref={note} id={ids.note} lang="zh" value={noteText} onChange={(e) => setNoteText(e.target.value)} />
          </label>
          {error && (
            <p className="link-picker-error" role="alert" id={ids.error}>
              {error}
            </p>
          )}
        </div>
        <footer className="link-picker-foot">
          <button type="button" onClick={close}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" data-action="create-link" disabled={!chosen}>
            {t('linkPickerSubmit')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}
