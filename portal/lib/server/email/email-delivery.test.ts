import nodemailer from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../actor';
import { decideSubscription } from '../approvals/decide-subscription';
import { createApplication } from '../apps/create-application';
import type { Db } from '../db/client';
import { createApiKey } from '../keys/create-api-key';
import { addNotifications } from '../notifications/add-notifications';
import { deriveKeyExpiryNotices } from '../notifications/derive-key-expiry';
import { subscribe } from '../subscriptions/subscribe';
import { startSmtpSink } from '../testing/smtp-sink';
import { createCatalog, createTestDb, createUser } from '../testing/test-db';
import { deliverDueEmails } from './deliver-due-emails';
import { startEmailOutbox } from './email-outbox-job';
import { readEmailSettings } from './email-settings';

let t: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let dev: Actor;
const closers: (() => Promise<void> | void)[] = [];

beforeEach(async () => {
  t = await createTestDb();
  db = t.db;
  dev = await createUser(db, 'dev');
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  vi.unstubAllEnvs();
  await t.cleanup();
});

const FROM = 'Gatehouse <gatehouse@portal.test>';
const smtpEnv = (port: number) => ({ GATEHOUSE_SMTP_URL: `smtp://mailer:secret@127.0.0.1:${port}`, GATEHOUSE_SMTP_FROM: FROM, NEXTAUTH_URL: 'https://portal.test/' });
function settingsFor(port: number) {
  const settings = readEmailSettings(smtpEnv(port));
  if (!settings) throw new Error('SMTP settings expected');
  return settings;
}

async function sink(options: Parameters<typeof startSmtpSink>[0] = {}) {
  const s = await startSmtpSink(options);
  closers.push(s.close);
  return s;
}

function transportFor(port: number) {
  const transport = nodemailer.createTransport(settingsFor(port).smtp);
  closers.push(() => transport.close());
  return transport;
}

/** A port nothing listens on (yet): a mail server that is down. */
async function freePort() {
  const s = await startSmtpSink();
  await s.close();
  return s.port;
}

const notice = (title: string) => ({ userId: dev.id, kind: 'api.blocked' as const, title, body: `${title}: the body.`, link: '/apps/app_1' });
const outbox = () => db.selectFrom('notification_emails').selectAll().orderBy('created_at').execute();

describe('notification email', () => {
  it('an approval decision reaches the developer by SMTP through the outbox: the request only queues it, the loop sends it', async () => {
    const { api, tierId } = await createCatalog(db);
    const admin = await createUser(db, 'admin', 'admin');
    await db.updateTable('apis').set({ requires_approval: 1 }).execute();
    const app = await createApplication(db, dev, { name: 'Waiting', description: '' });
    const sub = await subscribe(db, dev, app.id, { apiId: api.id, tierId });

    // The mail server is down while the publisher decides: the decision neither fails nor waits for it.
    const port = await freePort();
    for (const [k, v] of Object.entries(smtpEnv(port))) vi.stubEnv(k, v);
    await decideSubscription(db, admin, sub.id, 'approve');
    expect(await outbox()).toMatchObject([{ to_address: 'dev@example.test', subject: 'API 1 v1: subscription approved', attempts: 0 }]);

    const server = await sink({ port });
    const stop = startEmailOutbox(db, settingsFor(port), { everyMs: 50 });
    closers.push(() => stop?.());
    await vi.waitFor(() => expect(server.received).toHaveLength(1), { timeout: 10_000, interval: 50 });
    const [mail] = server.received;
    expect(mail).toMatchObject({ from: 'gatehouse@portal.test', to: ['dev@example.test'], subject: 'API 1 v1: subscription approved' });
    expect(mail?.text).toContain('Waiting');
    expect(mail?.text).toContain(`Open it in the portal: https://portal.test/apps/${app.id}`);
    expect(mail?.text).toContain('https://portal.test/account/notifications');
    await vi.waitFor(async () => expect(await outbox()).toEqual([]));
  });

  it('a server that is down, then answers "try later", then accepts, gets the email exactly once, on the backoff schedule', async () => {
    const port = await freePort();
    const t0 = Date.parse('2026-12-06T05:00:00Z');
    await addNotifications(db, [notice('Weather v1 is blocked')], t0, settingsFor(port));
    const transport = transportFor(port);
    const round = (at: number) => deliverDueEmails(db, transport, FROM, { clock: () => at });

    expect(await round(t0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await outbox()).toMatchObject([{ attempts: 1, locked_until: null, failed_at: null, next_attempt_at: new Date(t0 + 30_000).toISOString(), last_error: expect.stringContaining('ECONNREFUSED') }]);

    let busy = true;
    const server = await sink({ port, rcpt: () => (busy ? { code: 451, message: 'Greylisted, try again later' } : null) });
    expect(await round(t0 + 10_000)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.rcptAttempts).toEqual([]);
    expect(await round(t0 + 31_000)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await outbox()).toMatchObject([{ attempts: 2, next_attempt_at: new Date(t0 + 31_000 + 60_000).toISOString(), last_error: expect.stringContaining('451') }]);

    busy = false;
    expect(await round(t0 + 92_000)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await round(t0 + 3_600_000)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received.map((m) => m.subject)).toEqual(['Weather v1 is blocked']);
    expect(server.received[0]?.messageId).toMatch(/^<eml_\w+@gatehouse>$/);
    expect(await outbox()).toEqual([]);
  });

  it('a recipient refused for good is given up and kept for the operator, and does not hold back the others', async () => {
    const server = await sink({ rcpt: (to) => (to === 'gone@example.test' ? { code: 550, message: 'No such user' } : null) });
    const gone = await createUser(db, 'gone');
    const settings = settingsFor(server.port);
    const t0 = Date.now();
    await addNotifications(db, [notice('To dev'), { ...notice('To gone'), userId: gone.id }], t0, settings);

    const transport = transportFor(server.port);
    expect(await deliverDueEmails(db, transport, FROM, { clock: () => t0 })).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(await deliverDueEmails(db, transport, FROM, { clock: () => t0 + 86_400_000 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(server.received.map((m) => m.to)).toEqual([['dev@example.test']]);
    expect(await outbox()).toMatchObject([{ to_address: 'gone@example.test', attempts: 1, failed_at: expect.any(String), last_error: expect.stringContaining('550') }]);
  });

  it('an email that never gets through is given up after its last attempt, and the reason kept', async () => {
    const port = await freePort();
    const t0 = Date.now();
    await addNotifications(db, [notice('Never delivered')], t0, settingsFor(port));
    const transport = transportFor(port);
    expect(await deliverDueEmails(db, transport, FROM, { clock: () => t0, maxAttempts: 2 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await deliverDueEmails(db, transport, FROM, { clock: () => t0 + 31_000, maxAttempts: 2 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await deliverDueEmails(db, transport, FROM, { clock: () => t0 + 86_400_000, maxAttempts: 2 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await outbox()).toMatchObject([{ attempts: 2, failed_at: new Date(t0 + 31_000).toISOString(), last_error: expect.stringContaining('ECONNREFUSED') }]);
  });

  it('two portal replicas sending at once deliver every email once', async () => {
    const server = await sink();
    const settings = settingsFor(server.port);
    await addNotifications(db, Array.from({ length: 24 }, (_, i) => notice(`Notice ${i}`)), Date.now(), settings);
    const replica = async () => {
      const transport = transportFor(server.port);
      let sent = 0;
      for (;;) {
        const r = await deliverDueEmails(db, transport, FROM, { limit: 5 });
        if (r.sent + r.retrying + r.failed === 0) return sent;
        sent += r.sent;
      }
    };
    const [a, b] = await Promise.all([replica(), replica()]);
    expect((a ?? 0) + (b ?? 0)).toBe(24);
    const subjects = server.received.map((m) => m.subject);
    expect(new Set(subjects).size).toBe(24);
    expect(subjects).toHaveLength(24);
  });

  it('without SMTP settings nothing is queued and no loop runs; a notice derived twice is emailed once', async () => {
    await addNotifications(db, [notice('Quiet')], Date.now(), null);
    expect(await outbox()).toEqual([]);
    expect(startEmailOutbox(db, null)).toBeUndefined();

    const server = await sink();
    for (const [k, v] of Object.entries(smtpEnv(server.port))) vi.stubEnv(k, v);
    const { api, tierId } = await createCatalog(db);
    const app = await createApplication(db, dev, { name: 'Keys', description: '' });
    await subscribe(db, dev, app.id, { apiId: api.id, tierId });
    await createApiKey(db, dev, app.id, { name: 'soon', expiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    await deriveKeyExpiryNotices(db, dev.id);
    await deriveKeyExpiryNotices(db, dev.id);
    expect((await outbox()).map((e) => e.subject)).toEqual(['Key soon of Keys expires soon']);
  });
});
