import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { generatePersonalToken, hashPersonalToken, personalTokenDisplayPrefix } from './token-format';

export const createPersonalTokenInput = z.strictObject({
  name: z.string().trim().min(1).max(80),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

export function toTokenDto(t: { id: string; name: string; prefix: string; created_at: string; expires_at: string | null; revoked_at: string | null; last_used_at: string | null }) {
  return { id: t.id, name: t.name, prefix: t.prefix, createdAt: t.created_at, expiresAt: t.expires_at, revokedAt: t.revoked_at, lastUsedAt: t.last_used_at };
}

/**
 * Issues a personal access token acting as its owner (same role, same limits) for automation. The plaintext is
 * returned once; the portal keeps its SHA-256 and a display prefix.
 */
export async function createPersonalToken(db: Db, actor: Actor, input: z.infer<typeof createPersonalTokenInput>) {
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
    throw new AppError('UNPROCESSABLE', 'Expiry must be in the future', { errors: [{ path: 'expiresAt', message: 'Must be in the future' }] });
  }
  assertNoLongerLived(actor, input.expiresAt);
  const token = generatePersonalToken();
  const row = {
    id: newId('pat'),
    user_id: actor.id,
    name: input.name,
    token_hash: hashPersonalToken(token),
    prefix: personalTokenDisplayPrefix(token),
    created_at: nowIso(),
    expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    revoked_at: null,
    last_used_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('personal_access_tokens').values(row).execute();
    await recordAudit(trx, actor, 'token.create', { type: 'token', id: row.id }, { name: row.name });
  });
  return { ...toTokenDto(row), token };
}

/**
 * A token may create tokens no stronger (all tokens act as their owner) and no longer-lived than itself: an
 * expiring token minting one that never expires would turn a leaked short-lived token into a permanent one
 * (issue #13). A session has no such bound: the person is there.
 */
function assertNoLongerLived(actor: Actor, expiresAt: string | null) {
  const parent = actor.credential;
  if (!parent?.expiresAt) return;
  if (expiresAt === null || Date.parse(expiresAt) > Date.parse(parent.expiresAt)) {
    throw new AppError('FORBIDDEN', `A token can only create tokens that expire no later than itself (${parent.expiresAt})`, {
      errors: [{ path: 'expiresAt', message: `At most ${parent.expiresAt}` }],
    });
  }
}
