import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callRoute, useDbForRoutes } from '../testing/route-harness';
import { createTestDb, createUser } from '../testing/test-db';

// Issue #13, finding 6: sign-up told whether an email exists and accepted `aaaaaaaaaa` as a password.
let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  await createUser(t.db, 'taken');
});
afterAll(() => t.cleanup());

const signUp = (email: string, password: string) => callRoute('auth/signup', 'POST', {}, null, { email, name: 'N', password });

describe('sign-up', () => {
  it('answers an existing email exactly as a new one, and does not touch the existing account', async () => {
    const before = await t.db.selectFrom('users').where('email', '=', 'taken@example.test').select('password_hash').executeTakeFirstOrThrow();
    const taken = await signUp('taken@example.test', 'another long passphrase');
    const fresh = await signUp('fresh@example.test', 'another long passphrase');
    expect({ status: taken.status, keys: Object.keys(taken.json()) }).toEqual({ status: fresh.status, keys: Object.keys(fresh.json()) });
    expect(taken.status).toBe(201);
    expect(await t.db.selectFrom('users').where('email', '=', 'taken@example.test').select('password_hash').executeTakeFirstOrThrow()).toEqual(before);
  });

  it('refuses common and repeated-character passwords, and short ones', async () => {
    for (const password of ['aaaaaaaaaa', 'password123', '1234567890', 'qwertyuiop', 'short']) {
      const res = await signUp(`p-${password}@example.test`, password);
      expect(res.status, password).toBe(400);
      expect(res.json()).toMatchObject({ code: 'INVALID_REQUEST' });
    }
    expect((await signUp('good@example.test', 'violet tractor moonbeam')).status).toBe(201);
  });
});
