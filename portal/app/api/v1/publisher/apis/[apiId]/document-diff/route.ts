import { diffApiDocument, documentDiffInput } from '@/lib/server/apis/diff-api-document';
import { OPENAPI_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { readBody, withSession } from '@/lib/server/http/handlers';

type Params = { apiId: string };

/** Compares a candidate document with the stored one; stores nothing (a POST only because the document is a body). */
export const POST = withSession<Params>(async ({ req, db, actor, params }) => Response.json(await diffApiDocument(db, actor, params.apiId, await readBody(req, documentDiffInput))), {
  maxBodyBytes: OPENAPI_MAX_BODY_BYTES,
});
