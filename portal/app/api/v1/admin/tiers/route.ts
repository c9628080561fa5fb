import { readBody, withSession } from '@/lib/server/http/handlers';
import { createTier } from '@/lib/server/tiers/create-tier';
import { listTiers } from '@/lib/server/tiers/list-tiers';
import { tierInput } from '@/lib/server/tiers/tier-input';
import { requireAdmin } from '@/lib/server/users/require-role';

export const GET = withSession(async ({ db, actor }) => {
  requireAdmin(actor);
  return Response.json({ items: await listTiers(db) });
});

export const POST = withSession(async ({ req, db, actor }) => Response.json(await createTier(db, actor, await readBody(req, tierInput)), { status: 201 }));
