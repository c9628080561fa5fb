import 'server-only';
import type { SyncReport } from '@gatehouse/sidecar/contract/sync';
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

/**
 * Each poll says what the sidecar has applied; the fleet page and propagation receipts read it. `behind_since`
 * keeps the moment it first reported an older revision than its environment's, so the fleet can tell a gateway
 * catching up after a change from one stuck behind (it rejects what it gets, or cannot apply it).
 */
export async function recordGatewayReport(db: Db, gatewayId: string, report: SyncReport, now = nowIso()): Promise<void> {
  const row = await db
    .selectFrom('gateways')
    .innerJoin('environments', 'environments.id', 'gateways.environment_id')
    .where('gateways.id', '=', gatewayId)
    .select(['environments.revision', 'gateways.behind_since'])
    .executeTakeFirst();
  const behind = row !== undefined && report.since < Number(row.revision);
  await db
    .updateTable('gateways')
    .set({
      last_seen_at: now,
      applied_revision: report.since,
      node_id: report.node,
      version: report.version,
      cache_keys: report.keys,
      behind_since: behind ? (row?.behind_since ?? now) : null,
    })
    .where('id', '=', gatewayId)
    .execute();
}
