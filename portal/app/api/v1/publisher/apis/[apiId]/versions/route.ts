import { createApiVersion, createApiVersionInput } from '@/lib/server/apis/create-api-version';
import { OPENAPI_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { readBody, withSession } from '@/lib/server/http/handlers';

type Params = { apiId: string };

export const POST = withSession<Params>(async ({ req, db, actor, params }) => {
  const api = await createApiVersion(db, actor, params.apiId, await readBody(req, createApiVersionInput));
  return Response.json(api, { status: 201 });
}, { maxBodyBytes: OPENAPI_MAX_BODY_BYTES });
