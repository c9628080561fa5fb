import { type APIRequestContext, expect, type Page } from '@playwright/test';

/** Creates and publishes a new version of an API through the REST API (what the test is not about). */
export async function publishNewVersion(request: APIRequestContext, apiId: string, version: string, context: string): Promise<string> {
  const created = await request.post(`/api/v1/publisher/apis/${apiId}/versions`, { data: { version, context } });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;
  expect((await request.put(`/api/v1/publisher/apis/${id}/status`, { data: { status: 'PUBLISHED' } })).ok()).toBe(true);
  return id;
}

/** An application subscribed (Bronze) to an API, with one key: ids and the plaintext key. */
export async function subscribedAppWithKey(request: APIRequestContext, name: string, apiId: string): Promise<{ appId: string; key: string }> {
  const app = await request.post('/api/v1/apps', { data: { name } });
  expect(app.status()).toBe(201);
  const appId = (await app.json()).id as string;
  expect((await request.post(`/api/v1/apps/${appId}/subscriptions`, { data: { apiId, tierId: 'tier_bronze' } })).status()).toBe(201);
  const key = (await (await request.post(`/api/v1/apps/${appId}/keys`, { data: { name: 'service' } })).json()).key as string;
  return { appId, key };
}

/** The header's notification link; its accessible name carries the unread count. */
export function notificationLink(page: Page) {
  return page.getByRole('link', { name: /^Notifications/ }).first();
}
