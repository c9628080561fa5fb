import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from '../pages/auth-pages';
import { E2E_STACK } from '../support/stack';

// Real documents from registry packages: Swagger's own petstore (2.0) from ReadMe's collection, GitHub's REST
// description (13 MB) from Octokit's.
// Playwright runs from the repository root.
const modules = path.resolve('node_modules');
const petstore = JSON.parse(fs.readFileSync(path.join(modules, '@readme/oas-examples/2.0/json/petstore.json'), 'utf8'));
const github = path.join(modules, '@octokit/openapi/generated/api.github.com.json');
const backendUrl = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}/echo`;
const unique = () => Math.random().toString(36).slice(2, 8);

/** Large files go to the browser by path (a local browser reads them itself), not as bytes through the protocol. */
function tempFile(name: string, write: (file: string) => void): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-e2e-')), name);
  write(file);
  return file;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await page.goto('/publisher/apis/new');
});

test('a Swagger 2.0 document is converted on import, says so, and "2.0 (beta)" becomes the version 2.0-beta', async ({ page }) => {
  const id = unique();
  const document = { ...petstore, info: { ...petstore.info, title: `Petstore ${id}`, version: '2.0 (beta)' } };
  await expect(page.getByText('up to 25 MiB').first()).toBeVisible();
  await page.getByLabel('OpenAPI file').setInputFiles({ name: 'petstore.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(document)) });
  await expect(page.getByTestId('openapi-valid')).toContainText(/Valid OpenAPI 3\.1\.\d+: Petstore/);
  await expect(page.getByTestId('openapi-converted')).toContainText('Converted from Swagger 2.0');
  await expect(page.getByLabel('Version')).toHaveValue('2.0-beta');
  await expect(page.getByText('Made from info.version "2.0 (beta)"')).toBeVisible();
  await expect(page.getByLabel('Description')).not.toHaveValue(/</);
  await page.getByLabel('Context path').fill(`/petstore-${id}/v2`);
  await page.getByLabel('Backend URL').fill(backendUrl);
  await page.getByRole('button', { name: 'Create API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Petstore ${id} 2.0-beta` })).toBeVisible({ timeout: 30_000 });
});

test('a file past 25 MiB is refused in the form with the limit in words, before any upload', async ({ page }) => {
  const uploads: string[] = [];
  // Any request carrying a body to the publisher API would be an upload (the nav's approvals badge only reads).
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/publisher/') && r.method() !== 'GET') uploads.push(`${r.method()} ${r.url()}`);
  });
  const huge = tempFile('huge.json', (file) => {
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 26 * 1024 * 1024);
  });
  await page.getByLabel('OpenAPI file').setInputFiles(huge);
  await expect(page.getByText('The document is 26.0 MiB; the portal imports OpenAPI documents of up to 25 MiB.')).toBeVisible();
  expect(uploads).toEqual([]);
});

test("GitHub's REST description (13 MB) imports through the form, and readers get it compressed", async ({ page }) => {
  test.setTimeout(180_000);
  const id = unique();
  const text = fs.readFileSync(github, 'utf8').replace('"title": "GitHub\'s official OpenAPI spec + Octokit extension"', `"title": "GitHub ${id}"`);
  await page.getByLabel('OpenAPI file').setInputFiles(tempFile('api.github.com.json', (file) => fs.writeFileSync(file, text)));
  await expect(page.getByTestId('openapi-large-text')).toBeVisible();
  await expect(page.getByTestId('openapi-valid')).toContainText(`GitHub ${id}`, { timeout: 90_000 });
  await page.getByLabel('Context path').fill(`/github-${id}/v3`);
  await page.getByLabel('Backend URL').fill(backendUrl);
  await page.getByRole('button', { name: 'Create API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`GitHub ${id}`) })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  // The publisher's API page reloads its detail, which carries the whole document (get-managed-api-detail.ts).
  await expect(page.getByTestId('api-status')).toHaveText('Published', { timeout: 60_000 });

  // Over real HTTP, as a reader's browser asks: gzip from next start, a strong ETag, then a 304.
  const apiId = page.url().split('/').pop() ?? '';
  const url = `${E2E_STACK.portalUrl}/api/v1/apis/${apiId}/openapi`;
  const res = await page.request.get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-encoding']).toBe('gzip');
  expect(JSON.parse(await res.text()).info.title).toBe(`GitHub ${id}`);
  const again = await page.request.get(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': res.headers().etag ?? '' } });
  expect(again.status()).toBe(304);
});
