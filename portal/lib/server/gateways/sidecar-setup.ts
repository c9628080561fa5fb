/** What an operator needs besides the token to start a sidecar for this portal. */
export interface SidecarSetup {
  portalUrl: string;
  /** The portal's sync signing key in pinned form (`ed25519:<base64url>`). */
  publicKey: string;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'gateway';
}

/**
 * The exact command that starts a sidecar for one gateway. The token goes in the environment rather than argv so
 * `ps` does not show it; the public key is pinned so the sidecar trusts only this portal's signed answers.
 */
export function sidecarStartCommand(setup: SidecarSetup, gateway: { name: string; token: string }): string {
  return [
    `GATEHOUSE_GATEWAY_TOKEN=${gateway.token}`,
    'npx tsx sidecar/src/main.ts',
    `--portal-url ${setup.portalUrl}`,
    `--portal-public-key ${setup.publicKey}`,
    '--listen 0.0.0.0:8080',
    '--admin-listen 127.0.0.1:8081',
    `--cache ./data/sidecar-${slug(gateway.name)}.db`,
  ].join(' ');
}
