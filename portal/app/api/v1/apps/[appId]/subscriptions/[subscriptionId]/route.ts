import { readBody, withSession } from '@/lib/server/http/handlers';
import { changeSubscriptionTier, changeTierInput } from '@/lib/server/subscriptions/change-tier';
import { unsubscribe } from '@/lib/server/subscriptions/unsubscribe';

type Params = { appId: string; subscriptionId: string };

export const PATCH = withSession<Params>(async ({ req, db, actor, params }) =>
  Response.json(await changeSubscriptionTier(db, actor, params.appId, params.subscriptionId, await readBody(req, changeTierInput))),
);

export const DELETE = withSession<Params>(async ({ db, actor, params }) => {
  await unsubscribe(db, actor, params.appId, params.subscriptionId);
  return new Response(null, { status: 204 });
});
