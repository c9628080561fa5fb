import { expect, type Page } from '@playwright/test';

export interface ImportSpec {
  title: string;
  context: string;
  backendUrl: string;
  requiresApproval?: boolean;
}

/** A small valid OpenAPI 3.1 document, as a publisher would upload it. */
export function echoDocument(title: string): string {
  return `openapi: 3.1.0\ninfo:\n  title: ${title}\n  version: v1\npaths:\n  /hello:\n    get:\n      summary: Say hello\n      responses:\n        '200':\n          description: The echo\n`;
}

/** Imports an OpenAPI file from the publisher's import page and lands on the new API's page. */
export async function importApi(page: Page, spec: ImportSpec): Promise<void> {
  await page.goto('/publisher/apis/new');
  await page.getByLabel('OpenAPI file').setInputFiles({ name: 'api.yaml', mimeType: 'application/yaml', buffer: Buffer.from(echoDocument(spec.title)) });
  await expect(page.getByTestId('openapi-valid')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveValue(spec.title);
  await page.getByLabel('Context path').fill(spec.context);
  await page.getByLabel('Backend URL').fill(spec.backendUrl);
  if (spec.requiresApproval) await page.getByLabel('Subscriptions need my approval').check();
  await page.getByRole('button', { name: 'Create API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${spec.title} v1` })).toBeVisible();
}

const CONFIRM = { Deprecate: 'Deprecate', Retire: 'Retire for good', Block: 'Block traffic' } as const;

/**
 * Moves the open API along its lifecycle with the button of that name (Publish, Deprecate, Retire, Block). All but
 * Publish ask first: the dialog's effect must match `effect` when given, then it is confirmed.
 */
export async function changeStatus(page: Page, button: 'Publish' | 'Deprecate' | 'Retire' | 'Block', expected: string, effect?: RegExp): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  if (button !== 'Publish') {
    const dialog = page.getByRole('dialog');
    if (effect) await expect(dialog.getByTestId('lifecycle-effect')).toContainText(effect);
    await dialog.getByRole('button', { name: CONFIRM[button], exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('api-status')).toHaveText(expected);
}

export async function deployTo(page: Page, environment: string): Promise<void> {
  await page.getByRole('button', { name: `Deploy to ${environment}` }).click();
  await expect(page.getByRole('button', { name: `Undeploy from ${environment}` })).toBeVisible();
}

export async function approveFromQueue(page: Page, appName: string): Promise<void> {
  await page.goto('/publisher/approvals');
  const row = page.getByTestId('approval-row').filter({ hasText: appName });
  await row.getByRole('button', { name: 'Approve' }).click();
  await expect(row).toHaveCount(0);
}
