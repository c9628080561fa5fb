import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { requireAdmin } from '../users/require-role';
import { GATEWAY_COLUMNS, toGatewayDto } from './gateway-dto';

/** Every registered gateway with its last report, lag and status; revoked ones last. Admins only. */
export async function listFleet(db: Db, actor: Actor, now = Date.now()) {
  requireAdmin(actor);
  const rows = await db
    .selectFrom('gateways')
    .innerJoin('environments', 'environments.id', 'gateways.environment_id')
    .select(GATEWAY_COLUMNS)
    .orderBy('environments.name')
    .orderBy('gateways.created_at')
    .execute();
  const items = rows.map((r) => toGatewayDto(r, now));
  return [...items.filter((g) => g.status !== 'revoked'), ...items.filter((g) => g.status === 'revoked')];
}

/** One gateway by id, for the operations that change it. */
export async function findGateway(db: Db, gatewayId: string, now = Date.now()) {
  const row = await db
    .selectFrom('gateways')
    .innerJoin('environments', 'environments.id', 'gateways.environment_id')
    .where('gateways.id', '=', gatewayId)
    .select(GATEWAY_COLUMNS)
    .executeTakeFirst();
  return row ? toGatewayDto(row, now) : null;
}

/** One gateway as the fleet shows it. Admins only. */
export async function getGateway(db: Db, actor: Actor, gatewayId: string) {
  requireAdmin(actor);
  const gateway = await findGateway(db, gatewayId);
  if (!gateway) throw notFound('Gateway');
  return gateway;
}
