import { expect, test } from '@playwright/test';
import { disableUser } from '../pages/admin-pages';
import { signIn, signUp, uniqueEmail } from '../pages/auth-pages';
import { subscribeOnNewTier } from '../pages/tiered-api';
import { E2E_STACK } from '../support/stack';

const backendUrl = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`;
const unique = () => Math.random().toString(36).slice(2, 8);

test('an admin creates a tier, a publisher offers it on an API, and a subscriber subscribes on it', async ({ page, browser }) => {
  const id = unique();
  const tierName = `Platinum ${id}`;
  const { pub, dev } = await subscribeOnNewTier(page, browser, {
    tier: { name: tierName, description: 'For the big customers', requestsPerMinute: 6000, burst: 100, monthlyQuota: 5_000_000 },
    title: `Tiered ${id}`,
    context: `/tiered-${id}/v1`,
    backendUrl,
    developer: 'Tia Tiered',
  });
  await page.goto('/admin/tiers');
  await expect(page.getByTestId(`tier-row-${tierName}`)).toContainText('6,000 requests / min');
  const apps = await (await dev.request.get('/api/v1/apps')).json();
  const appId = (apps.items as { id: string; name: string }[]).find((a) => a.name === `Tiered ${id} app`)?.id;
  const subs = await (await dev.request.get(`/api/v1/apps/${appId}/subscriptions`)).json();
  expect(subs.items).toEqual([expect.objectContaining({ tier: expect.objectContaining({ name: tierName }) })]);
  // Only the offered tier can be chosen: the seeded Bronze is no longer on this API.
  const apiId = pub.url().split('/').pop() ?? '';
  const otherApp = (await (await dev.request.post('/api/v1/apps', { data: { name: `Other app ${id}` } })).json()).id as string;
  const bronze = await dev.request.post(`/api/v1/apps/${otherApp}/subscriptions`, { data: { apiId, tierId: 'tier_bronze' }, failOnStatusCode: false });
  expect(await bronze.json()).toMatchObject({ code: 'UNPROCESSABLE' });

  // The admin's audit log shows who created the tier.
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'tier.create' }).first()).toContainText('admin@gatehouse.local');
});

test("an admin disables a user, whose next API call is 401 with their session and with their token", async ({ page, browser }) => {
  const email = uniqueEmail('dora');
  const dev = await (await browser.newContext()).newPage();
  await signUp(dev, { name: 'Dora Disabled', email, password: 'a long enough password' });
  const token = (await (await dev.request.post('/api/v1/account/tokens', { data: { name: 'ci', expiresAt: null } })).json()).token as string;
  const withToken = () => dev.request.get('/api/v1/apps', { headers: { authorization: `Bearer ${token}` }, failOnStatusCode: false });
  expect((await dev.request.get('/api/v1/apps')).status()).toBe(200);
  expect((await withToken()).status()).toBe(200);

  await signIn(page, 'admin@gatehouse.local', 'gatehouse-admin');
  await disableUser(page, email);

  expect((await dev.request.get('/api/v1/apps', { failOnStatusCode: false })).status()).toBe(401);
  expect((await withToken()).status()).toBe(401);
  // An admin cannot lock themself out: their own row has no disable button and no role picker.
  const self = page.getByTestId('user-row-admin@gatehouse.local');
  await expect(self.getByRole('button', { name: /Disable/ })).toHaveCount(0);
  await expect(self.getByRole('combobox')).toBeDisabled();
});
