import { withSession } from '@/lib/server/http/handlers';
import { getFleetUsage } from '@/lib/server/usage/get-fleet-usage';
import { parseUsageQuery } from '@/lib/server/usage/usage-query';

export const GET = withSession(async ({ req, db, actor }) => {
  const { range } = parseUsageQuery(req);
  return Response.json(await getFleetUsage(db, actor, range));
});
