import 'server-only';
import type { Db } from '../db/client';

/**
 * Where a key's latest change has reached: in one environment, how many of its gateways have applied the revision
 * at which the key's hash was last written (`live`) or withdrawn (`removed`: revoked, or no longer subscribed).
 * A gateway has applied it once the revision it reports is at or past that one.
 */
export interface KeyReceipt {
  environment: string;
  environmentId: string;
  state: 'live' | 'removed';
  revision: number;
  gateways: number;
  applied: number;
}

/** Receipts for keys of one application, by key id. Keys that never reached an environment have none. */
export async function keyReceipts(db: Db, keys: readonly { id: string; key_hash: string }[]): Promise<Map<string, KeyReceipt[]>> {
  const out = new Map<string, KeyReceipt[]>(keys.map((k) => [k.id, []]));
  if (keys.length === 0) return out;
  const byHash = new Map(keys.map((k) => [k.key_hash, k.id]));
  const entities = await db
    .selectFrom('sync_entities')
    .innerJoin('environments', 'environments.id', 'sync_entities.environment_id')
    .where('sync_entities.kind', '=', 'key')
    .where('sync_entities.entity_id', 'in', [...byHash.keys()])
    .select(['sync_entities.entity_id', 'sync_entities.environment_id', 'environments.name', 'sync_entities.revision', 'sync_entities.body'])
    .orderBy('environments.name')
    .execute();
  if (entities.length === 0) return out;
  const gateways = await db
    .selectFrom('gateways')
    .where('revoked_at', 'is', null)
    .where('environment_id', 'in', [...new Set(entities.map((e) => e.environment_id))])
    .select(['environment_id', 'applied_revision'])
    .execute();

  for (const e of entities) {
    const revision = Number(e.revision);
    const fleet = gateways.filter((g) => g.environment_id === e.environment_id);
    const applied = fleet.filter((g) => g.applied_revision !== null && Number(g.applied_revision) >= revision).length;
    const keyId = byHash.get(e.entity_id);
    if (!keyId) continue;
    out.get(keyId)?.push({
      environment: e.name,
      environmentId: e.environment_id,
      state: e.body === null ? 'removed' : 'live',
      revision,
      gateways: fleet.length,
      applied,
    });
  }
  return out;
}
