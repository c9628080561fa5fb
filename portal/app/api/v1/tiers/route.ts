import { withSession } from '@/lib/server/http/handlers';
import { listTiers } from '@/lib/server/tiers/list-tiers';

export const GET = withSession(async ({ db }) => Response.json({ items: await listTiers(db) }));
