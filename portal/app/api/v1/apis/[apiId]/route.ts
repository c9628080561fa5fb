import { getApi } from '@/lib/server/apis/get-api';
import { withErrors } from '@/lib/server/http/handlers';

export const GET = withErrors<{ apiId: string }>(async ({ db, params }) => Response.json(await getApi(db, params.apiId)));
