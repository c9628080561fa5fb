import { expect, test } from '@playwright/test';
import { tryIt } from '../pages/api-page';
import { signOut, signUp, uniqueEmail } from '../pages/auth-pages';
import { subscribedAppWithKey } from '../pages/lifecycle-pages';
import { callGateway } from '../support/stack';

test('keys stay readable on a phone: a rotated key names its successor, ended keys fold away, last use shows a time', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, { name: 'Kim Keys', email: uniqueEmail('kim'), password: 'a long enough password' });
  const { appId, key } = await subscribedAppWithKey(page.request, 'Kim service', 'api_weather_v1');
  const keys = async () => (await (await page.request.get(`/api/v1/apps/${appId}/keys`)).json()).items as { id: string; name: string; prefix: string; lastUsedAt: string | null }[];
  const [original] = await keys();
  const rotated = await (await page.request.post(`/api/v1/apps/${appId}/keys/${original?.id}/rotate`, { data: { graceSeconds: 3600 } })).json();
  const spare = await (await page.request.post(`/api/v1/apps/${appId}/keys`, { data: { name: 'spare' } })).json();
  expect((await page.request.post(`/api/v1/apps/${appId}/keys/${spare.id}/revoke`, { data: {} })).ok()).toBe(true);
  await expect.poll(async () => (await callGateway('/weather/v1/cities', key)).status).toBe(200);
  await expect.poll(async () => (await keys()).find((k) => k.id === original?.id)?.lastUsedAt ?? null, { timeout: 15_000 }).not.toBeNull();

  await page.goto(`/apps/${appId}`);
  const oldRow = page.getByTestId('key-row').filter({ hasText: original?.prefix ?? '' });
  await expect(oldRow.getByTestId('key-replaced')).toHaveText(new RegExp(`^Expires in (59|60) min, replaced by ${rotated.key.prefix}…$`));
  await expect(oldRow.getByTestId('key-last-used')).toContainText(/just now|min ago/);

  // The revoked key is folded away until asked for.
  const ended = page.getByTestId('ended-keys');
  await expect(ended.getByText('1 revoked or expired key')).toBeVisible();
  const spareRow = page.getByTestId('key-row').filter({ hasText: 'spare' });
  await expect(spareRow).toBeHidden();
  await ended.getByText('1 revoked or expired key').click();
  await expect(spareRow).toBeVisible();

  // At 390 px the rows are cards: no column header row, nothing wider than the screen, actions in reach.
  await expect(page.getByRole('columnheader', { name: 'Last used' }).first()).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(oldRow.getByRole('button', { name: 'Revoke' })).toBeInViewport();
});

test('"Create a try-it key" hands back the live key, also after a reload: one try-it row per application; sign-out forgets it', async ({ page }) => {
  await signUp(page, { name: 'Tom Twice', email: uniqueEmail('tom'), password: 'a long enough password' });
  const { appId } = await subscribedAppWithKey(page.request, 'Tom service', 'api_weather_v1');
  await page.goto('/apis/api_weather_v1');
  const console = tryIt(page);
  const first = await console.createTryItKey();

  await console.keyInput.fill('');
  await console.panel.getByRole('button', { name: 'Create a try-it key' }).click();
  await expect(console.keyInput).toHaveValue(first);
  await expect(page.getByTestId('toast').filter({ hasText: 'Using the try-it key you created for Tom service' })).toBeVisible();
  await page.reload();
  await console.panel.getByRole('button', { name: 'Create a try-it key' }).click();
  await expect(console.keyInput).toHaveValue(first);

  const tryItKeys = async () => ((await (await page.request.get(`/api/v1/apps/${appId}/keys`)).json()).items as { name: string; status: string }[]).filter((k) => k.name === 'try-it');
  expect(await tryItKeys()).toEqual([expect.objectContaining({ status: 'active' })]);
  await page.goto(`/apps/${appId}`);
  await expect(page.getByTestId('key-row').filter({ hasText: 'try-it' })).toHaveCount(1);

  // The plaintext lived in this tab's sessionStorage only; signing out leaves none of it behind.
  const stored = () => page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('gatehouse:try-it-key:')).length);
  expect(await stored()).toBe(1);
  await signOut(page);
  await expect.poll(stored).toBe(0);
});
