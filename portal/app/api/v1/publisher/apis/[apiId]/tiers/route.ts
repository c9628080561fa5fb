import { setApiTiers, setApiTiersInput } from '@/lib/server/apis/set-api-tiers';
import { readBody, withSession } from '@/lib/server/http/handlers';

type Params = { apiId: string };

export const PUT = withSession<Params>(async ({ req, db, actor, params }) => Response.json(await setApiTiers(db, actor, params.apiId, await readBody(req, setApiTiersInput))));
