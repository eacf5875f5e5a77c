// The top bar's conflict count: "3 conflicts", shown while records have sync conflicts to
// resolve; it opens the conflicts view (#/conflicts). Live: it follows imports and resolutions.
import { useRepository } from '../app/repository-context';
import { navigate } from '../app/route';
import { useLive } from '../db/live';
import { useI18n } from '../i18n/i18n';
import './conflicts.css';

export function ConflictCount({ current }: { current?: boolean }) {
  const { t } = useI18n();
  const repository = useRepository();
  // A count that cannot be read shows nothing: the top bar must never fail with it.
  const count = useLive(
    () =>
      repository.sync.conflicts.count().catch((error: unknown) => {
        console.warn('Conflict count unavailable:', error);
        return 0;
      }),
    [repository],
  );
  if (!count) return null;
  return (
    <button
      type="button"
      className="conflict-count"
      data-action="open-conflicts"
      data-count={count}
      aria-current={current ? 'page' : undefined}
      title={t('conflictsCountHint')}
      onClick={() => navigate({ screen: 'conflicts' })}
    >
      {t('conflictsCount', { count })}
    </button>
  );
}
