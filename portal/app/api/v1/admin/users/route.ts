import { withSession } from '@/lib/server/http/handlers';
import { listUsers } from '@/lib/server/users/list-users';

export const GET = withSession(async ({ db, actor }) => Response.json({ items: await listUsers(db, actor) }));
