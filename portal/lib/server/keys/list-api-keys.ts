import 'server-only';
import type { Actor } from '../actor';
import { getOwnedApp } from '../apps/get-owned-app';
import type { Db } from '../db/client';
import { toKeyDto } from './key-dto';
import { keyReceipts } from './key-receipts';

/**
 * The application's keys, each with its propagation receipts (on which gateways it is live, or withdrawn) and, for
 * a rotated key, the display prefix of the key that replaced it.
 */
export async function listApiKeys(db: Db, actor: Actor, appId: string) {
  await getOwnedApp(db, actor, appId);
  const rows = await db
    .selectFrom('api_keys')
    .where('app_id', '=', appId)
    .select(['id', 'name', 'prefix', 'key_hash', 'created_at', 'expires_at', 'revoked_at', 'last_used_at', 'replaced_by'])
    .orderBy('created_at', 'desc')
    .execute();
  const receipts = await keyReceipts(db, rows);
  const prefixes = new Map(rows.map((r) => [r.id, r.prefix]));
  return rows.map((r) => {
    const replacedBy = r.replaced_by ? { id: r.replaced_by, prefix: prefixes.get(r.replaced_by) ?? '' } : null;
    return { ...toKeyDto(r), replacedBy, receipts: receipts.get(r.id) ?? [] };
  });
}
