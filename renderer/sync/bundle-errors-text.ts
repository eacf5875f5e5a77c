// A bundle refusal in the analyst's words: one sentence per refusal code (English and Chinese
// in renderer/i18n/strings.ts, `bundleRefused_<code>`), the English detail from the reader
// (entry, table, record) shown under it.
import { BUNDLE_ERROR_CODES, type BundleErrorCode } from '../../shared/sync/bundle-errors';
import type { Translate } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';

export const refusalKey = (code: BundleErrorCode): StringKey => `bundleRefused_${code}`;

/** The sentence for a refusal code; a code this build does not know (a newer reader's) gets a generic one. */
export function refusalText(t: Translate, code: string): string {
  return (BUNDLE_ERROR_CODES as readonly string[]).includes(code)
    ? t(refusalKey(code as BundleErrorCode))
    : t('bundleRefused_unknown');
}
