import fs from 'node:fs';
import path from 'node:path';
import { hashApiKey } from '@gatehouse/sidecar/contract/key-format';
import type { Db } from '../db/client';
import { registerGateway } from '../gateways/register-gateway';
import { hashGatewayToken } from '../gateways/gateway-token';
import { hashPassword } from '../auth/password';
import { nowIso } from '../ids';
import { createApiKey } from '../keys/create-api-key';
import { syncedTransaction } from '../sync/synced-transaction';
import { DEMO_APIS, DEMO_APP, DEMO_ENVIRONMENT, DEMO_TIERS, DEMO_USERS } from './demo-catalog';

export interface DemoSecrets {
  gatewayToken: string;
  subscriberKey: string;
}

export interface SeedOptions {
  gatewayUrl: string;
  backendUrl: string;
  openapiDir: string;
  /** Where the demo gateway token and demo key live (mode 0600): the portal stores only their hashes. */
  secretsFile: string;
}

/** Seeds the demo catalog; running it again changes nothing that exists and re-creates what is missing. */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<DemoSecrets> {
  const now = nowIso();
  const subscriber = DEMO_USERS[2];
  for (const u of DEMO_USERS) {
    const { password, ...user } = u;
    const password_hash = await hashPassword(password);
    await db.insertInto('users').values({ ...user, password_hash, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
  }
  await syncedTransaction(db, async (trx, touch) => {
    for (const t of DEMO_TIERS) await trx.insertInto('tiers').values({ ...t, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
    await trx
      .insertInto('environments')
      .values({ ...DEMO_ENVIRONMENT, gateway_url: opts.gatewayUrl, created_at: now })
      .onConflict((oc) => oc.column('id').doUpdateSet({ gateway_url: opts.gatewayUrl }))
      .execute();
    for (const a of DEMO_APIS) {
      const openapi = fs.readFileSync(path.join(opts.openapiDir, a.document), 'utf8');
      const row = { id: a.id, name: a.name, version: a.version, context: a.context, description: a.description, tags: JSON.stringify(a.tags), openapi, overview: a.overview };
      await trx
        .insertInto('apis')
        .values({ ...row, backend_url: opts.backendUrl + a.backendPath, status: 'PUBLISHED', owner_id: DEMO_USERS[1].id, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ backend_url: opts.backendUrl + a.backendPath }))
        .execute();
      for (const t of DEMO_TIERS) await trx.insertInto('api_tiers').values({ api_id: a.id, tier_id: t.id }).onConflict((oc) => oc.doNothing()).execute();
      await trx.insertInto('deployments').values({ api_id: a.id, environment_id: DEMO_ENVIRONMENT.id, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
      touch(`api:${a.id}`);
    }
    await trx.insertInto('applications').values({ ...DEMO_APP, owner_id: subscriber.id, created_at: now }).onConflict((oc) => oc.doNothing()).execute();
    // The demo app subscribes to Weather and Books but not Echo, so the demo shows a 403 as well as a 200.
    for (const [apiId, tierId] of [['api_weather_v1', 'tier_bronze'], ['api_books_v1', 'tier_gold']] as const) {
      await trx
        .insertInto('subscriptions')
        .values({ id: `sub_demo_${apiId}`, app_id: DEMO_APP.id, api_id: apiId, tier_id: tierId, status: 'ACTIVE', created_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    touch('tiers', `app:${DEMO_APP.id}`);
  });
  return ensureSecrets(db, opts.secretsFile, { id: subscriber.id, role: subscriber.role, email: subscriber.email, name: subscriber.name });
}

async function ensureSecrets(db: Db, file: string, subscriber: Parameters<typeof createApiKey>[1]): Promise<DemoSecrets> {
  const saved = readSecrets(file);
  const gatewayOk = saved && (await db.selectFrom('gateways').where('token_hash', '=', hashGatewayToken(saved.gatewayToken)).where('revoked_at', 'is', null).select('id').executeTakeFirst());
  const keyOk = saved && (await db.selectFrom('api_keys').where('key_hash', '=', hashApiKey(saved.subscriberKey)).where('revoked_at', 'is', null).select('id').executeTakeFirst());
  const gatewayToken = gatewayOk && saved ? saved.gatewayToken : (await registerGateway(db, { environmentId: DEMO_ENVIRONMENT.id, name: 'demo-gateway' })).token;
  const subscriberKey = keyOk && saved ? saved.subscriberKey : (await createApiKey(db, subscriber, DEMO_APP.id, { name: 'demo', expiresAt: null })).key;
  const secrets = { gatewayToken, subscriberKey };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

function readSecrets(file: string): DemoSecrets | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DemoSecrets;
  } catch {
    return null;
  }
}
