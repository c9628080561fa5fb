import { createApi, createApiInput } from '@/lib/server/apis/create-api';
import { listManagedApis } from '@/lib/server/apis/list-managed-apis';
import { OPENAPI_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { readBody, withSession } from '@/lib/server/http/handlers';

export const GET = withSession(async ({ db, actor }) => Response.json({ items: await listManagedApis(db, actor) }));

export const POST = withSession(async ({ req, db, actor }) => {
  const api = await createApi(db, actor, await readBody(req, createApiInput));
  return Response.json(api, { status: 201 });
}, { maxBodyBytes: OPENAPI_MAX_BODY_BYTES });
