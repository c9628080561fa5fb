/**
 * Every setting has a flag and an environment variable (flags win). The table drives argument parsing, the problem
 * messages (which name both spellings) and `--help`, so the three cannot drift apart.
 */
export interface FlagSpec {
  flag: string;
  env: string;
  key: string;
  help: string;
}

export const FLAGS: readonly FlagSpec[] = [
  { flag: '--portal-url', env: 'GATEHOUSE_PORTAL_URL', key: 'portalUrl', help: 'Portal base URL, http(s) (required)' },
  { flag: '--token', env: 'GATEHOUSE_GATEWAY_TOKEN', key: 'token', help: 'Gateway token issued by an admin, gwt_... (required)' },
  { flag: '--portal-public-key', env: 'GATEHOUSE_PORTAL_PUBLIC_KEY', key: 'portalPublicKey', help: 'Portal signing key, ed25519:<base64url> from the portal (required)' },
  { flag: '--listen', env: 'GATEHOUSE_LISTEN', key: 'listen', help: 'Data (proxy) address host:port [127.0.0.1:8080]' },
  { flag: '--admin-listen', env: 'GATEHOUSE_ADMIN_LISTEN', key: 'adminListen', help: 'Admin address for /healthz /readyz /metrics [127.0.0.1:8081]' },
  { flag: '--cache', env: 'GATEHOUSE_CACHE_PATH', key: 'cachePath', help: 'SQLite cache file [./data/sidecar.db]' },
  { flag: '--max-staleness-s', env: 'GATEHOUSE_MAX_STALENESS_S', key: 'maxStalenessS', help: 'Answer 503 when the last sync is older than this (default: serve indefinitely)' },
  { flag: '--node-id', env: 'GATEHOUSE_NODE_ID', key: 'nodeId', help: 'Name reported to the portal [hostname + cache path digest]' },
  { flag: '--sync-wait-ms', env: 'GATEHOUSE_SYNC_WAIT_MS', key: 'syncWaitMs', help: 'Long-poll duration asked of the portal [25000]' },
  { flag: '--sync-max-body-bytes', env: 'GATEHOUSE_SYNC_MAX_BODY_BYTES', key: 'syncMaxBodyBytes', help: 'Largest sync answer accepted, checked before parsing [67108864]' },
  { flag: '--protocol-retry-ms', env: 'GATEHOUSE_PROTOCOL_RETRY_MS', key: 'protocolRetryMs', help: 'Pause before asking again a portal that refused our sync protocol [600000]' },
  { flag: '--upstream-timeout-ms', env: 'GATEHOUSE_UPSTREAM_TIMEOUT_MS', key: 'upstreamTimeoutMs', help: 'Time to upstream response headers before 504 [30000]' },
  { flag: '--upstream-max-sockets', env: 'GATEHOUSE_UPSTREAM_MAX_SOCKETS', key: 'upstreamMaxSockets', help: 'Keep-alive sockets per upstream host [256]' },
  { flag: '--drain-timeout-ms', env: 'GATEHOUSE_DRAIN_TIMEOUT_MS', key: 'drainTimeoutMs', help: 'Bound on draining in-flight requests at shutdown [10000]' },
  { flag: '--trusted-proxies', env: 'GATEHOUSE_TRUSTED_PROXIES', key: 'trustedProxies', help: 'CIDR ranges whose X-Forwarded-*/Forwarded are appended to and believed for the client address (default: none, always overwritten)' },
  { flag: '--max-connections', env: 'GATEHOUSE_MAX_CONNECTIONS', key: 'maxConnections', help: 'Open client connections; past it the idlest is closed [half the fd limit after a reserve of 64]' },
  { flag: '--headers-timeout-ms', env: 'GATEHOUSE_HEADERS_TIMEOUT_MS', key: 'headersTimeoutMs', help: 'Time for a client to send complete request headers [10000]' },
  { flag: '--request-timeout-ms', env: 'GATEHOUSE_REQUEST_TIMEOUT_MS', key: 'requestTimeoutMs', help: 'Time for a client to send a whole request, body included [60000]' },
  { flag: '--keep-alive-timeout-ms', env: 'GATEHOUSE_KEEP_ALIVE_TIMEOUT_MS', key: 'keepAliveTimeoutMs', help: 'Idle time before a keep-alive client socket is closed [5000]' },
  { flag: '--max-header-bytes', env: 'GATEHOUSE_MAX_HEADER_BYTES', key: 'maxHeaderBytes', help: 'Request line and headers; past it 431 [16384]' },
  { flag: '--max-body-bytes', env: 'GATEHOUSE_MAX_BODY_BYTES', key: 'maxBodyBytes', help: 'Request body per request; past it 413 [10485760]' },
  { flag: '--route-max-body-bytes', env: 'GATEHOUSE_ROUTE_MAX_BODY_BYTES', key: 'routeMaxBodyBytes', help: 'Per-API body caps overriding --max-body-bytes: <context>=<bytes>,... (e.g. /upload/v1=104857600)' },
  { flag: '--rate-limits', env: 'GATEHOUSE_RATE_LIMITS', key: 'rateLimits', help: 'Enforce tier rate limits: on|off [on]' },
  { flag: '--analytics', env: 'GATEHOUSE_ANALYTICS', key: 'analytics', help: 'Record and ship usage events: on|off [on]' },
  { flag: '--analytics-max-events', env: 'GATEHOUSE_ANALYTICS_MAX_EVENTS', key: 'analyticsMaxEvents', help: 'Outbox cap: past it new usage events are dropped and counted exactly [1000000]' },
  { flag: '--analytics-flush-ms', env: 'GATEHOUSE_ANALYTICS_FLUSH_MS', key: 'analyticsFlushMs', help: 'Group-commit window for usage events; bounds what kill -9 can lose [100]' },
  { flag: '--analytics-batch-size', env: 'GATEHOUSE_ANALYTICS_BATCH_SIZE', key: 'analyticsBatchSize', help: 'Usage events per batch shipped to the portal [1000]' },
  { flag: '--analytics-drain-ms', env: 'GATEHOUSE_ANALYTICS_DRAIN_MS', key: 'analyticsDrainMs', help: 'Bound on shipping the outbox at shutdown [5000]' },
  { flag: '--redis-url', env: 'GATEHOUSE_REDIS_URL', key: 'redisUrl', help: 'Redis shared by the replicas of this gateway for rate limits and quotas (default: each replica limits alone)' },
  { flag: '--log-level', env: 'GATEHOUSE_LOG_LEVEL', key: 'logLevel', help: 'fatal|error|warn|info|debug|trace|silent [info]' },
];

/**
 * Flags that say where settings come from rather than being settings of the sidecar. `tokenFile` may also be a key
 * of the config file; `configFile` may not (one file, no includes).
 */
export const SOURCE_FLAGS: readonly FlagSpec[] = [
  { flag: '--config', env: 'GATEHOUSE_CONFIG', key: 'configFile', help: 'YAML file of settings, keys as in the README (flags and environment win over it)' },
  { flag: '--token-file', env: 'GATEHOUSE_GATEWAY_TOKEN_FILE', key: 'tokenFile', help: 'Read the gateway token from this file, e.g. a mounted Kubernetes Secret' },
];

const ALL_FLAGS: readonly FlagSpec[] = [...FLAGS, ...SOURCE_FLAGS];

export function describeSetting(key: string): string {
  const spec = ALL_FLAGS.find((f) => f.key === key);
  return spec ? `${spec.flag} (${spec.env})` : key;
}

export function usage(): string {
  const width = Math.max(...ALL_FLAGS.map((f) => f.flag.length)) + 2;
  const lines = ALL_FLAGS.map((f) => `  ${f.flag.padEnd(width)}${f.help}\n  ${''.padEnd(width)}env: ${f.env}`);
  return [
    'Usage: gatehouse-sidecar --portal-url <url> --token <gwt_...> --portal-public-key <ed25519:...> [options]',
    '       gatehouse-sidecar --config <file.yaml> [options]',
    '',
    'Precedence: flags > environment > config file > defaults.',
    '',
    'Options:',
    ...lines,
    '  --version',
    '  --help',
  ].join('\n');
}

export type RawSettings = Record<string, string>;

export interface CollectedSettings {
  fromFlags: RawSettings;
  fromEnv: RawSettings;
  problems: string[];
  help: boolean;
  version: boolean;
}

/** Reads env and argv into raw strings keyed by setting, one layer each; unknown or value-less flags become problems. */
export function collectRawSettings(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CollectedSettings {
  const fromEnv: RawSettings = {};
  const fromFlags: RawSettings = {};
  const problems: string[] = [];
  for (const spec of ALL_FLAGS) {
    const value = env[spec.env];
    if (value !== undefined && value !== '') fromEnv[spec.key] = value;
  }
  let help = false;
  let version = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (arg === '--version' || arg === '-v') {
      version = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = ALL_FLAGS.find((f) => f.flag === name);
    if (!spec) {
      problems.push(`${arg}: unknown option`);
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) {
      problems.push(`${spec.flag}: needs a value`);
      if (value !== undefined) i--;
      continue;
    }
    fromFlags[spec.key] = value;
  }
  return { fromFlags, fromEnv, problems, help, version };
}
