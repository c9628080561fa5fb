import 'server-only';
import type { Kysely } from 'kysely';
import type { Actor } from '../actor';
import type { DB } from '../db/schema';
import { randomBytes } from 'node:crypto';
import { nowIso } from '../ids';

export interface AuditTarget {
  type: 'api' | 'tier' | 'user' | 'subscription' | 'token' | 'setting' | 'gateway' | 'environment';
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
      id: auditId(),
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

let sequence = 0;

/**
 * Audit ids sort in the order events were recorded (milliseconds, then a per-process sequence, then randomness for
 * uniqueness across replicas), so the log lists events of the same millisecond in the order they happened.
 */
function auditId(now = Date.now()): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `aud_${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}
