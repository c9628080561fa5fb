import { listEnvironments } from '@/lib/server/environments/list-environments';
import { withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ db }) => Response.json({ items: await listEnvironments(db) }));
