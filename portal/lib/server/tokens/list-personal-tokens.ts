import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { toTokenDto } from './create-personal-token';

/** The caller's own tokens, never anyone else's: there is no admin view of tokens to leak. */
export async function listPersonalTokens(db: Db, actor: Actor) {
  const rows = await db.selectFrom('personal_access_tokens').where('user_id', '=', actor.id).selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(toTokenDto);
}
