import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { createTestDb } from '../testing/test-db';
import { authenticateUser } from './authenticate-user';
import { loadActor } from './load-actor';
import { signUp } from './sign-up';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
});
afterEach(() => t.cleanup());

describe('users', () => {
  it('signs up a subscriber whose password is stored only as an scrypt hash', async () => {
    const user = await signUp(db, { email: 'Dev@Example.test', name: 'Dev', password: 'a long password' });
    expect(user).toMatchObject({ email: 'dev@example.test', role: 'subscriber' });
    const row = await db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('a long password');
  });

  it('authenticates the right password only, case-insensitively on email', async () => {
    await signUp(db, { email: 'dev@example.test', name: 'Dev', password: 'a long password' });
    expect(await authenticateUser(db, 'DEV@example.test', 'a long password')).toMatchObject({ role: 'subscriber' });
    expect(await authenticateUser(db, 'dev@example.test', 'wrong password')).toBeNull();
    expect(await authenticateUser(db, 'nobody@example.test', 'a long password')).toBeNull();
  });

  it('refuses a second account for the same email', async () => {
    await signUp(db, { email: 'dev@example.test', name: 'Dev', password: 'a long password' });
    await expect(signUp(db, { email: 'DEV@example.test', name: 'Dev', password: 'a long password' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('stops a disabled user at once, sessions included', async () => {
    const user = await signUp(db, { email: 'dev@example.test', name: 'Dev', password: 'a long password' });
    await db.updateTable('users').set({ disabled: 1 }).where('id', '=', user.id).execute();
    expect(await loadActor(db, user.id)).toBeNull();
    expect(await authenticateUser(db, 'dev@example.test', 'a long password')).toBeNull();
  });
});
