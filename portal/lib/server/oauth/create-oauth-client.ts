import 'server-only';
import { CLIENT_ID_PREFIX } from '@gatehouse/sidecar/contract/oauth';
import { z } from 'zod';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { toOAuthClientDto } from './client-dto';
import { generateClientSecret, hashClientSecret, secretDisplayPrefix } from './client-secret';

export const createOAuthClientInput = z.strictObject({
  name: z.string().trim().max(80).default(''),
});

/** A bound on live clients per application: each is a credential to watch, and the list stays readable. */
const MAX_ACTIVE_CLIENTS = 10;

/** Returns the secret once; only its SHA-256 and a display prefix are stored. */
export async function createOAuthClient(db: Db, actor: Actor, appId: string, input: z.infer<typeof createOAuthClientInput>) {
  const secret = generateClientSecret();
  const row = {
    id: newId(CLIENT_ID_PREFIX.slice(0, -1), 24),
    app_id: appId,
    name: input.name || 'OAuth client',
    secret_hash: hashClientSecret(secret),
    secret_prefix: secretDisplayPrefix(secret),
    created_at: nowIso(),
    revoked_at: null,
    last_token_at: null,
  };
  await syncedTransaction(db, async (trx, touch) => {
    await getOwnedApp(trx, actor, appId);
    const active = await trx
      .selectFrom('oauth_clients')
      .where('app_id', '=', appId)
      .where('revoked_at', 'is', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(active.n) >= MAX_ACTIVE_CLIENTS) {
      throw new AppError('CONFLICT', `An application can have at most ${MAX_ACTIVE_CLIENTS} active OAuth clients; revoke one first`);
    }
    await trx.insertInto('oauth_clients').values(row).execute();
    touch(`app:${appId}`);
  });
  return { ...toOAuthClientDto(row), clientSecret: secret };
}
