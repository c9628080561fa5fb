import { listAudit, listAuditQuery } from '@/lib/server/audit/list-audit';
import { withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ req, db, actor }) => {
  const query = listAuditQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json({ items: await listAudit(db, actor, query) });
});
