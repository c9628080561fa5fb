import 'server-only';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { requireAdmin } from '../users/require-role';
import { generateGatewayToken, hashGatewayToken } from './gateway-token';
import { findGateway } from './list-fleet';
import { sidecarRunCommands } from './run/sidecar-run-commands';
import type { SidecarSetup } from './sidecar-setup';

/**
 * Issues a new token for a gateway; the old one stops authenticating at once (its hash is overwritten), so a
 * leaked token is dead the moment an admin rotates. The gateway keeps its id, history and cache.
 */
export async function rotateGatewayToken(db: Db, actor: Actor, gatewayId: string, setup: SidecarSetup) {
  requireAdmin(actor);
  const current = await findGateway(db, gatewayId);
  if (!current) throw notFound('Gateway');
  if (current.revokedAt) throw new AppError('CONFLICT', 'This gateway is revoked; register a new one instead');
  const token = generateGatewayToken();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('gateways')
      .set({ token_hash: hashGatewayToken(token), token_prefix: token.slice(0, 10) })
      .where('id', '=', gatewayId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(trx, actor, 'gateway.rotate', { type: 'gateway', id: gatewayId }, { name: current.name });
  });
  const gateway = await findGateway(db, gatewayId);
  if (!gateway) throw notFound('Gateway');
  const run = sidecarRunCommands({ ...setup, name: gateway.name, token });
  return { gateway, token, publicKey: setup.publicKey, command: run.npx, run };
}
