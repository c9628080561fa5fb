import { validateOpenApi, validateOpenApiInput } from '@/lib/server/apis/validate-openapi';
import { OPENAPI_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { readBody, withSession } from '@/lib/server/http/handlers';
import { requirePublisher } from '@/lib/server/users/require-role';

/** Validates a pasted or uploaded document and answers every problem, without storing anything. */
export const POST = withSession(async ({ req, actor }) => {
  requirePublisher(actor);
  const { document } = await readBody(req, validateOpenApiInput);
  return Response.json(await validateOpenApi(document));
}, { maxBodyBytes: OPENAPI_MAX_BODY_BYTES });
