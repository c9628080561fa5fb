import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSidecar } from '../sidecar';
import { type FakePortal, startFakePortal } from '../test-support/fake-portal';
import { type FakeUpstream, startFakeUpstream } from '../test-support/fake-upstream';
import { deletion, testWorld } from '../test-support/fixtures';
import { startTestSidecar, tempDir } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { testClock, waitFor } from '../test-support/wait-for';
import { clientChange, testSigner } from './test-tokens';

const clock = testClock(Date.UTC(2030, 0, 1));
let upstream: FakeUpstream;
let portal: FakePortal;
let sidecar: RunningSidecar;
let signer: Awaited<ReturnType<typeof testSigner>>;
const dir = tempDir();

beforeAll(async () => {
  upstream = await startFakeUpstream();
  portal = await startFakePortal();
  signer = await testSigner('kid-1', clock.now() + 86_400_000);
  portal.push([...testWorld(upstream.url).changes, signer.change, clientChange('gci_svc', 'app-1')]);
  sidecar = await startTestSidecar(portal.url, `${dir.path}/cache.db`, [], { now: clock.now });
  await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'first sync');
});
afterAll(async () => {
  await sidecar.stop();
  await Promise.all([portal.close(), upstream.close()]);
  dir.remove();
});

const get = (token: string) => httpRequest(sidecar.dataPort, '/pets/v1/pets', { headers: { authorization: `Bearer ${token}` } });

describe('request path with OAuth access tokens', () => {
  it('a valid token reaches the backend as its application, without the Authorization header', async () => {
    const answer = await get(await signer.sign('gci_svc', clock.now()));
    expect(answer.status).toBe(200);
    const seen = upstream.requests.at(-1);
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers['x-gatehouse-app-id']).toBe('app-1');
  });

  it('an expired token is 401 TOKEN_EXPIRED with a challenge, by the sidecar clock', async () => {
    const answer = await get(await signer.sign('gci_svc', clock.now() - 301_000, 300));
    expect([answer.status, answer.json().code]).toEqual([401, 'TOKEN_EXPIRED']);
    expect(answer.headers['www-authenticate']).toBeTruthy();
  });

  it("revoking the client's secret (a client deletion in the next delta) turns its live token into a 401", async () => {
    const token = await signer.sign('gci_svc', clock.now());
    expect((await get(token)).status).toBe(200);
    portal.push([deletion('client', 'gci_svc')]);
    await waitFor(() => sidecar.cache.meta.revision === portal.revision, 'the delta');
    const answer = await get(token);
    expect([answer.status, answer.json().code]).toEqual([401, 'TOKEN_INVALID']);
  });
});
