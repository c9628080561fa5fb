import { expect, type Page, test } from '@playwright/test';
import { signUp, uniqueEmail } from '../pages/auth-pages';
import { createApplication, subscribeFromCatalog } from '../pages/apps-pages';
import { callGateway, E2E_STACK } from '../support/stack';

/** Creates an OAuth client in the application page's "OAuth clients" section; returns what it shows once. */
async function createOAuthClient(page: Page, name: string) {
  const section = page.locator('section').filter({ has: page.getByRole('heading', { name: 'OAuth clients', exact: true }) });
  await section.getByLabel('Client name').fill(name);
  await section.getByRole('button', { name: 'Create OAuth client' }).click();
  const secret = page.getByTestId('new-client-secret');
  await expect(secret).toHaveText(/^gcs_[\w-]{43}$/);
  return { clientId: (await page.getByTestId('new-client-id').textContent())?.trim() ?? '', clientSecret: (await secret.textContent())?.trim() ?? '' };
}

/** RFC 6749 client credentials, as a backend service would ask: form body, client authenticated by HTTP Basic. */
async function requestToken(client: { clientId: string; clientSecret: string }) {
  const res = await fetch(`${E2E_STACK.portalUrl}/api/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const forecast = '/weather/v1/forecast?city=lisbon';

test('client credentials give a token that works through the sidecar, and revoking the secret stops it within 2 s', async ({ page }) => {
  await signUp(page, { name: 'Otto Oauth', email: uniqueEmail('otto'), password: 'a long enough password' });
  await createApplication(page, 'Billing service');
  await subscribeFromCatalog(page, 'Weather', 'Billing service', 'Bronze');
  await page.goto('/apps');
  await page.getByRole('link', { name: /Billing service/ }).click();

  const client = await createOAuthClient(page, 'billing-prod');
  const issued = await requestToken(client);
  expect(issued.status).toBe(200);
  expect(issued.body).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
  const token = String(issued.body.access_token);

  // The client and the signing key reach the sidecar by sync; from then on it verifies tokens offline.
  await expect.poll(async () => (await callGateway(forecast, undefined, bearer(token))).status).toBe(200);
  expect((await callGateway(forecast, undefined, bearer(token))).json()).toMatchObject({ city: 'lisbon' });
  const notSubscribed = await callGateway('/echo/v1/hello', undefined, bearer(token));
  expect(notSubscribed.status).toBe(403);
  const wrongSecret = await requestToken({ ...client, clientSecret: `${client.clientSecret.slice(0, -2)}xx` });
  expect([wrongSecret.status, wrongSecret.body.error]).toEqual([401, 'invalid_client']);

  await page.getByRole('row', { name: /billing-prod/ }).getByRole('button', { name: 'Revoke secret' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke secret' }).click();
  const revokedAt = Date.now();
  await expect.poll(async () => (await callGateway(forecast, undefined, bearer(token))).status, { timeout: 2_000, intervals: [50] }).toBe(401);
  test.info().annotations.push({ type: 'secret revocation propagation', description: `${Date.now() - revokedAt} ms` });
  await expect(page.getByRole('row', { name: /billing-prod/ })).toContainText('Revoked');
  expect((await requestToken(client)).body.error).toBe('invalid_client');
});

test('deleting the application stops its access tokens at the sidecar within 2 s', async ({ page }) => {
  await signUp(page, { name: 'Dora Delete', email: uniqueEmail('dora'), password: 'a long enough password' });
  await createApplication(page, 'Short-lived app');
  await subscribeFromCatalog(page, 'Weather', 'Short-lived app', 'Bronze');
  await page.goto('/apps');
  await page.getByRole('link', { name: /Short-lived app/ }).click();
  const token = String((await requestToken(await createOAuthClient(page, 'cron'))).body.access_token);
  await expect.poll(async () => (await callGateway(forecast, undefined, bearer(token))).status).toBe(200);

  await page.getByRole('button', { name: 'Delete application' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete application' }).click();
  const deletedAt = Date.now();
  await expect.poll(async () => (await callGateway(forecast, undefined, bearer(token))).status, { timeout: 2_000, intervals: [50] }).toBe(401);
  test.info().annotations.push({ type: 'app deletion propagation', description: `${Date.now() - deletedAt} ms` });
});
