import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parsePinnedPublicKey } from './contract/signature';
import { GATEWAY_TOKEN_PREFIX } from './contract/sync';
import { LOG_LEVELS } from './logger';
import { collectRawSettings, describeSetting } from './config-flags';
import { layerSettings } from './config-layers';
import { parseRouteBodyLimits } from './proxy/body-limits';
import { parseCidrList } from './proxy/trusted-proxies';

export interface ListenAddress {
  host: string;
  port: number;
}

const required = (what: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`),
});

const listenAddress = z.string().transform((value, ctx): ListenAddress => {
  // `host:port`, `[v6]:port` or a bare port; port 0 lets the OS choose (tests).
  const match = /^(?:(\[[^\]]+\]|[^:]+):)?(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match || port > 65535) {
    ctx.addIssue({ code: 'custom', message: 'must be host:port, e.g. 127.0.0.1:8080' });
    return z.NEVER;
  }
  return { host: (match[1] ?? '127.0.0.1').replace(/^\[|\]$/g, ''), port };
});

/** The pinned portal signing key (DESIGN.md, Sync protocol): parsed once here, so a typo stops the start. */
const pinnedKey = z.string(required('a string')).transform((value, ctx) => {
  try {
    return parsePinnedPublicKey(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be ed25519:<base64url of 32 bytes>, as shown by the portal' });
    return z.NEVER;
  }
});

const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(min, `must be >= ${min}`).max(max, `must be <= ${max}`);

const cidrList = z.string().transform((value, ctx) => {
  const { cidrs, invalid } = parseCidrList(value);
  if (invalid !== null) ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of CIDR ranges, e.g. 10.0.0.0/8,::1/128' });
  return cidrs;
});

const routeBodyLimits = z.string().transform((value, ctx) => {
  const { limits, invalid } = parseRouteBodyLimits(value);
  if (invalid !== null) ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of <context>=<bytes>, e.g. /upload/v1=104857600' });
  return limits;
});

const onOff = z.enum(['on', 'off'], { error: 'must be on or off' }).transform((v) => v === 'on');

const configSchema = z.object({
  portalUrl: z
    .url({ protocol: /^https?$/, ...required('an http(s) URL') })
    .transform((url) => url.replace(/\/+$/, '')),
  token: z
    .string(required('a string'))
    .startsWith(GATEWAY_TOKEN_PREFIX, `must start with "${GATEWAY_TOKEN_PREFIX}"`)
    .min(GATEWAY_TOKEN_PREFIX.length + 8, 'is too short'),
  portalPublicKey: pinnedKey,
  listen: listenAddress.default({ host: '127.0.0.1', port: 8080 }),
  adminListen: listenAddress.default({ host: '127.0.0.1', port: 8081 }),
  cachePath: z.string().min(1).default('./data/sidecar.db'),
  maxStalenessS: int(1).optional(),
  nodeId: z.string().min(1).max(100, 'must be at most 100 characters').optional(),
  syncWaitMs: int(0, 60_000).default(25_000),
  syncMaxBodyBytes: int(1024).default(64 * 1024 * 1024),
  protocolRetryMs: int(1).default(600_000),
  upstreamTimeoutMs: int(1).default(30_000),
  upstreamMaxSockets: int(1, 100_000).default(256),
  drainTimeoutMs: int(0).default(10_000),
  trustedProxies: cidrList.default([]),
  maxConnections: int(1).optional(),
  headersTimeoutMs: int(100).default(10_000),
  requestTimeoutMs: int(100).default(60_000),
  keepAliveTimeoutMs: int(100).default(5_000),
  maxHeaderBytes: int(1_024, 1_048_576).default(16_384),
  maxBodyBytes: int(0).default(10 * 1024 * 1024),
  routeMaxBodyBytes: routeBodyLimits.default(new Map()),
  rateLimits: onOff.default(true),
  analytics: onOff.default(true),
  analyticsMaxEvents: int(1).default(1_000_000),
  analyticsFlushMs: int(1, 60_000).default(100),
  analyticsBatchSize: int(1, 5_000).default(1_000),
  analyticsDrainMs: int(0).default(5_000),
  redisUrl: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
});

/** The sidecar's validated configuration; names carry their units. */
export type SidecarConfig = Omit<z.output<typeof configSchema>, 'nodeId'> & { nodeId: string };

export type ConfigResult =
  | { kind: 'config'; config: SidecarConfig }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'invalid'; problems: string[] };

/**
 * Parses flags, environment and the optional YAML file once, at start. Every problem is reported, not just the
 * first, so an operator fixes a deployment in one round. Problem messages never echo values: a mistyped token must
 * not reach a log.
 */
export function parseConfig(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const collected = collectRawSettings(argv, env);
  if (collected.help) return { kind: 'help' };
  if (collected.version) return { kind: 'version' };
  const { raw, problems, describe } = layerSettings(collected, Object.keys(configSchema.shape));
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${describe(String(issue.path[0] ?? ''))}: ${issue.message}`);
  }
  if (parsed.success && parsed.data.maxStalenessS !== undefined && parsed.data.maxStalenessS * 1000 < 2 * parsed.data.syncWaitMs) {
    // A connected sidecar hears from the portal at least once per long-poll wait; a bound tighter than two waits
    // would turn a healthy, idle connection into 503s.
    problems.push(`${describe('maxStalenessS')}: must be at least twice the sync wait (${Math.ceil((2 * parsed.data.syncWaitMs) / 1000)} s)`);
  }
  if (problems.length > 0 || !parsed.success) return { kind: 'invalid', problems };
  const config = parsed.data;
  return { kind: 'config', config: { ...config, nodeId: config.nodeId ?? defaultNodeId(config.cachePath) } };
}

/** Stable across restarts (unlike a pid) yet distinct for two sidecars on one host, which must use two cache files. */
function defaultNodeId(cachePath: string): string {
  const digest = createHash('sha256').update(resolve(cachePath)).digest('hex').slice(0, 8);
  return `${hostname()}-${digest}`.slice(0, 100);
}
