import 'server-only';
import nodemailer from 'nodemailer';
import type { Db } from '../db/client';
import { type DeliveryOptions, deliverDueEmails } from './deliver-due-emails';
import { type EmailSettings, emailSettings } from './email-settings';

const holder = globalThis as unknown as { __gatehouseEmailOutbox?: () => Promise<void> };

/**
 * Sends the outbox every few seconds in this server process, when SMTP is configured (otherwise nothing runs and
 * nothing is queued). Every replica may run it: claims are leased (claim-due-emails.ts). One round at a time; the
 * timer does not keep the process alive. Returns a stop function that waits for the round in flight.
 */
export function startEmailOutbox(db: Db, settings: EmailSettings | null = emailSettings(), { everyMs = 5_000, ...options }: DeliveryOptions & { everyMs?: number } = {}) {
  if (!settings || holder.__gatehouseEmailOutbox) return holder.__gatehouseEmailOutbox;
  const transport = nodemailer.createTransport(settings.smtp);
  let running: Promise<void> | null = null;
  const round = () => {
    running ??= deliverDueEmails(db, transport, settings.from, options)
      .then(
        () => undefined,
        (err: Error) => console.error(JSON.stringify({ level: 'error', msg: 'email outbox round failed', error: err.message })),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(round, everyMs);
  timer.unref();
  void round();
  const stop = async () => {
    clearInterval(timer);
    await running;
    transport.close();
    holder.__gatehouseEmailOutbox = undefined;
  };
  holder.__gatehouseEmailOutbox = stop;
  return stop;
}
