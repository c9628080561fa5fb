import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import { newId, nowIso } from '../ids';
import { syncedTransaction } from '../sync/synced-transaction';
import { requireAdmin } from '../users/require-role';

export const createEnvironmentInput = z.strictObject({
  name: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lowercase letters, digits and dashes (at most 40)'),
  gatewayUrl: z.url({ protocol: /^https?$/, error: 'Give the public http(s) URL of the gateways in this environment' }).max(300),
});

/**
 * Creates an environment: a set of gateways that enforce the same state, at one public URL. Tiers apply
 * everywhere, so they are materialised into the new environment right away: its first sidecar's snapshot is
 * complete even before any API is deployed there.
 */
export async function createEnvironment(db: Db, actor: Actor, input: z.infer<typeof createEnvironmentInput>) {
  requireAdmin(actor);
  const row = { id: newId('env'), name: input.name, gateway_url: input.gatewayUrl.replace(/\/+$/, ''), created_at: nowIso() };
  await syncedTransaction(db, async (trx, touch) => {
    const taken = await trx.selectFrom('environments').where('name', '=', row.name).select('id').executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `An environment named ${row.name} already exists`, { field: 'name' });
    await trx.insertInto('environments').values(row).execute();
    await recordAudit(trx, actor, 'environment.create', { type: 'environment', id: row.id }, { name: row.name, gatewayUrl: row.gateway_url });
    touch('tiers', 'jwks');
  });
  const env = await db.selectFrom('environments').where('id', '=', row.id).select('revision').executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, gatewayUrl: row.gateway_url, revision: Number(env.revision), gateways: 0 };
}
