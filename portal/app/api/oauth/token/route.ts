import { CREDENTIALS_MAX_BODY_BYTES } from '@/lib/server/http/body-limit';
import { withErrors } from '@/lib/server/http/handlers';
import { issueAccessToken } from '@/lib/server/oauth/issue-access-token';
import { OAuthError } from '@/lib/server/oauth/oauth-error';
import { parseTokenRequest } from '@/lib/server/oauth/parse-token-request';

/** RFC 6749 token endpoint, client-credentials grant only. Public: the client authenticates with its secret. */
export const POST = withErrors(async ({ req, db }) => {
  try {
    const token = await issueAccessToken(db, await parseTokenRequest(req));
    return Response.json(token, { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } });
  } catch (err) {
    if (err instanceof OAuthError) return err.toResponse();
    throw err;
  }
}, { maxBodyBytes: CREDENTIALS_MAX_BODY_BYTES });
