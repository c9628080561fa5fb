import { expect, type Page } from '@playwright/test';

/** The request count a usage view's headline shows (its first figure). */
export async function shownRequests(page: Page): Promise<number> {
  const text = await page.getByTestId('usage-totals').getByRole('definition').first().textContent();
  return Number(text?.replace(/,/g, '') ?? Number.NaN);
}

/** What a usage route reports right now, as the signed-in user: the floor a test's own calls add to. */
export async function reportedRequests(page: Page, usageUrl: string): Promise<number> {
  const res = await page.request.get(usageUrl);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { totals: { requests: number } }).totals.requests;
}

/** Gateways ship usage in batches every second or so and the views refresh themselves: wait for the count to get there. */
export async function expectShownRequestsAtLeast(page: Page, count: number): Promise<void> {
  await expect.poll(() => shownRequests(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
}

/** Hovering the chart's latest bar shows that bucket's numbers by status class. */
export async function expectChartNumbersOnHover(page: Page): Promise<void> {
  await page.getByTestId('usage-chart').locator('.recharts-bar-rectangle').last().hover();
  await expect(page.locator('.recharts-tooltip-wrapper')).toContainText('2xx');
}

/** Switches a usage view to its table and checks it shows the buckets' figures. */
export async function expectUsageTable(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await expect(page.getByTestId('usage-table')).toContainText(/\d+ ms/);
}
