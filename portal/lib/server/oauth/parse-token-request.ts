import { OAuthError } from './oauth-error';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * Reads a client-credentials request (RFC 6749 sections 2.3.1 and 4.4.2): form-encoded body, client authenticated
 * by HTTP Basic (whose parts are form-url-encoded) or by `client_id`/`client_secret` in the body, never both.
 */
export async function parseTokenRequest(req: Request): Promise<ClientCredentials> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new OAuthError('invalid_request', 'The body must be application/x-www-form-urlencoded');
  }
  const form = new URLSearchParams(await req.text());
  const grantType = form.get('grant_type');
  if (!grantType) throw new OAuthError('invalid_request', 'grant_type is required');
  if (grantType !== 'client_credentials') throw new OAuthError('unsupported_grant_type', 'Only client_credentials is supported');

  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '')?.[1];
  const inBody = form.has('client_id') || form.has('client_secret');
  if (basic && inBody) throw new OAuthError('invalid_request', 'Authenticate the client by one method only');
  if (basic) return fromBasic(basic);
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (!clientId || !clientSecret) throw new OAuthError('invalid_client', 'Client authentication is required');
  return { clientId, clientSecret };
}

function fromBasic(encoded: string): ClientCredentials {
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', 'Malformed Basic credentials');
  try {
    const clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
    const clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    return { clientId, clientSecret };
  } catch {
    throw new OAuthError('invalid_client', 'Malformed Basic credentials');
  }
}
