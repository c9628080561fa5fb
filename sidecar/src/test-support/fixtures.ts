import { generateApiKey, hashApiKey } from '../contract/key-format';
import type { KeyEntity, RouteEntity, SubscriptionEntity, SyncChange, TierEntity } from '../contract/sync';

export const route = (id: string, context: string, upstreamUrl: string, status: RouteEntity['status'] = 'active'): SyncChange => ({
  kind: 'route',
  id,
  data: { apiId: id, name: id, version: 'v1', context, upstreamUrl, status },
});

export const key = (plaintext: string, appId: string, expiresAt: number | null = null, keyId = `key-${appId}-${plaintext.slice(3, 9)}`): SyncChange => ({
  kind: 'key',
  id: keyId,
  data: { hash: hashApiKey(plaintext), keyId, appId, expiresAt } satisfies KeyEntity,
});

export const subscription = (appId: string, apiId: string, status: SubscriptionEntity['status'] = 'active'): SyncChange => ({
  kind: 'subscription',
  id: `sub-${appId}-${apiId}`,
  data: { subscriptionId: `sub-${appId}-${apiId}`, appId, apiId, tierId: 'gold', status },
});

export const tier = (): SyncChange => ({
  kind: 'tier',
  id: 'gold',
  data: { tierId: 'gold', name: 'Gold', requestsPerMinute: 60_000, burst: 1_000, monthlyQuota: null } satisfies TierEntity,
});

export const deletion = (kind: SyncChange['kind'], id: string): SyncChange => ({ kind, id, data: null }) as SyncChange;

/**
 * A small catalog: `pets` (active, upstream base `/api`) and `vault` (blocked); app-1 subscribed to pets,
 * app-2 not subscribed to anything, app-3 with a blocked subscription, and an app-1 key that expires.
 */
export function testWorld(upstreamUrl: string, expiresAt = Date.UTC(2030, 0, 2)) {
  const keys = { good: generateApiKey(), unsubscribed: generateApiKey(), blockedSub: generateApiKey(), expiring: generateApiKey() };
  const changes: SyncChange[] = [
    route('pets', '/pets/v1', `${upstreamUrl}/api`),
    route('vault', '/vault/v1', `${upstreamUrl}/vault`, 'blocked'),
    tier(),
    key(keys.good, 'app-1', null, 'key-good'),
    key(keys.expiring, 'app-1', expiresAt, 'key-expiring'),
    key(keys.unsubscribed, 'app-2', null, 'key-unsubscribed'),
    key(keys.blockedSub, 'app-3', null, 'key-blocked-sub'),
    subscription('app-1', 'pets'),
    subscription('app-1', 'vault'),
    subscription('app-3', 'pets', 'blocked'),
  ];
  return { keys, changes };
}
