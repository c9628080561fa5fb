import 'server-only';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../errors';

/** A gateway routes by context path, so two API versions can never share one. */
export async function assertContextFree(db: Kysely<DB>, context: string, exceptApiId?: string): Promise<void> {
  let q = db.selectFrom('apis').where('context', '=', context).select('id');
  if (exceptApiId) q = q.where('id', '!=', exceptApiId);
  if (await q.executeTakeFirst()) {
    throw new AppError('CONFLICT', `The context path ${context} is taken by another API version`, { errors: [{ path: 'context', message: 'Already in use' }] });
  }
}
