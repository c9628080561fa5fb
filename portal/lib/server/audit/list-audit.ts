import 'server-only';
import { z } from 'zod';
import type { Actor } from '../actor';
import type { Db } from '../db/client';
import { requireAdmin } from '../users/require-role';

export const listAuditQuery = z.strictObject({
  targetId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The audit log, newest first: who did what to which object, and when. Admins only. */
export async function listAudit(db: Db, actor: Actor, query: z.infer<typeof listAuditQuery>) {
  requireAdmin(actor);
  let q = db.selectFrom('audit_events').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit);
  if (query.targetId) q = q.where('target_id', '=', query.targetId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    actor: { id: r.actor_id, email: r.actor_email },
    action: r.action,
    target: { type: r.target_type, id: r.target_id },
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    createdAt: r.created_at,
  }));
}
