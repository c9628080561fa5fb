import { withSession } from '@/lib/server/http/handlers';
import { unsubscribe } from '@/lib/server/subscriptions/unsubscribe';

export const DELETE = withSession<{ appId: string; subscriptionId: string }>(async ({ db, actor, params }) => {
  await unsubscribe(db, actor, params.appId, params.subscriptionId);
  return new Response(null, { status: 204 });
});
