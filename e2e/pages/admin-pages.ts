import { expect, type Page } from '@playwright/test';

export interface TierSpec {
  name: string;
  description?: string;
  requestsPerMinute?: number;
  burst?: number;
  monthlyQuota?: number;
}

/** Creates a tier on /admin/tiers through the "New tier" form and waits for its row. */
export async function createTier(page: Page, tier: TierSpec): Promise<void> {
  await page.goto('/admin/tiers');
  const form = page.getByRole('form', { name: 'New tier' });
  await form.getByLabel('Tier name').fill(tier.name);
  if (tier.description) await form.getByLabel('Description').fill(tier.description);
  if (tier.requestsPerMinute !== undefined) await form.getByLabel('Requests per minute').fill(String(tier.requestsPerMinute));
  if (tier.burst !== undefined) await form.getByLabel('Burst').fill(String(tier.burst));
  if (tier.monthlyQuota !== undefined) await form.getByLabel('Monthly quota').fill(String(tier.monthlyQuota));
  await form.getByRole('button', { name: 'Create tier' }).click();
  await expect(page.getByTestId(`tier-row-${tier.name}`)).toBeVisible();
}

/** Disables a user on /admin/users, confirming in the dialog, and waits for the row to say so. */
export async function disableUser(page: Page, email: string): Promise<void> {
  await page.goto('/admin/users');
  const row = page.getByTestId(`user-row-${email}`);
  await row.getByRole('button', { name: `Disable ${email}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable user' }).click();
  await expect(row.getByText('Disabled', { exact: true })).toBeVisible();
}

/** Makes the open API offer exactly these tiers in its "Tiers offered" panel, and saves. */
export async function offerOnlyTiers(page: Page, tierNames: string[]): Promise<void> {
  const panel = page.getByRole('group', { name: 'Tiers offered' });
  for (const box of await panel.getByRole('checkbox').all()) {
    const label = (await box.locator('xpath=..').textContent()) ?? '';
    await box.setChecked(tierNames.some((t) => label.startsWith(t)));
  }
  await page.getByRole('button', { name: 'Save tiers' }).click();
  await expect(page.getByRole('button', { name: 'Save tiers' })).toBeDisabled();
}
