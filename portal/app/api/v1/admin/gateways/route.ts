import { createGateway, createGatewayInput } from '@/lib/server/gateways/create-gateway';
import { listFleet } from '@/lib/server/gateways/list-fleet';
import { portalSidecarSetup } from '@/lib/server/gateways/portal-sidecar-setup';
import { readBody, withSession } from '@/lib/server/http/handlers';

export const dynamic = 'force-dynamic';

/** The fleet, with what every sidecar needs to trust this portal (its URL and pinned signing key). */
export const GET = withSession(async ({ db, actor }) => {
  const items = await listFleet(db, actor);
  return Response.json({ items, ...(await portalSidecarSetup()) }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = withSession(async ({ req, db, actor }) => {
  const created = await createGateway(db, actor, await readBody(req, createGatewayInput), await portalSidecarSetup());
  // The token is in this one answer only; make sure no cache keeps it.
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
