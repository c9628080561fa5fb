import 'server-only';
import { displayPrefix, generateApiKey, hashApiKey } from '@gatehouse/sidecar/contract/key-format';
import { z } from 'zod';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { toKeyDto } from './key-dto';

export const createApiKeyInput = z.strictObject({
  name: z.string().trim().max(80).default(''),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});

/** Returns the plaintext once; only its SHA-256 and a display prefix are stored. */
export async function createApiKey(db: Db, actor: Actor, appId: string, input: z.infer<typeof createApiKeyInput>) {
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
    throw new AppError('UNPROCESSABLE', 'Expiry must be in the future', { field: 'expiresAt' });
  }
  const key = generateApiKey();
  const row = {
    id: newId('key'),
    app_id: appId,
    name: input.name || 'Key',
    key_hash: hashApiKey(key),
    prefix: displayPrefix(key),
    created_at: nowIso(),
    expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    revoked_at: null,
    last_used_at: null,
  };
  await syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    await trx.insertInto('api_keys').values(row).execute();
    touch(`key:${row.id}`);
  });
  return { ...toKeyDto(row), key };
}
