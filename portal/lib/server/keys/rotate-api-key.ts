import 'server-only';
import { displayPrefix, generateApiKey, hashApiKey } from '@gatehouse/sidecar/contract/key-format';
import { z } from 'zod';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { newId } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { keyStatus, toKeyDto } from './key-dto';

/** The grace periods the portal offers: now, 1 hour, 24 hours, 7 days. A closed list keeps support answers simple. */
export const GRACE_SECONDS = [0, 3600, 86_400, 604_800] as const;

export const rotateApiKeyInput = z.strictObject({
  graceSeconds: z.literal(GRACE_SECONDS),
});

/**
 * Issues a new key for the same application and moves the old key's expiry to the grace deadline, in one synced
 * transaction: both hashes reach gateways in the same revision, so there is no instant at which neither works.
 * The deadline is enforced by each sidecar's own clock, also while the portal is unreachable. An old key that
 * already expires before the deadline keeps its earlier expiry: rotating never extends a key's life.
 */
export async function rotateApiKey(
  db: Db,
  actor: Actor,
  appId: string,
  keyId: string,
  input: z.infer<typeof rotateApiKeyInput>,
  clock: () => number = Date.now,
) {
  const now = clock();
  const deadline = new Date(now + input.graceSeconds * 1000).toISOString();
  const plaintext = generateApiKey();
  return syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    const old = await trx.selectFrom('api_keys').where('id', '=', keyId).where('app_id', '=', appId).selectAll().executeTakeFirst();
    if (!old) throw notFound('Key');
    if (keyStatus(old, now) !== 'active') throw new AppError('CONFLICT', `Only an active key can be rotated; this one is ${keyStatus(old, now)}`);

    const oldExpiry = old.expires_at && old.expires_at < deadline ? old.expires_at : deadline;
    const fresh = {
      id: newId('key'),
      app_id: appId,
      name: old.name,
      key_hash: hashApiKey(plaintext),
      prefix: displayPrefix(plaintext),
      created_at: new Date(now).toISOString(),
      expires_at: null,
      revoked_at: null,
      last_used_at: null,
    };
    await trx.insertInto('api_keys').values(fresh).execute();
    await trx.updateTable('api_keys').set({ expires_at: oldExpiry, replaced_by: fresh.id }).where('id', '=', keyId).execute();
    touch(`key:${fresh.id}`, `key:${keyId}`);
    return { key: { ...toKeyDto(fresh), key: plaintext }, previous: toKeyDto({ ...old, expires_at: oldExpiry }) };
  });
}
