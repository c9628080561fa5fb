import { withSession } from '@/lib/server/http/handlers';
import { revokeOAuthClient } from '@/lib/server/oauth/revoke-oauth-client';

export const POST = withSession<{ appId: string; clientId: string }>(async ({ db, actor, params }) =>
  Response.json(await revokeOAuthClient(db, actor, params.appId, params.clientId)),
);
