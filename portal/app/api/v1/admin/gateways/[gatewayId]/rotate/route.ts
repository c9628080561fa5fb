import { portalSidecarSetup } from '@/lib/server/gateways/portal-sidecar-setup';
import { rotateGatewayToken } from '@/lib/server/gateways/rotate-gateway-token';
import { withSession } from '@/lib/server/http/handlers';

/** A new token for the gateway, shown once; the old one answers 401 from now on. */
export const POST = withSession<{ gatewayId: string }>(async ({ db, actor, params }) =>
  Response.json(await rotateGatewayToken(db, actor, params.gatewayId, await portalSidecarSetup()), { headers: { 'cache-control': 'no-store' } }),
);
