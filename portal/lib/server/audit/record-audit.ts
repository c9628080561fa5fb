import 'server-only';
import type { Kysely } from 'kysely';
import type { Actor } from '../actor';
import type { DB } from '../db/schema';
import { newId, nowIso } from '../ids';

export interface AuditTarget {
  type: 'api' | 'tier' | 'user' | 'subscription' | 'token' | 'setting';
  id: string;
}

/**
 * Appends one audit event. Called with the transaction that made the change, so the log never records a change
 * that did not commit, nor misses one that did. The email is copied so the log still reads after a user is gone.
 */
export async function recordAudit(trx: Kysely<DB>, actor: Actor, action: string, target: AuditTarget, detail: Record<string, unknown> = {}) {
  await trx
    .insertInto('audit_events')
    .values({
      id: newId('aud'),
      actor_id: actor.id,
      actor_email: actor.email,
      action,
      target_type: target.type,
      target_id: target.id,
      detail: JSON.stringify(detail),
      created_at: nowIso(),
    })
    .execute();
}
