import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { POST as authRoute } from '@/app/api/auth/[...nextauth]/route';
import type { Db } from '../db/client';
import { openPostgres } from '../db/postgres';
import { PEER_HEADER, stampPeerAddress } from '../http/stamp-peer-address';
import { useDbForRoutes } from '../testing/route-harness';
import { createTestDb, createUser } from '../testing/test-db';
import { KdfGate } from './kdf-gate';
import { authOptions } from './options';
import { DbFailureStore } from './sign-in-failure-store';
import { SignInThrottle, signInThrottle } from './sign-in-throttle';

// Issue #13, finding 4: unlimited password guesses, each a full scrypt, starved legitimate sign-ins.
let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  useDbForRoutes(db);
  stampPeerAddress(); // as instrumentation.ts does in the server: the peer header below is then believed
  await createUser(db, 'alice');
});
afterAll(() => t.cleanup());
beforeEach(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for('gatehouse.signInThrottle')] = undefined;
});

type Authorize = (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
const attempt = (password: string, address = '203.0.113.7') => authorize({ email: 'alice@example.test', password }, { headers: { [PEER_HEADER]: address } });

function signInRequest(password: string, address = '203.0.113.7') {
  const body = new URLSearchParams({ email: 'alice@example.test', password, csrfToken: 'x', json: 'true' }).toString();
  return new NextRequest('http://127.0.0.1:3000/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', [PEER_HEADER]: address }, body });
}
const ctx = { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) };

describe('sign-in throttling', () => {
  it('after a few wrong passwords the sign-in route answers 429 with Retry-After, before hashing anything', async () => {
    for (let i = 0; i < 6; i++) expect(await attempt('wrong password!')).toBeNull();
    const res = await authRoute(signInRequest('wrong password!'), ctx);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    // next-auth's client reads the outcome from `url`: the refusal keeps that shape so the form can say why.
    expect(await res.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS', url: expect.stringContaining('error=TooManyAttempts') });
    // While the account backs off, even the right password is not tried.
    expect(await attempt('correct horse battery')).toBeNull();
  });

  it('limits one address across many accounts', async () => {
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < 20; i++) await throttle.fail(`user${i}@example.test`, '198.51.100.1');
    expect(await throttle.check('someone-else@example.test', '198.51.100.1')).toEqual({ allowed: true });
    await throttle.fail('user20@example.test', '198.51.100.1');
    expect(await throttle.check('someone-else@example.test', '198.51.100.1')).toMatchObject({ allowed: false });
    expect(await throttle.check('someone-else@example.test', '198.51.100.2')).toEqual({ allowed: true });
  });

  it('backs off exponentially, forgets with time, and a success clears the account but not the address', async () => {
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      await throttle.fail('bob@example.test', '192.0.2.1');
      const v = await throttle.check('BOB@example.test', '192.0.2.9');
      waits.push(v.allowed ? 0 : v.retryAfterS);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8]);
    now += 8_000;
    expect(await throttle.check('bob@example.test', '192.0.2.9')).toEqual({ allowed: true });
    await throttle.succeed('bob@example.test');
    await throttle.fail('bob@example.test', '192.0.2.1');
    expect(await throttle.check('bob@example.test', '192.0.2.9')).toEqual({ allowed: true });
    now += 2 * 60 * 60_000;
    expect(await throttle.check('bob@example.test', '192.0.2.1')).toEqual({ allowed: true });
  });

  it('counts failures across replicas: guesses spread over them back off as if they reached one', async () => {
    // Two replicas on the shared database (on PostgreSQL, two pools on it, as two processes would have).
    const other = t.url ? openPostgres(t.url, 2) : db;
    try {
      let now = 1_000_000;
      const replicas = [db, other].map((d) => new SignInThrottle(() => now, undefined, new DbFailureStore(async () => d)));
      const waits: number[] = [];
      for (let i = 0; i < 8; i++) {
        await replicas[i % 2]?.fail('carol@example.test', `192.0.2.${i}`);
        const v = await replicas[(i + 1) % 2]?.check('CAROL@example.test', '198.51.100.77');
        waits.push(v?.allowed ? 0 : (v?.retryAfterS ?? -1));
      }
      expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4]);
      await replicas[0]?.succeed('carol@example.test');
      expect(await replicas[1]?.check('carol@example.test', '198.51.100.77')).toEqual({ allowed: true });
      // Forgotten after an hour without failures: the next one starts a new count on any replica.
      for (let i = 0; i < 7; i++) await replicas[0]?.fail('dave@example.test', '192.0.2.200');
      now += 2 * 60 * 60_000;
      await replicas[1]?.fail('dave@example.test', '192.0.2.201');
      expect(await replicas[0]?.check('dave@example.test', '198.51.100.77')).toEqual({ allowed: true });
    } finally {
      if (other !== db) await other.destroy();
    }
  });

  it('a right password after a few typos signs in and clears the count', async () => {
    for (let i = 0; i < 3; i++) await attempt('typo typo typo', '192.0.2.50');
    expect(await attempt('correct horse battery', '192.0.2.50')).toMatchObject({ email: 'alice@example.test' });
    expect(await signInThrottle().check('alice@example.test', '192.0.2.50')).toEqual({ allowed: true });
  });
});

describe('the password hashing gate', () => {
  it('never runs more than its slots at once, and refuses sign-ins past its queue with 429', async () => {
    const gate = new KdfGate(2, 3);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const work = () =>
      new Promise<void>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        releases.push(() => {
          running--;
          resolve();
        });
      });
    const done = Array.from({ length: 5 }, () => gate.run(work, true));
    expect(gate.stats).toEqual({ running: 2, waiting: 3 });
    await expect(gate.run(work, true)).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 429 });
    const waits = gate.run(async () => 'sign-up hashes wait instead', false);
    while (releases.length > 0) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(done);
    expect(await waits).toBe('sign-up hashes wait instead');
    expect(peak).toBe(2);
    expect(gate.stats).toEqual({ running: 0, waiting: 0 });
  });
});
