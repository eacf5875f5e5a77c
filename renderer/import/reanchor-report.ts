import type { ReanchorReport } from '../db/repository';
import type { Translate } from '../i18n/i18n';

/** "3 highlights: 1 stayed, 1 moved, 1 orphaned", in the analyst's language. */
export function reanchorReportText(t: Translate, report: ReanchorReport): string {
  const total = report.kept + report.moved + report.orphaned;
  if (total === 0) return t('updateReportNone');
  return t(total === 1 ? 'updateReportOne' : 'updateReport', { total, ...report });
}
