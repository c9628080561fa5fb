import 'server-only';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';

/** Sets the tiers an API offers; `undefined` offers every tier. Unknown tier ids are refused, not ignored. */
export async function replaceApiTiers(trx: Kysely<DB>, apiId: string, tierIds: readonly string[] | undefined): Promise<string[]> {
  const all = await trx.selectFrom('tiers').select('id').execute();
  const known = new Set(all.map((t) => t.id));
  const wanted = tierIds === undefined ? [...known] : [...new Set(tierIds)];
  const unknown = wanted.filter((t) => !known.has(t));
  if (unknown.length > 0) throw new AppError('UNPROCESSABLE', `Unknown tier: ${unknown.join(', ')}`, { errors: [{ path: 'tierIds', message: 'Unknown tier' }] });
  await trx.deleteFrom('api_tiers').where('api_id', '=', apiId).execute();
  if (wanted.length > 0) await trx.insertInto('api_tiers').values(wanted.map((tier_id) => ({ api_id: apiId, tier_id }))).execute();
  return wanted;
}
