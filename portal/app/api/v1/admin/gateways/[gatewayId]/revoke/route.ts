import { revokeGateway } from '@/lib/server/gateways/revoke-gateway';
import { withSession } from '@/lib/server/http/handlers';

export const POST = withSession<{ gatewayId: string }>(async ({ db, actor, params }) => Response.json(await revokeGateway(db, actor, params.gatewayId)));
