import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { nowIso } from '../ids';
import { requireAdmin } from '../users/require-role';
import { findGateway } from './list-fleet';

/**
 * Revokes a gateway's token for good: its next poll gets 401 and it keeps serving from its cache (offline policy)
 * until an operator stops it. Idempotent. It stays in the fleet list, marked revoked, for the record.
 */
export async function revokeGateway(db: Db, actor: Actor, gatewayId: string) {
  requireAdmin(actor);
  const gateway = await findGateway(db, gatewayId);
  if (!gateway) throw notFound('Gateway');
  if (!gateway.revokedAt) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('gateways').set({ revoked_at: nowIso() }).where('id', '=', gatewayId).where('revoked_at', 'is', null).execute();
      await recordAudit(trx, actor, 'gateway.revoke', { type: 'gateway', id: gatewayId }, { name: gateway.name });
    });
  }
  return (await findGateway(db, gatewayId)) ?? gateway;
}
