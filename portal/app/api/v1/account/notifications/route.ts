import { withSession } from '@/lib/server/http/handlers';
import { listNotifications } from '@/lib/server/notifications/list-notifications';

export const GET = withSession(async ({ db, actor }) => Response.json(await listNotifications(db, actor), { headers: { 'cache-control': 'no-store' } }));
