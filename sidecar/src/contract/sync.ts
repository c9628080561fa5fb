import { z } from 'zod';

/**
 * The cloud -> sidecar wire contract (DESIGN.md, Sync protocol). The portal produces these bodies, the sidecar
 * validates them before anything touches its cache. Entities are addressed by (kind, id); a change with
 * `data: null` is a deletion.
 */
export const SYNC_PROTOCOL_VERSION = 1;

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

const change = <K extends string, T extends z.ZodType>(kind: K, data: T) =>
  z.strictObject({ kind: z.literal(kind), id, data: data.nullable() });

export const syncChangeSchema = z.discriminatedUnion('kind', [
  change('route', routeSchema),
  change('key', keySchema),
  change('subscription', subscriptionSchema),
  change('tier', tierSchema),
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
