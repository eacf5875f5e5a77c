// Reading one setting (a key → value row of the `settings` table), with a fallback when unset.
import type { DossierDatabase } from './database';

export async function readSetting<T>(db: DossierDatabase, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}
