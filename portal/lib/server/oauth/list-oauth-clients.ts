import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { toOAuthClientDto } from './client-dto';

/** The application's OAuth clients, newest first, revoked ones included (they explain a failing integration). */
export async function listOAuthClients(db: Db, actor: Actor, appId: string) {
  await getOwnedApp(db, actor, appId);
  const rows = await db
    .selectFrom('oauth_clients')
    .where('app_id', '=', appId)
    .select(['id', 'name', 'secret_prefix', 'created_at', 'revoked_at', 'last_token_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toOAuthClientDto);
}
