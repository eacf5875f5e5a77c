// An item's owners in one line: lead units marked, names as the alias table gives them.
import type { ItemOwner } from '../../shared/model/types';
import { useI18n } from '../i18n/i18n';
import { ownerName } from './item-format';

export function OwnerNames({ owners }: { owners: readonly ItemOwner[] }) {
  const { t } = useI18n();
  if (owners.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {owners.map((o, i) => (
        <span key={i} className="owner">
          {i > 0 && '、'}
          {o.role === 'lead' && <span className="lead-mark">{t('role_lead')}</span>}
          {ownerName(o)}
        </span>
      ))}
    </>
  );
}
