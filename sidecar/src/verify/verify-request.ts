import { hash } from 'node:crypto';
import type { CacheIndex } from '../cache/cache-index';
import { isWellFormedApiKey, KEY_PREFIX } from '../contract/key-format';
import type { TierEntity } from '../contract/sync';
import type { PresentedKey } from './extract-api-key';
import { verifyAccessToken } from './verify-access-token';

export type RejectionCode =
  | 'MISSING'
  | 'MALFORMED'
  | 'UNKNOWN'
  | 'EXPIRED'
  | 'NOT_SUBSCRIBED'
  | 'SUBSCRIPTION_BLOCKED'
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED';

/**
 * Expected outcomes are data, not exceptions: the caller maps each code to a status and a problem. `keyId` names
 * the credential: the key's id, or the OAuth client id for an access token.
 */
export type Verdict =
  | { ok: true; appId: string; apiId: string; keyId: string; subscriptionId: string; tier: TierEntity | null }
  | { ok: false; code: RejectionCode };

export interface VerifyInput {
  presented: PresentedKey | null;
  apiId: string;
  index: CacheIndex;
  /** Epoch ms from the sidecar's own clock: expiry holds while the cloud is unreachable too. */
  now: number;
}

/**
 * Checks a presented key against the cached state for one API. The format and checksum check comes before hashing
 * so that garbage costs no SHA-256 and no lookup. A revoked key is simply absent from the cache: UNKNOWN.
 * The digest is the contract's SHA-256 of the key (hashApiKey), taken in the key table's one-byte form ('binary' is latin1) instead of
 * hex so that the lookup needs no conversion.
 */
export function verifyRequest({ presented, apiId, index, now }: VerifyInput): Verdict {
  if (!presented) return { ok: false, code: 'MISSING' };
  // Only a bearer value that is not a key is read as an OAuth access token; keys keep their allocation-free path.
  if (presented.source === 'authorization' && !presented.key.startsWith(KEY_PREFIX)) {
    const token = verifyAccessToken(presented.key, index, now);
    return token.ok ? admitApplication(index, token.appId, apiId, token.clientId) : token;
  }
  if (!isWellFormedApiKey(presented.key)) return { ok: false, code: 'MALFORMED' };
  const keys = index.keys;
  const slot = keys.slotOf(hash('sha256', presented.key, 'binary'));
  if (slot < 0) return { ok: false, code: 'UNKNOWN' };
  const expiresAt = keys.expiresAt(slot);
  if (expiresAt !== null && now >= expiresAt) return { ok: false, code: 'EXPIRED' };
  return admitApplication(index, keys.appId(slot), apiId, keys.keyId(slot));
}

/** The application's subscription to this API decides, whichever credential named the application. */
function admitApplication(index: CacheIndex, appId: string, apiId: string, keyId: string): Verdict {
  const subscription = index.subscription(appId, apiId);
  if (!subscription) return { ok: false, code: 'NOT_SUBSCRIBED' };
  if (subscription.status !== 'active') return { ok: false, code: 'SUBSCRIPTION_BLOCKED' };
  return { ok: true, appId, apiId, keyId, subscriptionId: subscription.subscriptionId, tier: index.tier(subscription.tierId) ?? null };
}
