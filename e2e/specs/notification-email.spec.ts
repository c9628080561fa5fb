import { expect, test } from '@playwright/test';
import { startSmtpSink } from '../../portal/lib/server/testing/smtp-sink';
import { signIn, signUp, uniqueEmail } from '../pages/auth-pages';
import { echoDocument } from '../pages/publisher-pages';
import { E2E_STACK } from '../support/stack';

test('an approval decision reaches the developer by email through a real SMTP server, sent after the request answered', async ({ page, browser }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const sink = await startSmtpSink({ port: E2E_STACK.smtpPort });
  try {
    await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
    const created = await page.request.post('/api/v1/publisher/apis', {
      data: { openapi: echoDocument(`Mail ${id}`), context: `/mail-${id}/v1`, backendUrl: `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`, requiresApproval: true },
    });
    const apiId = (await created.json()).id as string;
    expect((await page.request.put(`/api/v1/publisher/apis/${apiId}/status`, { data: { status: 'PUBLISHED' } })).ok()).toBe(true);
    const dev = await (await browser.newContext()).newPage();
    const email = uniqueEmail('mia');
    await signUp(dev, { name: 'Mia Mail', email, password: 'a long enough password' });
    const appId = (await (await dev.request.post('/api/v1/apps', { data: { name: `Mail app ${id}` } })).json()).id as string;
    const sub = await (await dev.request.post(`/api/v1/apps/${appId}/subscriptions`, { data: { apiId, tierId: 'tier_bronze' } })).json();

    expect((await page.request.post(`/api/v1/publisher/subscriptions/${sub.id}/approve`, { data: {} })).ok()).toBe(true);
    // The decision answered before any email left: the outbox loop sends it within a few seconds.
    const mine = () => sink.received.filter((m) => m.to.includes(email));
    await expect.poll(() => mine().length, { timeout: 20_000 }).toBe(1);
    expect(mine()[0]).toMatchObject({ from: 'gatehouse@portal.test', subject: `Mail ${id} v1: subscription approved` });
    expect(mine()[0]?.text).toContain(`Open it in the portal: ${E2E_STACK.portalUrl}/apps/${appId}`);
  } finally {
    await sink.close();
  }
});
