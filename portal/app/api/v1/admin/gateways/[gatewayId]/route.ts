import { getGateway } from '@/lib/server/gateways/list-fleet';
import { withSession } from '@/lib/server/http/handlers';

export const GET = withSession<{ gatewayId: string }>(async ({ db, actor, params }) => Response.json(await getGateway(db, actor, params.gatewayId)));
