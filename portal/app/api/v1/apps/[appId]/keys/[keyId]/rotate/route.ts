import { readBody, withSession } from '@/lib/server/http/handlers';
import { rotateApiKey, rotateApiKeyInput } from '@/lib/server/keys/rotate-api-key';

type Params = { appId: string; keyId: string };

export const POST = withSession<Params>(async ({ req, db, actor, params }) => {
  const rotated = await rotateApiKey(db, actor, params.appId, params.keyId, await readBody(req, rotateApiKeyInput));
  // The new plaintext is in this one response only; make sure no cache keeps it.
  return Response.json(rotated, { status: 201, headers: { 'cache-control': 'no-store' } });
});
