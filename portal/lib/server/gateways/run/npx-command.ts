import { gatewaySlug, type RunTarget, SIDECAR_PACKAGE } from '../sidecar-setup';

/**
 * Starts the published package on any host with Node. The token goes in the environment rather than argv so `ps`
 * does not show it; the public key is pinned so the sidecar trusts only this portal's signed answers.
 */
export function npxCommand(target: RunTarget): string {
  return [
    `GATEHOUSE_GATEWAY_TOKEN=${target.token}`,
    `npx --yes ${SIDECAR_PACKAGE.name}@${SIDECAR_PACKAGE.version}`,
    `--portal-url ${target.portalUrl}`,
    `--portal-public-key ${target.publicKey}`,
    '--listen 0.0.0.0:8080',
    '--admin-listen 127.0.0.1:8081',
    `--cache ./gatehouse-${gatewaySlug(target.name)}.db`,
  ].join(' ');
}
