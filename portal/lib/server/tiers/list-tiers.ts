import 'server-only';
import type { Db } from '../db/client';
import { toTierDto } from './tier-input';

/** Every tier; any signed-in user may read them (subscribers see them on API pages anyway). */
export async function listTiers(db: Db) {
  const rows = await db.selectFrom('tiers').selectAll().orderBy('name').execute();
  return rows.map(toTierDto);
}
