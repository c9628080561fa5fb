import { withSession } from '@/lib/server/http/handlers';
import { getApiUsage } from '@/lib/server/usage/get-api-usage';
import { parseUsageQuery } from '@/lib/server/usage/usage-query';

export const GET = withSession<{ apiId: string }>(async ({ req, db, actor, params }) => {
  const { range } = parseUsageQuery(req);
  return Response.json(await getApiUsage(db, actor, params.apiId, range));
});
