import { expect, test } from '@playwright/test';
import { createKey } from '../pages/apps-pages';
import { subscribeOnNewTier } from '../pages/tiered-api';
import { callGateway, E2E_STACK } from '../support/stack';

const backendUrl = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`;

test("a tier's monthly quota is enforced at the sidecar and shown on the subscription", async ({ page, browser }) => {
  const id = Math.random().toString(36).slice(2, 8);
  const { dev, appName } = await subscribeOnNewTier(page, browser, {
    tier: { name: `Trial ${id}`, description: 'Three calls a month', requestsPerMinute: 600, burst: 100, monthlyQuota: 3 },
    title: `Metered ${id}`,
    context: `/metered-${id}/v1`,
    backendUrl,
    developer: 'Quinn Quota',
  });
  await dev.goto('/apps');
  await dev.getByRole('link', { name: new RegExp(appName) }).click();
  const key = await createKey(dev, 'metered');

  // The first 200 is the first of the three: the sync may take a moment to bring key and subscription.
  const path = `/metered-${id}/v1/things`;
  await expect.poll(async () => (await callGateway(path, key)).status).toBe(200);
  expect((await callGateway(path, key)).status).toBe(200);
  const third = await callGateway(path, key);
  expect(third.headers.get('ratelimit-policy')).toContain(';q=3;w=');
  expect(third.status).toBe(200);
  const refused = await callGateway(path, key);
  expect(refused.status).toBe(429);
  expect(refused.json()).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

  // The cloud's count arrives with the sidecar's next analytics batch (every second or so).
  const meter = dev.getByTestId('quota-meter');
  await expect
    .poll(
      async () => {
        await dev.reload();
        return meter.textContent();
      },
      { timeout: 20_000 },
    )
    .toContain('3 of 3 requests this month');
  await expect(dev.getByRole('meter', { name: /Monthly quota used/ })).toHaveAttribute('aria-valuenow', '3');
});
