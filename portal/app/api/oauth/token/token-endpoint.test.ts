import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '@/lib/server/apps/create-application';
import { createOAuthClient } from '@/lib/server/oauth/create-oauth-client';
import { createTestDb, createUser } from '@/lib/server/testing/test-db';
import { useDbForRoutes } from '@/lib/server/testing/route-harness';
import { GET as jwks } from '../../../.well-known/jwks.json/route';
import { POST } from './route';

let t: Awaited<ReturnType<typeof createTestDb>>;
let client: { clientId: string; clientSecret: string };

beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  const alice = await createUser(t.db, 'alice');
  const app = await createApplication(t.db, alice, { name: 'svc', description: '' });
  client = await createOAuthClient(t.db, alice, app.id, { name: 'svc' });
});
afterAll(() => t.cleanup());

const noParams = { params: Promise.resolve({}) } as never;
async function token(body: string, authorization?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (authorization) headers.authorization = authorization;
  const res = await POST(new Request('http://portal.test/api/oauth/token', { method: 'POST', headers, body }), noParams);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('POST /api/oauth/token (RFC 6749 client credentials)', () => {
  it('answers a Bearer token, not cacheable, whose kid is in the public JWKS', async () => {
    const answer = await token('grant_type=client_credentials', basic(client.clientId, client.clientSecret));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 300 });
    expect(answer.headers.get('cache-control')?.split(/,\s*/)).toContain('no-store');
    const kid = JSON.parse(Buffer.from(String(answer.body.access_token).split('.')[0]!, 'base64url').toString()).kid;
    const published = (await (await jwks(new Request('http://portal.test/.well-known/jwks.json'), noParams)).json()) as { keys: { kid: string; kty: string; d?: string }[] };
    expect(published.keys).toEqual([expect.objectContaining({ kid, kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' })]);
    expect(published.keys[0]?.d).toBeUndefined();
  });

  it('refuses a wrong secret with 401 invalid_client and a Basic challenge, and bad requests with 400 and RFC codes', async () => {
    const wrong = await token('grant_type=client_credentials', basic(client.clientId, 'gcs_wrong'));
    expect([wrong.status, wrong.body.error, wrong.headers.get('www-authenticate')]).toEqual([401, 'invalid_client', 'Basic realm="gatehouse", charset="UTF-8"']);
    const grant = await token(`grant_type=authorization_code&client_id=${client.clientId}&client_secret=${client.clientSecret}`);
    expect([grant.status, grant.body.error]).toEqual([400, 'unsupported_grant_type']);
    expect(typeof grant.body.error_description).toBe('string');
  });
});
