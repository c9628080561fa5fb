import { withSession } from '@/lib/server/http/handlers';
import { revokePersonalToken } from '@/lib/server/tokens/revoke-personal-token';

type Params = { tokenId: string };

export const DELETE = withSession<Params>(async ({ db, actor, params }) => {
  await revokePersonalToken(db, actor, params.tokenId);
  return new Response(null, { status: 204 });
});
