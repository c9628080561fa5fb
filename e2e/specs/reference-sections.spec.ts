import { expect, test } from '@playwright/test';
import { signIn } from '../pages/auth-pages';
import { githubEnterpriseSubset } from '../support/large-document';
import { E2E_STACK } from '../support/stack';

const backendUrl = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`;

test('a large document’s reference opens at the linked section, and Next shows the following one and says so in the address', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  const id = Math.random().toString(36).slice(2, 8);
  const openapi = githubEnterpriseSubset(2_000_000, `GHES sections ${id}`);
  const created = await page.request.post('/api/v1/publisher/apis', { data: { openapi, context: `/sections-${id}/v3`, backendUrl }, timeout: 120_000 });
  expect(created.status()).toBe(201);
  const apiId = (await created.json()).id as string;
  expect((await page.request.put(`/api/v1/publisher/apis/${apiId}/status`, { data: { status: 'PUBLISHED' } })).ok()).toBe(true);

  await page.goto(`/apis/${apiId}?section=issues#reference`);
  const docs = page.getByTestId('api-docs');
  // The picker comes with Scalar's code, which a loaded machine took over 10 s to fetch and run.
  await expect(docs.getByRole('heading', { name: 'issues', level: 2 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel(/^Section/).locator('option:checked')).toHaveText('issues · 4 operations');
  // Only the section's tag is rendered, not the document's thirty others.
  await expect(docs.getByRole('heading', { name: 'actions', level: 2 })).toHaveCount(0);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(docs.getByRole('heading', { name: 'licenses', level: 2 })).toBeVisible({ timeout: 60_000 });
  await expect(docs.getByRole('heading', { name: 'issues', level: 2 })).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get('section')).toBe('licenses');
});
