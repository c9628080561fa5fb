/**
 * The oldest sidecar release this portal works with. A sidecar reports its version on every poll; the sync protocol
 * version (SYNC_PROTOCOL_VERSION) is what the portal enforces at the wire (426 for another protocol), and this bound
 * is what the fleet flags: raise it when a portal change needs a newer sidecar (README, "Versions and upgrades").
 */
export const MIN_SIDECAR_VERSION = '0.1.0';

export type SidecarSupport = 'supported' | 'unsupported' | 'unknown';

function release(version: string): [number, number, number] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** Whether a reported version is at least MIN_SIDECAR_VERSION; `unknown` when nothing or no semver was reported. */
export function sidecarSupport(version: string | null, minimum = MIN_SIDECAR_VERSION): SidecarSupport {
  const reported = version === null ? null : release(version);
  const floor = release(minimum);
  if (!reported || !floor) return 'unknown';
  for (let i = 0; i < 3; i++) {
    if ((reported[i] as number) !== (floor[i] as number)) return (reported[i] as number) > (floor[i] as number) ? 'supported' : 'unsupported';
  }
  return 'supported';
}
