import 'server-only';
import type { Db } from '../db/client';
import { notFound } from '../errors';
import { newId, nowIso } from '../ids';
import { generateGatewayToken, hashGatewayToken } from './gateway-token';

/** Registers a gateway in an environment and returns its token, which is never shown again. */
export async function registerGateway(db: Db, input: { environmentId: string; name: string }) {
  const env = await db.selectFrom('environments').where('id', '=', input.environmentId).select('id').executeTakeFirst();
  if (!env) throw notFound('Environment');
  const token = generateGatewayToken();
  const gateway = {
    id: newId('gw'),
    environment_id: env.id,
    name: input.name,
    token_hash: hashGatewayToken(token),
    token_prefix: token.slice(0, 10),
    created_at: nowIso(),
  };
  await db.insertInto('gateways').values(gateway).execute();
  return { id: gateway.id, name: gateway.name, environmentId: env.id, token };
}
