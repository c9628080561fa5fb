import { fetchOpenApiInput, fetchOpenApiUrl } from '@/lib/server/apis/fetch-openapi-url';
import { readBody, withSession } from '@/lib/server/http/handlers';

export const POST = withSession(async ({ req, db, actor }) => Response.json(await fetchOpenApiUrl(db, actor, await readBody(req, fetchOpenApiInput))));
