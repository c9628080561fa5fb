import { expect, test } from '@playwright/test';
import { signIn, signUp, uniqueEmail } from '../pages/auth-pages';
import { notificationLink, publishNewVersion, subscribedAppWithKey } from '../pages/lifecycle-pages';
import { changeStatus, deployTo, importApi } from '../pages/publisher-pages';
import { E2E_STACK, callGateway } from '../support/stack';

const backendUrl = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`;
const unique = () => Math.random().toString(36).slice(2, 8);

test('a publisher deprecates a version after a confirmation naming its reach; the subscriber sees it on the application page and in the notification list', async ({ page, browser }) => {
  const id = unique();
  const title = `Notice ${id}`;
  const context = `/notice-${id}/v1`;
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await importApi(page, { title, context, backendUrl });
  await changeStatus(page, 'Publish', 'Published');
  await deployTo(page, 'default');
  const v1 = page.url().split('/').pop() ?? '';

  const dev = await (await browser.newContext()).newPage();
  await signUp(dev, { name: 'Nina Notified', email: uniqueEmail('nina'), password: 'a long enough password' });
  const appName = `Notified app ${id}`;
  const { appId, key } = await subscribedAppWithKey(dev.request, appName, v1);
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).status).toBe(200);

  const v2 = await publishNewVersion(page.request, v1, 'v2', `/notice-${id}/v2`);

  // Deprecating asks first and says whom it touches; cancelling changes nothing.
  await page.reload();
  await page.getByRole('button', { name: 'Deprecate', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('lifecycle-effect')).toContainText('This touches 1 subscribed application, owned by 1 developer.');
  await expect(dialog.getByTestId('lifecycle-effect')).toContainText('pointed to v2');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('api-status')).toHaveText('Published');
  await changeStatus(page, 'Deprecate', 'Deprecated', /1 subscribed application/);
  expect((await callGateway(`${context}/hello`, key)).status).toBe(200);

  // The application page shows the subscription as deprecated, with the way to the successor.
  await dev.goto(`/apps/${appId}`);
  const row = dev.getByTestId('subscription-row').filter({ hasText: title });
  await expect(row.getByTestId('subscription-state')).toHaveText('Deprecated');
  await expect(row.getByRole('link', { name: 'Move to v2 →' })).toHaveAttribute('href', `/apis/${v2}`);

  // The header counts the unread notices: the new version, then the deprecation.
  await expect(notificationLink(dev)).toHaveAccessibleName('Notifications, 2 unread');
  await notificationLink(dev).click();
  const notices = dev.getByTestId('notification');
  await expect(notices).toHaveCount(2);
  await expect(notices.nth(0)).toContainText(`${title} v1 is deprecated`);
  await expect(notices.nth(0)).toContainText(new RegExp(`Deprecated on \\d{4}-\\d\\d-\\d\\d\\. .*${appName}\\. Move to v2\\.`));
  await expect(notices.nth(1)).toContainText(`${title} v2 is published`);
  await dev.getByRole('button', { name: 'Mark all read' }).click();
  await expect(notificationLink(dev)).toHaveAccessibleName('Notifications');

  // Unsubscribing asks first, naming the application and its keys.
  await dev.goto(`/apps/${appId}`);
  await row.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(dev.getByRole('dialog').getByTestId('unsubscribe-effect')).toContainText(`This ends 1 subscription, of ${appName}: within a second the gateways refuse its 1 active key`);
  await dev.getByRole('dialog').getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(row).toHaveCount(0);
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).status).toBe(401);

  // Retiring says it is final.
  await page.getByRole('button', { name: 'Retire', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('heading')).toHaveText(`Retire ${title} v1? This is final.`);
  await expect(page.getByRole('dialog').getByTestId('lifecycle-effect')).toContainText('cannot be undone');
  await page.getByRole('dialog').getByRole('button', { name: 'Retire for good' }).click();
  await expect(page.getByTestId('api-status')).toHaveText('Retired');
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
});

test('the catalog shows one card per API with its versions, and the API page switches between them', async ({ page }) => {
  const id = unique();
  const title = `Versioned ${id}`;
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await importApi(page, { title, context: `/versioned-${id}/v1`, backendUrl });
  await changeStatus(page, 'Publish', 'Published');
  const v1 = page.url().split('/').pop() ?? '';
  const v2 = await publishNewVersion(page.request, v1, 'v2', `/versioned-${id}/v2`);

  await page.goto(`/?q=${encodeURIComponent(title)}`);
  const cards = page.getByTestId('api-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.getByTestId('api-card-versions')).toHaveText('2 versions: v2, v1');
  await cards.click();
  await expect(page).toHaveURL(new RegExp(`/apis/${v2}$`));
  const switcher = page.getByRole('navigation', { name: 'Versions' });
  await expect(switcher.getByRole('link', { name: 'v2' })).toHaveAttribute('aria-current', 'page');

  expect((await page.request.put(`/api/v1/publisher/apis/${v1}/status`, { data: { status: 'DEPRECATED' } })).ok()).toBe(true);
  await switcher.getByRole('link', { name: /^v1/ }).click();
  await expect(page).toHaveURL(new RegExp(`/apis/${v1}$`));
  await expect(page.getByTestId('newer-version')).toHaveText('This version is deprecated: use v2 →');
});
