import { expect, type Page } from '@playwright/test';

/** Creates an application from the Applications page and opens it. */
export async function createApplication(page: Page, name: string): Promise<void> {
  await page.goto('/apps');
  await page.getByLabel('Application name').fill(name);
  await page.getByRole('button', { name: 'Create application' }).click();
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
}

/** Subscribes an application to an API from the API's catalog page. */
export async function subscribeFromCatalog(page: Page, apiName: string, appName: string, tier: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: new RegExp(apiName) }).first().click();
  await expect(page.getByRole('heading', { name: new RegExp(apiName), level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Application' }).selectOption({ label: appName });
  const tiers = page.getByRole('combobox', { name: 'Tier' });
  const value = await tiers.getByRole('option', { name: new RegExp(`^${tier}\\b`) }).getAttribute('value');
  await tiers.selectOption(value ?? tier);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page.getByText('Subscribed', { exact: false }).first()).toBeVisible();
}

/** Creates a key on the open application page and returns the plaintext the page shows once. */
export async function createKey(page: Page, name: string): Promise<string> {
  await page.getByLabel('Key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const shown = page.getByTestId('new-key');
  await expect(shown).toHaveText(/^gk_\w{38}$/);
  return (await shown.textContent())?.trim() ?? '';
}

/** Revokes the key with the given name on the open application page, confirming in the dialog. */
export async function revokeKey(page: Page, name: string): Promise<void> {
  await page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke key' }).click();
}
