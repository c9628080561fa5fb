import { decideSubscription } from '@/lib/server/approvals/decide-subscription';
import { withSession } from '@/lib/server/http/handlers';

type Params = { subscriptionId: string };

export const POST = withSession<Params>(async ({ db, actor, params }) => Response.json(await decideSubscription(db, actor, params.subscriptionId, 'approve')));
