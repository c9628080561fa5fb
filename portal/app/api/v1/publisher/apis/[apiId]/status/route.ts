import { changeApiStatus, changeApiStatusInput } from '@/lib/server/apis/change-api-status';
import { readBody, withSession } from '@/lib/server/http/handlers';

type Params = { apiId: string };

export const PUT = withSession<Params>(async ({ req, db, actor, params }) => Response.json(await changeApiStatus(db, actor, params.apiId, await readBody(req, changeApiStatusInput))));
