import { readBody, withSession } from '@/lib/server/http/handlers';
import { createOAuthClient, createOAuthClientInput } from '@/lib/server/oauth/create-oauth-client';
import { listOAuthClients } from '@/lib/server/oauth/list-oauth-clients';

type Params = { appId: string };

export const GET = withSession<Params>(async ({ db, actor, params }) => Response.json({ items: await listOAuthClients(db, actor, params.appId) }));

export const POST = withSession<Params>(async ({ req, db, actor, params }) => {
  const created = await createOAuthClient(db, actor, params.appId, await readBody(req, createOAuthClientInput));
  // The secret is in this one response only; make sure no cache keeps it.
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
