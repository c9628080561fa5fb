import { expect, test } from '@playwright/test';
import { signIn } from '../pages/auth-pages';
import { callGateway, demoCredentials } from '../support/stack';

test('calls through the sidecar show up in the application usage chart and table', async ({ page }) => {
  const { subscriberKey } = demoCredentials();
  for (let i = 0; i < 5; i++) expect((await callGateway('/weather/v1/cities', subscriberKey)).status).toBe(200);
  expect((await callGateway('/weather/v1/forecast?city=atlantis', subscriberKey)).status).toBe(404);

  await signIn(page, 'subscriber@gatehouse.local', 'gatehouse-subscriber');
  await page.getByRole('link', { name: 'Demo app', exact: true }).click();
  const totals = page.getByTestId('usage-totals');
  // The sidecar ships usage in batches every second or so, and the section refreshes itself.
  await expect
    .poll(async () => Number((await totals.getByText(/^[\d,]+$/).first().textContent())?.replace(/,/g, '') ?? 0), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId('usage-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.getByRole('button', { name: 'Table' }).click();
  const table = page.getByTestId('usage-table');
  await expect(table.getByRole('row')).not.toHaveCount(0);
  await expect(table).toContainText(/\d+ ms/);
});
