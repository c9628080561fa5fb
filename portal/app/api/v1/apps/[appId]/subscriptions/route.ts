import { readBody, withSession } from '@/lib/server/http/handlers';
import { listSubscriptions } from '@/lib/server/subscriptions/list-subscriptions';
import { subscribe, subscribeInput } from '@/lib/server/subscriptions/subscribe';

type Params = { appId: string };

export const GET = withSession<Params>(async ({ db, actor, params }) => Response.json({ items: await listSubscriptions(db, actor, params.appId) }));

export const POST = withSession<Params>(async ({ req, db, actor, params }) => {
  const sub = await subscribe(db, actor, params.appId, await readBody(req, subscribeInput));
  return Response.json(sub, { status: 201 });
});
