import { beforeAll, describe, expect, it } from 'vitest';
import { CacheIndex } from '../cache/cache-index';
import { testWorld } from '../test-support/fixtures';
import { clientChange, testSigner } from './test-tokens';
import { verifyRequest } from './verify-request';

const now = Date.UTC(2030, 0, 1);
const index = new CacheIndex();
let signer: Awaited<ReturnType<typeof testSigner>>;
let other: Awaited<ReturnType<typeof testSigner>>;

beforeAll(async () => {
  signer = await testSigner('kid-1', now + 3_600_000);
  other = await testSigner('kid-other', now + 3_600_000);
  for (const change of testWorld('http://up').changes) index.apply(change);
  for (const c of [signer.change, clientChange('gci_app1', 'app-1'), clientChange('gci_app2', 'app-2')]) index.apply(c);
});

const bearer = (token: string, apiId = 'pets', at = now) =>
  verifyRequest({ presented: { key: token, source: 'authorization' }, apiId, index, now: at });

describe('OAuth access tokens at the sidecar', () => {
  it('a token signed by a synced key for a synced client is admitted like a key of its application', async () => {
    expect(bearer(await signer.sign('gci_app1', now))).toMatchObject({ ok: true, appId: 'app-1', apiId: 'pets', keyId: 'gci_app1', subscriptionId: 'sub-app-1-pets' });
  });

  it('a token is TOKEN_EXPIRED from its exp on, by the injected clock', async () => {
    const token = await signer.sign('gci_app1', now, 300);
    expect(bearer(token, 'pets', now + 299_999).ok).toBe(true);
    expect(bearer(token, 'pets', now + 300_000)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' });
  });

  it('a token whose signature does not match its kid is TOKEN_INVALID', async () => {
    const forged = await other.sign('gci_app1', now, 300, { kid: 'kid-1' });
    expect(bearer(forged)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
    const genuine = await signer.sign('gci_app1', now);
    const [header, , signature] = genuine.split('.');
    // A payload swapped under a genuine signature (here: a far-future exp).
    const payload = JSON.parse(Buffer.from(genuine.split('.')[1]!, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...payload, exp: 9e9 })).toString('base64url')}.${signature}`;
    expect(bearer(tampered)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
  });

  it('a token signed by a key the sidecar never synced (unknown kid) is TOKEN_INVALID', async () => {
    expect(bearer(await other.sign('gci_app1', now))).toEqual({ ok: false, code: 'TOKEN_INVALID' });
  });

  it('a token of another issuer or audience, or signed by a key past its notAfter, is TOKEN_INVALID', async () => {
    expect(bearer(await signer.sign('gci_app1', now, 300, { iss: 'http://evil.test' }))).toEqual({ ok: false, code: 'TOKEN_INVALID' });
    expect(bearer(await signer.sign('gci_app1', now, 300, { aud: 'someone-else' }))).toEqual({ ok: false, code: 'TOKEN_INVALID' });
    const lateToken = await signer.sign('gci_app1', now + 3_600_000, 300);
    expect(bearer(lateToken, 'pets', now + 3_600_000)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
  });

  it('a token of a client deleted by a sync delta (secret revoked) is TOKEN_INVALID before it expires', async () => {
    const local = new CacheIndex();
    for (const change of testWorld('http://up').changes) local.apply(change);
    for (const c of [signer.change, clientChange('gci_gone', 'app-1')]) local.apply(c);
    const token = await signer.sign('gci_gone', now);
    const check = () => verifyRequest({ presented: { key: token, source: 'authorization' }, apiId: 'pets', index: local, now });
    expect(check().ok).toBe(true);
    local.apply({ kind: 'client', id: 'gci_gone', data: null });
    expect(check()).toEqual({ ok: false, code: 'TOKEN_INVALID' });
  });

  it('a token already verified is refused once its key is withdrawn, and verified afresh against a new index', async () => {
    const fresh = () => {
      const local = new CacheIndex();
      for (const change of testWorld('http://up').changes) local.apply(change);
      for (const c of [signer.change, clientChange('gci_app1', 'app-1')]) local.apply(c);
      return local;
    };
    const token = await signer.sign('gci_app1', now);
    const first = fresh();
    const check = (index: CacheIndex) => verifyRequest({ presented: { key: token, source: 'authorization' }, apiId: 'pets', index, now });
    expect(check(first).ok).toBe(true);
    expect(check(fresh()).ok).toBe(true);
    first.apply({ kind: 'jwk', id: 'kid-1', data: null });
    expect(check(first)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
  });

  it('a valid token of an application not subscribed to the API is NOT_SUBSCRIBED (403)', async () => {
    expect(bearer(await signer.sign('gci_app2', now))).toEqual({ ok: false, code: 'NOT_SUBSCRIBED' });
  });

  it('garbage bearer values are TOKEN_INVALID without throwing, and a non-key in x-api-key stays MALFORMED', () => {
    for (const junk of ['a.b.c', 'x', '..', `${'a'.repeat(5000)}.b.c`, 'eyJhbGciOiJFZERTQSJ9.e30.AAAA']) expect(bearer(junk)).toEqual({ ok: false, code: 'TOKEN_INVALID' });
    expect(verifyRequest({ presented: { key: 'a.b.c', source: 'x-api-key' }, apiId: 'pets', index, now })).toEqual({ ok: false, code: 'MALFORMED' });
  });
});
