import { expect, type Page } from '@playwright/test';

/** Opens the (lazily loaded) Scalar reference on an open API page and waits until Scalar has rendered into it. */
export async function openReference(page: Page) {
  await page.getByRole('button', { name: 'Show the API reference' }).click();
  const docs = page.getByTestId('api-docs');
  // Scalar is about 1.1 MB of JavaScript to fetch and run: on a busy two-core machine that took up to 15 s.
  await expect(docs.locator('.scalar-app').first()).toBeVisible({ timeout: 45_000 });
  return docs;
}

/** The try-it console on an open API page. */
export function tryIt(page: Page) {
  const panel = page.getByTestId('try-it');
  return {
    panel,
    keyInput: panel.getByLabel('API key'),
    status: panel.getByTestId('try-status'),
    async createTryItKey(): Promise<string> {
      await panel.getByRole('button', { name: 'Create a try-it key' }).click();
      await expect(panel.getByLabel('API key')).toHaveValue(/^gk_\w{38}$/);
      return panel.getByLabel('API key').inputValue();
    },
    async chooseOperation(label: RegExp): Promise<void> {
      const select = panel.getByRole('combobox', { name: 'Operation' });
      const value = await select.getByRole('option', { name: label }).getAttribute('value');
      await select.selectOption(value ?? '');
    },
    send: () => panel.getByRole('button', { name: 'Send request' }).click(),
  };
}

/** Rotates the named key on the open application page with the chosen grace, and returns the new plaintext. */
export async function rotateKey(page: Page, name: string, grace: 'Now' | '1 hour' | '24 hours' | '7 days'): Promise<string> {
  await page.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Rotate' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: new RegExp(`^${grace}`) }).check();
  await dialog.getByRole('button', { name: 'Rotate key' }).click();
  const shown = page.getByTestId('new-key');
  await expect(shown).toHaveText(/^gk_\w{38}$/);
  return (await shown.textContent())?.trim() ?? '';
}
