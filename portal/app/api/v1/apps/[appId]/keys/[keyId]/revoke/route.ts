import { withSession } from '@/lib/server/http/handlers';
import { revokeApiKey } from '@/lib/server/keys/revoke-api-key';

export const POST = withSession<{ appId: string; keyId: string }>(async ({ db, actor, params }) =>
  Response.json(await revokeApiKey(db, actor, params.appId, params.keyId)),
);
