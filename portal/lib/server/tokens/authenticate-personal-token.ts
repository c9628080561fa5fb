import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { nowIso } from '../ids';
import { loadActor } from '../users/load-actor';
import { hashPersonalToken, isPersonalTokenShape } from './token-format';

export type TokenVerdict = { ok: true; actor: Actor } | { ok: false; code: 'MALFORMED' | 'UNKNOWN' | 'REVOKED' | 'EXPIRED' | 'USER_DISABLED' };

/** Checks a bearer token on every request; the owner is re-read, so a disabled user's tokens stop at once. */
export async function authenticatePersonalToken(db: Db, token: string, now = Date.now()): Promise<TokenVerdict> {
  if (!isPersonalTokenShape(token)) return { ok: false, code: 'MALFORMED' };
  const row = await db.selectFrom('personal_access_tokens').where('token_hash', '=', hashPersonalToken(token)).selectAll().executeTakeFirst();
  if (!row) return { ok: false, code: 'UNKNOWN' };
  if (row.revoked_at) return { ok: false, code: 'REVOKED' };
  if (row.expires_at && Date.parse(row.expires_at) <= now) return { ok: false, code: 'EXPIRED' };
  const actor = await loadActor(db, row.user_id);
  if (!actor) return { ok: false, code: 'USER_DISABLED' };
  // Last use is informational; at most one write a minute per token keeps reads cheap.
  if (!row.last_used_at || now - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('personal_access_tokens').set({ last_used_at: nowIso(() => now) }).where('id', '=', row.id).execute();
  }
  return { ok: true, actor: { ...actor, credential: { kind: 'token', tokenId: row.id, expiresAt: row.expires_at } } };
}
