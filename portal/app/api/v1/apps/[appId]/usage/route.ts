import { z } from 'zod';
import { withSession } from '@/lib/server/http/handlers';
import { getAppUsage } from '@/lib/server/usage/get-app-usage';

const query = z.object({ range: z.enum(['24h', '7d', '30d']).default('24h') });

export const GET = withSession<{ appId: string }>(async ({ req, db, actor, params }) => {
  const { range } = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await getAppUsage(db, actor, params.appId, range));
});
