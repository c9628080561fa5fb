import { countPendingApprovals } from '@/lib/server/approvals/count-pending-approvals';
import { withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ db, actor }) => Response.json(await countPendingApprovals(db, actor), { headers: { 'cache-control': 'no-store' } }));
