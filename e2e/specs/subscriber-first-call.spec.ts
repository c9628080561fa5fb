import { expect, type Request, test } from '@playwright/test';
import { createApplication, createKey, subscribeFromCatalog } from '../pages/apps-pages';
import { openReference, rotateKey, tryIt } from '../pages/api-page';
import { signUp, uniqueEmail } from '../pages/auth-pages';
import { callGateway, E2E_STACK } from '../support/stack';

const allowedOrigins = new Set([new URL(E2E_STACK.portalUrl).origin, new URL(E2E_STACK.gatewayUrl).origin]);
const foreign = (requests: Request[]) => requests.map((r) => r.url()).filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowedOrigins.has(new URL(u).origin));

test('a new subscriber follows the guide, reads the docs and gets a 200 from the backend through the sidecar with a try-it key', async ({ page }) => {
  const requests: Request[] = [];
  page.on('request', (r) => requests.push(r));

  await signUp(page, { name: 'Tia Tryer', email: uniqueEmail('tia'), password: 'a long enough password' });
  await page.goto('/');
  const guide = page.getByTestId('onboarding');
  await expect(guide.getByTestId('onboarding-progress')).toHaveText('0 of 4 done');
  await guide.getByRole('link', { name: 'Create one' }).click();
  await expect(page).toHaveURL(/\/apps$/);

  await createApplication(page, 'Try widget');
  await subscribeFromCatalog(page, 'Weather', 'Try widget', 'Bronze');

  // The docs: Scalar renders the stored document, with the gateway (not the backend) as server.
  const docs = await openReference(page);
  await expect(docs.getByRole('heading', { name: 'Weather', level: 1 })).toBeVisible();
  await expect(docs.getByText('/forecast').first()).toBeVisible();
  await expect(docs.getByText(E2E_STACK.gatewayUrl).first()).toBeAttached();

  const console = tryIt(page);
  const key = await console.createTryItKey();
  await expect(page.getByTestId('toast').filter({ hasText: 'Try-it key created' })).toBeVisible();
  await console.chooseOperation(/GET \/forecast/);
  await expect(console.panel.getByLabel(/^city/)).toHaveValue('berlin');

  // The key reaches the sidecar by sync within a second or so; until then the gateway answers 401.
  await expect
    .poll(
      async () => {
        const answer = page.waitForResponse((r) => r.url().startsWith(E2E_STACK.gatewayUrl) && r.request().method() === 'GET');
        await console.send();
        const res = await answer;
        return res.status();
      },
      { timeout: 10_000 },
    )
    .toBe(200);
  await expect(console.status).toHaveText(/^200/);
  await expect(console.panel.getByTestId('try-body')).toContainText('"city": "berlin"');

  // Whatever rate-limit headers the sidecar sent, the console shows them.
  const last = await callGateway('/weather/v1/forecast?city=berlin', key);
  for (const name of ['ratelimit', 'ratelimit-policy']) {
    if (last.headers.get(name)) await expect(console.panel.getByTestId('rate-limit-headers')).toContainText(name);
  }

  await page.goto('/');
  await expect(guide.getByTestId('onboarding-progress')).toHaveText('4 of 4 done');
  await guide.getByRole('button', { name: 'Dismiss' }).click();
  await expect(guide).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'API catalog' })).toBeVisible();
  await expect(page.getByTestId('onboarding')).toHaveCount(0);

  expect(foreign(requests), 'requests to hosts other than the portal and the gateway').toEqual([]);
});

test('rotating a key with a 1 h grace keeps both keys working and sets the old key to expire exactly at the deadline', async ({ page }) => {
  await signUp(page, { name: 'Rory Rotator', email: uniqueEmail('rory'), password: 'a long enough password' });
  await createApplication(page, 'Rotating service');
  await subscribeFromCatalog(page, 'Weather', 'Rotating service', 'Bronze');
  await page.goto('/apps');
  await page.getByRole('link', { name: /Rotating service/ }).click();
  const oldKey = await createKey(page, 'backend');
  await page.getByRole('button', { name: 'Done' }).click();

  const before = Date.now();
  const rotation = page.waitForResponse((r) => r.url().endsWith('/rotate') && r.request().method() === 'POST');
  const newKey = await rotateKey(page, 'backend', '1 hour');
  const after = Date.now();
  const answer = (await (await rotation).json()) as { previous: { id: string; expiresAt: string } };
  const deadline = Date.parse(answer.previous.expiresAt);
  expect(deadline).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
  expect(deadline).toBeLessThanOrEqual(after + 3_600_000);
  expect(newKey).not.toBe(oldKey);
  await expect(page.getByTestId('toast').filter({ hasText: 'Key rotated' })).toBeVisible();

  // The portal stores, and the page shows, that same deadline for the old key.
  const appId = new URL(page.url()).pathname.split('/').pop() ?? '';
  const keys = (await (await page.request.get(`/api/v1/apps/${appId}/keys`)).json()) as { items: { id: string; expiresAt: string | null; status: string }[] };
  expect(keys.items.find((k) => k.id === answer.previous.id)).toMatchObject({ expiresAt: answer.previous.expiresAt, status: 'active' });
  await expect(page.locator(`[data-testid="key-expires"][data-expires-at="${answer.previous.expiresAt}"]`)).toHaveCount(1);

  await expect.poll(async () => (await callGateway('/weather/v1/forecast?city=lisbon', newKey)).status).toBe(200);
  expect((await callGateway('/weather/v1/forecast?city=lisbon', oldKey)).status).toBe(200);
});
