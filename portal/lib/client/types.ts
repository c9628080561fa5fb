import type { KeyReceipt } from './fleet-types';

// Shapes of the portal's REST answers, as the browser sees them (see portal/app/api/v1).

export type ApiStatus = 'PUBLISHED' | 'DEPRECATED';

export interface ApiSummary {
  id: string;
  name: string;
  version: string;
  context: string;
  description: string;
  tags: string[];
  status: ApiStatus;
  requiresApproval: boolean;
  /** Every catalog version of this API, the newest published first (on catalog entries and the API page). */
  versions?: { id: string; version: string; status: ApiStatus; context: string }[];
}

export interface Operation {
  method: string;
  path: string;
  summary: string;
  operationId: string;
  tags: string[];
}

export interface Tier {
  id: string;
  name: string;
  description: string;
  requestsPerMinute: number | null;
  monthlyQuota: number | null;
}

export interface ApiEnvironment {
  id: string;
  name: string;
  gatewayUrl: string;
  baseUrl: string;
}

export interface ApiDetail extends ApiSummary {
  /** Markdown from the publisher; rendered without raw HTML. */
  overview: string;
  operations: Operation[];
  tiers: Tier[];
  environments: ApiEnvironment[];
}

export interface App {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
}

export interface AppListItem extends App {
  subscriptions: number;
  activeKeys: number;
}

export type SubscriptionStatus = 'ACTIVE' | 'PENDING' | 'REJECTED' | 'BLOCKED';

export interface Subscription {
  id: string;
  status: SubscriptionStatus;
  createdAt: string;
  api: {
    id: string;
    name: string;
    version: string;
    context: string;
    status: 'CREATED' | 'PUBLISHED' | 'DEPRECATED' | 'RETIRED' | 'BLOCKED';
    /** The newest published version after this one, where a deprecated or retired version's subscribers go. */
    successor: { id: string; version: string } | null;
  };
  tier: { id: string; name: string; requestsPerMinute: number | null; monthlyQuota: number | null };
  /** A tier change waiting for the publisher's approval. */
  requestedTier: { id: string; name: string } | null;
  /** Requests counted against the tier's monthly quota this calendar month (UTC), across every gateway. */
  quota: { period: string; used: number; limit: number | null };
}

export type KeyStatus = 'active' | 'revoked' | 'expired';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  status: KeyStatus;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** For a rotated key, the key issued in its place (absent on create and rotate answers). */
  replacedBy?: { id: string; prefix: string } | null;
  /** Per environment, on how many gateways the key's latest change is applied (absent on the create answer). */
  receipts?: KeyReceipt[];
}

/** The answer to creating a key: the only time the plaintext `key` ever reaches the browser. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

/** The answer to rotating a key: the new key (plaintext once) and the old one with its grace deadline. */
export interface RotatedApiKey {
  key: CreatedApiKey;
  previous: ApiKey;
}

export interface Environment {
  id: string;
  name: string;
  gatewayUrl: string;
  revision: number;
}

export interface ListResponse<T> {
  items: T[];
}
