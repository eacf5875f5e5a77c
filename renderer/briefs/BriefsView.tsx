// Briefs (#/briefs): the analyst's briefs, the most recently edited first — open, rename in
// place, duplicate, delete with Undo; Enter opens, F2 renames, Delete deletes, ↑ ↓ move — and,
// at #/briefs/ID, one brief in the editor.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BriefRecord } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import { TrashIcon } from '../ui/icons';
import { useToast } from '../ui/toasts';
import { briefJournal } from './autosave';
import { BriefEditor } from './BriefEditor';
import { quoteCount } from './citation';
import './briefs.css';

export function BriefsView({ briefId }: { briefId?: string }) {
  return briefId ? <OpenBrief id={briefId} /> : <BriefList />;
}

/** Loads a brief once (taking back changes an unload may have kept from the database), then edits it. */
function OpenBrief({ id }: { id: string }) {
  const { t } = useI18n();
  const repository = useRepository();
  const [loaded, setLoaded] = useState<{ brief: BriefRecord | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      let brief = await repository.briefs.get(id);
      const unsaved = brief && briefJournal.take(brief);
      if (brief && unsaved) brief = await repository.briefs.save(id, unsaved);
      if (!cancelled) setLoaded({ brief: brief ?? null });
    })();
    return () => {
      cancelled = true;
    };
  }, [repository, id]);

  if (!loaded) return <div className="brief-loading muted">{t('briefLoading')}</div>;
  if (!loaded.brief) {
    return (
      <div className="empty-state">
        <h1>{t('briefNotFound')}</h1>
        <button onClick={() => navigate({ screen: 'briefs' })}>{t('briefAll')}</button>
      </div>
    );
  }
  return <BriefEditor brief={loaded.brief} />;
}

/** A damaged brief lists as holding no quotes (opening it says it cannot be read). */
const quotesIn = (content: string): number => {
  try {
    return quoteCount(content);
  } catch {
    return 0;
  }
};

/** The title in place, selected: Enter or leaving keeps it, Esc goes back to the old one. */
function RenameInput(props: { initial: string; onDone: (title: string | null) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(props.initial);
  const done = useRef(false);
  const finish = (title: string | null) => {
    if (done.current) return;
    done.current = true;
    props.onDone(title);
  };
  return (
    <input
      autoFocus
      className="brief-rename"
      data-brief-rename
      aria-label={t('briefTitleLabel')}
      value={draft}
      lang="zh"
      onClick={(e) => e.stopPropagation()}
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(draft)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(draft);
        else if (e.key === 'Escape') finish(null);
      }}
    />
  );
}

function BriefRow(props: {
  brief: BriefRecord;
  renaming: boolean;
  onRename: (title: string | null) => void;
  onStartRename: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onMove: (step: 1 | -1) => void;
}) {
  const { brief, renaming } = props;
  const { t, language } = useI18n();
  const open = () => navigate({ screen: 'briefs', briefId: brief.id });
  const quotes = useMemo(() => quotesIn(brief.content), [brief.content]);
  const edited = new Date(brief.updatedAt).toLocaleString(language === 'zh' ? 'zh-CN' : 'en', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  return (
    <tr
      tabIndex={0}
      data-brief-id={brief.id}
      onClick={() => !renaming && open()}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') open();
        else if (e.key === 'Delete') props.onDelete();
        else if (e.key === 'F2') {
          e.preventDefault();
          props.onStartRename();
        } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          props.onMove(e.key === 'ArrowDown' ? 1 : -1);
        }
      }}
    >
      <td className="brief-row-title">
        {renaming ? (
          <RenameInput initial={brief.title} onDone={props.onRename} />
        ) : (
          <span className="brief-name" lang="zh">
            {brief.title || <span className="muted">{t('briefUntitled')}</span>}
          </span>
        )}
        <span className="brief-row-meta muted">
          {quotes === 1 ? t('briefQuotesOne') : t('briefQuotes', { count: quotes })}
        </span>
      </td>
      <td className="date">{edited}</td>
      <td className="brief-row-actions" onClick={(e) => e.stopPropagation()}>
        <button type="button" className="link" data-action="rename-brief" onClick={props.onStartRename}>
          {t('briefRename')}
        </button>
        <button type="button" className="link" data-action="duplicate-brief" onClick={props.onDuplicate}>
          {t('briefDuplicate')}
        </button>
        <button
          type="button"
          className="icon"
          data-action="delete-brief"
          aria-label={`${t('delete')} ${brief.title || t('briefUntitled')}`}
          title={t('delete')}
          onClick={props.onDelete}
        >
          <TrashIcon />
        </button>
      </td>
    </tr>
  );
}

function BriefList() {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const briefs = useLive(() => repository.briefs.list(), [repository]);
  const [renaming, setRenaming] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  /** The row to focus once the list has drawn (after a delete, a rename, a move). */
  const focusNext = useRef<{ id?: string; index?: number } | null>(null);

  useEffect(() => {
    const want = focusNext.current;
    if (!want || !briefs) return;
    const rows = [...(body.current?.querySelectorAll<HTMLElement>('tr[data-brief-id]') ?? [])];
    const row = want.id
      ? rows.find((r) => r.dataset.briefId === want.id)
      : rows[Math.min(want.index ?? 0, rows.length - 1)];
    if (row) {
      row.focus();
      focusNext.current = null;
    }
  }, [briefs, renaming]);

  const create = async () => {
    const brief = await repository.briefs.create({ title: '' });
    navigate({ screen: 'briefs', briefId: brief.id });
  };
  const rename = async (brief: BriefRecord, title: string | null) => {
    focusNext.current = { id: brief.id };
    setRenaming(null);
    if (title !== null && title.trim() !== brief.title) await repository.briefs.rename(brief.id, title);
  };
  const duplicate = async (brief: BriefRecord) => {
    const title = t('briefCopyTitle', { title: brief.title || t('briefUntitled') });
    const copy = await repository.briefs.duplicate(brief.id, title);
    focusNext.current = { id: copy.id };
    toast(t('briefDuplicated', { title }));
  };
  const remove = async (brief: BriefRecord, index: number) => {
    const deleted = await repository.briefs.remove(brief.id);
    if (!deleted) return;
    focusNext.current = { index };
    toast(t('briefDeleted', { title: brief.title || t('briefUntitled') }), () => repository.briefs.restore(deleted));
  };
  const move = (index: number) => {
    const rows = body.current?.querySelectorAll<HTMLElement>('tr[data-brief-id]');
    rows?.[Math.max(0, Math.min(index, rows.length - 1))]?.focus();
  };

  if (briefs && briefs.length === 0) {
    return (
      <div className="empty-state briefs-empty">
        <h1>{t('briefsEmpty')}</h1>
        <p>{t('briefsEmptyHint')}</p>
        <button className="primary" data-action="new-brief" onClick={() => void create()}>
          {t('briefNew')}
        </button>
      </div>
    );
  }

  return (
    <div className="library briefs-list">
      <div className="briefs-head">
        <h1>{t('briefs')}</h1>
        <span className="spacer" />
        <button className="primary" data-action="new-brief" onClick={() => void create()}>
          {t('briefNew')}
        </button>
      </div>
      <p className="muted briefs-keys">{t('briefsKeys')}</p>
      <table className="library-table brief-table-list">
        <thead>
          <tr>
            <th scope="col">{t('colTitle')}</th>
            <th scope="col">{t('briefEdited')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('briefActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={body}>
          {(briefs ?? []).map((brief, index) => (
            <BriefRow
              key={brief.id}
              brief={brief}
              renaming={renaming === brief.id}
              onStartRename={() => setRenaming(brief.id)}
              onRename={(title) => void rename(brief, title)}
              onDuplicate={() => void duplicate(brief)}
              onDelete={() => void remove(brief, index)}
              onMove={(step) => move(index + step)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
