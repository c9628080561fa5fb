import 'server-only';
import { portalOrigin } from '../portal-origin';
import { portalSigningKey } from '../sync/portal-signing-key';
import type { SidecarSetup } from './sidecar-setup';

/** This running portal's URL and pinned signing key, for the commands and pages that set up sidecars. */
export async function portalSidecarSetup(): Promise<SidecarSetup> {
  return { portalUrl: portalOrigin(), publicKey: (await portalSigningKey()).pinned };
}
