import { useState } from 'react';
import { IMPORT_EXTENSIONS } from '../../shared/ipc/contract';
import type { DocumentMeta, PublishedDate } from '../../shared/model/types';
import { useRepository } from '../app/repository-context';
import { bridge } from '../bridge/bridge';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import type { IngestClient } from '../import/ingest-client';
import { reanchorReportText } from '../import/reanchor-report';
import { useToast } from '../ui/toasts';

function dayDate(day: string, previous: PublishedDate | null): PublishedDate | null {
  if (!day) return null;
  if (previous && previous.precision === 'day' && previous.from === day) return previous;
  return { from: day, to: day, precision: 'day', text: day, status: 'edited' };
}

/** The document's metadata as detected on import, for the analyst to correct or confirm. */
export function DetailsPanel({
  meta,
  onClose,
  ingestClient,
}: {
  meta: DocumentMeta;
  onClose: () => void;
  /** The import's worker client, to parse a newer version of this document. */
  ingestClient: () => IngestClient;
}) {
  const { t } = useI18n();
  const toast = useToast();
  const repository = useRepository();
  const [updating, setUpdating] = useState(false);
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

  // "Update from file…": the analyst names the newer version of this document, whatever its title or address.
  const updateFromFile = async () => {
    const [file] = await bridge.openFiles({
      title: t('updateFromFile'),
      multiple: false,
      filters: [{ name: 'Documents', extensions: [...IMPORT_EXTENSIONS] }],
    });
    if (!file) return;
    const refusal = (code: string) => t(`refusal_${code.replace(/-/g, '_')}` as StringKey);
    if (file.error) return toast(refusal(file.error.code));
    setUpdating(true);
    try {
      const outcome = await ingestClient().ingest(file.name, file.bytes);
      if (!outcome.ok) return toast(refusal(outcome.refusal.code));
      const result = await repository.documents.updateFromDraft(meta.id, outcome.doc);
      if (result.status === 'duplicate') return toast(t('updateDuplicate', { title: result.existingTitle }));
      const updated = await repository.documents.get(meta.id);
      toast(
        t('documentUpdated', { title: updated?.title ?? meta.title, report: reanchorReportText(t, result.report) }),
      );
      onClose();
    } catch (error) {
      toast(`${t('refusal_crashed')}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setUpdating(false);
    }
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
      <div className="update-from-file">
        <button
          type="button"
          data-action="update-from-file"
          disabled={updating}
          aria-describedby="update-from-file-hint"
          onClick={() => void updateFromFile()}
        >
          {updating ? t('updating') : t('updateFromFile')}
        </button>
        <span id="update-from-file-hint" className="muted">
          {t('updateFromFileHint')}
        </span>
      </div>
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
