import { expect, type Page, test } from '@playwright/test';
import { signIn, signUp, uniqueEmail } from '../pages/auth-pages';
import { approveFromQueue, echoDocument } from '../pages/publisher-pages';
import { E2E_STACK, callGateway } from '../support/stack';

const backendUrl = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`;

/** The header's count of what waits for the publisher, checked against the REST API's count (earlier journeys may leave items of their own). */
async function expectPendingBadge(page: Page, total: number) {
  expect((await (await page.request.get('/api/v1/publisher/subscriptions/pending-count')).json()).total).toBe(total);
  const badge = page.getByRole('navigation', { name: 'Main' }).getByTestId('pending-approvals');
  if (total === 0) await expect(badge).toHaveCount(0);
  else await expect(badge).toHaveAccessibleName(`${total} pending approval${total === 1 ? '' : 's'}`);
}

test('the API page shows the application’s subscription instead of a second Subscribe, and a tier change goes through approval to the gateway', async ({ page, browser }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const title = `Tiered ${id}`;
  const context = `/tiered-${id}/v1`;
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  // Arranged through the REST API: this journey is about the subscriber's page and the approval queue.
  const created = await page.request.post('/api/v1/publisher/apis', { data: { openapi: echoDocument(title), context, backendUrl, requiresApproval: true } });
  expect(created.status()).toBe(201);
  const apiId = (await created.json()).id as string;
  expect((await page.request.put(`/api/v1/publisher/apis/${apiId}/status`, { data: { status: 'PUBLISHED' } })).ok()).toBe(true);
  expect((await page.request.put(`/api/v1/publisher/apis/${apiId}/deployments/env_default`)).ok()).toBe(true);

  const dev = await (await browser.newContext()).newPage();
  await signUp(dev, { name: 'Tia Tiers', email: uniqueEmail('tia'), password: 'a long enough password' });
  const appName = `Tier app ${id}`;
  const appId = (await (await dev.request.post('/api/v1/apps', { data: { name: appName } })).json()).id as string;
  expect((await dev.request.post(`/api/v1/apps/${appId}/subscriptions`, { data: { apiId, tierId: 'tier_bronze' } })).status()).toBe(201);
  const key = (await (await dev.request.post(`/api/v1/apps/${appId}/keys`, { data: { name: 'k' } })).json()).key as string;
  const before = (await (await page.request.get('/api/v1/publisher/subscriptions/pending-count')).json()).total as number;
  expect(before).toBeGreaterThanOrEqual(1);
  await page.goto('/publisher');
  await expectPendingBadge(page, before);
  // Deciding updates the header in place (SWR), without a reload.
  await approveFromQueue(page, appName);
  await expectPendingBadge(page, before - 1);
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).headers.get('ratelimit-policy') ?? '').toContain(';q=60;');

  await dev.goto(`/apis/${apiId}`);
  const current = dev.getByTestId('current-subscription');
  // Session, then applications, then their subscriptions, while the reference renders: slow on a loaded machine
  // (measured: the subscriptions read started 24 s after the applications answered, with a load average of 25).
  await expect(current).toContainText(`${appName} is subscribed on the Bronze tier (active).`, { timeout: 60_000 });
  await expect(dev.getByRole('button', { name: 'Subscribe', exact: true })).toHaveCount(0);
  await current.getByLabel('Change tier').selectOption({ label: 'Gold' });
  await expect(current.getByTestId('tier-change')).toContainText('60 requests / min → 600 requests / min');
  await expect(current.getByTestId('tier-change')).toContainText('10,000 requests / month → 1,000,000 requests / month');
  await current.getByRole('button', { name: 'Ask for this tier' }).click();
  await expect(current.getByTestId('requested-tier')).toHaveText("A move to Gold waits for the publisher's approval; Bronze applies until then.");
  expect((await callGateway(`${context}/hello`, key)).headers.get('ratelimit-policy')).toContain(';q=60;');

  // The tier change counts as a pending approval too, and the badge leads to the queue.
  await page.goto('/publisher');
  await expectPendingBadge(page, before);
  await page.getByRole('link', { name: /pending approvals?$/ }).click();
  await expect(page).toHaveURL(/\/publisher\/approvals$/);
  await expect(page.getByTestId('approval-row').filter({ hasText: appName })).toContainText('asks to move from Bronze to Gold');
  await approveFromQueue(page, appName);
  await expectPendingBadge(page, before - 1);
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).headers.get('ratelimit-policy') ?? '', { timeout: 2_000, intervals: [50] }).toContain(';q=600;');
  await dev.reload();
  await expect(current).toContainText(`${appName} is subscribed on the Gold tier (active).`, { timeout: 60_000 });
});
