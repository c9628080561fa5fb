import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signUp, uniqueEmail } from '../pages/auth-pages';
import { createApplication, createKey, revokeKey, subscribeFromCatalog } from '../pages/apps-pages';
import { E2E_STACK, callGateway } from '../support/stack';

test('a new developer signs up, subscribes, gets a key that works through the sidecar, and revokes it', async ({ page }) => {
  await signUp(page, { name: 'Dana Developer', email: uniqueEmail('dana'), password: 'a long enough password' });
  await createApplication(page, 'Forecast widget');
  await subscribeFromCatalog(page, 'Weather', 'Forecast widget', 'Bronze');

  await page.goto('/apps');
  await page.getByRole('link', { name: /Forecast widget/ }).click();
  const key = await createKey(page, 'laptop');

  // The key reaches the sidecar by sync; the sidecar then answers from its own cache.
  await expect.poll(async () => (await callGateway('/weather/v1/forecast?city=lisbon', key)).status).toBe(200);
  const ok = await callGateway('/weather/v1/forecast?city=lisbon', key);
  expect(ok.json()).toMatchObject({ city: 'lisbon' });

  const wrong = await callGateway('/weather/v1/forecast?city=lisbon', `${key.slice(0, -1)}x`);
  expect(wrong.status).toBe(401);
  expect(wrong.headers.get('content-type')).toContain('application/problem+json');
  expect(wrong.headers.get('www-authenticate')).toBeTruthy();

  const notSubscribed = await callGateway('/echo/v1/hello', key);
  expect(notSubscribed.status).toBe(403);
  expect(notSubscribed.json()).toMatchObject({ status: 403 });

  await revokeKey(page, 'laptop');
  const revokedAt = Date.now();
  await expect.poll(async () => (await callGateway('/weather/v1/forecast?city=lisbon', key)).status, { timeout: 2_000, intervals: [50] }).toBe(401);
  test.info().annotations.push({ type: 'revocation propagation', description: `${Date.now() - revokedAt} ms` });

  // No plaintext key at rest: not in the portal's database, the sidecar's cache or any log.
  for (const file of listFiles(path.resolve(E2E_STACK.dataDir))) {
    if (path.basename(file) === 'demo-credentials.json') continue;
    expect(fs.readFileSync(file).includes(key), `${file} holds the plaintext key`).toBe(false);
  }
});

test('the sidecar forwards what the backend needs and strips the key', async () => {
  const { subscriberKey } = await import('../support/stack').then((m) => m.demoCredentials());
  const res = await callGateway('/books/v1/books/2', subscriberKey);
  expect(res.status).toBe(200);
  expect(res.json()).toMatchObject({ title: 'Designing Data-Intensive Applications' });
  const unknownRoute = await callGateway('/nope/v1/x', subscriberKey);
  expect(unknownRoute.status).toBe(404);
  expect(unknownRoute.headers.get('content-type')).toContain('application/problem+json');
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
