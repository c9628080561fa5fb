import { expect, test } from '@playwright/test';
import { openAccountMenu, signIn, signUp, uniqueEmail } from '../pages/auth-pages';
import { subscribedAppWithKey } from '../pages/lifecycle-pages';
import { callGateway } from '../support/stack';

test('an admin disables a user: their key gets 401 at the sidecar, they are told so at sign-in, and enabling brings the key back', async ({ page, browser }) => {
  const email = uniqueEmail('dora');
  const password = 'a long enough password';
  const dev = await (await browser.newContext()).newPage();
  await signUp(dev, { name: 'Dora Disabled', email, password });
  const { appId, key } = await subscribedAppWithKey(dev.request, 'Dora service', 'api_weather_v1');
  await expect.poll(async () => (await callGateway('/weather/v1/cities', key)).status).toBe(200);

  await signIn(page, 'admin@gatehouse.local', 'gatehouse-admin');
  await page.goto('/admin/users');
  await page.getByRole('button', { name: `Disable ${email}` }).click();
  await expect(page.getByRole('dialog').getByTestId('disable-effect')).toContainText('Gateways suspend the 1 live key and 0 OAuth clients of their 1 application within a second (calls get 401).');
  await page.getByRole('dialog').getByRole('button', { name: 'Disable user' }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText('Disabled');
  await expect.poll(async () => (await callGateway('/weather/v1/cities', key)).status, { timeout: 2_000, intervals: [50] }).toBe(401);

  // Their open page says once that the session ended, rather than an error in every panel.
  await dev.goto(`/apps/${appId}`);
  await expect(dev.getByTestId('session-expired')).toHaveCount(1);
  await expect(dev.getByTestId('session-expired').getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', `/signin?callbackUrl=/apps/${appId}`);
  await expect(dev.getByTestId('load-error')).toHaveCount(0);

  const again = await (await browser.newContext()).newPage();
  await again.goto('/signin');
  await again.getByLabel('Email').fill(email);
  await again.getByLabel('Password').fill(password);
  await again.getByRole('button', { name: 'Sign in' }).click();
  await expect(again.getByText('This account is disabled. Ask an administrator of this portal to enable it again.')).toBeVisible();

  await page.getByRole('button', { name: `Enable ${email}` }).click();
  await expect.poll(async () => (await callGateway('/weather/v1/cities', key)).status, { timeout: 2_000, intervals: [50] }).toBe(200);
});

test('the account menu: the profile name, a role change shown without signing in again, and a password change that ends the session', async ({ page, browser }) => {
  const email = uniqueEmail('pat');
  await signUp(page, { name: 'Pat Profile', email, password: 'a long enough password' });
  await openAccountMenu(page);
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Profile' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await page.getByLabel('Name').fill('Pat Renamed');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByTestId('user-name')).toHaveText('Pat Renamed');

  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(main.getByRole('link', { name: 'Publish' })).toHaveCount(0);
  const userId = (await (await page.request.get('/api/v1/account/profile')).json()).id as string;
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@gatehouse.local', 'gatehouse-admin');
  expect((await admin.request.patch(`/api/v1/admin/users/${userId}`, { data: { role: 'publisher' } })).ok()).toBe(true);
  await page.goto('/apps');
  await expect(main.getByRole('link', { name: 'Publish' })).toBeVisible();

  await openAccountMenu(page);
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Access tokens' }).click();
  await expect(page).toHaveURL(/\/account\/tokens$/);

  await page.goto('/account');
  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password', { exact: true }).fill('an even longer new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Not your current password')).toBeVisible();
  await page.getByLabel('Current password').fill('a long enough password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('password-changed')).toBeVisible();
  await signIn(page, email, 'an even longer new password');
});
