/** How long a gateway may go unseen, or stay behind its environment, before the fleet calls it out. */
export const FLEET_WINDOW_MS = 60_000;

export type GatewayStatus = 'online' | 'stale' | 'offline' | 'revoked';

export interface GatewayHealthInput {
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** When it first reported a revision older than its environment's; null while it is up to date. */
  behindSince: string | null;
  /** Environment revision minus the gateway's applied revision; null if it never reported. */
  lag: number | null;
}

/**
 * A connected sidecar long-polls, so it is seen at least every sync wait (25 s by default): unseen for a minute is
 * offline. Right after a change every gateway lags for the few milliseconds it takes to fetch and apply; that is
 * catching up, still online. Lagging for over a minute while still polling means it gets changes it does not apply
 * (a bad signature, a full disk): stale.
 */
export function gatewayStatus(g: GatewayHealthInput, now = Date.now()): GatewayStatus {
  if (g.revokedAt) return 'revoked';
  if (!g.lastSeenAt || now - Date.parse(g.lastSeenAt) > FLEET_WINDOW_MS) return 'offline';
  if (g.lag && g.lag > 0 && g.behindSince && now - Date.parse(g.behindSince) > FLEET_WINDOW_MS) return 'stale';
  return 'online';
}

export function gatewayLag(environmentRevision: number, appliedRevision: number | null): number | null {
  return appliedRevision === null ? null : Math.max(0, environmentRevision - appliedRevision);
}
