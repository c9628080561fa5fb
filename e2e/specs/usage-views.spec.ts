import { expect, test } from '@playwright/test';
import { signIn } from '../pages/auth-pages';
import { expectChartNumbersOnHover, expectShownRequestsAtLeast, expectUsageTable, reportedRequests } from '../pages/usage-pages';
import { callGateway, demoCredentials } from '../support/stack';

/** Four calls to Weather with the demo subscriber's key through the real sidecar: three answered, one 404. */
async function callWeatherFourTimes(): Promise<void> {
  const { subscriberKey } = demoCredentials();
  for (let i = 0; i < 3; i++) expect((await callGateway('/weather/v1/cities', subscriberKey)).status).toBe(200);
  expect((await callGateway('/weather/v1/forecast?city=atlantis', subscriberKey)).status).toBe(404);
}

test("calls through the sidecar show up on the publisher's API usage, by application and environment", async ({ page }, testInfo) => {
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  const before = await reportedRequests(page, '/api/v1/publisher/apis/api_weather_v1/usage?range=24h');
  await callWeatherFourTimes();

  await page.getByRole('link', { name: 'Publish', exact: true }).click();
  await page.getByRole('link', { name: /^Weather v1/ }).click();
  await expectShownRequestsAtLeast(page, before + 4);
  await expect(page.getByTestId('usage-by-app').getByRole('row', { name: /Demo app/ })).toBeVisible();
  await expect(page.getByTestId('usage-by-environment').getByRole('row', { name: /default/ })).toBeVisible();
  await expectChartNumbersOnHover(page);
  await page.screenshot({ path: testInfo.outputPath('publisher-api-usage.png'), fullPage: true });
  await expectUsageTable(page);
});

test('the admin usage overview shows the same calls across the fleet, per environment and per gateway', async ({ page }, testInfo) => {
  await signIn(page, 'admin@gatehouse.local', 'gatehouse-admin');
  const before = await reportedRequests(page, '/api/v1/admin/usage?range=24h');
  await callWeatherFourTimes();

  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Usage' }).click();
  await expectShownRequestsAtLeast(page, before + 4);
  await expect(page.getByTestId('usage-by-environment').getByRole('row', { name: /default/ })).toBeVisible();
  const gateway = page.getByTestId('usage-by-gateway').getByRole('row', { name: /demo-gateway/ });
  await expect(gateway).toContainText('default');
  // The demo sidecar's outbox is far below its cap, so it has reported exactly zero drops.
  await expect(gateway.getByRole('cell').last()).toHaveText('0');
  await expectChartNumbersOnHover(page);
  await page.screenshot({ path: testInfo.outputPath('admin-usage.png'), fullPage: true });
  await expectUsageTable(page);
});
