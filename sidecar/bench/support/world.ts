import { generateApiKey, hashApiKey } from '../../src/contract/key-format';
import type { SyncChange } from '../../src/contract/sync';

export const BENCH_CONTEXT = '/bench/v1';
export const BENCH_API_ID = 'api_bench';

/**
 * A generated environment of `keyCount` keys spread over applications that all subscribe to one API, addressed the
 * way the real portal addresses them (a key's sync id is its hash). `loadKeys` are plaintexts the load may present.
 */
export function generateWorld(keyCount: number, upstreamUrl: string, appCount = Math.max(1, Math.floor(keyCount / 10))) {
  const changes: SyncChange[] = [
    {
      kind: 'route',
      id: BENCH_API_ID,
      data: { apiId: BENCH_API_ID, name: 'Bench', version: 'v1', context: BENCH_CONTEXT, upstreamUrl, status: 'active' },
    },
    { kind: 'tier', id: 'tier_gold', data: { tierId: 'tier_gold', name: 'Gold', requestsPerMinute: 1_000_000_000, burst: 1_000_000_000, monthlyQuota: null } },
  ];
  for (let a = 0; a < appCount; a++) {
    const subscriptionId = `sub_${a}`;
    changes.push({ kind: 'subscription', id: subscriptionId, data: { subscriptionId, appId: `app_${a}`, apiId: BENCH_API_ID, tierId: 'tier_gold', status: 'active' } });
  }
  const loadKeys: string[] = [];
  // Load keys are spread evenly over the whole set, so lookups do not all land on the first entries inserted.
  const stride = Math.max(1, Math.floor(keyCount / 1000));
  for (let k = 0; k < keyCount; k++) {
    const plaintext = generateApiKey();
    const hash = hashApiKey(plaintext);
    if (k % stride === 0 && loadKeys.length < 1000) loadKeys.push(plaintext);
    changes.push({ kind: 'key', id: hash, data: { hash, keyId: `key_${k}`, appId: `app_${k % appCount}`, expiresAt: null } });
  }
  return { changes, loadKeys };
}
