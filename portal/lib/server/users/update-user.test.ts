import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { listAudit } from '../audit/list-audit';
import type { Db } from '../db/client';
import { createTestDb, createUser } from '../testing/test-db';
import { authenticatePersonalToken } from '../tokens/authenticate-personal-token';
import { createPersonalToken } from '../tokens/create-personal-token';
import { loadActor } from './load-actor';
import { updateUser } from './update-user';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let admin: Actor;
let dev: Actor;
beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  admin = await createUser(db, 'root', 'admin');
  dev = await createUser(db, 'dev', 'publisher');
});
afterEach(() => t.cleanup());

describe('admins manage users', () => {
  it("disabling a user stops their session and their access tokens on the very next request, and enabling restores them", async () => {
    const { token } = await createPersonalToken(db, dev, { name: 'ci', expiresAt: null });
    expect(await authenticatePersonalToken(db, token)).toMatchObject({ ok: true });
    await updateUser(db, admin, dev.id, { disabled: true });
    expect(await loadActor(db, dev.id)).toBeNull();
    expect(await authenticatePersonalToken(db, token)).toMatchObject({ ok: false });
    await updateUser(db, admin, dev.id, { disabled: false });
    expect(await authenticatePersonalToken(db, token)).toMatchObject({ ok: true });
  });

  it('a role change applies to the next request and is audited with who made it', async () => {
    await updateUser(db, admin, dev.id, { role: 'subscriber' });
    expect(await loadActor(db, dev.id)).toMatchObject({ role: 'subscriber' });
    const [event] = await listAudit(db, admin, { targetId: dev.id, limit: 10 });
    expect(event).toMatchObject({ action: 'user.update', actor: { email: 'root@example.test' }, detail: { role: 'subscriber' } });
  });

  it('an admin cannot demote or disable themself, so the portal keeps its way in', async () => {
    await expect(updateUser(db, admin, admin.id, { role: 'publisher' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(updateUser(db, admin, admin.id, { disabled: true })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await loadActor(db, admin.id)).toMatchObject({ role: 'admin' });
  });

  it('only admins may change users', async () => {
    await expect(updateUser(db, dev, admin.id, { disabled: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
