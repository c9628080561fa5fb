import { gatewaySlug, type RunTarget, SIDECAR_PACKAGE } from '../sidecar-setup';

/**
 * The container image beside a backend on the same host. The token goes through an env file readable by its owner
 * only, so neither the shell history nor `docker inspect`'s command line holds it. Host networking lets the sidecar
 * reach a backend listening on the host's loopback, which is where it should listen.
 */
export function dockerCommand(target: RunTarget): string {
  const slug = gatewaySlug(target.name);
  return [
    `umask 077 && printf 'GATEHOUSE_GATEWAY_TOKEN=%s\\n' '${target.token}' > gatehouse-${slug}.env`,
    [
      'docker run -d',
      `--name gatehouse-${slug}`,
      '--restart unless-stopped',
      '--init',
      '--read-only',
      '--network host',
      `--env-file gatehouse-${slug}.env`,
      `-e GATEHOUSE_PORTAL_URL=${target.portalUrl}`,
      `-e GATEHOUSE_PORTAL_PUBLIC_KEY=${target.publicKey}`,
      '-e GATEHOUSE_LISTEN=0.0.0.0:8080',
      '-e GATEHOUSE_ADMIN_LISTEN=127.0.0.1:8081',
      `-v gatehouse-${slug}-cache:/var/lib/gatehouse`,
      SIDECAR_PACKAGE.image,
    ].join(' \\\n  '),
  ].join('\n');
}
