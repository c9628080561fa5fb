import 'server-only';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requireAdmin } from './require-role';

export function toUserDto(u: { id: string; email: string; name: string; role: string; disabled: number; created_at: string }) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled === 1, createdAt: u.created_at };
}

export async function listUsers(db: Db, actor: Actor) {
  requireAdmin(actor);
  const rows = await db.selectFrom('users').select(['id', 'email', 'name', 'role', 'disabled', 'created_at']).orderBy('email').execute();
  return rows.map(toUserDto);
}
