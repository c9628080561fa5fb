import type { JWT } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { useDbForRoutes } from '../testing/route-harness';
import { createTestDb, createUser } from '../testing/test-db';
import { authenticateUser } from '../users/authenticate-user';
import { loadActor } from '../users/load-actor';
import { updateUser } from '../users/update-user';
import { authOptions } from './options';

// Issue #13, finding 6: a session JWT stayed valid for its 12 hours after sign-out. Each session now carries the
// user's session version, which sign-out, password change and disable bump; withSession passes it to loadActor.
let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let alice: Actor;
let admin: Actor;

beforeAll(async () => {
  t = await createTestDb();
  db = t.db;
  useDbForRoutes(db); // next-auth's events reach the database through getDb()
  alice = await createUser(db, 'alice');
  admin = await createUser(db, 'admin', 'admin');
});
afterAll(() => t.cleanup());

/** What next-auth puts in the session cookie after a credentials sign-in, through the portal's own callbacks. */
async function signIn(): Promise<JWT> {
  const user = await authenticateUser(db, 'alice@example.test', 'correct horse battery');
  if (!user) throw new Error('sign-in failed');
  const jwt = authOptions.callbacks?.jwt as unknown as (a: { token: JWT; user: unknown }) => JWT;
  return jwt({ token: { sub: user.id }, user: { ...user, sessionVersion: user.sessionVersion } });
}
const stillValid = async (token: JWT) => (await loadActor(db, token.uid ?? '', token.sv ?? -1)) !== null;

describe('sessions end when they should', () => {
  it('a session stops working after its user signs out, and a new sign-in works', async () => {
    const stolen = await signIn();
    expect(await stillValid(stolen)).toBe(true);
    await authOptions.events?.signOut?.({ token: stolen, session: null as never });
    expect(await stillValid(stolen)).toBe(false);
    expect(await stillValid(await signIn())).toBe(true);
  });

  it('signing out in one browser ends the sessions of every other browser too', async () => {
    const laptop = await signIn();
    const phone = await signIn();
    await authOptions.events?.signOut?.({ token: laptop, session: null as never });
    expect(await stillValid(phone)).toBe(false);
  });

  it('disabling a user ends their sessions, and re-enabling them does not bring an old one back', async () => {
    const before = await signIn();
    await updateUser(db, admin, alice.id, { disabled: true });
    await updateUser(db, admin, alice.id, { disabled: false });
    expect(await stillValid(before)).toBe(false);
  });

  it('a session issued before session versions existed (no version in it) is refused', async () => {
    const old = await signIn();
    delete old.sv;
    expect(await stillValid(old)).toBe(false);
  });
});
