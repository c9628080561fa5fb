import { type APIRequestContext, expect, test } from '@playwright/test';
import { signIn, signUp, uniqueEmail } from '../pages/auth-pages';
import { createApplication, createKey, subscribeFromCatalog } from '../pages/apps-pages';
import { approveFromQueue, changeStatus, deployTo, importApi } from '../pages/publisher-pages';
import { E2E_STACK, callGateway } from '../support/stack';

const backendUrl = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`;
const unique = () => Math.random().toString(36).slice(2, 8);

async function newAppId(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.post('/api/v1/apps', { data: { name } });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

test('a publisher imports, publishes and deploys an API; a subscriber calls it; deprecation keeps it, retirement ends it', async ({ page, browser }) => {
  const id = unique();
  const title = `Journey ${id}`;
  const context = `/journey-${id}/v1`;
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await importApi(page, { title, context, backendUrl });
  await changeStatus(page, 'Publish', 'Published');
  await deployTo(page, 'default');

  const dev = await (await browser.newContext()).newPage();
  await signUp(dev, { name: 'Juno Developer', email: uniqueEmail('juno'), password: 'a long enough password' });
  await createApplication(dev, `Journey app ${id}`);
  await subscribeFromCatalog(dev, title, `Journey app ${id}`, 'Bronze');
  await dev.goto('/apps');
  await dev.getByRole('link', { name: new RegExp(`Journey app ${id}`) }).click();
  const key = await createKey(dev, 'ci');
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).status).toBe(200);
  expect((await callGateway(`${context}/hello`, key)).json()).toMatchObject({ path: '/echo/hello' });

  await changeStatus(page, 'Deprecate', 'Deprecated');
  expect((await callGateway(`${context}/hello`, key)).status).toBe(200);
  const apiId = page.url().split('/').pop() ?? '';
  const lateApp = await newAppId(dev.request, `Late app ${id}`);
  const late = await dev.request.post(`/api/v1/apps/${lateApp}/subscriptions`, { data: { apiId, tierId: 'tier_bronze' } });
  expect(late.status()).toBe(409);

  await changeStatus(page, 'Retire', 'Retired');
  const retiredAt = Date.now();
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).status, { timeout: 2_000, intervals: [50] }).toBe(404);
  test.info().annotations.push({ type: 'retirement propagation', description: `${Date.now() - retiredAt} ms` });
});

test('an approval-required API: the subscription waits as pending, and works once the publisher approves it', async ({ page, browser }) => {
  const id = unique();
  const title = `Guarded ${id}`;
  const context = `/guarded-${id}/v1`;
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await importApi(page, { title, context, backendUrl, requiresApproval: true });
  await changeStatus(page, 'Publish', 'Published');
  await deployTo(page, 'default');
  const apiId = page.url().split('/').pop() ?? '';

  const dev = await (await browser.newContext()).newPage();
  await signUp(dev, { name: 'Pia Pending', email: uniqueEmail('pia'), password: 'a long enough password' });
  const appName = `Waiting app ${id}`;
  const appId = await newAppId(dev.request, appName);
  const sub = await dev.request.post(`/api/v1/apps/${appId}/subscriptions`, { data: { apiId, tierId: 'tier_bronze' } });
  expect(await sub.json()).toMatchObject({ status: 'PENDING' });
  const key = (await (await dev.request.post(`/api/v1/apps/${appId}/keys`, { data: { name: 'k' } })).json()).key as string;
  await dev.goto(`/apps/${appId}`);
  await expect(dev.getByText('Pending').first()).toBeVisible();
  // Pending subscriptions never reach the gateways: the key is unknown there.
  expect((await callGateway(`${context}/hello`, key)).status).toBe(401);

  await approveFromQueue(page, appName);
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).status, { timeout: 2_000, intervals: [50] }).toBe(200);
});
