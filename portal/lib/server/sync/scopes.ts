import type { ClientEntity, JwkEntity, KeyEntity, RouteEntity, SubscriptionEntity, TierEntity } from '@gatehouse/sidecar/contract/sync';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { portalOrigin } from '../portal-origin';

/**
 * A scope names the slice of sync state that one kind of change can affect: an application's keys and
 * subscriptions, an API's route, or the tier table. Operations refresh the scopes they touched; the
 * materialiser recomputes just those slices and diffs them against what sidecars already have.
 */
export type Scope = `app:${string}` | `api:${string}` | 'tiers' | 'jwks' | KeyScope;

/** One key of an application (key-scope.ts): what creating, revoking or rotating a key touches. */
export type KeyScope = `key:${string}`;

export interface DesiredEntity {
  kind: 'route' | 'key' | 'subscription' | 'tier' | 'jwk' | 'client';
  id: string;
  /** Where the entity is stored: always a whole scope, never a key's slice of one. */
  scope: Exclude<Scope, KeyScope>;
  body: string;
}

export const ROUTED_API_STATES = ['PUBLISHED', 'DEPRECATED', 'BLOCKED'] as const;

export async function desiredForScope(trx: Transaction<DB>, environmentId: string, scope: Exclude<Scope, KeyScope>): Promise<DesiredEntity[]> {
  if (scope === 'tiers') return desiredTiers(trx);
  if (scope === 'jwks') return desiredJwks(trx);
  const [kind, id] = scope.split(':') as ['app' | 'api', string];
  return kind === 'api' ? desiredRoute(trx, environmentId, id) : desiredForApp(trx, environmentId, id);
}

async function desiredTiers(trx: Transaction<DB>): Promise<DesiredEntity[]> {
  const tiers = await trx.selectFrom('tiers').selectAll().execute();
  return tiers.map((t) => {
    const body: TierEntity = {
      tierId: t.id,
      name: t.name,
      requestsPerMinute: t.requests_per_minute,
      burst: t.burst,
      monthlyQuota: t.monthly_quota,
    };
    return { kind: 'tier', id: t.id, scope: 'tiers', body: JSON.stringify(body) };
  });
}

/**
 * Every stored signing key goes to every environment: tokens are not scoped to an environment. Keys past their
 * `not_after` are deleted by the rotation that notices them, which withdraws them here; until then a sidecar
 * ignores them by its own clock.
 */
async function desiredJwks(trx: Transaction<DB>): Promise<DesiredEntity[]> {
  const keys = await trx.selectFrom('oauth_signing_keys').select(['kid', 'public_jwk', 'not_after']).orderBy('kid').execute();
  const issuer = portalOrigin();
  return keys.map((k) => {
    const body: JwkEntity = { kid: k.kid, alg: 'EdDSA', jwk: JSON.parse(k.public_jwk), issuer, notAfter: Number(k.not_after) };
    return { kind: 'jwk', id: k.kid, scope: 'jwks', body: JSON.stringify(body) };
  });
}

async function desiredRoute(trx: Transaction<DB>, environmentId: string, apiId: string): Promise<DesiredEntity[]> {
  const api = await trx
    .selectFrom('apis')
    .innerJoin('deployments', 'deployments.api_id', 'apis.id')
    .where('apis.id', '=', apiId)
    .where('deployments.environment_id', '=', environmentId)
    .where('apis.status', 'in', ROUTED_API_STATES)
    // An environment may send the API's traffic to its own backend (a staging host, a regional replica).
    .select((eb) => ['apis.id', 'apis.name', 'apis.version', 'apis.context', 'apis.status', eb.fn.coalesce('deployments.backend_url', 'apis.backend_url').as('backend_url')])
    .executeTakeFirst();
  if (!api) return [];
  const body: RouteEntity = {
    apiId: api.id,
    name: api.name,
    version: api.version,
    context: api.context,
    upstreamUrl: api.backend_url,
    status: api.status === 'BLOCKED' ? 'blocked' : 'active',
  };
  return [{ kind: 'route', id: api.id, scope: `api:${apiId}`, body: JSON.stringify(body) }];
}

/** Key hashes reach an environment only if their application subscribes to an API routed there (scoping). */
async function desiredForApp(trx: Transaction<DB>, environmentId: string, appId: string): Promise<DesiredEntity[]> {
  const scope = `app:${appId}` as const;
  const subs = await trx
    .selectFrom('subscriptions')
    .innerJoin('apis', 'apis.id', 'subscriptions.api_id')
    .innerJoin('deployments', 'deployments.api_id', 'apis.id')
    .where('subscriptions.app_id', '=', appId)
    .where('subscriptions.status', 'in', ['ACTIVE', 'BLOCKED'])
    .where('deployments.environment_id', '=', environmentId)
    .where('apis.status', 'in', ROUTED_API_STATES)
    .select(['subscriptions.id', 'subscriptions.api_id', 'subscriptions.tier_id', 'subscriptions.status'])
    .orderBy('subscriptions.id')
    .execute();
  const out: DesiredEntity[] = subs.map((s) => {
    const body: SubscriptionEntity = {
      subscriptionId: s.id,
      appId,
      apiId: s.api_id,
      tierId: s.tier_id,
      status: s.status === 'ACTIVE' ? 'active' : 'blocked',
    };
    return { kind: 'subscription', id: s.id, scope, body: JSON.stringify(body) };
  });
  if (!subs.some((s) => s.status === 'ACTIVE')) return out;
  // A disabled owner's credentials are suspended, not deleted: they leave the gateways (401) and come back on enable.
  const owner = await trx.selectFrom('applications').innerJoin('users', 'users.id', 'applications.owner_id').where('applications.id', '=', appId).select('users.disabled').executeTakeFirst();
  if (!owner || owner.disabled) return out;

  const keys = await trx
    .selectFrom('api_keys')
    .where('app_id', '=', appId)
    .where('revoked_at', 'is', null)
    .select(['id', 'key_hash', 'expires_at'])
    .orderBy('id')
    .execute();
  for (const k of keys) {
    const body: KeyEntity = {
      hash: k.key_hash,
      keyId: k.id,
      appId,
      expiresAt: k.expires_at ? Date.parse(k.expires_at) : null,
    };
    out.push({ kind: 'key', id: k.key_hash, scope, body: JSON.stringify(body) });
  }

  // OAuth clients follow the keys' scoping: a client whose secret is revoked drops out, which stops its tokens.
  const clients = await trx.selectFrom('oauth_clients').where('app_id', '=', appId).where('revoked_at', 'is', null).select('id').orderBy('id').execute();
  for (const c of clients) {
    const body: ClientEntity = { clientId: c.id, appId };
    out.push({ kind: 'client', id: c.id, scope, body: JSON.stringify(body) });
  }
  return out;
}

/** An API change can move its subscribers' keys in or out of an environment, so their scopes go along. */
export async function scopesForApi(trx: Transaction<DB>, apiId: string): Promise<Scope[]> {
  const apps = await trx.selectFrom('subscriptions').where('api_id', '=', apiId).select('app_id').distinct().execute();
  return [`api:${apiId}`, ...apps.map((a) => `app:${a.app_id}` as const)];
}
