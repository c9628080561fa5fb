import { describe, expect, it } from 'vitest';
import { parseTokenRequest } from './parse-token-request';

const FORM = 'application/x-www-form-urlencoded';
const request = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://portal.test/api/oauth/token', { method: 'POST', body, headers: { 'content-type': FORM, ...headers } });
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('token request parsing (RFC 6749 client credentials)', () => {
  it('accepts client authentication by HTTP Basic or by body parameters', async () => {
    expect(await parseTokenRequest(request('grant_type=client_credentials', { authorization: basic('gci_a', 'gcs_b-c_d') }))).toEqual({ clientId: 'gci_a', clientSecret: 'gcs_b-c_d' });
    expect(await parseTokenRequest(request('grant_type=client_credentials&client_id=gci_a&client_secret=gcs_b'))).toEqual({ clientId: 'gci_a', clientSecret: 'gcs_b' });
  });

  it('answers the RFC error codes: unsupported grant, missing grant, no or two client authentications, JSON body', async () => {
    const codeOf = (req: Request) => parseTokenRequest(req).then(() => 'accepted', (e: { code: string }) => e.code);
    expect(await codeOf(request('grant_type=password&username=u&password=p'))).toBe('unsupported_grant_type');
    expect(await codeOf(request('client_id=a&client_secret=b'))).toBe('invalid_request');
    expect(await codeOf(request('grant_type=client_credentials'))).toBe('invalid_client');
    expect(await codeOf(request('grant_type=client_credentials&client_id=a', { authorization: basic('a', 'b') }))).toBe('invalid_request');
    expect(await codeOf(request('{"grant_type":"client_credentials"}', { 'content-type': 'application/json' }))).toBe('invalid_request');
  });
});
