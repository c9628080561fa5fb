import sidecarPackage from '@gatehouse/sidecar/package.json';

/** What an operator needs besides the token to start a sidecar for this portal. */
export interface SidecarSetup {
  portalUrl: string;
  /** The portal's sync signing key in pinned form (`ed25519:<base64url>`). */
  publicKey: string;
}

/** The sidecar release this portal ships with, and what the printed commands install. */
export const SIDECAR_PACKAGE = { name: sidecarPackage.name, version: sidecarPackage.version, image: `gatehouse/sidecar:${sidecarPackage.version}` };

/** A gateway's name as a file, unit and container name. */
export function gatewaySlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'gateway';
}

/** One gateway's credentials and this portal's coordinates: everything a run command is made of. */
export interface RunTarget extends SidecarSetup {
  name: string;
  token: string;
}
