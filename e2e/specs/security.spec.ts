import { expect, test } from '@playwright/test';
import { openReference } from '../pages/api-page';
import { signOut, signUp, uniqueEmail } from '../pages/auth-pages';
import { E2E_STACK } from '../support/stack';

// Issue #13 in a real browser: sessions end at sign-out, every page carries the security headers, the API page
// (Scalar) works under the CSP, and cookie writes come only from the portal's own pages.

test('a copied session cookie stops working once its user signs out', async ({ page, browser }) => {
  await signUp(page, { name: 'Cora Copied', email: uniqueEmail('cora'), password: 'a long enough password' });
  const thief = await browser.newContext({ baseURL: E2E_STACK.portalUrl });
  await thief.addCookies(await page.context().cookies());
  expect((await thief.request.get('/api/v1/apps')).status()).toBe(200);

  await signOut(page);
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  await expect.poll(async () => (await thief.request.get('/api/v1/apps')).status()).toBe(401);
  await thief.close();
});

test('every page carries the CSP, frame-ancestors, nosniff and referrer policy', async ({ request }) => {
  const pages = ['/', '/signin', '/signup', '/apis/api_weather_v1', '/apps', '/apps/app_x', '/account/tokens', '/publisher', '/publisher/apis/new', '/publisher/approvals', '/admin/users', '/admin/gateways', '/admin/settings', '/no-such-page'];
  for (const path of pages) {
    const res = await request.get(path, { maxRedirects: 0 });
    const headers = res.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("object-src 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }
});

test('the API reference renders under the CSP without a violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/apis/api_weather_v1');
  const docs = await openReference(page);
  await expect(docs.getByText(/forecast/i).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('a signed-in write from another origin is refused; the same write from the portal page succeeds', async ({ page }) => {
  await signUp(page, { name: 'Olga Origin', email: uniqueEmail('olga'), password: 'a long enough password' });
  const foreign = await page.request.post('/api/v1/apps', { headers: { origin: 'http://127.0.0.1:1' }, data: { name: 'Forged' }, failOnStatusCode: false });
  expect(foreign.status()).toBe(403);
  const plain = await page.request.post('/api/v1/apps', { headers: { 'content-type': 'text/plain' }, data: '{"name":"Forged"}', failOnStatusCode: false });
  expect(plain.status()).toBe(415);
  const own = await page.evaluate(async () => (await fetch('/api/v1/apps', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Mine"}' })).status);
  expect(own).toBe(201);
});
