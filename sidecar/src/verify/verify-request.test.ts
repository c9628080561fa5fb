import { describe, expect, it } from 'vitest';
import { CacheIndex } from '../cache/cache-index';
import { generateApiKey } from '../contract/key-format';
import { testWorld } from '../test-support/fixtures';
import { extractApiKey } from './extract-api-key';
import { verifyRequest } from './verify-request';

const expiresAt = 50_000;
const { keys, changes } = testWorld('http://up', expiresAt);
const index = new CacheIndex();
for (const change of changes) index.apply(change);
const verify = (key: string | null, apiId = 'pets', now = 10_000) =>
  verifyRequest({ presented: key === null ? null : { key, source: 'x-api-key' }, apiId, index, now });

describe('verifyRequest', () => {
  it('a subscribed, unexpired key is accepted with its app, subscription and tier', () => {
    expect(verify(keys.good)).toEqual({ ok: true, appId: 'app-1', apiId: 'pets', keyId: 'key-good', subscriptionId: 'sub-app-1-pets', tier: expect.objectContaining({ tierId: 'gold' }) });
  });

  it('no key is MISSING', () => expect(verify(null)).toEqual({ ok: false, code: 'MISSING' }));

  it('a key with a bad shape or checksum is MALFORMED', () => {
    expect(verify('gk_short')).toEqual({ ok: false, code: 'MALFORMED' });
    expect(verify(`${keys.good.slice(0, -1)}${keys.good.endsWith('a') ? 'b' : 'a'}`)).toEqual({ ok: false, code: 'MALFORMED' });
  });

  it('a well-formed key the cache does not hold (never issued or revoked) is UNKNOWN', () => {
    expect(verify(generateApiKey())).toEqual({ ok: false, code: 'UNKNOWN' });
  });

  it('a key is EXPIRED from its expiry instant on, by the injected clock', () => {
    expect(verify(keys.expiring, 'pets', expiresAt - 1).ok).toBe(true);
    expect(verify(keys.expiring, 'pets', expiresAt)).toEqual({ ok: false, code: 'EXPIRED' });
  });

  it('a key whose application has no subscription to the API is NOT_SUBSCRIBED', () => {
    expect(verify(keys.unsubscribed)).toEqual({ ok: false, code: 'NOT_SUBSCRIBED' });
    expect(verify(keys.good, 'other-api')).toEqual({ ok: false, code: 'NOT_SUBSCRIBED' });
  });

  it('a blocked subscription is SUBSCRIPTION_BLOCKED', () => {
    expect(verify(keys.blockedSub)).toEqual({ ok: false, code: 'SUBSCRIPTION_BLOCKED' });
  });
});

describe('extractApiKey', () => {
  it('reads x-api-key first, then Authorization: Bearer, and ignores other schemes', () => {
    expect(extractApiKey({ 'x-api-key': 'k1', authorization: 'Bearer k2' })).toEqual({ key: 'k1', source: 'x-api-key' });
    expect(extractApiKey({ authorization: 'bearer  k2' })).toEqual({ key: 'k2', source: 'authorization' });
    expect(extractApiKey({ authorization: 'Basic dXNlcjpwYXNz' })).toBeNull();
    expect(extractApiKey({})).toBeNull();
  });
});
