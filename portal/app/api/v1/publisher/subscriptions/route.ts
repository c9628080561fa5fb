import { approvalQueueQuery, listApprovalQueue } from '@/lib/server/approvals/list-approval-queue';
import { withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ req, db, actor }) => {
  const query = approvalQueueQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json({ items: await listApprovalQueue(db, actor, query) });
});
