import { getManagedApiDetail } from '@/lib/server/apis/get-managed-api-detail';
import { updateApi, updateApiInput } from '@/lib/server/apis/update-api';
import { OPENAPI_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { readBody, withSession } from '@/lib/server/http/handlers';

type Params = { apiId: string };

export const GET = withSession<Params>(async ({ db, actor, params }) => Response.json(await getManagedApiDetail(db, actor, params.apiId)));

export const PATCH = withSession<Params>(async ({ req, db, actor, params }) => Response.json(await updateApi(db, actor, params.apiId, await readBody(req, updateApiInput))), { maxBodyBytes: OPENAPI_MAX_BODY_BYTES });
