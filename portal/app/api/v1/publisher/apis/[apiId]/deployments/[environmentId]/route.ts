import { deployApi, deployApiInput } from '@/lib/server/deployments/deploy-api';
import { undeployApi } from '@/lib/server/deployments/undeploy-api';
import { readBody, withSession } from '@/lib/server/http/handlers';

type Params = { apiId: string; environmentId: string };

// PUT and DELETE are idempotent by design: a pipeline can deploy or undeploy again without checking first.
// The PUT body is optional: without one the environment uses the API's own backend URL.
export const PUT = withSession<Params>(async ({ req, db, actor, params }) => {
  const text = await req.text();
  const input = text.trim() === '' ? {} : await readBody(new Request(req.url, { method: 'POST', headers: req.headers, body: text }), deployApiInput);
  return Response.json(await deployApi(db, actor, params.apiId, params.environmentId, input));
});

export const DELETE = withSession<Params>(async ({ db, actor, params }) => {
  await undeployApi(db, actor, params.apiId, params.environmentId);
  return new Response(null, { status: 204 });
});
