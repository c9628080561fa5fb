// Shapes of the admin fleet answers (portal/app/api/v1/admin) and of key receipts, as the browser sees them.

export type GatewayStatus = 'online' | 'stale' | 'offline' | 'revoked';

export interface Gateway {
  id: string;
  name: string;
  environment: { id: string; name: string; revision: number };
  tokenPrefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  appliedRevision: number | null;
  lag: number | null;
  version: string | null;
  sidecarSupport: 'supported' | 'unsupported' | 'unknown';
  nodeId: string | null;
  cacheKeys: number | null;
  status: GatewayStatus;
}

export interface FleetResponse {
  items: Gateway[];
  portalUrl: string;
  /** The portal's sync signing key, `ed25519:<base64url>`. */
  publicKey: string;
}

/** The answer to registering a gateway or rotating its token: the only time the token reaches the browser. */
export interface IssuedGatewayToken {
  gateway: Gateway;
  token: string;
  publicKey: string;
  /** The npx command, kept for API clients of the first release; `run.npx` is the same text. */
  command: string;
  /** Each way to run the sidecar, complete and ready to paste. */
  run: { npx: string; docker: string; kubernetes: string; systemd: string };
}

export interface EnvironmentSummary {
  id: string;
  name: string;
  gatewayUrl: string;
  revision: number;
  gateways: number;
}

/** In one environment, how many gateways have applied the key's latest change (written, or withdrawn). */
export interface KeyReceipt {
  environment: string;
  environmentId: string;
  state: 'live' | 'removed';
  revision: number;
  gateways: number;
  applied: number;
}
