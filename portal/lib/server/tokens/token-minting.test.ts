import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { callRoute, useDbForRoutes } from '../testing/route-harness';
import { createTestDb, createUser } from '../testing/test-db';
import { createPersonalToken } from './create-personal-token';

// Issue #13, finding 6: a personal access token could mint a new token with no expiry.
let t: Awaited<ReturnType<typeof createTestDb>>;
let alice: Actor;
let shortLived: string;
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

beforeAll(async () => {
  t = await createTestDb();
  useDbForRoutes(t.db);
  alice = await createUser(t.db, 'alice');
  shortLived = (await createPersonalToken(t.db, alice, { name: 'ci, one hour', expiresAt: inMinutes(60) })).token;
});
afterAll(() => t.cleanup());

const countTokens = async () => (await t.db.selectFrom('personal_access_tokens').where('user_id', '=', alice.id).select('id').execute()).length;

describe('a token never mints a longer-lived one', () => {
  it('an expiring token cannot create a token that never expires, or one that outlives it', async () => {
    const before = await countTokens();
    for (const expiresAt of [null, inMinutes(120)]) {
      const res = await callRoute('account/tokens', 'POST', {}, shortLived, { name: 'forever', expiresAt });
      expect(res.status).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await countTokens()).toBe(before);
  });

  it('it can create one that expires no later than itself', async () => {
    const res = await callRoute('account/tokens', 'POST', {}, shortLived, { name: 'shorter', expiresAt: inMinutes(30) });
    expect(res.status).toBe(201);
  });

  it('a token without expiry, or a session, is not bounded by this rule', async () => {
    const forever = (await createPersonalToken(t.db, alice, { name: 'forever', expiresAt: null })).token;
    expect((await callRoute('account/tokens', 'POST', {}, forever, { name: 'also forever', expiresAt: null })).status).toBe(201);
  });
});
