import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requireAdmin } from '../users/require-role';

/** Environments with their revision and how many gateways (not revoked) sync from each. Admins only. */
export async function listEnvironmentSummaries(db: Db, actor: Actor) {
  requireAdmin(actor);
  const rows = await db
    .selectFrom('environments')
    .leftJoin('gateways', (join) => join.onRef('gateways.environment_id', '=', 'environments.id').on('gateways.revoked_at', 'is', null))
    .select((eb) => ['environments.id', 'environments.name', 'environments.gateway_url', 'environments.revision', eb.fn.count<number>('gateways.id').as('gateways')])
    .groupBy(['environments.id', 'environments.name', 'environments.gateway_url', 'environments.revision'])
    .orderBy('environments.name')
    .execute();
  return rows.map((e) => ({ id: e.id, name: e.name, gatewayUrl: e.gateway_url, revision: Number(e.revision), gateways: Number(e.gateways) }));
}
