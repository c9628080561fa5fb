import { z } from 'zod';

/**
 * The cloud -> sidecar wire contract (DESIGN.md, Sync protocol). The portal produces these bodies, the sidecar
 * validates them before anything touches its cache. Entities are addressed by (kind, id); a change with
 * `data: null` is a deletion.
 */
export const SYNC_PROTOCOL_VERSION = 1;
// Still 1 after the `jwk` and `client` kinds were added, deliberately. A sidecar built before them rejects every answer
// that carries one (strict schemas), keeps serving its last good state, and shows the rejection on /readyz and in its
// metrics while the fleet page shows it falling behind: it stops learning of revocations. No such sidecar has been
// released (portal and sidecar ship from one commit), so a bump now would only churn fixtures. Before the first
// release that must coexist with deployed sidecars, bump to 2 and have the portal answer protocol-1 polls without
// the kinds they do not know.

const id = z.string().min(1).max(200);
const epochMs = z.number().int().nonnegative();

/** An API version deployed to the environment: requests under `context` go to `upstreamUrl`. */
export const routeSchema = z.strictObject({
  apiId: id,
  name: z.string().max(200),
  version: z.string().max(50),
  context: z.string().regex(/^(\/[A-Za-z0-9._~-]+)+$/).max(200),
  upstreamUrl: z.url({ protocol: /^https?$/ }),
  status: z.enum(['active', 'blocked']),
});

/** A key known by its SHA-256 only. Expiry is judged by the sidecar's own clock. */
export const keySchema = z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  keyId: id,
  appId: id,
  expiresAt: epochMs.nullable(),
});

export const subscriptionSchema = z.strictObject({
  subscriptionId: id,
  appId: id,
  apiId: id,
  tierId: id,
  status: z.enum(['active', 'blocked']),
});

export const tierSchema = z.strictObject({
  tierId: id,
  name: z.string().max(100),
  requestsPerMinute: z.number().int().positive().nullable(),
  burst: z.number().int().nonnegative().nullable(),
  monthlyQuota: z.number().int().positive().nullable(),
});

export const settingsSchema = z.strictObject({
  /** Origins whose browsers may call the gateway (the portal's try-it console). */
  corsOrigins: z.array(z.string().max(300)).max(20),
});

/**
 * A public key the portal signs OAuth access tokens with (RFC 8037 OKP JWK, Ed25519). Sidecars accept a token only
 * if its `kid` is here, its `iss` equals `issuer`, and their own clock is before `notAfter`: the instant the last
 * token this key signed has expired (rotation interval plus token lifetime).
 */
export const jwkSchema = z.strictObject({
  kid: id,
  alg: z.literal('EdDSA'),
  jwk: z.strictObject({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
  issuer: z.string().min(1).max(300),
  notAfter: epochMs,
});

/**
 * An OAuth client (client-credentials grant) of an application. Present only while its secret is valid: revoking
 * the secret or deleting the application deletes it, and tokens naming it stop working at the next sync.
 */
export const clientSchema = z.strictObject({
  clientId: id,
  appId: id,
});

const change = <K extends string, T extends z.ZodType>(kind: K, data: T) =>
  z.strictObject({ kind: z.literal(kind), id, data: data.nullable() });

export const syncChangeSchema = z.discriminatedUnion('kind', [
  change('route', routeSchema),
  change('key', keySchema),
  change('subscription', subscriptionSchema),
  change('tier', tierSchema),
  change('jwk', jwkSchema),
  change('client', clientSchema),
]);

export const syncResponseSchema = z.strictObject({
  protocol: z.literal(SYNC_PROTOCOL_VERSION),
  environment: z.string().min(1).max(100),
  /** The environment's revision after these changes; the sidecar asks `since` it next time. */
  revision: z.number().int().nonnegative(),
  /** `snapshot` replaces the whole cache; `delta` applies on top of revision `since`. */
  mode: z.enum(['snapshot', 'delta']),
  since: z.number().int().nonnegative(),
  /** Set only when an operator explicitly resets an environment: allows an empty snapshot to replace a full cache. */
  reset: z.boolean().optional(),
  settings: settingsSchema,
  changes: z.array(syncChangeSchema),
});

export type RouteEntity = z.infer<typeof routeSchema>;
export type KeyEntity = z.infer<typeof keySchema>;
export type SubscriptionEntity = z.infer<typeof subscriptionSchema>;
export type TierEntity = z.infer<typeof tierSchema>;
export type JwkEntity = z.infer<typeof jwkSchema>;
export type ClientEntity = z.infer<typeof clientSchema>;
export type SyncSettings = z.infer<typeof settingsSchema>;
export type SyncChange = z.infer<typeof syncChangeSchema>;
export type SyncResponse = z.infer<typeof syncResponseSchema>;
export type EntityKind = SyncChange['kind'];

/** What a sidecar reports on every poll (as query parameters), so the portal can show the fleet. */
export const syncReportSchema = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  waitMs: z.coerce.number().int().min(0).max(60_000).default(25_000),
  node: z.string().max(100).default('unknown'),
  version: z.string().max(50).default('unknown'),
  keys: z.coerce.number().int().nonnegative().default(0),
  protocol: z.coerce.number().int().default(SYNC_PROTOCOL_VERSION),
});
export type SyncReport = z.infer<typeof syncReportSchema>;

export const SYNC_PATH = '/api/gateway/v1/sync';
export const GATEWAY_TOKEN_PREFIX = 'gwt_';
