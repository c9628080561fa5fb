import { readBody, withSession } from '@/lib/server/http/handlers';
import { deleteTier } from '@/lib/server/tiers/delete-tier';
import { tierInput } from '@/lib/server/tiers/tier-input';
import { updateTier } from '@/lib/server/tiers/update-tier';

type Params = { tierId: string };

export const PUT = withSession<Params>(async ({ req, db, actor, params }) => Response.json(await updateTier(db, actor, params.tierId, await readBody(req, tierInput))));

export const DELETE = withSession<Params>(async ({ db, actor, params }) => {
  await deleteTier(db, actor, params.tierId);
  return new Response(null, { status: 204 });
});
