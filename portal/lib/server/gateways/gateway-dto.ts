import { gatewayLag, gatewayStatus } from './gateway-status';
import { sidecarSupport } from './sidecar-compatibility';

export interface GatewayRow {
  id: string;
  name: string;
  environment_id: string;
  environment_name: string;
  environment_revision: number | string | bigint;
  token_prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_seen_at: string | null;
  applied_revision: number | string | bigint | null;
  node_id: string | null;
  version: string | null;
  cache_keys: number | null;
  behind_since: string | null;
}

export const GATEWAY_COLUMNS = [
  'gateways.id',
  'gateways.name',
  'gateways.environment_id',
  'environments.name as environment_name',
  'environments.revision as environment_revision',
  'gateways.token_prefix',
  'gateways.created_at',
  'gateways.revoked_at',
  'gateways.last_seen_at',
  'gateways.applied_revision',
  'gateways.node_id',
  'gateways.version',
  'gateways.cache_keys',
  'gateways.behind_since',
] as const;

/** A gateway as the fleet shows it: never the token hash, and with lag and status derived at read time. */
export function toGatewayDto(g: GatewayRow, now = Date.now()) {
  const revision = Number(g.environment_revision);
  const applied = g.applied_revision === null ? null : Number(g.applied_revision);
  const lag = gatewayLag(revision, applied);
  return {
    id: g.id,
    name: g.name,
    environment: { id: g.environment_id, name: g.environment_name, revision },
    tokenPrefix: g.token_prefix,
    createdAt: g.created_at,
    revokedAt: g.revoked_at,
    lastSeenAt: g.last_seen_at,
    appliedRevision: applied,
    lag,
    version: g.version,
    /** `unsupported` when the sidecar is older than this portal works with: the fleet flags it for an upgrade. */
    sidecarSupport: sidecarSupport(g.version),
    nodeId: g.node_id,
    cacheKeys: g.cache_keys,
    status: gatewayStatus({ revokedAt: g.revoked_at, lastSeenAt: g.last_seen_at, behindSince: g.behind_since, lag }, now),
  };
}
export type GatewayDto = ReturnType<typeof toGatewayDto>;
