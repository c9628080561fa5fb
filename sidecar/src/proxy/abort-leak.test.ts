import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestSidecar } from '../test-support/harness';
import { httpRequest } from '../test-support/http-client';
import { useTestWorld } from '../test-support/use-test-world';
import { waitFor } from '../test-support/wait-for';

const t = useTestWorld();

async function sidecarWith(args: string[]) {
  // A long poll that stays parked keeps the sync connection stable while TCP handles are counted.
  const sidecar = await startTestSidecar(t.portal.url, `${t.dir.path}/cache.db`, ['--sync-wait-ms', '60000', ...args]);
  t.running.push(sidecar);
  await waitFor(() => sidecar.cache.meta.revision === t.portal.revision && t.portal.state.holding === 1, 'first sync, then a parked poll');
  return sidecar;
}

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

/** Starts `count` requests to a backend that never answers; resolves with a way to abort them all. */
function fireSlowRequests(port: number, key: string, count: number) {
  const requests = Array.from({ length: count }, (_, i) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/pets/v1/slow/${i}`, headers: { 'x-api-key': key }, agent: false });
    req.on('error', () => undefined);
    req.end();
    return req;
  });
  return {
    abortAll() {
      for (const request of requests) request.destroy();
    },
  };
}

describe('client aborts do not leak upstream sockets (http-proxy#1559 on Node >= 15.5)', () => {
  it('200 requests aborted mid-flight close all 200 upstream sockets and handles return to baseline', async () => {
    const sidecar = await sidecarWith([]);
    const baselineHandles = tcpHandles();
    const slow = fireSlowRequests(sidecar.dataPort, t.world.keys.good, 200);
    await waitFor(() => t.upstream.requests.length === 200, 'all 200 requests to reach the backend');
    expect(t.upstream.openSockets()).toBe(200);
    slow.abortAll();
    await waitFor(() => t.upstream.openSockets() === 0, 'backend to see every socket closed');
    await waitFor(() => tcpHandles() <= baselineHandles, 'open TCP handles back to baseline');
    expect((await httpRequest(sidecar.dataPort, '/pets/v1/ok', { headers: { 'x-api-key': t.world.keys.good } })).status).toBe(200);
  });

  it('requests aborted while queued for an upstream socket release it and do not clog the pool', async () => {
    const sidecar = await sidecarWith(['--upstream-max-sockets', '10']);
    const slow = fireSlowRequests(sidecar.dataPort, t.world.keys.good, 60);
    await waitFor(() => t.upstream.requests.length === 10, 'the pool to fill');
    slow.abortAll();
    await waitFor(() => t.upstream.openSockets() === 0, 'backend to see every socket closed');
    const answer = await httpRequest(sidecar.dataPort, '/pets/v1/ok', { headers: { 'x-api-key': t.world.keys.good } });
    expect(answer.status).toBe(200);
  });
});
