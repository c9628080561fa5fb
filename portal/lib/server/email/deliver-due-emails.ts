import 'server-only';
import type { Db } from '../db/client';
import { type ClaimedEmail, claimDueEmails } from './claim-due-emails';

/** The part of a nodemailer transport the outbox uses. */
export interface Mailer {
  sendMail(message: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
}

export interface DeliveryOptions {
  /** The first retry's delay; each later one doubles, up to an hour. */
  retryBaseMs?: number;
  maxAttempts?: number;
  limit?: number;
  leaseMs?: number;
  clock?: () => number;
}

const HOUR_MS = 3_600_000;

/** Delay before the attempt after `attempts` failed ones: 30 s, 1 min, 2 min ... 1 h; 12 attempts span about 6.5 h. */
export const retryDelayMs = (attempts: number, baseMs = 30_000) => Math.min(baseMs * 2 ** Math.max(0, attempts - 1), HOUR_MS);

/**
 * The mail server refused this message for good (a 5xx to its recipient or content). Anything else (server down,
 * a 4xx "try later", a failed login, a timeout) may pass on a later attempt, so it is retried.
 */
function refusedForGood(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number };
  return (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') && typeof e.responseCode === 'number' && e.responseCode >= 500;
}

const errorText = (err: unknown) => String((err as Error)?.message ?? err).slice(0, 500);

/**
 * One round of the outbox: claims what is due and sends it, one email after the other. A sent email's row is
 * deleted; a failed one is scheduled again with backoff, or given up (`failed_at`) when refused for good or out of
 * attempts. After a failure that is not about the message itself the server is probably unreachable, so the rest
 * of the claim is released for the next round rather than each timing out in turn.
 *
 * Delivery is at least once: a sender that dies after the server accepted an email and before deleting its row
 * sends it again after the lease. The Message-ID is the outbox row's, the same on every attempt, so a mail client
 * shows such a copy once.
 */
export async function deliverDueEmails(db: Db, mailer: Mailer, from: string, options: DeliveryOptions = {}) {
  const clock = options.clock ?? Date.now;
  const claimed = await claimDueEmails(db, clock(), { limit: options.limit, leaseMs: options.leaseMs });
  const result = { sent: 0, retrying: 0, failed: 0 };
  for (const [i, email] of claimed.entries()) {
    try {
      await mailer.sendMail({ from, to: email.to_address, subject: email.subject, text: email.body, messageId: `<${email.id}@gatehouse>` });
    } catch (err) {
      const forGood = refusedForGood(err);
      const attempts = email.attempts + 1;
      const giveUp = forGood || attempts >= (options.maxAttempts ?? 12);
      await owned(db, email)
        .set({
          attempts,
          locked_until: null,
          last_error: errorText(err),
          next_attempt_at: new Date(clock() + retryDelayMs(attempts, options.retryBaseMs)).toISOString(),
          failed_at: giveUp ? new Date(clock()).toISOString() : null,
        })
        .execute();
      if (giveUp) result.failed++;
      else result.retrying++;
      if (forGood) {
        console.error(JSON.stringify({ level: 'error', msg: 'email refused by the mail server; not retried', email: email.id, error: errorText(err) }));
        continue;
      }
      const rest = claimed.slice(i + 1);
      for (const other of rest) await owned(db, other).set({ locked_until: null }).execute();
      const msg = giveUp ? 'email delivery failed; out of attempts' : 'email delivery failed; retrying later';
      console.error(JSON.stringify({ level: 'error', msg, email: email.id, attempts, error: errorText(err), released: rest.length }));
      break;
    }
    await db.deleteFrom('notification_emails').where('id', '=', email.id).where('locked_until', '=', email.locked_until).execute();
    result.sent++;
  }
  return result;
}

const owned = (db: Db, email: ClaimedEmail) => db.updateTable('notification_emails').where('id', '=', email.id).where('locked_until', '=', email.locked_until);
