import 'server-only';
import type { SyncReport } from '@contract/sync';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { nowIso } from '../ids';
import { hashGatewayToken } from './gateway-token';

/** Resolves a sidecar's bearer token to its gateway and environment; revoked or unknown tokens get 401. */
export async function authenticateGateway(db: Db, authorization: string | null) {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new AppError('UNAUTHENTICATED', 'A gateway token is required (Authorization: Bearer gwt_...)');
  const gateway = await db
    .selectFrom('gateways')
    .innerJoin('environments', 'environments.id', 'gateways.environment_id')
    .where('gateways.token_hash', '=', hashGatewayToken(token))
    .where('gateways.revoked_at', 'is', null)
    .select(['gateways.id', 'gateways.environment_id', 'environments.name as environment_name'])
    .executeTakeFirst();
  if (!gateway) throw new AppError('UNAUTHENTICATED', 'Unknown or revoked gateway token');
  return { id: gateway.id, environment: { id: gateway.environment_id, name: gateway.environment_name } };
}

/** Each poll says what the sidecar has applied; the fleet page and propagation receipts read it. */
export async function recordGatewayReport(db: Db, gatewayId: string, report: SyncReport): Promise<void> {
  await db
    .updateTable('gateways')
    .set({
      last_seen_at: nowIso(),
      applied_revision: report.since,
      node_id: report.node,
      version: report.version,
      cache_keys: report.keys,
    })
    .where('id', '=', gatewayId)
    .execute();
}
