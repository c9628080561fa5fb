import { readBody, withSession } from '@/lib/server/http/handlers';
import { createApiKey, createApiKeyInput } from '@/lib/server/keys/create-api-key';
import { listApiKeys } from '@/lib/server/keys/list-api-keys';

type Params = { appId: string };

export const GET = withSession<Params>(async ({ db, actor, params }) => Response.json({ items: await listApiKeys(db, actor, params.appId) }));

export const POST = withSession<Params>(async ({ req, db, actor, params }) => {
  const created = await createApiKey(db, actor, params.appId, await readBody(req, createApiKeyInput));
  // The plaintext is in this one response only; make sure no cache keeps it.
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
