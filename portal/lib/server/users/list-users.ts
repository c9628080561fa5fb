import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requireAdmin } from './require-role';

export function toUserDto(u: { id: string; email: string; name: string; role: string; disabled: number; created_at: string }) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled === 1, createdAt: u.created_at };
}

/** Every user, with what disabling them would suspend at the gateways: applications, live keys, OAuth clients. */
export async function listUsers(db: Db, actor: Actor) {
  requireAdmin(actor);
  const now = new Date().toISOString();
  const [rows, apps, keys, clients] = await Promise.all([
    db.selectFrom('users').select(['id', 'email', 'name', 'role', 'disabled', 'created_at']).orderBy('email').execute(),
    db.selectFrom('applications').groupBy('owner_id').select((eb) => ['owner_id', eb.fn.countAll<number>().as('n')]).execute(),
    db
      .selectFrom('api_keys')
      .innerJoin('applications', 'applications.id', 'api_keys.app_id')
      .where('api_keys.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_keys.expires_at', 'is', null), eb('api_keys.expires_at', '>', now)]))
      .groupBy('applications.owner_id')
      .select((eb) => ['applications.owner_id', eb.fn.countAll<number>().as('n')])
      .execute(),
    db
      .selectFrom('oauth_clients')
      .innerJoin('applications', 'applications.id', 'oauth_clients.app_id')
      .where('oauth_clients.revoked_at', 'is', null)
      .groupBy('applications.owner_id')
      .select((eb) => ['applications.owner_id', eb.fn.countAll<number>().as('n')])
      .execute(),
  ]);
  const count = (list: { owner_id: string; n: number }[], id: string) => Number(list.find((r) => r.owner_id === id)?.n ?? 0);
  return rows.map((u) => ({ ...toUserDto(u), holdings: { applications: count(apps, u.id), keys: count(keys, u.id), oauthClients: count(clients, u.id) } }));
}
