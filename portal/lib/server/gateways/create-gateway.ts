import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError, notFound } from '../errors';
import { requireAdmin } from '../users/require-role';
import { findGateway } from './list-fleet';
import { registerGateway } from './register-gateway';
import { sidecarRunCommands } from './run/sidecar-run-commands';
import type { SidecarSetup } from './sidecar-setup';

export const createGatewayInput = z.strictObject({
  environmentId: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'Give the gateway a name').max(60),
});

/**
 * Registers a gateway for an environment. The answer is the only place its token ever appears, inside the
 * ready-to-run start command; the portal keeps the token's SHA-256.
 */
export async function createGateway(db: Db, actor: Actor, input: z.infer<typeof createGatewayInput>, setup: SidecarSetup) {
  requireAdmin(actor);
  const env = await db.selectFrom('environments').where('id', '=', input.environmentId).select('id').executeTakeFirst();
  if (!env) throw notFound('Environment');
  const taken = await db
    .selectFrom('gateways')
    .where('environment_id', '=', env.id)
    .where('name', '=', input.name)
    .where('revoked_at', 'is', null)
    .select('id')
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `A gateway named ${input.name} is already registered in this environment`, { field: 'name' });
  const { id, token } = await db.transaction().execute(async (trx) => {
    const registered = await registerGateway(trx, { environmentId: env.id, name: input.name });
    await recordAudit(trx, actor, 'gateway.create', { type: 'gateway', id: registered.id }, { name: input.name, environmentId: env.id });
    return registered;
  });
  const gateway = await findGateway(db, id);
  if (!gateway) throw notFound('Gateway');
  const run = sidecarRunCommands({ ...setup, name: input.name, token });
  return { gateway, token, publicKey: setup.publicKey, command: run.npx, run };
}
