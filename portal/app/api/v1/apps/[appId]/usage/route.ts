import { withSession } from '@/lib/server/http/handlers';
import { getAppUsage } from '@/lib/server/usage/get-app-usage';
import { parseUsageQuery } from '@/lib/server/usage/usage-query';

export const GET = withSession<{ appId: string }>(async ({ req, db, actor, params }) => {
  const { range } = parseUsageQuery(req);
  return Response.json(await getAppUsage(db, actor, params.appId, range));
});
