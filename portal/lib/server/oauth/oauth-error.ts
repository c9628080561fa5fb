/** RFC 6749 section 5.2 error codes the token endpoint answers with. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_grant';

/**
 * The token endpoint speaks OAuth's own error format (`{error, error_description}`), not problem+json: OAuth client
 * libraries parse exactly that. `invalid_client` is a 401 with a Basic challenge (section 5.2).
 */
export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  toResponse(): Response {
    const status = this.code === 'invalid_client' ? 401 : 400;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' };
    if (status === 401) headers['www-authenticate'] = 'Basic realm="gatehouse", charset="UTF-8"';
    return new Response(JSON.stringify({ error: this.code, error_description: this.description }), { status, headers });
  }
}
