import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { toKeyDto } from './key-dto';
import { keyReceipts } from './key-receipts';

/** The application's keys, each with its propagation receipts (on which gateways it is live, or withdrawn). */
export async function listApiKeys(db: Db, actor: Actor, appId: string) {
  await getOwnedApp(db, actor, appId);
  const rows = await db
    .selectFrom('api_keys')
    .where('app_id', '=', appId)
    .select(['id', 'name', 'prefix', 'key_hash', 'created_at', 'expires_at', 'revoked_at', 'last_used_at'])
    .orderBy('created_at', 'desc')
    .execute();
  const receipts = await keyReceipts(db, rows);
  return rows.map((r) => ({ ...toKeyDto(r), receipts: receipts.get(r.id) ?? [] }));
}
