import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { tryIt } from '../pages/api-page';
import { signIn, signUp, uniqueEmail } from '../pages/auth-pages';
import { changeStatus, deployTo, importApi } from '../pages/publisher-pages';
import { E2E_STACK, callGateway } from '../support/stack';

const backendOrigin = `http://127.0.0.1:${E2E_STACK.env.GATEHOUSE_BACKEND_PORT}`;
const unique = () => Math.random().toString(36).slice(2, 8);

/** The next release of the echo document (publisher-pages' echoDocument): /hello now needs `name`, /greetings is new. */
const nextDocument = (title: string, server: string) => `openapi: 3.1.0
info:
  title: ${title}
  version: v1
servers:
  - url: ${server}
paths:
  /hello:
    get:
      summary: Say hello
      parameters:
        - { name: name, in: query, required: true, schema: { type: string } }
      responses:
        '200': { description: The echo }
  /greetings:
    get:
      summary: List greetings
      responses:
        '200': { description: The echo }
`;

async function subscribedKey(request: APIRequestContext, apiId: string): Promise<string> {
  const app = await request.post('/api/v1/apps', { data: { name: `Doc reader ${unique()}` } });
  expect(app.status()).toBe(201);
  const appId = (await app.json()).id as string;
  expect((await request.post(`/api/v1/apps/${appId}/subscriptions`, { data: { apiId, tierId: 'tier_bronze' } })).status()).toBe(201);
  return (await (await request.post(`/api/v1/apps/${appId}/keys`, { data: { name: 'k' } })).json()).key as string;
}

test('a publisher uploads a new document, reads its breaking changes before confirming, and the gateway, reference and try-it follow', async ({ page, browser }) => {
  const id = unique();
  const title = `Documented ${id}`;
  const context = `/documented-${id}/v1`;
  const moved = `/echo/moved-${id}`;
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await importApi(page, { title, context, backendUrl: `${backendOrigin}/echo` });
  await changeStatus(page, 'Publish', 'Published');
  await deployTo(page, 'default');
  const apiId = page.url().split('/').pop() ?? '';

  const dev = await (await browser.newContext()).newPage();
  await signUp(dev, { name: 'Dora Document', email: uniqueEmail('dora'), password: 'a long enough password' });
  const key = await subscribedKey(dev.request, apiId);
  await expect.poll(async () => (await callGateway(`${context}/hello`, key)).status).toBe(200);

  await page.getByRole('button', { name: 'Replace document or routing' }).click();
  const form = page.getByRole('form', { name: 'Replace document and routing' });
  await form.getByLabel('OpenAPI file').setInputFiles({ name: 'next.yaml', mimeType: 'application/yaml', buffer: Buffer.from(nextDocument(title, `${backendOrigin}${moved}`)) });
  await expect(form.getByTestId('openapi-valid')).toBeVisible();
  // The document's servers suggest where it lives: the context and backend follow with one click.
  await form.getByTestId('servers-suggestion').getByRole('button', { name: 'Use these' }).click();
  await expect(form.getByLabel('Context path', { exact: true })).toHaveValue(moved);
  await expect(form.getByLabel('Backend URL', { exact: true })).toHaveValue(`${backendOrigin}${moved}`);
  await form.getByRole('button', { name: 'Review changes' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('breaking-changes')).toContainText('1 breaking change');
  await expect(dialog.getByTestId('breaking-changes')).toContainText('GET /hello: new required query parameter "name"');
  await expect(dialog.getByTestId('operations-added')).toContainText('GET /greetings');
  // Shown before anything is stored: the gateway still serves the old route.
  expect((await callGateway(`${context}/hello`, key)).status).toBe(200);
  await dialog.getByRole('button', { name: 'Replace document' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('api-context')).toHaveText(moved);

  // The sidecar follows the route within a sync, forwarding to the new backend; the old context is gone.
  await expect.poll(async () => (await callGateway(`${moved}/greetings`, key)).status).toBe(200);
  expect((await callGateway(`${moved}/greetings`, key)).json()).toMatchObject({ path: `${moved}/greetings` });
  expect((await callGateway(`${context}/hello`, key)).status).toBe(404);

  // Readers get the new document: the served OpenAPI and the try-it console's operations.
  const served = await (await dev.request.get(`/api/v1/apis/${apiId}/openapi`)).json();
  expect(Object.keys(served.paths)).toEqual(['/hello', '/greetings']);
  await dev.goto(`/apis/${apiId}`);
  await expect(tryIt(dev).panel.getByRole('combobox', { name: 'Operation' }).getByRole('option', { name: /GET \/greetings/ })).toHaveCount(1);
});

test('a new version from a new document shows what callers moving to it lose, before it is created', async ({ page }) => {
  const id = unique();
  const title = `Versioned ${id}`;
  await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
  await importApi(page, { title, context: `/versioned-${id}/v1`, backendUrl: `${backendOrigin}/echo` });

  const form = page.getByRole('form', { name: 'Create a new version' });
  await form.getByLabel('New version').fill('v2');
  await form.getByLabel('New context path').fill(`/versioned-${id}/v2`);
  await form.getByLabel('Start from a new OpenAPI document').check();
  const v2 = nextDocument(title, `${backendOrigin}/echo/v2`).replace(/ {2}\/hello:[\s\S]*?(?= {2}\/greetings)/, '');
  await form.getByLabel('OpenAPI file').setInputFiles({ name: 'v2.yaml', mimeType: 'application/yaml', buffer: Buffer.from(v2) });
  await expect(form.getByTestId('openapi-valid')).toBeVisible();
  await form.getByRole('button', { name: 'Review changes' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('breaking-changes')).toContainText('GET /hello: operation removed');
  await expect(dialog.getByTestId('operations-removed')).toContainText('GET /hello');
  await expect(dialog.getByTestId('operations-added')).toContainText('GET /greetings');
  await dialog.getByRole('button', { name: 'Create version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${title} v2` })).toBeVisible();
  await expect(page.getByRole('main').getByText('/greetings')).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the replace form and its review dialog have no critical or serious accessibility violation (${theme})`, async ({ page }) => {
    test.slow();
    await page.addInitScript((t) => window.localStorage.setItem('gatehouse:theme', t), theme);
    await signIn(page, 'publisher@gatehouse.local', 'gatehouse-publisher');
    await page.goto('/publisher/apis/api_weather_v1');
    await page.getByRole('button', { name: 'Replace document or routing' }).click();
    const form = page.getByRole('form', { name: 'Replace document and routing' });
    await form.getByLabel('OpenAPI file').setInputFiles({ name: 'next.yaml', mimeType: 'application/yaml', buffer: Buffer.from(nextDocument('Weather', `${backendOrigin}/echo/weather`)) });
    await expect(form.getByTestId('servers-suggestion')).toBeVisible();
    await form.getByRole('button', { name: 'Review changes' }).click();
    await expect(page.getByRole('dialog').getByTestId('breaking-changes')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    // Cancelled: nothing was stored.
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
  });
}
