import { SYNC_PROTOCOL_VERSION, syncReportSchema } from '@contract/sync';
import { authenticateGateway, recordGatewayReport } from '@/lib/server/gateways/authenticate-gateway';
import { withErrors } from '@/lib/server/http/handlers';
import { AppError } from '@/lib/server/errors';
import { portalOrigin } from '@/lib/server/portal-origin';
import { readFeed } from '@/lib/server/sync/read-feed';
import { waitForRevision } from '@/lib/server/sync/wait-for-revision';

export const dynamic = 'force-dynamic';

/** The sidecars' long-poll change feed (DESIGN.md, Sync protocol). */
export const GET = withErrors(async ({ req, db }) => {
  const gateway = await authenticateGateway(db, req.headers.get('authorization'));
  const report = syncReportSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  if (report.protocol !== SYNC_PROTOCOL_VERSION) {
    throw new AppError('SYNC_PROTOCOL_UNSUPPORTED', `This portal speaks sync protocol ${SYNC_PROTOCOL_VERSION}; upgrade the sidecar`, {
      supported: [SYNC_PROTOCOL_VERSION],
    });
  }
  await recordGatewayReport(db, gateway.id, report);
  await waitForRevision(db, gateway.environment.id, report.since, report.waitMs, req.signal);
  const feed = await readFeed(db, gateway.environment, report.since, [portalOrigin()]);
  return Response.json(feed, { headers: { 'cache-control': 'no-store' } });
});
