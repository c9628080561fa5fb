import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { nowIso } from '../ids';

/** Revokes one of the caller's tokens; the next request carrying it is refused (tokens are checked per request). */
export async function revokePersonalToken(db: Db, actor: Actor, tokenId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { numUpdatedRows } = await trx
      .updateTable('personal_access_tokens')
      .set({ revoked_at: nowIso() })
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (numUpdatedRows === BigInt(0)) throw notFound('Token');
    await recordAudit(trx, actor, 'token.revoke', { type: 'token', id: tokenId });
  });
}
