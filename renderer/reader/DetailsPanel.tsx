import { useState } from 'react';
import type { DocumentMeta, PublishedDate } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { useI18n } from '../i18n/i18n';

function dayDate(day: string, previous: PublishedDate | null): PublishedDate | null {
  if (!day) return null;
  if (previous && previous.precision === 'day' && previous.from === day) return previous;
  return { from: day, to: day, precision: 'day', text: day, status: 'edited' };
}

/** The document's metadata as detected on import, for the analyst to correct or confirm. */
export function DetailsPanel({ meta, onClose }: { meta: DocumentMeta; onClose: () => void }) {
  const { t } = useI18n();
  const repository = useRepository();
  const [title, setTitle] = useState(meta.title);
  const [site, setSite] = useState(meta.source.site ?? '');
  const [url, setUrl] = useState(meta.source.url ?? '');
  const [authors, setAuthors] = useState(meta.source.authors.join('、'));
  const [day, setDay] = useState(
    meta.published?.precision === 'day' ? meta.published.from : (meta.published?.from ?? ''),
  );

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    await repository.documents.update(meta.id, {
      title: title.trim() || meta.title,
      source: {
        ...meta.source,
        site: site.trim() || null,
        url: url.trim() || null,
        authors: authors
          .split(/[、,，;；\s]+/)
          .map((a) => a.trim())
          .filter(Boolean),
      },
      published: dayDate(day, meta.published),
    });
    onClose();
  };

  return (
    <form className="details" onSubmit={save} aria-label={t('details')}>
      <label>
        {t('title')}
        <input value={title} onChange={(e) => setTitle(e.target.value)} lang="zh" />
      </label>
      <label>
        {t('publishedDate')}
        <input type="date" value={day} onChange={(e) => setDay(e.target.value)} data-field="published" />
      </label>
      {meta.published?.status === 'inferred' && (
        <p className="hint">
          {t('inferredHint')} “{meta.published.text}”
        </p>
      )}
      <label>
        {t('site')}
        <input value={site} onChange={(e) => setSite(e.target.value)} lang="zh" />
      </label>
      <label>
        {t('authors')}
        <input value={authors} onChange={(e) => setAuthors(e.target.value)} lang="zh" />
      </label>
      <label>
        {t('url')}
        <input value={url} onChange={(e) => setUrl(e.target.value)} type="url" />
      </label>
      {meta.source.host && (
        <p className="muted">
          {t('host')}: {meta.source.host}
        </p>
      )}
      {meta.source.originalSource && (
        <p className="muted">
          {t('originalSource')}: {meta.source.originalSource}
        </p>
      )}
      {meta.source.editor && (
        <p className="muted">
          {t('editor')}: {meta.source.editor}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
